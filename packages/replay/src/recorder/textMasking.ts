import type { Privacy } from '@spoor/core';
import { BLOCK_ATTRIBUTE, MASK_ATTRIBUTE, UNMASK_ATTRIBUTE } from '@spoor/core';

/**
 * `isTextMasked` for what rrweb does in one synchronous pass: it serialises a snapshot or a batch
 * of mutations (asking about every text node) and emits the events, which are then sanitised,
 * over a DOM that does not change meanwhile. Decisions are shared until the next microtask, by
 * when the page may have changed the DOM.
 *
 * Most text sits under no privacy rule at all: one native `closest()` over every element that can
 * set a rule (the rule attributes, the user's selectors, and `<textarea>` and `contenteditable`,
 * whose text is masked like an input) proves it and gives the default at once. Text under a rule,
 * in a shadow root or a frame (whose rules come from outside its tree; `frameElement` is null for a
 * cross-origin parent), or in a `designMode` document takes the core's own walk.
 */
export function passMasking(privacy: Privacy, document: Document): (element: Element) => boolean {
  const { options } = privacy;
  // The user's selectors are valid: the recorder checked them before it started.
  const rules = [`[${BLOCK_ATTRIBUTE}],[${MASK_ATTRIBUTE}],[${UNMASK_ATTRIBUTE}],[contenteditable],textarea`]
    .concat(options.blockSelector ?? [], options.maskSelector ?? [], options.unmaskSelector ?? [])
    .join();
  const fast = !document.defaultView?.frameElement;
  let pass: ((element: Element) => boolean) | undefined;
  return (element) => {
    if (fast && element.getRootNode() === document && document.designMode !== 'on' && !element.closest(rules))
      return options.maskAllText === true;
    if (!pass) {
      pass = privacy.textMaskedPass();
      queueMicrotask(() => {
        pass = undefined;
      });
    }
    return pass(element);
  };
}
