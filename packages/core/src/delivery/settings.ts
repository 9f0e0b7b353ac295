import { getStorage, getWindow } from '../env';
import { checkFields, isNonEmptyString, isPositive, oneOf, type Shape } from '../validate';
import { createIndexedDbBackend } from './indexedDb';
import type { DeliverySettings } from './queue';
import { createLocalStorageBackend, createMemoryBackend } from './storageBackends';
import { type BatchStore, createBatchStore } from './store';

const SETTINGS: Shape = {
  persist: oneOf(true, false, 'indexeddb', 'localStorage'),
  storageKey: isNonEmptyString,
  maxStoredBytes: isPositive,
  maxAgeMs: isPositive,
  maxAttempts: isPositive,
  backoff: { baseMs: isPositive, maxMs: isPositive },
  maxRetryAfterMs: isPositive,
  leaseMs: isPositive,
};

/** Throws a SpoorError naming the first bad `delivery` setting (a programmer mistake, caught at creation). */
export function checkSettings(settings: unknown): asserts settings is DeliverySettings {
  checkFields('delivery', settings, SETTINGS);
}

export function createStore(settings: DeliverySettings): BatchStore {
  const persist = settings.persist ?? true;
  const key = settings.storageKey ?? 'spoor-delivery';
  let idb: IDBFactory | undefined;
  try {
    idb = persist === true || persist === 'indexeddb' ? getWindow()?.indexedDB : undefined;
  } catch {
    // Reading `indexedDB` throws where storage is blocked (sandboxed frames, some private modes).
    idb = undefined;
  }
  const local = persist !== false ? getStorage('localStorage') : undefined;
  const fallback = local ? createLocalStorageBackend(local, key) : createMemoryBackend();
  const backend = idb ? createIndexedDbBackend(idb, key, fallback) : fallback;
  return createBatchStore(backend, {
    maxBytes: settings.maxStoredBytes ?? 2_000_000,
    maxAgeMs: settings.maxAgeMs ?? 7 * 24 * 3_600_000,
    leaseMs: settings.leaseMs ?? 15_000,
    ...(local ? { spill: { storage: local, prefix: key } } : {}),
  });
}
