import { withDefaults } from '../shared/defaults';
import { checkFields, isNonEmptyString, isPositive, oneOf, type Shape } from '../validate';
import type { BackoffOptions } from './backoff';

/** When a batch is sent. */
export interface BatchOptions {
  /** Send when this many events are waiting. @default 50 */
  maxEvents?: number;
  /** Send when the waiting events reach this many bytes of JSON. @default 60000 */
  maxBytes?: number;
  /** Send whatever is waiting this often. @default 5000 */
  flushIntervalMs?: number;
}

/** How undelivered events are kept and retried (the tracker's `delivery` option). */
export interface DeliverySettings {
  /**
   * Keep undelivered batches across page loads: `true` uses IndexedDB, then localStorage when
   * IndexedDB is missing; `false` keeps them in memory only.
   * @default true
   */
  persist?: boolean | 'indexeddb' | 'localStorage';
  /** Name of the IndexedDB database and prefix of localStorage keys. @default 'spoor-delivery' */
  storageKey?: string;
  /** Most bytes kept (stored, and queued per transport); the oldest batches go first. @default 2000000 */
  maxStoredBytes?: number;
  /** Stored batches older than this are dropped (with a `transport:error`). @default 604800000 (7 days) */
  maxAgeMs?: number;
  /** Attempts per batch, across page loads, before it is dropped with a `transport:error`. @default 20 */
  maxAttempts?: number;
  /** Backoff between attempts. @default { baseMs: 1000, maxMs: 60000 } */
  backoff?: BackoffOptions;
  /** The longest `Retry-After` honoured. @default 600000 */
  maxRetryAfterMs?: number;
  /**
   * A tab that has not renewed its claim for this long is gone: another tab (or the next page
   * load) takes over and sends its stored batches.
   * @default 15000
   */
  leaseMs?: number;
}

/** The one place delivery's defaults are written. */
const BATCH_DEFAULTS = {
  maxEvents: 50,
  maxBytes: 60_000,
  flushIntervalMs: 5000,
} as const satisfies Required<BatchOptions>;

const DELIVERY_DEFAULTS = {
  persist: true,
  storageKey: 'spoor-delivery',
  maxStoredBytes: 2_000_000,
  maxAgeMs: 7 * 24 * 3_600_000,
  maxAttempts: 20,
  backoff: {},
  maxRetryAfterMs: 600_000,
  leaseMs: 15_000,
} as const satisfies Required<DeliverySettings>;

const SETTINGS_SHAPE: Shape = {
  persist: oneOf(true, false, 'indexeddb', 'localStorage'),
  storageKey: isNonEmptyString,
  maxStoredBytes: isPositive,
  maxAgeMs: isPositive,
  maxAttempts: isPositive,
  backoff: { baseMs: isPositive, maxMs: isPositive },
  maxRetryAfterMs: isPositive,
  leaseMs: isPositive,
};

export type ResolvedBatchOptions = { [K in keyof BatchOptions]-?: number };
export type ResolvedDeliverySettings = Required<DeliverySettings>;

/** Throws a SpoorError naming the first bad `delivery` setting (a programmer mistake, caught at creation). */
export function checkSettings(settings: unknown): asserts settings is DeliverySettings {
  checkFields('delivery', settings, SETTINGS_SHAPE);
}

/** The settings with every default filled in. */
export function resolveDeliverySettings(settings?: DeliverySettings): ResolvedDeliverySettings {
  return withDefaults<DeliverySettings>(DELIVERY_DEFAULTS, settings);
}

/** The batch options with every default filled in. */
export function resolveBatchOptions(batch?: BatchOptions): ResolvedBatchOptions {
  return withDefaults<BatchOptions>(BATCH_DEFAULTS, batch);
}
