import { describe, expect, it } from 'vitest';
import { holdsTypedText, isNeverCaptured, isPersonalField, isSensitiveName } from '../../src/privacy/fields';

function element(html: string): Element {
  document.body.innerHTML = html;
  return document.body.firstElementChild!;
}

describe('isSensitiveName', () => {
  const rows: Array<[string, boolean]> = [
    ['token', true],
    ['access_token', true],
    ['E-Mail', true],
    ['invite', true],
    ['lang', false],
    ['page', false],
  ];
  it.each(rows)('%s → %s', (name, expected) => {
    expect(isSensitiveName(name, new Set(['invite']))).toBe(expected);
  });
});

describe('field classification', () => {
  const rows: Array<[string, boolean, boolean]> = [
    ['<input type="password">', true, false],
    ['<input type="hidden" value="csrf">', true, false],
    ['<input name="card-number">', true, false],
    ['<input autocomplete="one-time-code">', true, false],
    ['<input type="email">', false, true],
    ['<input type="tel">', false, true],
    ['<input autocomplete="given-name">', false, true],
    ['<input type="search">', false, false],
    ['<textarea name="notes"></textarea>', false, false],
    ['<div contenteditable></div>', false, false],
  ];
  it.each(rows)('%s: never captured %s, personal %s', (html, never, personal) => {
    const field = element(html);
    expect([isNeverCaptured(field), isPersonalField(field)]).toEqual([never, personal]);
  });
});

describe('holdsTypedText', () => {
  const rows: Array<[string, boolean]> = [
    ['<div contenteditable></div>', true],
    ['<div contenteditable="true"></div>', true],
    ['<div contenteditable="plaintext-only"></div>', true],
    ['<div contenteditable="FALSE"></div>', false],
    ['<textarea></textarea>', true],
    ['<input>', false],
    ['<div role="textbox"></div>', false],
  ];
  it.each(rows)('%s → %s', (html, expected) => {
    expect(holdsTypedText(element(html))).toBe(expected);
  });
});
