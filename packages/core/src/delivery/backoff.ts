import { getTextEncoder } from '../env';
/** How long to wait between attempts. */
export interface BackoffOptions {
  /** The first retry waits between half of this and this. @default 1000 */
  baseMs?: number;
  /** No wait is ever longer than this (a server's `Retry-After` is capped by it too). @default 60000 */
  maxMs?: number;
}

/**
 * Exponential backoff with "equal jitter": after the `attempt`-th failure (1, 2, …) the cap is
 * `min(maxMs, baseMs * 2^(attempt-1))` and the wait is uniform in `[cap / 2, cap]`, so tabs that
 * failed together do not retry together, and no wait is ever shorter than half the cap.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}, random = Math.random): number {
  const base = options.baseMs ?? 1000;
  const max = options.maxMs ?? 60_000;
  const cap = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(cap / 2 + random() * (cap / 2));
}

/**
 * Reads an HTTP `Retry-After` value (delta seconds or an HTTP date) as milliseconds from `now`.
 * Returns undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

const NON_ASCII = /[\u0080-\uffff]/;

/** UTF-8 size of a string. */
export function byteLength(text: string): number {
  // Event JSON is nearly always ASCII: one native scan instead of encoding it.
  if (!NON_ASCII.test(text)) return text.length;
  // Every browser and Node has TextEncoder; without one, 3 bytes per character is a safe bound.
  return getTextEncoder()?.encode(text).length ?? text.length * 3;
}
