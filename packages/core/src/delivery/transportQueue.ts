import { describeError } from '../errors';
import type { EventInput, TrackerEvent } from '../events';
import type { Transport, TransportResult } from '../transports/transport';
import type { BackoffOptions } from './backoff';
import { createBackoffWait } from './backoffWait';
import { beginSend, endSend, isOpen, isStored, leave, type QueuedBatch, splitBatch } from './batch';
import { decideOutcome, readResult } from './outcome';
import { withAdopted, withoutLost } from './ownership';
import { createPendingEvents } from './pending';
import { createPersistence } from './persistence';
import type { BatchStore, StoredBatch } from './store';

export interface TransportQueueOptions {
  transport: Transport;
  /** Unique among this delivery's transports: the key of its stored batches. */
  name: string;
  owner: string;
  store: BatchStore;
  maxEvents: number;
  maxBytes: number;
  maxQueueBytes: number;
  maxAttempts: number;
  maxRetryAfterMs: number;
  backoff: BackoffOptions;
  report(event: EventInput): void;
  reportStorage(error: unknown): void;
  isOnline(): boolean;
  /** Resolves once this tab is sure it still owns what it holds (after a long sleep). */
  ensureOwnership(): Promise<void>;
}

/** One transport's pipeline: pending events → sealed batches → sends, retries, splits and drops. */
export interface TransportQueue {
  add(event: TrackerEvent): void;
  /** Turns the pending events into batches. */
  seal(): void;
  /**
   * Sends what is due, one batch at a time, until the queue is empty or waits for a backoff.
   * `after`: when a pass is running, start another one once it ends (to cover new batches).
   */
  pump(after?: boolean): Promise<void>;
  /**
   * Page exit: hands each batch not already in flight to the transport with `keepalive`, once per
   * exit (`pagehide` and `visibilitychange` both fire); a batch that failed not before its wait.
   */
  exit(): void;
  /** The page is back (visible again, or restored): the next exit flushes again. */
  rearm(): void;
  /** Takes over batches another tab left behind. */
  adopt(batches: StoredBatch[]): void;
  /** Ids of the batches this queue has written to the store. */
  storedIds(): string[];
  /** Forgets the `checked` batches not in `kept` (another tab took them over). */
  keep(checked: readonly string[], kept: Set<string>): void;
  /** Forgets everything (consent denied); the store is cleared by the caller. */
  clear(): void;
  /** Clears the retry timer. */
  stop(): void;
  /** Forgets the backoff wait (back online). */
  resume(): void;
}

