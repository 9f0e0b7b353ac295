// OWNED BY THE DELIVERY HELPER: a minimal queue so the tracker runs end to end; the full
// pipeline (backoff, Retry-After, 413 splits, persistence, exit flush) replaces it, keeping these exports.
import type { EventInput, TrackerEvent } from '../events';
import { createId } from '../id';
import type { Transport } from '../transports/transport';

/** When a batch is sent. */
export interface BatchOptions {
  /** Send when this many events are waiting. @default 50 */
  maxEvents?: number;
  /** Send when the waiting events reach this many bytes of JSON. @default 60000 */
  maxBytes?: number;
  /** Send whatever is waiting this often. @default 5000 */
  flushIntervalMs?: number;
}

export interface DeliveryOptions {
  transports: Transport[];
  batch?: BatchOptions;
  /** Puts a local event (`transport:error`) on the tracker's bus. */
  report(event: EventInput): void;
}

/** The tracker's view of delivery: one queue per transport behind it. */
export interface Delivery {
  enqueue(event: TrackerEvent): void;
  /** Sends everything waiting; `keepalive` when the page is being left. */
  flush(options?: { keepalive?: boolean }): Promise<void>;
  /** Forgets every queued and stored event (consent denied). */
  clear(): Promise<void>;
  /** Begins timers and page listeners. */
  start(): void;
  /** Ends timers and page listeners; keeps what is queued. */
  stop(): void;
}

export function createDelivery(options: DeliveryOptions): Delivery {
  const maxEvents = options.batch?.maxEvents ?? 50;
  const interval = options.batch?.flushIntervalMs ?? 5000;
  let waiting: TrackerEvent[] = [];
  let timer: ReturnType<typeof setInterval> | undefined;

  const flush = async (opts: { keepalive?: boolean } = {}) => {
    if (waiting.length === 0) return;
    const events = waiting;
    waiting = [];
    const batch = { batchId: createId(), events, attempt: 0 };
    await Promise.all(
      options.transports.map(async (transport) => {
        try {
          const result = await transport.send(batch, { keepalive: opts.keepalive ?? false });
          if (result.status === 'drop') {
            options.report({ type: 'transport:error', transport: transport.name, reason: result.reason, dropped: events.length });
          }
        } catch (error) {
          options.report({ type: 'transport:error', transport: transport.name, reason: String(error), dropped: 0 });
        }
      }),
    );
  };

  return {
    enqueue(event) {
      waiting.push(event);
      if (waiting.length >= maxEvents) void flush();
    },
    flush,
    async clear() {
      waiting = [];
    },
    start() {
      if (timer === undefined) timer = setInterval(() => void flush(), interval);
    },
    stop() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    },
  };
}
