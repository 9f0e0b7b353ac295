import type { TargetInfo } from '../events';
import type { Privacy } from '../privacy';
import { scrubText } from '../privacy/scrub';
import { labelOf } from './label';

/** Elements a click is attributed to when the visitor clicked something inside them. */
const INTERACTIVE_SELECTOR = [
  'a[href]',
  'button',
  'input',
  'select',
  'textarea',
  'label',
  'summary',
  'option',
  '[role="button"]',
  '[role="link"]',
  '[role="checkbox"]',
  '[role="radio"]',
  '[role="switch"]',
  '[role="tab"]',
  '[role="menuitem"]',
  '[role="option"]',
].join(',');

/** Attributes that name an element on purpose, in order of preference. */
const NAMING_ATTRIBUTES = ['data-testid', 'data-spoor-id'] as const;

/** Elements whose text content is (or holds) form values. */
const FIELD_TAGS = new Set(['textarea', 'select', 'form']);

/** How many elements (the target and its ancestors) a selector may chain. */
const MAX_SELECTOR_DEPTH = 5;

/** The nearest interactive element at or above `element` (the element itself when there is none). */
export function interactiveTarget(element: Element): Element {
  return element.closest(INTERACTIVE_SELECTOR) ?? element;
}

/** The element an event happened on, skipping text nodes. */
export function elementOf(target: EventTarget | null): Element | null {
  if (!target || typeof target !== 'object') return null;
  const node = target as Node;
  if (node.nodeType === 1) return node as Element;
  return node.parentElement ?? null;
}

/**
 * Ids and attribute values that look made by a tool rather than a person: React's `:r1:`,
 * `ember123`, UUIDs, CSS-in-JS hashes (`css-1x2y3z`). They change between builds or renders,
 * so a selector built on them would not match the same element tomorrow.
 */
function isStableToken(token: string): boolean {
  if (token.length === 0 || token.length > 64) return false;
  if (!/^[A-Za-z][\w-]*$/.test(token)) return false;
  if (/\d{3,}/.test(token)) return false;
  return token.split(/[-_]/).every((part) => !looksHashed(part));
}

function looksHashed(part: string): boolean {
  const digits = part.replace(/\D/g, '').length;
  const letters = part.length - digits;
  if (part.length >= 4 && digits >= 2 && letters >= 1) return true;
  // Long mixed-case runs without vowels-and-words shape, like styled-components' `kDmFdS`.
  return part.length >= 5 && /[a-z][A-Z][a-z]*[A-Z]/.test(part) && !/^[A-Z]?[a-z]+([A-Z][a-z]+)+$/.test(part);
}

function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** One step of a selector that identifies `element` on its own, when the element carries a stable name. */
function anchorOf(element: Element): string | null {
  const id = element.getAttribute('id');
  if (id && isStableToken(id) && element.ownerDocument.getElementById(id) === element) {
    // Stable ids match /^[A-Za-z][\w-]*$/, so they need no CSS escaping.
    return `#${id}`;
  }
  for (const name of NAMING_ATTRIBUTES) {
    const value = element.getAttribute(name);
    // A test id that holds personal data (`row-ada@example.com`) is no name to send.
    if (value && value.length <= 100 && scrubText(value) === value) return `[${name}=${quote(value)}]`;
  }
  return null;
}

function stepOf(element: Element): string {
  const tag = element.localName;
  if (!element.parentElement || tag === 'body' || tag === 'html') return tag;
  // Walks the siblings in place (no array copy of the parent's children): the position among
  // earlier siblings of the same tag, and whether any later one shares it.
  let index = 1;
  for (let sibling = element.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
    if (sibling.localName === tag) index += 1;
  }
  if (index > 1) return `${tag}:nth-of-type(${index})`;
  for (let sibling = element.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
    if (sibling.localName === tag) return `${tag}:nth-of-type(1)`;
  }
  return tag;
}

/**
 * A short CSS selector for `element`: `#id` when the id looks stable, `[data-testid="…"]` or
 * `[data-spoor-id="…"]`, else tag names with `:nth-of-type` for up to a few ancestors. Class
 * names are never used: CSS-in-JS hashes them per build.
 */
function selectorOf(element: Element): string {
  const steps: string[] = [];
  let current: Element | null = element;
  while (current && steps.length < MAX_SELECTOR_DEPTH) {
    const anchor = anchorOf(current);
    if (anchor) {
      steps.unshift(anchor);
      break;
    }
    steps.unshift(stepOf(current));
    if (current.localName === 'body' || current.localName === 'html') break;
    current = current.parentElement;
  }
  return steps.join(' > ');
}

/** Redacted hrefs by link, valid while the link's `href` and the document's base URL stay the same. */
export type HrefCache = WeakMap<Element, { raw: string; base: string; href: string | undefined }>;

function hrefOf(element: Element, privacy: Privacy, cache?: HrefCache): string | undefined {
  if (element.localName !== 'a' && element.localName !== 'area') return undefined;
  const raw = element.getAttribute('href');
  if (raw === null) return undefined;
  const base = element.ownerDocument.baseURI;
  const known = cache?.get(element);
  if (known && known.raw === raw && known.base === base) return known.href;
  const href = resolveHref(raw, base, privacy);
  cache?.set(element, { raw, base, href });
  return href;
}

function resolveHref(raw: string, base: string, privacy: Privacy): string | undefined {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return undefined;
  }
  return privacy.redactLink(url.href);
}

/**
 * Describes an element for click, input and form events: selector, tag, safe text and, for
 * links, the redacted `href` (kept in `hrefs` when given, since resolving and redacting a URL on
 * every click of the same link is wasted work). Callers skip blocked elements before calling
 * this. Forms, textareas and selects carry no text: theirs is made of form values.
 */
export function describeTarget(element: Element, privacy: Privacy, hrefs?: HrefCache): TargetInfo {
  const info: TargetInfo = { selector: selectorOf(element), tag: element.localName };
  // A textarea's text is its value, a select's is every option: neither is a label.
  if (!FIELD_TAGS.has(element.localName)) {
    const text = privacy.safeText(element, 100);
    if (text) info.text = text;
  }
  const href = hrefOf(element, privacy, hrefs);
  if (href !== undefined) info.href = href;
  return info;
}

/** Describes a form field for input events: `describeTarget` and the label a person reads for it. */
export function describeField(field: Element, privacy: Privacy): TargetInfo {
  const info = describeTarget(field, privacy);
  const label = labelOf(field, privacy);
  if (label) info.label = label;
  return info;
}
