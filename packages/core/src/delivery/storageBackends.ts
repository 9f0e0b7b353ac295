import type { StoreBackend, StoreDraft, StoredBatch } from './store';

interface DraftLog {
  puts: Map<string, StoredBatch>;
  removes: Set<string>;
  beats: Map<string, number>;
  forgets: Set<string>;
}

/** A draft over a snapshot that records what changed, for backends to write back. */
export function createDraft(
  batches: StoredBatch[],
  owners: Record<string, number>,
): StoreDraft & { log: DraftLog } {
  const log: DraftLog = { puts: new Map(), removes: new Set(), beats: new Map(), forgets: new Set() };
  return {
    log,
    batches,
    owners,
    put(batch) {
      log.removes.delete(batch.id);
      log.puts.set(batch.id, batch);
    },
    remove(id) {
      log.puts.delete(id);
      log.removes.add(id);
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

/** Keeps batches in this page only: used when persistence is off or no storage works. */
export function createMemoryBackend(): StoreBackend {
  const batches = new Map<string, StoredBatch>();
  const owners: Record<string, number> = {};
  return {
    kind: 'memory',
    async transact(fn) {
      const draft = createDraft([...batches.values()], { ...owners });
      const result = fn(draft);
      for (const id of draft.log.removes) batches.delete(id);
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
    async transact(fn) {
      const batches = keys()
        .map((key) => read<StoredBatch>(key))
        .filter((b): b is StoredBatch => b !== undefined);
      const owners = read<Record<string, number>>(ownersKey) ?? {};
      const draft = createDraft(batches, { ...owners });
      const result = fn(draft);
      // Removals first, so that a write that hits the quota has the most room.
      for (const id of draft.log.removes) storage.removeItem(batchPrefix + id);
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
