import { now } from '../env';
import {
  beginWrite,
  endWrite,
  failWrite,
  isOpen,
  isStored,
  isWriting,
  markEvicted,
  markStored,
  type QueuedBatch,
} from './batch';
import type { BatchStore, StoredBatch } from './store';

/**
 * A sealed batch is written to the store only when it is still undelivered this long after being
 * sealed, or as soon as a send fails: most batches are delivered within milliseconds, and a write
 * then a delete is two IndexedDB transactions. A page left meanwhile spills to sync storage (`exit`).
 */
const PERSIST_AFTER_MS = 1000;

export interface PersistenceOptions {
  store: BatchStore;
  /** The transport queue's name: the key of its stored batches. */
  name: string;
  owner: string;
  /** The queue's outbox as it is now. */
  outbox(): readonly QueuedBatch[];
  reportStorage(error: unknown): void;
  /** Another tab's batch the store evicted to make room (its events are lost). */
  reportEvicted(batch: StoredBatch): void;
}

/** Writes one transport queue's batches to the store, and removes them once they settle. */
export function createPersistence(options: PersistenceOptions) {
  const { store } = options;
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

  const persist = (batch: QueuedBatch) => {
    beginWrite(batch);
    store.put(toStored(batch)).then(
      (evicted) => {
        const present = isOpen(batch);
        endWrite(batch, present && !evicted.some((e) => e.id === batch.id));
        // Settled while being written: the write came after the removal, so remove again.
        if (!present) void store.remove([batch.id]).catch(options.reportStorage);
        const lost = evicted.filter((e) => e.id !== batch.id && e.owner !== options.owner);
        for (const e of lost) options.reportEvicted(e);
        for (const e of evicted) {
          const own = options.outbox().find((b) => b.id === e.id);
          if (own) markEvicted(own);
        }
      },
      (error: unknown) => {
        failWrite(batch);
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
    for (const batch of options.outbox()) {
      if (isStored(batch) || isWriting(batch)) continue;
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
    const ids = batches.filter(isStored).map((b) => b.id);
    if (ids.length > 0) void store.remove(ids).catch(options.reportStorage);
  };

  return {
    persist,
    persistUnstored,
    persistLater,
    unstore,
    /** Page exit: the asynchronous store may not commit before the page is gone, so keep a synchronous copy. */
    spill(batch: QueuedBatch) {
      // A batch stored in memory (the store's chunk could not load) is lost with the page unless copied.
      if ((!isStored(batch) || store.kind === 'memory') && store.spill(toStored(batch))) markStored(batch);
    },
    cancel() {
      if (persistTimer !== undefined) clearTimeout(persistTimer);
      persistTimer = undefined;
    },
  };
}
