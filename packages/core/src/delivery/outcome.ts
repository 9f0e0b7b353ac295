import { assertNever } from '../events';
import type { TransportResult } from '../transports/transport';
import { type BackoffOptions, backoffDelay } from './backoff';

/** What the queue does with a batch after a transport's answer. */
export type Outcome =
  | { action: 'settle' }
  | { action: 'drop'; reason: string; httpStatus?: number }
  | { action: 'split'; at: number }
  | { action: 'retry'; attempt: number; delayMs: number };

export interface OutcomeLimits {
  maxAttempts: number;
  maxRetryAfterMs: number;
  backoff: BackoffOptions;
}

const VALID_STATUS = new Set(['ok', 'retry', 'split', 'drop']);

/** A transport's answer as a result; anything else (a custom transport's mistake) is a retry. */
export function readResult(result: unknown): TransportResult {
  const status = (result as { status?: unknown } | null)?.status;
  if (typeof status !== 'string' || !VALID_STATUS.has(status)) {
    return { status: 'retry', reason: 'invalid transport result' };
  }
  return result as TransportResult;
}

/**
 * The outcome of a transport's answer for a batch of `events` events sent after `attempt`
 * earlier failures, its transport having failed `failures` times in a row (across page loads).
 * Pure: `random` is the backoff's jitter.
 */
export function decideOutcome(
  result: TransportResult,
  batch: { events: number; attempt: number; failures?: number },
  limits: OutcomeLimits,
  random: () => number = Math.random,
): Outcome {
  switch (result.status) {
    case 'ok':
      return { action: 'settle' };
    case 'drop':
      return result.httpStatus === undefined
        ? { action: 'drop', reason: result.reason }
        : { action: 'drop', reason: result.reason, httpStatus: result.httpStatus };
    case 'split':
      // One event the server will not take alone cannot get any smaller.
      if (batch.events <= 1) return { action: 'drop', reason: 'too-large', httpStatus: 413 };
      return { action: 'split', at: Math.ceil(batch.events / 2) };
    case 'retry': {
      const attempt = batch.attempt + 1;
      const reason = result.reason ?? 'retry';
      if (attempt >= limits.maxAttempts) {
        return { action: 'drop', reason: `gave up after ${attempt} attempts: ${reason}` };
      }
      const delayMs =
        result.retryAfterMs !== undefined
          ? Math.min(Math.max(0, result.retryAfterMs), limits.maxRetryAfterMs)
          : backoffDelay(Math.max(attempt, (batch.failures ?? 0) + 1), limits.backoff, random);
      return { action: 'retry', attempt, delayMs };
    }
    default:
      return assertNever(result);
  }
}
