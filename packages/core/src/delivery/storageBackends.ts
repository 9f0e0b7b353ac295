import type { BatchSize, StoreBackend, StoreDraft, StoredBatch } from './store';

interface DraftLog {
  puts: Map<string, StoredBatch>;
  removes: Set<string>;
  /** Removals whose body is wanted before the delete. */
  takes: Map<string, (batch: StoredBatch) => void>;
  beats: Map<string, number>;
  forgets: Set<string>;
}

/** A draft over a snapshot that records what changed, for backends to write back. */
export function createDraft(
  batches: StoredBatch[],
  owners: Record<string, number>,
  sizes: BatchSize[] = batches.map(sizeOf),
): StoreDraft & { log: DraftLog } {
  const log: DraftLog = {
    puts: new Map(),
    removes: new Set(),
    takes: new Map(),
    beats: new Map(),
    forgets: new Set(),
  };
  const remove = (id: string) => {
    log.puts.delete(id);
    log.removes.add(id);
  };
  return {
    log,
    batches,
    sizes,
    owners,
    put(batch) {
      log.removes.delete(batch.id);
      log.takes.delete(batch.id);
      log.puts.set(batch.id, batch);
    },
    remove,
    take(id, read) {
      remove(id);
      log.takes.set(id, read);
    },
    beat(owner, at) {
      log.forgets.delete(owner);
      log.beats.set(owner, at);
      owners[owner] = at;
    },
    forget(owner) {
      log.beats.delete(owner);
      log.forgets.add(owner);
    },
  };
}

export const sizeOf = ({ id, bytes, createdAt }: BatchSize): BatchSize => ({ id, bytes, createdAt });

/** Keeps batches in this page only: used when persistence is off or no storage works. */
export function createMemoryBackend(): StoreBackend {
  const batches = new Map<string, StoredBatch>();
  const owners: Record<string, number> = {};
  return {
    kind: 'memory',
    async transact(fn, reads) {
      const read =
        reads === 'sizes'
          ? []
          : reads
            ? reads.map((id) => batches.get(id)).filter((b): b is StoredBatch => b !== undefined)
            : [...batches.values()];
      const draft = createDraft(read, { ...owners }, [...batches.values()].map(sizeOf));
      const result = fn(draft);
      for (const id of draft.log.removes) {
        const batch = batches.get(id);
        if (batch) draft.log.takes.get(id)?.(batch);
        batches.delete(id);
      }
      for (const [id, batch] of draft.log.puts) batches.set(id, batch);
      for (const [owner, at] of draft.log.beats) owners[owner] = at;
      for (const owner of draft.log.forgets) delete owners[owner];
      return result;
    },
    async clear() {
      batches.clear();
      for (const owner of Object.keys(owners)) delete owners[owner];
    },
  };
}

/** localStorage, for browsers without IndexedDB. Synchronous, so each transaction is atomic in its tab. */
export function createLocalStorageBackend(storage: Storage, prefix: string): StoreBackend {
  const batchPrefix = `${prefix}:batch:`;
  const ownersKey = `${prefix}:owners`;
  const read = <TValue>(key: string): TValue | undefined => {
    try {
      const raw = storage.getItem(key);
      return raw === null ? undefined : (JSON.parse(raw) as TValue);
    } catch {
      return undefined;
    }
  };
  const keys = () => {
    const found: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(batchPrefix)) found.push(key);
    }
    return found;
  };
  return {
    kind: 'localStorage',
    async transact(fn, reads) {
      // Every key must be parsed to learn its size: 'sizes' reads them all.
      const batches = (Array.isArray(reads) ? reads.map((id) => batchPrefix + id) : keys())
        .map((key) => read<StoredBatch>(key))
        .filter((b): b is StoredBatch => b !== undefined);
      const owners = read<Record<string, number>>(ownersKey) ?? {};
      const draft = createDraft(batches, { ...owners });
      const result = fn(draft);
      const byId = draft.log.takes.size > 0 ? new Map(batches.map((b) => [b.id, b])) : undefined;
      // Removals first, so that a write that hits the quota has the most room.
      for (const id of draft.log.removes) {
        const batch = byId?.get(id);
        if (batch) draft.log.takes.get(id)?.(batch);
        storage.removeItem(batchPrefix + id);
      }
      const nextOwners = { ...owners };
      for (const [owner, at] of draft.log.beats) nextOwners[owner] = at;
      for (const owner of draft.log.forgets) delete nextOwners[owner];
      if (draft.log.beats.size > 0 || draft.log.forgets.size > 0) {
        storage.setItem(ownersKey, JSON.stringify(nextOwners));
      }
      for (const [id, batch] of draft.log.puts) storage.setItem(batchPrefix + id, JSON.stringify(batch));
      return result;
    },
    async clear() {
      for (const key of keys()) storage.removeItem(key);
      storage.removeItem(ownersKey);
    },
  };
}
