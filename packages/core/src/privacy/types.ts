/** Attribute that masks the text and values of an element and its subtree. */
export const MASK_ATTRIBUTE = 'data-spoor-mask';
/** Attribute that keeps an element and its subtree out of everything Spoor records. */
export const BLOCK_ATTRIBUTE = 'data-spoor-block';
/** Attribute that opts a subtree back in (text and non-sensitive input values). */
export const UNMASK_ATTRIBUTE = 'data-spoor-unmask';

/** Privacy options. The defaults are the safe side. */
export interface PrivacyOptions {
  /** Mask the values of every form field and the text of editable regions (`contenteditable`). @default true */
  maskAllInputs?: boolean;
  /** Mask all visible text. @default false */
  maskAllText?: boolean;
  /** CSS selector of elements whose text and values are masked. @default undefined */
  maskSelector?: string;
  /** CSS selector of elements never recorded at all. @default undefined */
  blockSelector?: string;
  /** CSS selector of elements opted back in (like `data-spoor-unmask`). @default undefined */
  unmaskSelector?: string;
  /** Extra query parameter names to redact (added to the default denylist). @default [] */
  redactQueryParams?: string[];
  /** Allowlist mode: when set, every query parameter not listed here is redacted. @default undefined */
  allowQueryParams?: string[];
  /** Send error stacks (scrubbed). @default false */
  captureErrorStack?: boolean;
}

/** The privacy helpers every capture source and plugin uses. */
export interface Privacy {
  readonly options: Readonly<PrivacyOptions>;
  /** Replaces every non-whitespace character with `*`, keeping the length shape. */
  maskText(text: string): string;
  /** Replaces e-mail addresses, card numbers (Luhn), phone numbers, IBANs, JWTs and secret-looking tokens. */
  scrubText(text: string): string;
  /** Redacts secret query parameters and token fragments of a URL; keeps it relative if it was. */
  redactUrl(url: string): string;
  /**
   * Redacts the target of a link: `mailto:`, `tel:`, `sms:` and every other non-web scheme keep
   * only their scheme, and web addresses lose every query value not in `allowQueryParams`.
   */
  redactLink(url: string): string;
  /** True when the element or an ancestor (across shadow roots and same-origin frames) is blocked. */
  isBlocked(element: Element): boolean;
  /** True when the element's text must be masked (mask attribute/selector or maskAllText, unless unmasked). */
  isTextMasked(element: Element): boolean;
  /**
   * `isTextMasked` for many elements of a DOM that does not change in between, such as a recorder
   * serialising a snapshot or a batch of mutations. Each element is decided once, from its own
   * attributes and its parent's decision. Make a new one for each pass, and do not keep it past
   * the task.
   */
  textMaskedPass(): (element: Element) => boolean;
  /** True when a form field's (or an editable region's) value must be masked. */
  isInputMasked(element: Element): boolean;
  /** Password, hidden and card-number fields: never captured, whatever the options say. */
  isNeverCaptured(element: Element): boolean;
  /** Deep-copies a value, scrubbing every string in it. */
  scrubValue<TValue>(value: TValue): TValue;
  /** Text of an element as it may leave the page: masked or scrubbed, whitespace collapsed, capped. */
  safeText(element: Element, maxLength?: number): string;
}
