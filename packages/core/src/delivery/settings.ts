import { getStorage, getWindow } from '../env';
import { invalid } from '../options';
import { createIndexedDbBackend } from './indexedDb';
import type { DeliverySettings } from './queue';
import { createLocalStorageBackend, createMemoryBackend } from './storageBackends';
import { type BatchStore, createBatchStore } from './store';

const POSITIVE_SETTINGS = [
  'maxStoredBytes',
  'maxAgeMs',
  'maxAttempts',
  'maxRetryAfterMs',
  'leaseMs',
] as const;

/** Throws a SpoorError naming the first bad `delivery` setting (a programmer mistake, caught at creation). */
export function checkSettings(settings: unknown): asserts settings is DeliverySettings {
  if (settings === undefined) return;
  if (typeof settings !== 'object' || settings === null) throw invalid('delivery', 'an object', settings);
  const record = settings as Record<string, unknown>;
  const positive = (path: string, value: unknown) => {
    if (value !== undefined && !(typeof value === 'number' && value > 0 && !Number.isNaN(value))) {
      throw invalid(path, 'a positive number', value);
    }
  };
  const known = new Set<string>(['persist', 'storageKey', 'backoff', ...POSITIVE_SETTINGS]);
  for (const key of Object.keys(record)) {
    if (!known.has(key)) throw invalid(`delivery.${key}`, `one of ${[...known].join(', ')}`, key);
  }
  for (const key of POSITIVE_SETTINGS) positive(`delivery.${key}`, record[key]);
  const persist = record.persist;
  if (
    persist !== undefined &&
    typeof persist !== 'boolean' &&
    persist !== 'indexeddb' &&
    persist !== 'localStorage'
  ) {
    throw invalid('delivery.persist', "true, false, 'indexeddb' or 'localStorage'", persist);
  }
  if (
    record.storageKey !== undefined &&
    (typeof record.storageKey !== 'string' || record.storageKey === '')
  ) {
    throw invalid('delivery.storageKey', 'a non-empty string', record.storageKey);
  }
  const backoff = record.backoff;
  if (backoff !== undefined) {
    if (typeof backoff !== 'object' || backoff === null)
      throw invalid('delivery.backoff', 'an object', backoff);
    const { baseMs, maxMs } = backoff as Record<string, unknown>;
    positive('delivery.backoff.baseMs', baseMs);
    positive('delivery.backoff.maxMs', maxMs);
  }
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
