import type { Privacy } from '../privacy';

/** Elements whose own text is a value, not a label (a wrapping label's text skips them). */
const VALUE_SELECTOR = 'input,select,textarea,[contenteditable]';

/** Text as it may leave the page: masked when `element`'s text is, else scrubbed; whitespace collapsed. */
function pageText(element: Element, text: string, privacy: Privacy): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return privacy.isTextMasked(element) ? privacy.maskText(collapsed) : privacy.scrubText(collapsed);
}

/** An element's text, masked and scrubbed; for a `<label>`, without the fields it wraps. */
function textOf(element: Element | null, privacy: Privacy): string {
  if (!element || privacy.isBlocked(element)) return '';
  if (element.localName !== 'label') return privacy.safeText(element);
  let text = '';
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) text += ` ${pageText(element, child.nodeValue ?? '', privacy)}`;
    else if (child.nodeType === 1) {
      const el = child as Element;
      if (!el.matches(VALUE_SELECTOR) && !el.querySelector(VALUE_SELECTOR))
        text += ` ${privacy.safeText(el)}`;
    }
  }
  return privacy.scrubText(text.trim());
}

/**
 * The name a person reads for a form field, in the order browsers compute it: `aria-labelledby`,
 * `aria-label`, its `<label>` (by `for` or wrapping), `placeholder`, then the `name` attribute.
 * Page text, so the privacy rules apply: masked text stays masked, personal data is scrubbed,
 * blocked labels give nothing. At most 100 characters; undefined when the field has no name.
 */
export function labelOf(field: Element, privacy: Privacy): string | undefined {
  const join = (elements: Iterable<Element | null>) =>
    Array.from(elements, (element) => textOf(element, privacy))
      .join(' ')
      .trim();
  const attribute = (name: string) => pageText(field, field.getAttribute(name) ?? '', privacy);
  const text =
    join(
      (field.getAttribute('aria-labelledby') ?? '')
        .split(' ')
        .map((id) => field.ownerDocument.getElementById(id)),
    ) ||
    attribute('aria-label') ||
    // Editing hosts have no `labels`; a wrapping label still names them.
    join((field as HTMLInputElement).labels ?? [field.closest('label')]) ||
    attribute('placeholder') ||
    attribute('name');
  return text ? text.slice(0, 100) : undefined;
}
