import type { Privacy } from '@spoor/core';
import { BLOCK_ATTRIBUTE, MASK_ATTRIBUTE, UNMASK_ATTRIBUTE } from '@spoor/core';

/**
 * Every element that can set a privacy rule for its subtree: the rule attributes, the user's
 * selectors, and what holds typed text (`<textarea>`, `contenteditable`), which is masked like an input.
 */
function ruleSelector(privacy: Privacy): string {
  const { blockSelector, maskSelector, unmaskSelector } = privacy.options;
  const parts = [
    `[${BLOCK_ATTRIBUTE}]`,
    `[${MASK_ATTRIBUTE}]`,
    `[${UNMASK_ATTRIBUTE}]`,
    'textarea',
    '[contenteditable]',
  ];
  for (const selector of [blockSelector, maskSelector, unmaskSelector]) if (selector) parts.push(selector);
  return parts.join(',');
}

/** True when the rules of `document` can come from outside it (the page is a same-origin frame). */
function inheritsRules(document: Document): boolean {
  try {
    return Boolean(document.defaultView?.frameElement);
  } catch {
    return true;
  }
}

/**
 * `isTextMasked` for what rrweb does in one synchronous pass: it serialises a snapshot or a batch
 * of mutations (asking about every text node) and emits the events, which are then sanitised,
 * over a DOM that does not change meanwhile. Decisions are shared until the next microtask, by
 * when the page may have changed the DOM.
 *
 * Most text sits under no privacy rule at all: one native `closest()` over the rule selector
 * proves it and gives the default at once. Text under a rule, in a shadow root or a frame (whose
 * rules come from outside its tree), or in a `designMode` document takes the core's own walk.
 */
export function passMasking(privacy: Privacy, document: Document): (element: Element) => boolean {
  const selector = ruleSelector(privacy);
  const unruled = privacy.options.maskAllText === true;
  let fast = !inheritsRules(document);
  let pass: ((element: Element) => boolean) | undefined;
  /** Read once per pass; `undefined` between passes. */
  let designMode: boolean | undefined;
  const endPass = () => {
    pass = designMode = undefined;
  };
  return (element) => {
    if (designMode === undefined) {
      designMode = document.designMode === 'on';
      queueMicrotask(endPass);
    }
    if (fast && !designMode && element.getRootNode() === document) {
      try {
        if (element.closest(selector) === null) return unruled;
      } catch {
        // A selector the browser refuses: the core's walk decides (it fails safe).
        fast = false;
      }
    }
    pass ??= privacy.textMaskedPass();
    return pass(element);
  };
}

/** Most strings a recording remembers per rule; past this it starts again (bounded memory). */
const CACHE_SIZE = 2_000;
/** Longer strings are rare and made safe each time. */
const CACHE_LENGTH = 500;

/**
 * A pure string rule (`scrubText`, `redactUrl`, `redactLink`) remembered per string: a page shows
 * the same labels, descriptions and links again and again (a list re-rendered, a route revisited),
 * and each rule is a battery of regular expressions.
 */
export function cached(rule: (text: string) => string): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    // Below 6 characters no rule finds anything to replace: nothing worth remembering.
    if (text.length < 6 || text.length > CACHE_LENGTH) return rule(text);
    let out = known.get(text);
    if (out === undefined) {
      out = rule(text);
      if (known.size >= CACHE_SIZE) known.clear();
      known.set(text, out);
    }
    return out;
  };
}
