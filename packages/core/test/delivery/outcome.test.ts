import { describe, expect, it } from 'vitest';
import { decideOutcome, type Outcome, readResult } from '../../src/delivery/outcome';
import type { TransportResult } from '../../src/transports/transport';

const limits = { maxAttempts: 5, maxRetryAfterMs: 60_000, backoff: { baseMs: 1000, maxMs: 8000 } };
// The jitter at its top: the backoff wait is the cap itself.
const noJitter = () => 1;

describe('decideOutcome', () => {
  it.each<[string, TransportResult, { events: number; attempt: number; failures?: number }, Outcome]>([
    ['settles a delivered batch', { status: 'ok' }, { events: 3, attempt: 0 }, { action: 'settle' }],
    [
      'drops with the reason and HTTP status the transport gave',
      { status: 'drop', reason: 'rejected', httpStatus: 400 },
      { events: 3, attempt: 0 },
      { action: 'drop', reason: 'rejected', httpStatus: 400 },
    ],
    [
      'drops without a status when the transport gave none',
      { status: 'drop', reason: 'rejected' },
      { events: 3, attempt: 0 },
      { action: 'drop', reason: 'rejected' },
    ],
    [
      'splits a batch too large in two halves',
      { status: 'split' },
      { events: 5, attempt: 1 },
      { action: 'split', at: 3 },
    ],
    [
      'drops a single event too large to send',
      { status: 'split' },
      { events: 1, attempt: 0 },
      { action: 'drop', reason: 'too-large', httpStatus: 413 },
    ],
    [
      'retries after the backoff wait',
      { status: 'retry' },
      { events: 3, attempt: 2 },
      { action: 'retry', attempt: 3, delayMs: 4000 },
    ],
    [
      'waits as long as the transport’s failures in a row ask, across page loads',
      { status: 'retry' },
      { events: 3, attempt: 0, failures: 3 },
      { action: 'retry', attempt: 1, delayMs: 8000 },
    ],
    [
      'retries after the server’s Retry-After',
      { status: 'retry', retryAfterMs: 20_000 },
      { events: 3, attempt: 0 },
      { action: 'retry', attempt: 1, delayMs: 20_000 },
    ],
    [
      'caps a long Retry-After at maxRetryAfterMs',
      { status: 'retry', retryAfterMs: 3_600_000 },
      { events: 3, attempt: 0 },
      { action: 'retry', attempt: 1, delayMs: 60_000 },
    ],
    [
      'gives up after maxAttempts, naming the last reason',
      { status: 'retry', reason: 'HTTP 503' },
      { events: 3, attempt: 4 },
      { action: 'drop', reason: 'gave up after 5 attempts: HTTP 503' },
    ],
  ])('%s', (_name, result, batch, expected) => {
    expect(decideOutcome(result, batch, limits, noJitter)).toEqual(expected);
  });
});

describe('readResult', () => {
  it.each<[string, unknown, TransportResult]>([
    ['keeps a valid result', { status: 'split' }, { status: 'split' }],
    ['turns undefined into a retry', undefined, { status: 'retry', reason: 'invalid transport result' }],
    [
      'turns an unknown status into a retry',
      { status: 'done' },
      { status: 'retry', reason: 'invalid transport result' },
    ],
  ])('%s', (_name, result, expected) => {
    expect(readResult(result)).toEqual(expected);
  });
});
