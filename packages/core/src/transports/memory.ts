import type { TrackerEvent } from '../events';
import type { Transport, TransportBatch, TransportResult } from './transport';

/** A transport that keeps every batch in memory: for tests, demos and server-side inspection. */
export interface MemoryTransport extends Transport {
  /** Every batch sent so far, oldest first. */
  readonly batches: readonly TransportBatch[];
  /** Every event sent so far, in order. */
  readonly events: readonly TrackerEvent[];
  /** Forgets what was sent. */
  clear(): void;
}

/** Options of {@link createMemoryTransport}. */
export interface MemoryTransportOptions {
  /** @default 'memory' */
  name?: string;
  /** Decide the result of each send (to simulate a failing server). @default always `ok` */
  respond?: (batch: TransportBatch) => TransportResult | Promise<TransportResult>;
}

/**
 * Creates a transport that stores batches in memory.
 *
 * @example
 * const memory = createMemoryTransport();
 * const tracker = createTracker({ transport: memory });
 * await tracker.flush();
 * memory.events.filter((e) => e.type === 'click');
 */
/* @__NO_SIDE_EFFECTS__ */
export function createMemoryTransport(options: MemoryTransportOptions = {}): MemoryTransport {
  const batches: TransportBatch[] = [];
  const events: TrackerEvent[] = [];
  return {
    name: options.name ?? 'memory',
    batches,
    events,
    async send(batch) {
      const result = options.respond ? await options.respond(batch) : ({ status: 'ok' } as const);
      if (result.status === 'ok') {
        batches.push({ ...batch, events: [...batch.events] });
        events.push(...batch.events);
      }
      return result;
    },
    clear() {
      batches.length = 0;
      events.length = 0;
    },
  };
}
