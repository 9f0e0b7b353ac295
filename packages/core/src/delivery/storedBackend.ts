// `@spoor/core/idb`: the stored batch backends. The delivery loads it with `import()` the first time
// it stores a batch (`openBatchStore`), so the page's bundle carries neither; apps need not import it.
import { createIndexedDbBackend } from './indexedDb';
import { createLocalStorageBackend } from './storageBackends';
import type { StoreBackend } from './store';

export { createIndexedDbBackend };

/**
 * The stored backend of a page: IndexedDB falling back to localStorage (no second chunk when
 * IndexedDB cannot be opened), else localStorage (browsers without IndexedDB), else `memory`.
 */
export function openStoredBackend(
  factory: IDBFactory | undefined,
  storage: Storage | undefined,
  name: string,
  memory: StoreBackend,
): StoreBackend {
  const fallback = storage ? createLocalStorageBackend(storage, name) : memory;
  return factory ? createIndexedDbBackend(factory, name, fallback) : fallback;
}
