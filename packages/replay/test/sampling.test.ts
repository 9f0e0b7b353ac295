import { describe, expect, it } from 'vitest';
import { isSessionSampled } from '../src/index';

const ids = Array.from({ length: 2_000 }, (_, index) => `session-${index}-${(index * 7919).toString(36)}`);

describe('isSessionSampled', () => {
  it('gives the same answer for the same session every time', () => {
    for (const id of ids.slice(0, 50)) expect(isSessionSampled(id, 0.3)).toBe(isSessionSampled(id, 0.3));
  });

  it('records about the requested share of sessions', () => {
    const share = ids.filter((id) => isSessionSampled(id, 0.25)).length / ids.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.3);
  });

  it('keeps every session sampled at a lower rate when the rate grows', () => {
    for (const id of ids.filter((item) => isSessionSampled(item, 0.1)))
      expect(isSessionSampled(id, 0.5)).toBe(true);
  });

  it.each([
    [0, false],
    [-1, false],
    [Number.NaN, false],
    [1, true],
    [2, true],
  ])('treats a rate of %s as all-or-nothing (%s)', (rate, expected) => {
    expect(isSessionSampled('any', rate)).toBe(expected);
  });
});
