import { BLOCK_ATTRIBUTE, MASK_ATTRIBUTE } from '../privacy';

/** `mask` hides text and values of a subtree; `block` keeps the subtree out of every recording. */
export type PrivacyMark = 'mask' | 'block';

const attributes: Record<PrivacyMark, string> = { mask: MASK_ATTRIBUTE, block: BLOCK_ATTRIBUTE };

/** The attribute that carries `mark` (`data-spoor-mask`, `data-spoor-block`). */
export function privacyMarkAttribute(mark: PrivacyMark): string {
  return attributes[mark];
}

/**
 * Sets or removes a privacy mark on an element. Only an explicit `false` removes it, so a bare
 * `v-spoor-mask` or `use:mask` (value `undefined`) marks the element. For adapters.
 *
 * @example
 * setPrivacyMark(input, 'mask', true);
 */
export function setPrivacyMark(element: Element, mark: PrivacyMark, enabled: boolean | undefined): void {
  element.toggleAttribute(attributes[mark], enabled !== false);
}

/** The attributes to render on the server for a mark, so the element is masked from the first paint. */
export function privacyMarkProps(mark: PrivacyMark, enabled: boolean | undefined): Record<string, string> {
  return enabled === false ? {} : { [attributes[mark]]: '' };
}
