import { now } from '../env';
import { describeError } from '../errors';
import type { EventInput, TrackerEvent } from '../events';
import { createId } from '../id';
import type { Transport, TransportResult } from '../transports/transport';
import { type BackoffOptions, backoffDelay, byteLength } from './backoff';
import { jsonList, jsonOf } from './json';
import type { BatchStore, StoredBatch } from './store';

interface QueuedBatch {
  id: string;
  events: TrackerEvent[];
  bytes: number;
  attempt: number;
  createdAt: number;
  /** Written to the store (and so to be removed from it once settled). */
  stored: boolean;
  /** A write to the store is under way. */
  writing?: boolean;
  inflight: boolean;
}

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
  /** Page exit: hands everything not already in flight to the transport with `keepalive`. */
  exit(): void;
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

const VALID_STATUS = new Set(['ok', 'retry', 'split', 'drop']);

/**
 * A sealed batch is written to the store only when it is still undelivered this long after being
 * sealed, or as soon as a send fails. Most batches are delivered within milliseconds, and writing
 * each one (then deleting it) cost two IndexedDB transactions per batch. A page that is left in
 * the meantime copies what it holds to synchronous storage (`exit`).
 */
const PERSIST_AFTER_MS = 1000;

export function createTransportQueue(options: TransportQueueOptions): TransportQueue {
  const { transport, store } = options;
  let pending: TrackerEvent[] = [];
  let pendingBytes = 0;
  let outbox: QueuedBatch[] = [];
  let retryAt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let pumping: Promise<void> | undefined;
  let controller = new AbortController();
  let persistTimer: ReturnType<typeof setTimeout> | undefined;

  const toStored = (batch: QueuedBatch): StoredBatch => ({
    id: batch.id,
    transport: options.name,
    owner: options.owner,
    createdAt: batch.createdAt,
    attempt: batch.attempt,
    bytes: batch.bytes,
    events: batch.events,
  });

  const dropReport = (reason: string, dropped: number, status?: number, name = transport.name) =>
    options.report({
      type: 'transport:error',
      transport: name,
      reason,
      dropped,
      ...(status === undefined ? {} : { status }),
    });

  const persist = (batch: QueuedBatch) => {
    batch.writing = true;
    store.put(toStored(batch)).then(
      (evicted) => {
        batch.writing = false;
        const present = outbox.includes(batch);
        batch.stored = present && !evicted.some((e) => e.id === batch.id);
        // Settled while being written: the write came after the removal, so remove again.
        if (!present) void store.remove([batch.id]).catch(options.reportStorage);
        const lost = evicted.filter((e) => e.id !== batch.id && e.owner !== options.owner);
        for (const e of lost) dropReport('storage-full', e.events.length, undefined, e.transport);
        for (const e of evicted) {
          const own = outbox.find((b) => b.id === e.id);
          if (own) own.stored = false;
        }
      },
      (error: unknown) => {
        batch.writing = false;
        options.reportStorage(error);
      },
    );
  };

  /** Writes the batches not yet stored that are older than `age`; re-arms for the next one. */
  const persistOlder = (age: number) => {
    if (persistTimer !== undefined) clearTimeout(persistTimer);
    persistTimer = undefined;
    const at = now();
    let next = Number.POSITIVE_INFINITY;
    for (const batch of outbox) {
      if (batch.stored || batch.writing) continue;
      if (at - batch.createdAt >= age) persist(batch);
      else next = Math.min(next, batch.createdAt + age);
    }
    if (next !== Number.POSITIVE_INFINITY) persistTimer = setTimeout(() => persistOlder(age), next - at);
  };

  const persistUnstored = () => persistOlder(0);

  const persistLater = () => {
    persistTimer ??= setTimeout(() => persistOlder(PERSIST_AFTER_MS), PERSIST_AFTER_MS);
  };

  const unstore = (batches: QueuedBatch[]) => {
    const ids = batches.filter((b) => b.stored).map((b) => b.id);
    if (ids.length > 0) void store.remove(ids).catch(options.reportStorage);
  };

  const makeBatch = (events: TrackerEvent[], bytes: number, attempt = 0, createdAt = now()): QueuedBatch => ({
    id: createId(),
    events,
    bytes,
    attempt,
    createdAt,
    stored: false,
    inflight: false,
  });

  const enforceMemoryBound = () => {
    let total = outbox.reduce((sum, b) => sum + b.bytes, 0);
    while (total > options.maxQueueBytes) {
      const oldest = outbox.find((b) => !b.inflight);
      if (!oldest || outbox.length <= 1) return;
      outbox = outbox.filter((b) => b !== oldest);
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

  const seal = () => {
    if (pending.length === 0) return;
    const batch = makeBatch(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    queueBatch(batch);
  };

  const remove = (batch: QueuedBatch) => {
    outbox = outbox.filter((b) => b !== batch);
    unstore([batch]);
  };

  const drop = (batch: QueuedBatch, reason: string, status?: number) => {
    remove(batch);
    dropReport(reason, batch.events.length, status);
  };

  const armTimer = () => {
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    retryTimer = setTimeout(
      () => {
        retryTimer = undefined;
        void pump();
      },
      Math.max(0, retryAt - now()),
    );
  };

  /** Applies a result; returns true when the queue may go on sending now. */
  const handle = (batch: QueuedBatch, result: TransportResult): boolean => {
    if (!outbox.includes(batch)) return true;
    switch (result.status) {
      case 'ok':
        remove(batch);
        return true;
      case 'drop':
        drop(batch, result.reason, result.httpStatus);
        return true;
      case 'split': {
        if (batch.events.length <= 1) {
          drop(batch, 'too-large', 413);
          return true;
        }
        const half = Math.ceil(batch.events.length / 2);
        const parts = [batch.events.slice(0, half), batch.events.slice(half)].map((events) =>
          makeBatch(events, byteLength(jsonList(events)), batch.attempt, batch.createdAt),
        );
        const at = outbox.indexOf(batch);
        outbox.splice(at, 1, ...parts);
        unstore([batch]);
        for (const part of parts) if (batch.stored) persist(part);
        if (!batch.stored) persistLater();
        return true;
      }
      case 'retry': {
        batch.attempt += 1;
        const reason = result.reason ?? 'retry';
        if (batch.attempt >= options.maxAttempts) {
          drop(batch, `gave up after ${batch.attempt} attempts: ${reason}`);
          return true;
        }
        const delay =
          result.retryAfterMs !== undefined
            ? Math.min(Math.max(0, result.retryAfterMs), options.maxRetryAfterMs)
            : backoffDelay(batch.attempt, options.backoff);
        retryAt = Math.max(retryAt, now() + delay);
        persist(batch);
        armTimer();
        return false;
      }
    }
  };

  const send = async (batch: QueuedBatch, keepalive: boolean): Promise<TransportResult> => {
    batch.inflight = true;
    try {
      // Called synchronously: at page exit the request must start before the page is gone.
      const result: unknown = await transport.send(
        { batchId: batch.id, events: batch.events, attempt: batch.attempt },
        { keepalive, signal: controller.signal },
      );
      const status = (result as { status?: unknown } | null)?.status;
      if (typeof status !== 'string' || !VALID_STATUS.has(status)) {
        return { status: 'retry', reason: 'invalid transport result' };
      }
      return result as TransportResult;
    } catch (error) {
      return { status: 'retry', reason: describeError(error) };
    } finally {
      batch.inflight = false;
    }
  };

  const run = async () => {
    while (options.isOnline()) {
      if (now() < retryAt) {
        armTimer();
        return;
      }
      await options.ensureOwnership();
      const batch = outbox.find((b) => !b.inflight);
      if (!batch) return;
      const result = await send(batch, false);
      if (!handle(batch, result)) return;
      retryAt = 0;
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
      const bytes = byteLength(jsonOf(event));
      // An event as large as a batch (a replay chunk) travels alone, and the small events waiting
      // go on waiting for their batch: sealing them early cut them into many small batches,
      // which compress worse and cost a request each.
      if (bytes >= options.maxBytes) {
        queueBatch(makeBatch([event], bytes));
        void pump();
        return;
      }
      if (pending.length > 0 && pendingBytes + bytes > options.maxBytes) seal();
      pending.push(event);
      pendingBytes += bytes;
      if (pending.length >= options.maxEvents || pendingBytes >= options.maxBytes) {
        seal();
        void pump();
      }
    },
    seal,
    pump,
    exit() {
      seal();
      // The asynchronous store may not commit before the page is gone: keep a synchronous copy.
      for (const batch of outbox) {
        if (!batch.stored && store.spill(toStored(batch))) batch.stored = true;
      }
      if (!options.isOnline()) return;
      for (const batch of outbox) {
        if (batch.inflight) continue;
        void send(batch, true).then((result) => {
          if (handle(batch, result)) void pump();
        });
      }
    },
    adopt(batches) {
      const known = new Set(outbox.map((b) => b.id));
      const adopted = batches
        .filter((b) => !known.has(b.id))
        .map(
          (b): QueuedBatch => ({
            ...makeBatch(b.events, b.bytes, b.attempt, b.createdAt),
            id: b.id,
            stored: true,
          }),
        );
      if (adopted.length === 0) return;
      outbox = [...adopted, ...outbox].sort((a, b) => a.createdAt - b.createdAt);
      enforceMemoryBound();
    },
    storedIds: () => outbox.filter((b) => b.stored && !b.inflight).map((b) => b.id),
    keep(checked, kept) {
      const lost = new Set(checked.filter((id) => !kept.has(id)));
      outbox = outbox.filter((b) => b.inflight || !lost.has(b.id));
    },
    clear() {
      controller.abort();
      controller = new AbortController();
      pending = [];
      pendingBytes = 0;
      outbox = [];
      retryAt = 0;
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      retryTimer = undefined;
      if (persistTimer !== undefined) clearTimeout(persistTimer);
      persistTimer = undefined;
    },
    stop() {
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      retryTimer = undefined;
      persistUnstored();
    },
    resume() {
      retryAt = 0;
      void pump();
    },
  };
}
