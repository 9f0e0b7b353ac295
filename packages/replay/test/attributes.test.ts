import { describe, expect, it } from 'vitest';
import { type AttributeRule, attributeRule } from '../src/recorder/attributes';

describe('attributeRule', () => {
  const rows: Array<[string, string | undefined, string, AttributeRule]> = [
    ['href', 'a', '', 'link'],
    ['href', 'area', '', 'link'],
    ['xlink:href', 'a', '', 'link'],
    ['href', 'link', '', 'url'],
    ['src', 'img', '', 'url'],
    ['action', 'form', '', 'url'],
    ['srcset', 'img', '', 'url'],
    ['value', 'input', 'hidden', 'input'],
    ['value', 'input', '', 'input'],
    ['value', 'textarea', '', 'input'],
    ['value', 'select', '', 'input'],
    ['value', 'option', '', 'input'],
    ['value', 'input', 'SUBMIT', 'text'],
    ['value', 'input', 'button', 'text'],
    ['value', 'button', '', 'text'],
    ['value', 'li', '', 'text'],
    ['title', 'span', '', 'text'],
    ['alt', 'img', '', 'text'],
    ['aria-label', 'button', '', 'text'],
    ['placeholder', 'input', '', 'text'],
    ['data-customer', 'div', '', 'text'],
    ['data-testid', 'div', '', 'text'],
    ['class', 'div', '', 'keep'],
    ['type', 'input', '', 'keep'],
    ['style', 'div', '', 'keep'],
  ];
  it.each(rows)('%s on <%s type=%j> → %s', (name, tag, type, expected) => {
    expect(attributeRule(name, tag, type)).toBe(expected);
  });
});
