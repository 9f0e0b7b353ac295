import { createDraft, sizeOf } from './storageBackends';
import type { BatchSize, StoreBackend, StoredBatch } from './store';

const BATCHES = 'batches';
const OWNERS = 'owners';

/**
 * IndexedDB: each `transact` is one readwrite transaction over both object stores, which the
 * browser serialises across tabs, so two tabs never claim the same batch. A transaction reads
 * batch bodies (replay chunks included, up to `maxStoredBytes`) only when it needs them.
 */
export function createIndexedDbBackend(
  factory: IDBFactory,
  name: string,
  fallback: StoreBackend,
): StoreBackend {
  let opening: Promise<IDBDatabase> | undefined;
  // A batch's size and age never change for its id: known ones are not read again ('sizes').
  const sizes = new Map<string, BatchSize>();
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
    async transact(fn, reads) {
      const db = await openOrFallback();
      if (!db) return fallback.transact(fn, reads);
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
        const apply = (batches: StoredBatch[], owners: Record<string, number>, known?: BatchSize[]) => {
          const draft = createDraft(batches, owners, known);
          result = fn(draft);
          for (const id of draft.log.removes) {
            const take = draft.log.takes.get(id);
            if (take) {
              // Requests run in order: this reads the body before the delete below.
              const req = batchStore.get(id) as IDBRequest<StoredBatch | undefined>;
              req.onsuccess = () => {
                if (req.result) take(req.result);
              };
            }
            batchStore.delete(id);
            sizes.delete(id);
          }
          for (const batch of draft.log.puts.values()) {
            batchStore.put(batch);
            sizes.set(batch.id, sizeOf(batch));
          }
          for (const [owner, at] of draft.log.beats) ownerStore.put({ owner, at });
          for (const owner of draft.log.forgets) ownerStore.delete(owner);
        };
        const fail = (error: unknown) => {
          failure = error;
          tx.abort();
        };
        // The reads and the writes run inside the one transaction: no other promise is awaited.
        // Requests complete in the order they were made, so the owners' read completes last.
        // Bodies are read only when needed: all of them (`getAll`), those asked for by key, or for
        // 'sizes' the keys and the bodies of batches this tab has not seen yet.
        const keysReq = reads === 'sizes' ? (batchStore.getAllKeys() as IDBRequest<string[]>) : undefined;
        const batchReqs = Array.isArray(reads)
          ? reads.map((id) => batchStore.get(id) as IDBRequest<StoredBatch | undefined>)
          : reads === 'sizes'
            ? []
            : [batchStore.getAll() as IDBRequest<StoredBatch[]>];
        const ownersReq = ownerStore.getAll() as IDBRequest<{ owner: string; at: number }[]>;
        ownersReq.onsuccess = () => {
          try {
            const owners: Record<string, number> = {};
            for (const row of ownersReq.result) owners[row.owner] = row.at;
            if (keysReq) {
              const keys = keysReq.result;
              const present = new Set(keys);
              for (const id of sizes.keys()) if (!present.has(id)) sizes.delete(id);
              const unseen = keys
                .filter((id) => !sizes.has(id))
                .map((id) => batchStore.get(id) as IDBRequest<StoredBatch | undefined>);
              const go = () => {
                try {
                  for (const req of unseen) if (req.result) sizes.set(req.result.id, sizeOf(req.result));
                  const known = keys.map((id) => sizes.get(id)).filter((b) => b !== undefined);
                  apply([], owners, known);
                } catch (error) {
                  fail(error);
                }
              };
              const last = unseen[unseen.length - 1];
              if (last) last.onsuccess = go;
              else go();
              return;
            }
            const batches = Array.isArray(reads)
              ? batchReqs.map((req) => req.result as StoredBatch | undefined).filter((b) => b !== undefined)
              : ((batchReqs[0]?.result as StoredBatch[] | undefined) ?? []);
            if (!reads) for (const batch of batches) sizes.set(batch.id, sizeOf(batch));
            apply(batches, owners);
          } catch (error) {
            fail(error);
          }
        };
      });
    },
    async clear() {
      const db = await openOrFallback();
      if (!db) return fallback.clear();
      const tx = db.transaction([BATCHES, OWNERS], 'readwrite');
      sizes.clear();
      tx.objectStore(BATCHES).clear();
      tx.objectStore(OWNERS).clear();
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onabort = () => reject(tx.error);
      });
    },
  };
}
