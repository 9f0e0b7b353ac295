import type { Privacy } from '@spoor/core';

/** Throws a SyntaxError when a user selector is not valid CSS (rrweb would then fail open). */
export function assertSelectors(document: Document, privacy: Privacy): void {
  const { blockSelector, maskSelector, unmaskSelector } = privacy.options;
  for (const selector of [blockSelector, maskSelector, unmaskSelector]) {
    if (selector) document.createDocumentFragment().querySelector(selector);
  }
}
