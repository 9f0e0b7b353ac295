import { afterEach, describe, expect, it } from 'vitest';
import { labelOf } from '../../src/capture/label';
import { createPrivacy, type PrivacyOptions } from '../../src/privacy';

afterEach(() => {
  document.body.innerHTML = '';
});

const label = (html: string, options: PrivacyOptions = {}) => {
  document.body.innerHTML = html;
  return labelOf(document.getElementById('f')!, createPrivacy(options));
};

describe('labelOf', () => {
  it.each([
    ['a <label for>', '<label for="f">Full  name</label><input id="f" name="n">', 'Full name'],
    ['a wrapping label, without the field', '<label>Email <input id="f" type="email"></label>', 'Email'],
    [
      "a wrapping label, without a select's options",
      '<label><span>Country</span> <select id="f"><option>France</option></select></label>',
      'Country',
    ],
    [
      'aria-labelledby, before everything else',
      '<span id="a">Card</span><span id="b">holder</span><label for="f">Other</label><input id="f" aria-labelledby="a b">',
      'Card holder',
    ],
    ['aria-label', '<input id="f" aria-label="Search the shop" placeholder="Mugs…">', 'Search the shop'],
    ['the placeholder', '<input id="f" placeholder="Your city" name="city">', 'Your city'],
    ['the name, last', '<input id="f" name="city">', 'city'],
    ['nothing', '<input id="f">', undefined],
    [
      'personal text in the label, scrubbed',
      '<label for="f">Reply to ada@example.com</label><input id="f">',
      'Reply to [email]',
    ],
    [
      'a masked label stays masked',
      '<label for="f" data-spoor-mask>Ada Lovelace</label><input id="f">',
      '*** ********',
    ],
    [
      'a placeholder in a masked region stays masked',
      '<div data-spoor-mask><input id="f" placeholder="Ada Lovelace"></div>',
      '*** ********',
    ],
    [
      'a blocked label gives nothing',
      '<label for="f" data-spoor-block>Secret</label><input id="f" name="x">',
      'x',
    ],
    [
      'a blocked aria-labelledby element gives nothing',
      '<span id="a" data-spoor-block>Secret</span><input id="f" aria-labelledby="a" aria-label="Code">',
      'Code',
    ],
    ['an editing host in a label', '<label>Notes <div id="f" contenteditable></div></label>', 'Notes'],
    ['cut at 100 characters', `<label for="f">${'a'.repeat(150)}</label><input id="f">`, 'a'.repeat(100)],
  ])('%s', (_name, html, expected) => {
    expect(label(html)).toBe(expected);
  });

  it('masks all label text when the page text is masked', () => {
    expect(label('<label for="f">City</label><input id="f">', { maskAllText: true })).toBe('****');
  });
});
