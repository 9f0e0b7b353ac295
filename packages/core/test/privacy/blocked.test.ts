import { describe, expect, it } from 'vitest';
import { blockedTest } from '../../src/privacy/blocked';
import { createMaskRules, stateOf } from '../../src/privacy/maskRules';
import type { PrivacyOptions } from '../../src/privacy/types';

/** Every element of a page: the document's, those inside shadow roots, and `extra` (detached ones). */
function elementsOf(root: ParentNode, extra: Element[] = []): Element[] {
  const found: Element[] = [...extra];
  const visit = (node: ParentNode) => {
    for (const el of node.querySelectorAll('*')) {
      found.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(root);
  for (const el of extra) visit(el);
  return found;
}

function page(html: string) {
  document.body.innerHTML = html;
  for (const host of document.querySelectorAll('[data-shadow]')) {
    host.attachShadow({ mode: 'open' }).innerHTML = host.getAttribute('data-shadow') ?? '';
  }
}

const PAGES = {
  'nested blocks and plain branches':
    '<main><div data-spoor-block><p><span>x</span></p></div><section data-spoor-unmask><a href="#">y</a></section></main>',
  'a block selector': '<ul><li class="hide"><b>secret</b></li><li><i>open</i></li></ul>',
  'a block outside a shadow root holds inside it':
    '<div data-spoor-block><x-card data-shadow="<p><span>in shadow</span></p>"></x-card></div>',
  'a block inside a shadow root':
    '<x-card data-shadow="<p data-spoor-block><span>hidden</span></p><p><span>shown</span></p>"></x-card>',
  'nested shadow roots': `<div class="hide"><x-a data-shadow="<x-b data-shadow='<em>deep</em>'></x-b>"></x-a></div><x-c data-shadow="<b>open</b>"></x-c>`,
};

const OPTIONS: Array<[string, PrivacyOptions]> = [
  ['defaults', {}],
  ['a block selector', { blockSelector: '.hide' }],
  ['mask and unmask rules beside', { maskSelector: 'section', unmaskSelector: 'li' }],
];

describe('blocked test: the same answer as the folded chain, with one closest() per tree', () => {
  for (const [optionsName, options] of OPTIONS) {
    it.each(Object.entries(PAGES))(`${optionsName}: %s`, (_name, html) => {
      page(html);
      // Detached elements too: an anchor at the top of a detached tree has its own `host` (a URL part).
      const link = document.createElement('a');
      link.href = 'https://example.com/x';
      link.innerHTML = '<span>detached</span>';
      const blockedTree = document.createElement('div');
      blockedTree.setAttribute('data-spoor-block', '');
      blockedTree.innerHTML = '<span>detached, blocked</span>';
      const rules = createMaskRules(options);
      const isBlocked = blockedTest(options.blockSelector);
      const all = elementsOf(document, [link, blockedTree]);
      expect(all.length).toBeGreaterThan(4);
      for (const el of all)
        expect([el.outerHTML, isBlocked(el)]).toEqual([el.outerHTML, stateOf(rules, el) === 'blocked']);
    });
  }

  it('fails safe on a broken block selector: everything is blocked, every time', () => {
    page(PAGES['nested shadow roots']);
    const isBlocked = blockedTest('))');
    const all = elementsOf(document);
    for (const el of [...all, ...all]) expect(isBlocked(el)).toBe(true);
  });
});
