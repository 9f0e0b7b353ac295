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
