import { createDraft } from './storageBackends';
import type { StoreBackend, StoredBatch } from './store';

const BATCHES = 'batches';
const OWNERS = 'owners';

/**
 * IndexedDB: each `transact` is one readwrite transaction over both object stores, which the
 * browser serialises across tabs, so two tabs never claim the same batch.
 */
export function createIndexedDbBackend(
  factory: IDBFactory,
  name: string,
  fallback: StoreBackend,
): StoreBackend {
  let opening: Promise<IDBDatabase> | undefined;
  // IndexedDB that cannot even be opened (private modes, disabled storage): use the fallback for good.
  let unavailable = false;
  const openOrFallback = async (): Promise<IDBDatabase | undefined> => {
    if (unavailable) return undefined;
    try {
      return await open();
    } catch {
      unavailable = true;
      return undefined;
    }
  };
  const open = () => {
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(name, 1);
      req.onupgradeneeded = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains(BATCHES)) db.createObjectStore(BATCHES, { keyPath: 'id' });
        if (!db.objectStoreNames.contains(OWNERS)) db.createObjectStore(OWNERS, { keyPath: 'owner' });
      };
      req.onsuccess = () => {
        const db = req.result;
        // Another tab upgrading the schema: step aside rather than block it.
        db.onversionchange = () => {
          db.close();
          opening = undefined;
        };
        resolve(db);
      };
      req.onerror = () => {
        opening = undefined;
        reject(req.error);
      };
      req.onblocked = () => {
        opening = undefined;
        reject(new Error('IndexedDB open blocked'));
      };
    });
    return opening;
  };

  return {
    kind: 'indexeddb',
    async transact(fn) {
      const db = await openOrFallback();
      if (!db) return fallback.transact(fn);
      return new Promise((resolve, reject) => {
        const tx = db.transaction([BATCHES, OWNERS], 'readwrite');
        const batchStore = tx.objectStore(BATCHES);
        const ownerStore = tx.objectStore(OWNERS);
        let result: ReturnType<typeof fn>;
        let failure: unknown;
        tx.oncomplete = () => (failure === undefined ? resolve(result) : reject(failure));
        tx.onabort = () => reject(failure ?? tx.error ?? new Error('IndexedDB transaction aborted'));
        tx.onerror = () => {
          failure ??= tx.error;
        };
        // Both reads and the writes run inside the one transaction: no other promise is awaited.
        const batchesReq = batchStore.getAll() as IDBRequest<StoredBatch[]>;
        const ownersReq = ownerStore.getAll() as IDBRequest<{ owner: string; at: number }[]>;
        ownersReq.onsuccess = () => {
          try {
            const owners: Record<string, number> = {};
            for (const row of ownersReq.result) owners[row.owner] = row.at;
            const draft = createDraft(batchesReq.result, owners);
            result = fn(draft);
            for (const id of draft.log.removes) batchStore.delete(id);
            for (const batch of draft.log.puts.values()) batchStore.put(batch);
            for (const [owner, at] of draft.log.beats) ownerStore.put({ owner, at });
            for (const owner of draft.log.forgets) ownerStore.delete(owner);
          } catch (error) {
            failure = error;
            tx.abort();
          }
        };
      });
    },
    async clear() {
      const db = await openOrFallback();
      if (!db) return fallback.clear();
      const tx = db.transaction([BATCHES, OWNERS], 'readwrite');
      tx.objectStore(BATCHES).clear();
      tx.objectStore(OWNERS).clear();
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onabort = () => reject(tx.error);
      });
    },
  };
}
