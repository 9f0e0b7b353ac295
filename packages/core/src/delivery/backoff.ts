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

// A buffer reused for the UTF-8 of ordinary events, grown up to 16 K characters' worth. Longer
// text (a replay chunk) gets a buffer of its own, so the page keeps no megabytes alive for it.
let scratch: Uint8Array | undefined;
const SCRATCH_MAX = 3 * 16_384;

/** UTF-8 size of a string. */
export function byteLength(text: string): number {
  const encoder = getTextEncoder();
  // Every browser and Node has TextEncoder; without one, 3 bytes per character is a safe bound.
  if (!encoder) return text.length * 3;
  // `encodeInto` a reused buffer: one native pass, no allocation. For text that is not pure
  // ASCII it is about twice as fast as scanning for non-ASCII and then encoding to a new array.
  const need = text.length * 3;
  let target: Uint8Array;
  if (need > SCRATCH_MAX) target = new Uint8Array(need);
  else {
    if (!scratch || scratch.length < need)
      scratch = new Uint8Array(Math.min(SCRATCH_MAX, Math.max(1024, need * 2)));
    target = scratch;
  }
  return encoder.encodeInto(text, target).written;
}
