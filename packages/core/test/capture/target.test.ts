import { afterEach, describe, expect, it } from 'vitest';
import { describeTarget, interactiveTarget } from '../../src/capture/target';
import { createPrivacy } from '../../src/privacy';

const privacy = createPrivacy();

afterEach(() => {
  document.body.innerHTML = '';
});

describe('describeTarget', () => {
  it.each([
    ['a stable id', '<button id="checkout">Pay</button>', 'button', '#checkout'],
    [
      'data-testid',
      '<div><button data-testid="save-btn">Save</button></div>',
      'button',
      '[data-testid="save-btn"]',
    ],
    [
      'data-spoor-id',
      '<div><a href="/x" data-spoor-id="nav-home">Home</a></div>',
      'a',
      '[data-spoor-id="nav-home"]',
    ],
    [
      'an id with a long number',
      '<ul><li><button id="item-48213">Add</button></li></ul>',
      'button',
      'body > ul > li > button',
    ],
    ["React's useId", '<p><span id=":r1:">x</span></p>', 'span', 'body > p > span'],
    [
      'a UUID id',
      '<p><span id="a3f9c2d1-77aa-4c1e-9b3e-0f1e2d3c4b5a">x</span></p>',
      'span',
      'body > p > span',
    ],
    ['a hashed id', '<p><span id="css-1x2y3z">x</span></p>', 'span', 'body > p > span'],
    [
      'hashed CSS-in-JS classes',
      '<div class="css-1x2y3z sc-abc e1f2g3h4"><span class="emotion-0 jsx-123456">x</span></div>',
      'span',
      'body > div > span',
    ],
    [
      'siblings of the same tag',
      '<ul><li>a</li><li>b</li><li><a href="/c">c</a></li></ul>',
      'a',
      'body > ul > li:nth-of-type(3) > a',
    ],
    [
      'the first of siblings of the same tag',
      '<ul><li><a href="/a">a</a></li><li>b</li></ul>',
      'a',
      'body > ul > li:nth-of-type(1) > a',
    ],
    [
      'siblings of other tags only',
      '<div><p>x</p><section><em>y</em></section><p>z</p></div>',
      'em',
      'body > div > section > em',
    ],
    [
      'an anchor among the ancestors',
      '<nav id="main-nav"><ul><li>a</li><li><a href="/b">b</a></li></ul></nav>',
      'a',
      '#main-nav > ul > li:nth-of-type(2) > a',
    ],
    [
      'a deep element (a few ancestors only)',
      '<div><div><div><div><div><div><em>deep</em></div></div></div></div></div></div>',
      'em',
      'div > div > div > div > em',
    ],
  ])('builds a short stable selector from %s', (_name, html, query, selector) => {
    document.body.innerHTML = html;
    const element = document.querySelector(query)!;
    expect(describeTarget(element, privacy).selector).toBe(selector);
  });

  it('gives the current href of a link whose href or base URL changed since the last call', () => {
    document.body.innerHTML = '<a href="/reset?token=abc">Reset</a>';
    const link = document.querySelector('a')!;
    const hrefs = new WeakMap();
    const first = describeTarget(link, privacy, hrefs).href;
    expect(describeTarget(link, privacy, hrefs).href).toBe(first);
    link.setAttribute('href', '/other?lang=en');
    expect(describeTarget(link, privacy, hrefs).href).toBe(
      `${new URL('/other', document.baseURI).href}?lang=[redacted]`,
    );
    history.pushState({}, '', '/deeper/page');
    link.setAttribute('href', 'relative');
    const before = describeTarget(link, privacy, hrefs).href;
    history.pushState({}, '', '/elsewhere/page');
    expect(describeTarget(link, privacy, hrefs).href).not.toBe(before);
    expect(describeTarget(link, privacy, hrefs).href).toBe(new URL('relative', document.baseURI).href);
    history.replaceState({}, '', '/');
  });

  it('never uses class names', () => {
    document.body.innerHTML =
      '<section class="hero"><button class="btn primary css-9z8y7x">Go</button></section>';
    expect(describeTarget(document.querySelector('button')!, privacy).selector).not.toMatch(/\./);
  });

  it('ignores an id shared by two elements', () => {
    document.body.innerHTML = '<p id="dup">a</p><p id="dup">b</p>';
    expect(describeTarget(document.querySelectorAll('p')[1]!, privacy).selector).toBe(
      'body > p:nth-of-type(2)',
    );
  });

  it('gives the tag, scrubbed text capped at 100 characters, and a redacted href for links', () => {
    document.body.innerHTML = `<a href="/reset?token=abc123xyz&amp;lang=en">Mail ada@example.com ${'x'.repeat(200)}</a>`;
    const info = describeTarget(document.querySelector('a')!, privacy);
    expect(info.tag).toBe('a');
    expect(info.text?.startsWith('Mail [email] xxx')).toBe(true);
    expect(info.text?.length).toBe(100);
    expect(info.href).toBe('http://localhost:3000/reset?token=[redacted]&lang=[redacted]');
  });

  it('masks text under data-spoor-mask and keeps only the scheme of mailto links', () => {
    document.body.innerHTML = '<a href="mailto:ada@example.com" data-spoor-mask>Ada Lovelace</a>';
    expect(describeTarget(document.querySelector('a')!, privacy)).toEqual({
      selector: 'body > a',
      tag: 'a',
      text: '*** ********',
      href: 'mailto:',
    });
  });

  it('sends no text for textareas, selects and forms', () => {
    document.body.innerHTML =
      '<form><textarea>my secret draft</textarea><select><option>Alice</option></select></form>';
    for (const query of ['textarea', 'select', 'form']) {
      expect(describeTarget(document.querySelector(query)!, privacy).text).toBeUndefined();
    }
  });
});

describe('interactiveTarget', () => {
  it.each([
    ['<a href="/x"><span>in a link</span></a>', 'a'],
    ['<button><svg><path></path></svg></button>', 'button'],
    ['<div role="button"><i>icon</i></div>', 'div'],
    ['<label><b>Name</b><input></label>', 'label'],
    ['<details><summary><em>More</em></summary></details>', 'summary'],
    ['<div><p><em>plain</em></p></div>', 'em'],
  ])('attributes a click inside %s to its nearest interactive ancestor', (html, tag) => {
    document.body.innerHTML = html;
    const inner = document.body.querySelector('span, path, i, b, summary em, p em')!;
    expect(interactiveTarget(inner).localName).toBe(tag);
  });
});
