import { describe, expect, it } from 'vitest';
import { createMaskRules, type MaskState, parentAcross, stateOf } from '../../src/privacy/maskRules';
import type { PrivacyOptions } from '../../src/privacy/types';

function element(html: string): Element {
  document.body.innerHTML = html;
  return document.body.firstElementChild!;
}

describe('stateBelow', () => {
  const rows: Array<[string, PrivacyOptions, string, MaskState, MaskState]> = [
    ['plain element keeps its parent state', {}, '<p></p>', 'none', 'none'],
    ['plain element under unmask stays unmasked', {}, '<p></p>', 'unmasked', 'unmasked'],
    ['mask attribute', {}, '<p data-spoor-mask></p>', 'unmasked', 'masked'],
    ['unmask attribute', {}, '<p data-spoor-unmask></p>', 'masked', 'unmasked'],
    [
      'mask wins over unmask on one element',
      {},
      '<p data-spoor-mask data-spoor-unmask></p>',
      'none',
      'masked',
    ],
    ['block attribute', {}, '<p data-spoor-block></p>', 'unmasked', 'blocked'],
    ['a block is never lifted', {}, '<p data-spoor-unmask></p>', 'blocked', 'blocked'],
    ['mask selector', { maskSelector: '.private' }, '<p class="private"></p>', 'none', 'masked'],
    ['block selector', { blockSelector: '.hide' }, '<p class="hide"></p>', 'none', 'blocked'],
    ['unmask selector', { unmaskSelector: '.open' }, '<p class="open"></p>', 'masked', 'unmasked'],
    ['broken mask selector masks', { maskSelector: '[[' }, '<p></p>', 'none', 'masked'],
    ['broken block selector blocks', { blockSelector: '))' }, '<p></p>', 'none', 'blocked'],
    ['broken unmask selector unmasks nothing', { unmaskSelector: '((' }, '<p></p>', 'masked', 'masked'],
    ['an editable region is masked like an input', {}, '<div contenteditable></div>', 'none', 'masked'],
    ['a textarea is masked like an input', {}, '<textarea></textarea>', 'none', 'masked'],
    [
      'an editable region under unmask is unmasked',
      {},
      '<div contenteditable></div>',
      'unmasked',
      'unmasked',
    ],
    [
      'editable text follows maskAllInputs',
      { maskAllInputs: false },
      '<div contenteditable></div>',
      'none',
      'none',
    ],
  ];
  it.each(rows)('%s', (_name, options, html, parent, expected) => {
    const rules = createMaskRules(options);
    expect(rules.stateBelow(element(html), parent)).toBe(expected);
  });
});

describe('masksText and masksInput', () => {
  const rows: Array<[MaskState, PrivacyOptions, boolean, boolean]> = [
    ['none', {}, false, true],
    ['none', { maskAllText: true, maskAllInputs: false }, true, false],
    ['unmasked', { maskAllText: true }, false, false],
    ['masked', { maskAllInputs: false }, true, true],
    ['blocked', {}, true, true],
  ];
  it.each(rows)('state %s with %j: text %s, input %s', (state, options, text, input) => {
    const rules = createMaskRules(options);
    expect([rules.masksText(state), rules.masksInput(state)]).toEqual([text, input]);
  });
});

describe('stateOf', () => {
  it('folds the rules down from the top, nearest rule winning', () => {
    const leaf = element('<div data-spoor-mask><p data-spoor-unmask><span><b>x</b></span></p></div>');
    const rules = createMaskRules({});
    expect(stateOf(rules, leaf.querySelector('b')!)).toBe('unmasked');
    expect(stateOf(rules, leaf)).toBe('masked');
  });

  it('serves later answers from the decisions of one pass', () => {
    const root = element('<div data-spoor-block><p><b>x</b></p></div>');
    const rules = createMaskRules({});
    const known = new Map<Element, MaskState>();
    expect(stateOf(rules, root.querySelector('b')!, known)).toBe('blocked');
    expect(known.get(root)).toBe('blocked');
  });
});

describe('parentAcross', () => {
  it('climbs from a shadow root to its host, so rules set outside hold inside', () => {
    const host = element('<div data-spoor-mask><span id="host"></span></div>').querySelector('#host')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<p><b>inside</b></p>';
    const inner = root.querySelector('b')!;
    expect(parentAcross(root.querySelector('p')!)).toBe(host);
    expect(stateOf(createMaskRules({}), inner)).toBe('masked');
  });

  it('stops at the top document', () => {
    expect(parentAcross(document.documentElement)).toBeNull();
  });
});
