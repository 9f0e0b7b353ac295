// Query parameter and property names whose values are secrets or personal data.
const DENY_EXACT_RE =
  /^(?:auth|authorization|key|api_key|apikey|code|e-?mail|mail|session|session_?id|sid|jwt|signature|sig|otp|ssn|pin|cvv|cvc|card|card_?number|cc|ccnum|phone|tel|mobile|ticket|saml|samlresponse|credentials?|x-amz-(?:signature|credential))$/;
const DENY_CONTAINS_RE = /token|secret|passw|pwd|api_?key|e-?mail/;
const PERSONAL_AUTOCOMPLETE_RE =
  /^(?:name|honorific-prefix|given-name|additional-name|family-name|honorific-suffix|nickname|email|username|street-address|postal-code|sex|impp|photo|tel.*|bday.*|address-line\d|address-level\d)$/;
const SECRET_AUTOCOMPLETE_RE = /^(?:cc-.+|current-password|new-password|one-time-code)$/;
const SECRET_FIELD_NAME_RE =
  /^(?:cc|ccnum|ccnumber|cardnumber|creditcard|cvv2?|cvc2?|csc|securitycode|ssn|pin)$|passw|pwd/;
const WHITESPACE_RE = /\s+/g;

/** True when a query parameter or property name says its value is a secret or personal data. */
export function isSensitiveName(name: string, denied: ReadonlySet<string>): boolean {
  const lower = name.toLowerCase().trim();
  return denied.has(lower) || DENY_EXACT_RE.test(lower) || DENY_CONTAINS_RE.test(lower);
}

const autocompleteTokens = (element: Element): string[] =>
  (element.getAttribute('autocomplete') ?? '').toLowerCase().split(WHITESPACE_RE).filter(Boolean);

/** Password, hidden and card-number fields (by type, autocomplete, name or id). */
export function isNeverCaptured(element: Element): boolean {
  const tag = element.tagName;
  if (tag !== 'INPUT' && tag !== 'TEXTAREA' && tag !== 'SELECT') return false;
  const type = (element.getAttribute('type') ?? '').toLowerCase();
  if (tag === 'INPUT' && (type === 'password' || type === 'hidden')) return true;
  if (autocompleteTokens(element).some((t) => SECRET_AUTOCOMPLETE_RE.test(t))) return true;
  const names = `${element.getAttribute('name') ?? ''} ${element.id}`.toLowerCase();
  return names.split(/\s+/).some((n) => SECRET_FIELD_NAME_RE.test(n.replace(/[^a-z\d]/g, '')));
}

/** E-mail and phone fields, and fields whose autocomplete names personal data: masked even when unmasked. */
export function isPersonalField(element: Element): boolean {
  const type = (element.getAttribute('type') ?? '').toLowerCase();
  if (element.tagName === 'INPUT' && (type === 'email' || type === 'tel')) return true;
  return autocompleteTokens(element).some((t) => PERSONAL_AUTOCOMPLETE_RE.test(t));
}

/**
 * True for an element whose text the visitor types: a `<textarea>` (its text is its first value),
 * an editing host (`contenteditable` other than `false`) or the root of a `designMode` document.
 * Read from attributes: `isContentEditable` makes the browser compute styles.
 */
export function holdsTypedText(element: Element): boolean {
  if (element.localName === 'textarea') return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return element.parentNode?.nodeType === 9 && element.ownerDocument.designMode === 'on';
}
