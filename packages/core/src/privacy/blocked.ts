import { hostOfTree } from './maskRules';
import { BLOCK_ATTRIBUTE } from './types';

/**
 * Whether an element or anything above it, across shadow roots and same-origin frames, is blocked.
 * A block is never lifted, so one native `closest()` per tree gives the answer `stateOf` folds
 * down the whole chain for, with no script step per ancestor: clicks and keys ask at dispatch.
 */
export function blockedTest(blockSelector: string | undefined): (element: Element) => boolean {
  const selector = `[${BLOCK_ATTRIBUTE}]${blockSelector ? `,${blockSelector}` : ''}`;
  // A broken selector fails safe (everything is blocked), and stays failed: some DOMs throw only once.
  let broken = false;
  return (element) => {
    for (let el: Element | null = element; el && !broken; ) {
      try {
        if (el.closest(selector)) return true;
      } catch {
        broken = true;
      }
      el = hostOfTree(el.getRootNode());
    }
    return broken;
  };
}
