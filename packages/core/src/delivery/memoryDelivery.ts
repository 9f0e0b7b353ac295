import { getWindow } from '../env';
import type { TrackerEvent } from '../events';
import { createId } from '../id';
import type { Transport, TransportBatch, TransportSendOptions } from '../transports/transport';
import type { Delivery, DeliveryOptions } from './delivery';
import { decideOutcome, readResult } from './outcome';

/** Most events a lite queue holds; beyond it the oldest are dropped, with a `transport:error`. */
const MAX_QUEUED = 1000;

/** One transport's queue: events waiting, and the batch being sent or waiting to be retried. */
interface Queue {
  transport: Transport;
  waiting: TrackerEvent[];
  batch: TransportBatch | null;
  phase: 'idle' | 'sending' | 'backing-off';
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * The delivery part of `createCoreTracker`: batches in memory, one queue per transport, retried
 * with the full tracker's backoff and outcome rules. Nothing is persisted across page loads; at
 * page exit what is waiting goes out with `keepalive`. Never throws; every drop is reported.
 */
/* @__NO_SIDE_EFFECTS__ */
export function createMemoryDelivery(options: DeliveryOptions): Delivery {
  const maxEvents = options.batch?.maxEvents ?? 50;
  const limits = {
    maxAttempts: options.settings?.maxAttempts ?? 20,
    maxRetryAfterMs: options.settings?.maxRetryAfterMs ?? 600_000,
    backoff: options.settings?.backoff ?? {},
  };
  const queues: Queue[] = options.transports.map((transport) => ({
    transport,
    waiting: [],
    batch: null,
    phase: 'idle',
  }));
  let controller = new AbortController();
  let cleanups: (() => void)[] = [];

  const dropped = (queue: Queue, reason: string, count: number, status?: number) => {
    try {
      options.report({
        type: 'transport:error',
        transport: queue.transport.name,
        reason,
        dropped: count,
        ...(status === undefined ? {} : { status }),
      });
    } catch {
      // A throwing listener must not break delivery.
    }
  };

  // A transport that throws, rejects or answers something else is asked again later (`retry`).
  const attempt = (queue: Queue, batch: TransportBatch, sendOptions: TransportSendOptions) => {
    try {
      return Promise.resolve(queue.transport.send(batch, sendOptions)).then(readResult, () =>
        readResult(null),
      );
    } catch {
      return Promise.resolve(readResult(null));
    }
  };

  const send = async (queue: Queue, now = false): Promise<void> => {
    if (queue.phase === 'sending' || (queue.phase === 'backing-off' && !now)) return;
    clearTimeout(queue.timer);
    if (!queue.batch && queue.waiting.length)
      queue.batch = { batchId: createId(), events: queue.waiting.splice(0, maxEvents), attempt: 0 };
    const batch = queue.batch;
    if (!batch) return;
    queue.phase = 'sending';
    const signal = controller.signal;
    const result = await attempt(queue, batch, { keepalive: false, signal });
    if (signal.aborted) return;
    const outcome = decideOutcome(result, { events: batch.events.length, attempt: batch.attempt }, limits);
    queue.phase = 'idle';
    queue.batch = null;
    if (outcome.action === 'drop') dropped(queue, outcome.reason, batch.events.length, outcome.httpStatus);
    if (outcome.action === 'split') {
      queue.waiting.unshift(...batch.events.slice(outcome.at));
      queue.batch = { batchId: createId(), events: batch.events.slice(0, outcome.at), attempt: 0 };
    }
    if (outcome.action === 'retry') {
      queue.batch = { ...batch, attempt: outcome.attempt };
      queue.phase = 'backing-off';
      queue.timer = setTimeout(() => {
        queue.phase = 'idle';
        void send(queue);
      }, outcome.delayMs);
      return;
    }
    if (now || queue.waiting.length >= maxEvents || queue.batch) return send(queue, now);
  };

  // Page exit: everything not confirmed goes out now, in requests that outlive the page. What the
  // transport cannot confirm (a beacon) stays queued, in case the page comes back.
  const exit = () => {
    for (const queue of queues) {
      const events = [...(queue.phase === 'sending' ? [] : (queue.batch?.events ?? [])), ...queue.waiting];
      if (events.length === 0) continue;
      const batch = { batchId: createId(), events, attempt: 0 };
      void attempt(queue, batch, { keepalive: true }).then((result) => {
        if (result.status !== 'ok') return;
        queue.waiting = queue.waiting.filter((event) => !events.includes(event));
        if (queue.phase !== 'sending') queue.batch = null;
      });
    }
  };

  const listen = (target: EventTarget, type: string, handler: () => void) => {
    target.addEventListener(type, handler);
    cleanups.push(() => target.removeEventListener(type, handler));
  };

  return {
    enqueue(event) {
      for (const queue of queues) {
        queue.waiting.push(event);
        if (queue.waiting.length > MAX_QUEUED)
          dropped(queue, 'queue-full', queue.waiting.splice(0, 1).length);
        if (queue.waiting.length >= maxEvents) void send(queue);
      }
    },
    async flush(flushOptions = {}) {
      if (flushOptions.keepalive) return exit();
      await Promise.all(queues.map((queue) => send(queue, true)));
    },
    async clear() {
      controller.abort();
      controller = new AbortController();
      for (const queue of queues) {
        clearTimeout(queue.timer);
        Object.assign(queue, { waiting: [], batch: null, phase: 'idle' });
      }
    },
    start() {
      const win = getWindow();
      if (!win || cleanups.length) return;
      const doc = win.document;
      listen(win, 'pagehide', exit);
      listen(doc, 'visibilitychange', () => doc.visibilityState === 'hidden' && exit());
      listen(win, 'online', () => queues.forEach((queue) => void send(queue, true)));
      const timer = setInterval(
        () => queues.forEach((queue) => void send(queue)),
        options.batch?.flushIntervalMs ?? 5000,
      );
      cleanups.push(() => clearInterval(timer));
    },
    stop() {
      for (const cleanup of cleanups) cleanup();
      cleanups = [];
      for (const queue of queues) {
        clearTimeout(queue.timer);
        if (queue.phase === 'backing-off') queue.phase = 'idle';
      }
    },
  };
}
