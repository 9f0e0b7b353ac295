import { type MaskRules, type MaskState, stateOf } from './maskRules';
import { maskText, scrubText } from './scrub';
import { REDACTED } from './url';

const WHITESPACE_RE = /\s+/g;
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * `isTextMasked` for one pass over a DOM that does not change meanwhile. A recorder asks about
 * every text node of a snapshot, and a walk up the whole chain for each cost more than the rest
 * of the pass: each element is decided once, from its parent's decision.
 */
export function textMaskedPass(rules: MaskRules): (element: Element) => boolean {
  const known = new Map<Element, MaskState>();
  return (element) => rules.masksText(stateOf(rules, element, known));
}

/** Text of an element as it may leave the page: masked or scrubbed, whitespace collapsed, capped. */
export function safeText(rules: MaskRules, element: Element, maxLength = 100): string {
  const own = stateOf(rules, element);
  if (own === 'blocked') return '';
  // Collect a little more than needed so a pattern cut by the cap is still recognised whole.
  const budget = maxLength + 256;
  let collected = '';
  const visit = (node: Node, state: MaskState): void => {
    const masked = rules.masksText(state);
    for (let child = node.firstChild; child && collected.length < budget; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const text = child.nodeValue ?? '';
        collected += masked ? maskText(text) : text;
      } else if (child.nodeType === 1) {
        const el = child as Element;
        const below = SKIPPED_TAGS.has(el.tagName) ? 'blocked' : rules.stateBelow(el, state);
        if (below !== 'blocked') visit(el, below);
      }
    }
  };
  // The element's own decision is what its subtree inherits.
  visit(element, rules.masksText(own) ? 'masked' : 'unmasked');
  return scrubText(collected.replace(WHITESPACE_RE, ' ').trim()).slice(0, Math.max(0, maxLength));
}

/** Deep-copies a value, scrubbing every string in it; values under a sensitive key are redacted. */
export function scrubValue<TValue>(value: TValue, isSensitive: (key: string) => boolean): TValue {
  const seen = new WeakMap<object, unknown>();
  const walk = (input: unknown, key: string | undefined): unknown => {
    if (typeof input === 'string') return key !== undefined && isSensitive(key) ? REDACTED : scrubText(input);
    if (input === null || typeof input !== 'object') return input;
    if (seen.has(input)) return seen.get(input);
    if (input instanceof Date) return new Date(input.getTime());
    if (Array.isArray(input)) {
      const copy: unknown[] = [];
      seen.set(input, copy);
      for (const item of input) copy.push(walk(item, undefined));
      return copy;
    }
    const copy: Record<string, unknown> = {};
    seen.set(input, copy);
    for (const [k, v] of Object.entries(input)) copy[k] = walk(v, k);
    return copy;
  };
  return walk(value, undefined) as TValue;
}
