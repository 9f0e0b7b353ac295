import { getStorage, getWindow } from '../env';
import { createHandoff } from './handoff';
import { createLazyBackend } from './lazyBackend';
import type { ResolvedDeliverySettings } from './options';
import { createMemoryBackend } from './storageBackends';
import { type BatchStore, createBatchStore } from './store';

/**
 * Opens the batch store the settings ask for: IndexedDB, else localStorage, else memory. Both
 * stored backends load on demand (`@spoor/core/idb`): most pages only ever use IndexedDB, and the
 * chunk brings the localStorage backend it falls back to. If it cannot load, `reportStorage` hears
 * once and memory serves (the exit spill still keeps what is left at exit).
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
  const memory = createMemoryBackend();
  const backend =
    idb || local
      ? createLazyBackend(
          idb ? 'indexeddb' : 'localStorage',
          () => import('@spoor/core/idb').then((chunk) => chunk.openStoredBackend(idb, local, key, memory)),
          memory,
          reportStorage,
        )
      : memory;
  return createBatchStore(backend, {
    maxBytes: settings.maxStoredBytes,
    maxAgeMs: settings.maxAgeMs,
    leaseMs: settings.leaseMs,
    handoff: createHandoff(local, key),
    ...(local ? { spill: { storage: local, prefix: key } } : {}),
  });
}