export function createTransportQueue(options: TransportQueueOptions): TransportQueue {
  const { transport, store } = options;
  let outbox: QueuedBatch[] = [];
  let pumping: Promise<void> | undefined;
  let controller = new AbortController();
  // Batches handed over at the current exit.
  let exited = new WeakSet<QueuedBatch>();

  const dropReport = (reason: string, dropped: number, status?: number, name = transport.name) =>
    options.report({
      type: 'transport:error',
      transport: name,
      reason,
      dropped,
      ...(status === undefined ? {} : { status }),
    });

  const { persist, persistUnstored, persistLater, unstore, spill, cancel } = createPersistence({
    store,
    name: options.name,
    owner: options.owner,
    outbox: () => outbox,
    reportStorage: options.reportStorage,
    reportEvicted: (batch) => dropReport('storage-full', batch.events.length, undefined, batch.transport),
  });

  const enforceMemoryBound = () => {
    let total = outbox.reduce((sum, b) => sum + b.bytes, 0);
    while (total > options.maxQueueBytes) {
      const oldest = outbox.find((b) => b.phase === 'sealed');
      if (!oldest || outbox.length <= 1) return;
      outbox = outbox.filter((b) => b !== oldest);
      leave(oldest, 'dropped');
      unstore([oldest]);
      total -= oldest.bytes;
      dropReport('queue-full', oldest.events.length);
    }
  };

  const queueBatch = (batch: QueuedBatch) => {
    outbox.push(batch);
    persistLater();
    enforceMemoryBound();
  };

  const pending = createPendingEvents(options, queueBatch);
  const seal = pending.seal;

  const remove = (batch: QueuedBatch, phase: 'settled' | 'dropped') => {
    outbox = outbox.filter((b) => b !== batch);
    leave(batch, phase);
    unstore([batch]);
  };

  const backoff = createBackoffWait(() => void pump(), {
    load: () => store.handoff.loadBackoff(options.name),
    save: (saved) => store.handoff.saveBackoff(options.name, saved),
    maxWaitMs: Math.max(options.maxRetryAfterMs, options.backoff.maxMs ?? 60_000),
  });

  /** Applies a result; returns true when the queue may go on sending now. */
  const handle = (batch: QueuedBatch, result: TransportResult): boolean => {
    if (!isOpen(batch)) return true;
    const outcome = decideOutcome(
      result,
      { events: batch.events.length, attempt: batch.attempt, failures: backoff.failures() },
      options,
    );
    switch (outcome.action) {
      case 'settle':
        remove(batch, 'settled');
        return true;
      case 'drop':
        remove(batch, 'dropped');
        dropReport(outcome.reason, batch.events.length, outcome.httpStatus);
        return true;
      case 'split': {
        const parts = splitBatch(batch, outcome.at);
        outbox.splice(outbox.indexOf(batch), 1, ...parts);
        leave(batch, 'split');
        unstore([batch]);
        for (const part of parts) if (isStored(batch)) persist(part);
        if (!isStored(batch)) persistLater();
        return true;
      }
      case 'retry':
        batch.attempt = outcome.attempt;
        backoff.extend(outcome.delayMs);
        persist(batch);
        backoff.arm();
        return false;
    }
  };

  const send = async (batch: QueuedBatch, keepalive: boolean): Promise<TransportResult> => {
    beginSend(batch);
    try {
      // Called synchronously: at page exit the request must start before the page is gone.
      const result: unknown = await transport.send(
        { batchId: batch.id, events: batch.events, attempt: batch.attempt },
        { keepalive, signal: controller.signal },
      );
      return readResult(result);
    } catch (error) {
      return { status: 'retry', reason: describeError(error) };
    } finally {
      endSend(batch);
    }
  };

  const run = async () => {
    while (options.isOnline()) {
      if (!backoff.waiting()) await options.ensureOwnership();
      // Checked after that wait too: a send that failed while the store answered set a wait.
      if (backoff.waiting()) {
        backoff.arm();
        return;
      }
      const batch = outbox.find((b) => b.phase === 'sealed');
      if (!batch) return;
      const result = await send(batch, false);
      if (!handle(batch, result)) return;
      backoff.reset();
    }
  };

  const pump = (after = false): Promise<void> => {
    if (pumping) return after ? pumping.then(() => pump()) : pumping;
    pumping = run().finally(() => {
      pumping = undefined;
    });
    return pumping;
  };

  return {
    add(event) {
      if (pending.add(event)) void pump();
    },
    seal,
    pump,
    exit() {
      seal();
      // The asynchronous store may not commit before the page is gone: keep a synchronous copy.
      for (const batch of outbox) spill(batch);
      if (!options.isOnline()) return;
      // A batch that failed waits out its wait even at exit; the exit's own events still go.
      const waiting = backoff.waiting();
      for (const batch of outbox) {
        if (batch.phase === 'in-flight' || exited.has(batch) || (waiting && batch.attempt > 0)) continue;
        exited.add(batch);
        void send(batch, true).then((result) => {
          if (handle(batch, result)) void pump();
        });
      }
    },
    rearm() {
      exited = new WeakSet();
    },
    adopt(batches) {
      const merged = withAdopted(outbox, batches);
      if (merged === outbox) return;
      outbox = merged;
      enforceMemoryBound();
    },
    storedIds: () => outbox.filter((b) => isStored(b) && b.phase === 'sealed').map((b) => b.id),
    keep(checked, kept) {
      outbox = withoutLost(outbox, checked, kept);
    },
    clear() {
      controller.abort();
      controller = new AbortController();
      pending.clear();
      for (const batch of outbox) leave(batch, 'dropped');
      outbox = [];
      backoff.reset();
      backoff.cancel();
      cancel();
    },
    stop() {
      backoff.cancel();
      persistUnstored();
    },
    resume() {
      backoff.reset();
      void pump();
    },
  };
}
