import { describe, expect, it } from 'vitest';
import { checkCustomEvent, MAX_PROPS_BYTES } from '../../src/props/customEvent';
import { toJson } from '../../src/props/toJson';

const cyclic: Record<string, unknown> = { a: 1 };
cyclic.self = cyclic;
const shared = { n: 1 };
const deep = (levels: number): unknown => (levels === 0 ? 1 : { x: deep(levels - 1) });

describe('toJson', () => {
  it.each([
    ['a string', 'x', 'x'],
    ['undefined in an object is left out', { a: undefined, b: 1 }, { b: 1 }],
    ['undefined in an array becomes null', [undefined, 1], [null, 1]],
    ['a function is left out', { fn: () => 1, b: true }, { b: true }],
    ['a symbol is left out', { s: Symbol('s') }, {}],
    ['a Date becomes its ISO string', { when: new Date(0) }, { when: '1970-01-01T00:00:00.000Z' }],
    ['an invalid Date becomes null', { when: new Date(Number.NaN) }, { when: null }],
    ['NaN becomes null', { n: Number.NaN }, { n: null }],
    ['Infinity becomes null', [Number.POSITIVE_INFINITY], [null]],
    ['toJSON is honoured', { money: { toJSON: () => '12.50 EUR' } }, { money: '12.50 EUR' }],
    ['boxed primitives are unwrapped', { s: new String('a'), n: new Number(2) }, { s: 'a', n: 2 }],
    [
      'a class instance gives its own fields',
      {
        url: new (class {
          host = 'x';
        })(),
      },
      { url: { host: 'x' } },
    ],
    ['a Map gives an empty object, as in JSON', { m: new Map([[1, 2]]) }, { m: {} }],
    ['the same object twice is not a cycle', { a: shared, b: shared }, { a: { n: 1 }, b: { n: 1 } }],
    ['undefined alone', undefined, undefined],
  ])('%s', (_label, input, expected) => {
    const result = toJson(input, 'props', 10);
    expect(result).toEqual({ ok: true, value: expected });
    if (expected !== undefined) expect(JSON.stringify(result.ok && result.value)).toBe(JSON.stringify(input));
  });

  it.each([
    ['a BigInt', { big: 10n }, 'props.big is a BigInt'],
    ['a cycle', cyclic, 'props.self refers back to itself (a cycle)'],
    ['nesting too deep', deep(12), 'is nested more than 10 levels deep'],
    [
      'a getter that throws',
      {
        get boom() {
          throw new Error('nope');
        },
      },
      'props could not be read (nope)',
    ],
    [
      'a toJSON that throws',
      {
        t: {
          toJSON: () => {
            throw new Error('bad');
          },
        },
      },
      'could not be read (bad)',
    ],
  ])('names %s', (_label, input, problem) => {
    const result = toJson(input, 'props', 10);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toContain(problem);
  });
});

describe('checkCustomEvent', () => {
  it.each([
    ['', {}, 'the event name must be a non-empty string'],
    ['  ', {}, 'the event name must be a non-empty string'],
    [42, {}, 'the event name must be a non-empty string, got 42'],
    ['x'.repeat(101), {}, 'at most 100'],
    ['ok', [1, 2], 'props must be an object of named values, got an array'],
    ['ok', 'text', 'props must be an object of named values, got string'],
    ['ok', { big: 'x'.repeat(MAX_PROPS_BYTES) }, `at most ${MAX_PROPS_BYTES}`],
    ['ok', { id: 1n }, 'props.id is a BigInt'],
  ])('drops track(%j, …) and says why', (name, props, message) => {
    const result = checkCustomEvent(name, props);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(message);
    expect(!result.ok && result.message).toMatch(/^track\(.*\) dropped: /);
  });

  it('accepts no props, null props, and converts the rest', () => {
    expect(checkCustomEvent('a', undefined)).toEqual({ ok: true, name: 'a', props: {} });
    expect(checkCustomEvent('a', null)).toEqual({ ok: true, name: 'a', props: {} });
    expect(checkCustomEvent('a', { coupon: undefined, at: new Date(0), n: Number.NaN })).toEqual({
      ok: true,
      name: 'a',
      props: { at: '1970-01-01T00:00:00.000Z', n: null },
    });
  });
});
