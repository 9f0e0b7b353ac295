import { describe, expect, it } from 'vitest';
import { byteLength } from '../../src/shared/utf8';

// A batch's `maxBytes` and the 64 KB keepalive budget are counted in UTF-8 bytes, as sent.
describe('byteLength', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text).length;
  it.each([
    ['empty', ''],
    ['ASCII', '{"type":"click","x":1}'],
    ['two-byte characters', 'café ñ'],
    ['three-byte characters', 'Spoor — Outdoor €'],
    ['surrogate pairs', 'ok 😀👍'],
    ['a lone surrogate (sent as U+FFFD)', 'x\ud800y'],
    ['a lone low surrogate', 'x\udc00y'],
    ['a high surrogate last', 'x\ud83d'],
    ['two high surrogates, then a low one', '\ud83d\ud83d\ude00'],
    ['the largest code point', '\udbff\udfff'],
    ['ordinary text after a long event', 'é'],
    ['a long event (replay chunk size)', `${'a'.repeat(300_000)}—${'ü'.repeat(20_000)}`],
    ['the buffer edge', 'é'.repeat(16_384)],
    ['just past the buffer edge', 'é'.repeat(16_385)],
    ['a long ASCII event', 'a'.repeat(100_000)],
    ['ASCII control characters and DEL', '\u0000\t\n\u007f'],
    ['the first non-ASCII character last', `${'a'.repeat(50_000)}\u0080`],
  ])('counts %s as UTF-8 does', (_name, text) => {
    expect(byteLength(text)).toBe(utf8(text));
  });
});
