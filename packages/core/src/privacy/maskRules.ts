import { holdsTypedText } from './fields';
import { BLOCK_ATTRIBUTE, MASK_ATTRIBUTE, type PrivacyOptions, UNMASK_ATTRIBUTE } from './types';

/**
 * What an element passes down to its subtree: no rule set above it, opted back in, masked, or
 * kept out of every recording. The nearest rule wins, except that a block is never lifted.
 */
export type MaskState = 'none' | 'unmasked' | 'masked' | 'blocked';

export interface MaskRules {
  /** The state of `element`, given the state its parent passes down. */
  stateBelow(element: Element, parent: MaskState): MaskState;
  /** True when text under this state is masked. */
  masksText(state: MaskState): boolean;
  /** True when form values under this state are masked. */
  masksInput(state: MaskState): boolean;
}

// Per-element tests. Without a user selector they are plain attribute checks: `matches()` on a
// selector string (inside a try) for every element of a subtree cost more than the rest of a click.
// A broken user selector fails safe: it masks and blocks everything, and unmasks nothing.
function elementTest(extra: string | undefined, attribute: string, failSafe: boolean) {
  if (!extra) return (el: Element) => el.hasAttribute(attribute);
  const selector = `[${attribute}],${extra}`;
  // Once a selector has failed it stays failed: some DOMs throw only the first time.
  let broken = false;
  return (el: Element) => {
    if (!broken) {
      try {
        return el.matches(selector);
      } catch {
        broken = true;
      }
    }
    return failSafe || el.hasAttribute(attribute);
  };
}

/** The DOM mask rules for a set of privacy options. */
export function createMaskRules(settings: Readonly<PrivacyOptions>): MaskRules {
  const isBlockedEl = elementTest(settings.blockSelector, BLOCK_ATTRIBUTE, true);
  const isMaskEl = elementTest(settings.maskSelector, MASK_ATTRIBUTE, true);
  const isUnmaskEl = elementTest(settings.unmaskSelector, UNMASK_ATTRIBUTE, false);
  const maskInputs = settings.maskAllInputs !== false;
  return {
    stateBelow: (element, parent) => {
      if (parent === 'blocked' || isBlockedEl(element)) return 'blocked';
      if (isMaskEl(element)) return 'masked';
      if (isUnmaskEl(element)) return 'unmasked';
      // Typed text (editors, textareas) is an input value: masked like one, unless opted back in.
      if (maskInputs && parent === 'none' && holdsTypedText(element)) return 'masked';
      return parent;
    },
    masksText: (state) => (state === 'none' ? settings.maskAllText === true : state !== 'unmasked'),
    masksInput: (state) => (state === 'none' ? maskInputs : state !== 'unmasked'),
  };
}

/**
 * The element a tree hangs from for privacy rules: the host of a shadow root, or the `<iframe>` of
 * a same-origin document (`frameElement` is null at the top and for a cross-origin frame). Anything
 * else (a detached tree's top element, a plain fragment) hangs from nothing. Rules set outside a
 * shadow root or a frame hold inside it.
 */
export function hostOfTree(root: Node | null): Element | null {
  if (root?.nodeType === 11) return (root as ShadowRoot).host ?? null;
  return root?.nodeType === 9 ? ((root as Document).defaultView?.frameElement ?? null) : null;
}

/** The element above `element` for privacy rules: its parent, else the element its tree hangs from. */
export function parentAcross(element: Element): Element | null {
  return element.parentElement ?? hostOfTree(element.parentNode);
}

/** The state of `element`, folded down from the top of its chain; `known` caches decisions of one pass. */
export function stateOf(rules: MaskRules, element: Element, known?: Map<Element, MaskState>): MaskState {
  // Up to the nearest ancestor already decided (a loop: pages can nest deeper than a stack).
  const chain: Element[] = [];
  let node: Element | null = element;
  let state: MaskState = 'none';
  while (node) {
    const decided = known?.get(node);
    if (decided !== undefined) {
      state = decided;
      break;
    }
    chain.push(node);
    node = parentAcross(node);
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    state = rules.stateBelow(chain[i]!, state);
    known?.set(chain[i]!, state);
  }
  return state;
}
