import type { Privacy } from '../privacy';

/** Longest label sent, as for other page text. */
const MAX_LABEL_LENGTH = 100;

/** Elements whose own text is a value, not a label (a wrapping label's text skips them). */
const VALUE_SELECTOR = 'input, select, textarea, [contenteditable]:not([contenteditable="false"])';

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** An attribute's text as it may leave the page: masked when the element's text is, else scrubbed. */
function attributeText(element: Element, name: string, privacy: Privacy): string {
  const value = collapse(element.getAttribute(name) ?? '');
  if (!value) return '';
  return privacy.isTextMasked(element) ? privacy.maskText(value) : privacy.scrubText(value);
}

/** A `<label>`'s text without the field (or any other field) it wraps, masked and scrubbed. */
function labelText(label: Element, privacy: Privacy): string {
  if (privacy.isBlocked(label)) return '';
  const masked = privacy.isTextMasked(label);
  const parts: string[] = [];
  for (let child = label.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      const text = child.nodeValue ?? '';
      parts.push(masked ? privacy.maskText(text) : text);
    } else if (child.nodeType === 1) {
      const element = child as Element;
      if (element.matches(VALUE_SELECTOR) || element.querySelector(VALUE_SELECTOR)) continue;
      parts.push(privacy.safeText(element, MAX_LABEL_LENGTH));
    }
  }
  return privacy.scrubText(collapse(parts.join(' ')));
}

function labelsOf(field: Element): Element[] {
  const labels = (field as HTMLInputElement).labels;
  if (labels && labels.length > 0) return Array.from(labels);
  // Editing hosts have no `labels`; a wrapping label still names them.
  const wrapping = field.closest('label');
  return wrapping ? [wrapping] : [];
}

/**
 * The name a person reads for a form field, in the order browsers compute it: `aria-labelledby`,
 * `aria-label`, its `<label>` (by `for` or wrapping), `placeholder`, then the `name` attribute.
 * Page text, so it goes through the same privacy rules: masked text stays masked, personal data
 * is scrubbed, blocked labels give nothing. Undefined when the field has no name.
 */
export function labelOf(field: Element, privacy: Privacy): string | undefined {
  const doc = field.ownerDocument;
  const candidates: (() => string)[] = [
    () =>
      collapse(
        (field.getAttribute('aria-labelledby') ?? '')
          .split(/\s+/)
          .map((id) => (id ? doc.getElementById(id) : null))
          .map((element) => (element && !privacy.isBlocked(element) ? privacy.safeText(element) : ''))
          .join(' '),
      ),
    () => attributeText(field, 'aria-label', privacy),
    () =>
      collapse(
        labelsOf(field)
          .map((label) => labelText(label, privacy))
          .join(' '),
      ),
    () => attributeText(field, 'placeholder', privacy),
    () => attributeText(field, 'name', privacy),
  ];
  for (const candidate of candidates) {
    const text = candidate();
    if (text) return text.slice(0, MAX_LABEL_LENGTH);
  }
  return undefined;
}
