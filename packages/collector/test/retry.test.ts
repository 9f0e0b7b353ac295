import { describe, expect, it } from 'vitest';
import { isRetryable, withRetries } from '../src/storage/retry';

const failure = (code: string) => Object.assign(new Error(`failed with ${code}`), { code });

describe('a transaction PostgreSQL aborted is run again', () => {
  it.each([
    ['a deadlock', '40P01', true],
    ['a serialization failure', '40001', true],
    ['a unique violation', '23505', false],
    ['a syntax error', '42601', false],
  ])('%s (%s): retried %s', (_, code, retried) => {
    expect(isRetryable(failure(code))).toBe(retried);
  });

  it('runs it again after a deadlock, and answers what the second run returned', async () => {
    let runs = 0;
    const result = await withRetries(async () => {
      runs += 1;
      if (runs === 1) throw failure('40P01');
      return 'stored';
    });
    expect({ runs, result }).toEqual({ runs: 2, result: 'stored' });
  });

  it.each([
    ['throws any other failure at once', '23505', 1],
    ['gives up after four runs, with the last failure', '40P01', 4],
  ])('%s (%s: %s run(s))', async (_, code, expected) => {
    let runs = 0;
    const run = withRetries(async () => {
      runs += 1;
      throw failure(code);
    });
    await expect(run).rejects.toThrow(`failed with ${code}`);
    expect(runs).toBe(expected);
  });

  it('leaves errors without a code alone', async () => {
    expect(isRetryable(new Error('no code'))).toBe(false);
    expect(isRetryable(null)).toBe(false);
  });
});
