import { createPrivacy, type PrivacyOptions } from '@spoor/core';
import { afterEach, describe, expect, it } from 'vitest';
import { passMasking } from '../src/recorder/textMasking';

afterEach(() => {
  document.body.innerHTML = '';
  document.designMode = 'off';
});

// Text in every kind of place a rule can reach it from: the fast path must decide as the core does.
const PAGE = `
<main><p id="plain">Hello <b id="bold">there</b></p>
<section data-spoor-mask><p id="masked">Secret <i id="masked-deep">deep</i></p>
  <div data-spoor-unmask><span id="unmasked">Shown</span></div></section>
<div data-spoor-block><div data-spoor-unmask><span id="blocked">Hidden</span></div></div>
<textarea id="area">typed</textarea>
<div contenteditable><p id="editable">typed</p></div>
<div contenteditable="false"><p id="not-editable">fixed</p></div>
<div contenteditable data-spoor-unmask><p id="editable-unmasked">typed</p></div>
<div class="account"><p id="by-selector">Account</p><p class="public" id="unmasked-by-selector">Public</p></div>
<div class="private"><p id="blocked-by-selector">Private</p></div>
<div id="host"></div></main>`;

const IDS = [
  'plain',
  'bold',
  'masked',
  'masked-deep',
  'unmasked',
  'blocked',
  'area',
  'editable',
  'not-editable',
  'editable-unmasked',
  'by-selector',
  'unmasked-by-selector',
  'blocked-by-selector',
];

const OPTIONS: Array<[string, PrivacyOptions]> = [
  ['defaults', {}],
  ['maskAllText', { maskAllText: true }],
  ['inputs unmasked', { maskAllInputs: false }],
  ['selectors', { maskSelector: '.account', unmaskSelector: '.public', blockSelector: '.private' }],
  ['selectors, maskAllText', { maskAllText: true, maskSelector: '.account', unmaskSelector: '.public' }],
];

describe('passMasking', () => {
  it.each(OPTIONS)('decides as the core does, with %s', async (_, options) => {
    document.body.innerHTML = PAGE;
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p id="in-shadow">Inside</p>';
    document.getElementById('host')!.setAttribute('data-spoor-mask', '');
    const privacy = createPrivacy(options);
    const isTextMasked = passMasking(privacy, document);
    const elements = [...IDS.map((id) => document.getElementById(id)!), shadow.getElementById('in-shadow')!];
    for (const element of elements) {
      expect([element.id, isTextMasked(element)]).toEqual([element.id, privacy.isTextMasked(element)]);
    }
    // The next pass sees a rule added meanwhile.
    await Promise.resolve();
    document.querySelector('main')!.setAttribute('data-spoor-mask', '');
    expect(isTextMasked(document.getElementById('plain')!)).toBe(true);
  });

  it('leaves a designMode document to the core', () => {
    document.body.innerHTML = PAGE;
    document.designMode = 'on';
    const privacy = createPrivacy();
    expect(passMasking(privacy, document)(document.getElementById('plain')!)).toBe(true);
  });

  it('decides a detached element as the core does', () => {
    const privacy = createPrivacy();
    const element = document.createElement('p');
    expect(passMasking(privacy, document)(element)).toBe(privacy.isTextMasked(element));
  });
});
