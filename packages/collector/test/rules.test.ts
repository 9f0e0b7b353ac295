import { describe, expect, it } from 'vitest';
import { boundValue, storableText } from '../src/ingest/bounds';
import { clockOffset, DEFAULT_TIME_POLICY, placeEvent } from '../src/ingest/time';

const NOW = Date.UTC(2026, 0, 10);
const MIN = 60_000;
const DAY = 86_400_000;

describe('clockOffset', () => {
  it.each([
    ['a clock on time', NOW, 0],
    ['a clock 4 minutes slow (network delay, kept)', NOW - 4 * MIN, 0],
    ['a clock 2 hours fast', NOW + 120 * MIN, -120 * MIN],
    ['a clock a day slow', NOW - DAY, DAY],
  ])('%s', (_name, sentAt, offset) => {
    expect(clockOffset(sentAt, NOW, DEFAULT_TIME_POLICY)).toBe(offset);
  });
});

describe('placeEvent', () => {
  it.each([
    ['now', NOW, 0, NOW],
    ['4 minutes ahead (allowed skew)', NOW + 4 * MIN, 0, NOW + 4 * MIN],
    ['6 minutes ahead', NOW + 6 * MIN, 0, null],
    ['7 days old (a batch kept offline)', NOW - 7 * DAY, 0, NOW - 7 * DAY],
    ['9 days old', NOW - 9 * DAY, 0, null],
    ['2 hours ahead on a clock 2 hours fast', NOW + 120 * MIN, -120 * MIN, NOW],
  ])('%s', (_name, ts, offset, placed) => {
    const result = placeEvent(ts, offset, NOW, DEFAULT_TIME_POLICY);
    expect(result.ok ? result.ts : null).toBe(placed);
    if (!result.ok) expect(result.code).toBe('ts-out-of-range');
  });
});

describe('storableText', () => {
  it.each([
    ['plain text', 'abc', 'abc'],
    ['an emoji pair', '🙂', '🙂'],
    ['NUL', 'a\u0000b', 'a\uFFFDb'],
    ['a lone high surrogate', 'a\ud83d', 'a\uFFFD'],
    ['a lone low surrogate', '\ude42b', '\uFFFDb'],
  ])('%s', (_name, text, stored) => {
    expect(storableText(text)).toBe(stored);
  });
});

describe('boundValue', () => {
  const deep = (n: number) => {
    let value: unknown = 1;
    for (let i = 0; i < n; i++) value = [value];
    return value;
  };
  it.each([
    ['a flat object', { a: 1, b: 'x' }, 4, 'ok'],
    ['nesting at the limit', deep(3), 4, 'ok'],
    ['nesting past the limit', deep(5), 4, 'too-deep'],
    ['a __proto__ key', JSON.parse('{"a":{"__proto__":{"x":1}}}'), 4, 'reserved-key'],
    ['a constructor key', { constructor: 1 }, 4, 'ok'],
  ])('%s', (_name, value, depth, outcome) => {
    const result = boundValue(value, depth);
    expect(result.ok ? 'ok' : result.code).toBe(outcome);
  });

  it('repairs strings and keys in place', () => {
    const value = { 'k\u0000': ['\ud800', { s: 'a\u0000' }] };
    expect(boundValue(value, 8).ok).toBe(true);
    expect(value).toEqual({ 'k\uFFFD': ['\uFFFD', { s: 'a\uFFFD' }] });
  });
});
