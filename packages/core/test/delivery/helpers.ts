import type { EventInput, TrackerEvent } from '../../src/events';
import type { Transport, TransportBatch, TransportResult } from '../../src/transports/transport';

let counter = 0;

/** A delivered-kind event with a unique id. */
export function makeEvent(props: Record<string, unknown> = {}): TrackerEvent {
  counter += 1;
  return {
    id: `evt-${counter}`,
    type: 'custom',
    name: 'test',
    props,
    ts: Date.now(),
    sessionId: 'session-1',
    tabId: 'tab-1',
    pageId: 'page-1',
    seq: counter,
    url: 'https://example.test/',
  };
}

export interface Call {
  batch: TransportBatch;
  ids: string[];
  keepalive: boolean;
  at: number;
  result: TransportResult;
}

/** A transport whose answers a test scripts; it records every call. */
export function createFakeTransport(
  respond: (
    batch: TransportBatch,
    keepalive: boolean,
  ) => TransportResult | Promise<TransportResult> = () => ({
    status: 'ok',
  }),
  name = 'fake',
) {
  const calls: Call[] = [];
  const transport: Transport & { calls: Call[]; delivered(): string[] } = {
    name,
    calls,
    async send(batch, options) {
      const result = await respond(batch, options.keepalive);
      calls.push({
        batch,
        ids: batch.events.map((e) => e.id),
        keepalive: options.keepalive,
        at: Date.now(),
        result,
      });
      return result;
    },
    delivered: () => calls.filter((c) => c.result.status === 'ok').flatMap((c) => c.ids),
  };
  return transport;
}

/** Collects what the delivery puts on the bus. */
export function createReports() {
  const events: EventInput[] = [];
  return { events, report: (event: EventInput) => void events.push(event) };
}

/** Lets pending promises (and localStorage-backed store operations) settle under fake timers. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
}
