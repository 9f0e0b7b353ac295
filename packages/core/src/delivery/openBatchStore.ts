import { getStorage, getWindow } from '../env';
import { createHandoff } from './handoff';
import { createLazyBackend } from './lazyBackend';
import type { ResolvedDeliverySettings } from './options';
import { createLocalStorageBackend, createMemoryBackend } from './storageBackends';
import { type BatchStore, createBatchStore } from './store';

/**
 * Opens the batch store the settings ask for: IndexedDB, else localStorage, else memory. The
 * IndexedDB backend loads on demand (`@spoor/core/idb`); `reportStorage` hears once if it cannot.
 */
export function openBatchStore(
  settings: ResolvedDeliverySettings,
  reportStorage: (error: unknown) => void = () => {},
): BatchStore {
  const { persist, storageKey: key } = settings;
  let idb: IDBFactory | undefined;
  try {
    idb = persist === true || persist === 'indexeddb' ? getWindow()?.indexedDB : undefined;
  } catch {
    // Reading `indexedDB` throws where storage is blocked (sandboxed frames, some private modes).
    idb = undefined;
  }
  const local = persist !== false ? getStorage('localStorage') : undefined;
  const fallback = local ? createLocalStorageBackend(local, key) : createMemoryBackend();
  const factory = idb;
  const backend = factory
    ? createLazyBackend(
        'indexeddb',
        () => import('@spoor/core/idb').then((chunk) => chunk.createIndexedDbBackend(factory, key, fallback)),
        fallback,
        reportStorage,
      )
    : fallback;
  return createBatchStore(backend, {
    maxBytes: settings.maxStoredBytes,
    maxAgeMs: settings.maxAgeMs,
    leaseMs: settings.leaseMs,
    handoff: createHandoff(local, key),
    ...(local ? { spill: { storage: local, prefix: key } } : {}),
  });
}
