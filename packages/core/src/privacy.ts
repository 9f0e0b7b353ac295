/** Attribute that masks the text and values of an element and its subtree. */
export const MASK_ATTRIBUTE = 'data-spoor-mask';
/** Attribute that keeps an element and its subtree out of everything Spoor records. */
export const BLOCK_ATTRIBUTE = 'data-spoor-block';
/** Attribute that opts a subtree back in (text and non-sensitive input values). */
export const UNMASK_ATTRIBUTE = 'data-spoor-unmask';

/** Privacy options. The defaults are the safe side. */
export interface PrivacyOptions {
  /** Mask the values of every form field. @default true */
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
  /** True when the element or an ancestor is blocked. */
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
  /** True when a form field's value must be masked. */
  isInputMasked(element: Element): boolean;
  /** Password, hidden and card-number fields: never captured, whatever the options say. */
  isNeverCaptured(element: Element): boolean;
  /** Deep-copies a value, scrubbing every string in it. */
  scrubValue<TValue>(value: TValue): TValue;
  /** Text of an element as it may leave the page: masked or scrubbed, whitespace collapsed, capped. */
  safeText(element: Element, maxLength?: number): string;
}

/** What redacted URL parts and secret-named values become. */
const REDACTED = '[redacted]';

// Order matters: JWTs and e-mails first (they contain digit runs the later patterns would split).
const JWT_RE = /\beyJ[\w-]{4,}\.eyJ[\w-]{4,}\.[\w-]*/g;
const EMAIL_RE = /(?<![\w.%+-])[\w.%+-]+(?:@|%40)[a-z\d-]+(?:\.[a-z\d-]+)*\.[a-z]{2,}\b/gi;
const KEY_RE =
  /\b(?:[spr]k_(?:live|test)_[a-z\d]{8,}|gh[pousr]_[a-z\d]{20,}|github_pat_\w{20,}|xox[abposr]-[\w-]{10,}|AKIA[\dA-Z]{16}|AIza[\w-]{35})\b|\bBearer\s+[\w.~+/-]{16,}=*/gi;
const TOKEN_RE = /(?<![\w+/-])[\w+/-]{32,}={0,2}(?![\w+/=-])/g;
const DIGIT_RUN_RE = /\d+/g;
const HEX_RE = /^[\da-f]+$/i;
const UUID_RE = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;
const IBAN_RE = /\b[A-Z]{2}\d{2}(?: ?[A-Z\d]{4}){2,7}(?: ?[A-Z\d]{1,3})?\b/g;
const CARD_RE =
  /(?<![\d+-])(?:\d{13,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{1,4}(?:\1\d{1,3})?|\d{4}([ -])\d{6}\2\d{4,5})(?![\d-])/g;
// International (+ or 00 prefix), North American (555-123-4567, (555) 123-4567) and European
// national numbers (trunk prefix 0, one consistent separator). Digit counts are checked in code.
const PHONE_RE =
  /(?<![\w+]|\d )(?:\+|00(?=[1-9]\d{0,2}[ .-]))[1-9]\d{0,2}(?:[ .-]?\(?\d{1,5}\)?){1,6}(?![\w])|(?<![\w(.-]|\d )(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\w-])|(?<![\w+.,-]|\d )0\d{1,4}([ /.-]?)\d{2,8}(?:\1\d{2,8}){0,3}(?![\w,-]|\.\d)/g;
const NON_DIGIT_RE = /\D/g;
const DIGIT_RE = /\d/g;
const WHITESPACE_RE = /\s+/g;
const NON_SPACE_RE = /\S/gu;
const SCHEME_AUTHORITY_RE = /^([a-z][a-z\d+.-]*:)?(\/\/[^/?#]*)?/i;

// Query parameter and property names whose values are secrets or personal data.
const DENY_EXACT_RE =
  /^(?:auth|authorization|key|api_key|apikey|code|e-?mail|mail|session|session_?id|sid|jwt|signature|sig|otp|ssn|pin|cvv|cvc|card|card_?number|cc|ccnum|phone|tel|mobile|ticket|saml|samlresponse|credentials?|x-amz-(?:signature|credential))$/;
const DENY_CONTAINS_RE = /token|secret|passw|pwd|api_?key|e-?mail/;
const PERSONAL_AUTOCOMPLETE_RE =
  /^(?:name|honorific-prefix|given-name|additional-name|family-name|honorific-suffix|nickname|email|username|street-address|postal-code|sex|impp|photo|tel.*|bday.*|address-line\d|address-level\d)$/;
const SECRET_AUTOCOMPLETE_RE = /^(?:cc-.+|current-password|new-password|one-time-code)$/;
const SECRET_FIELD_NAME_RE =
  /^(?:cc|ccnum|ccnumber|cardnumber|creditcard|cvv2?|cvc2?|csc|securitycode|ssn|pin)$|passw|pwd/;
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

function ibanValid(raw: string): boolean {
  const iban = raw.replace(/ /g, '').toUpperCase();
  if (iban.length < 15 || iban.length > 34) return false;
  let rest = 0;
  for (const ch of iban.slice(4) + iban.slice(0, 4)) {
    const value = ch >= 'A' ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 48;
    rest = (value > 9 ? rest * 100 + value : rest * 10 + value) % 97;
  }
  return rest === 1;
}

const charClass = (ch: string): number =>
  ch >= 'a' && ch <= 'z' ? 0 : ch >= 'A' && ch <= 'Z' ? 1 : ch >= '0' && ch <= '9' ? 2 : 3;

// Random tokens switch between lower case, upper case and digits on most characters; identifiers
// and slugs (getUserProfile2024, how-to-run-2024) switch rarely and hold a single run of digits.
function looksRandom(token: string): boolean {
  const core = token.replace(/=+$/, '');
  if (UUID_RE.test(core)) return false;
  if (HEX_RE.test(core)) return /\d/.test(core) && /[a-f]/i.test(core);
  let switches = 0;
  for (let i = 1; i < core.length; i++) if (charClass(core[i]!) !== charClass(core[i - 1]!)) switches++;
  const ratio = switches / (core.length - 1);
  return ratio >= 0.55 || (ratio >= 0.3 && (core.match(DIGIT_RUN_RE)?.length ?? 0) >= 2);
}

/** Replaces personal data and secrets in free text with placeholders. Pure; never throws. */
function scrubText(text: string): string {
  if (typeof text !== 'string' || text.length < 6) return typeof text === 'string' ? text : '';
  // Each pattern runs only when the text has what any of its matches needs (a length, an `@`, enough
  // digits): most text (button labels, titles) needs one or two of the seven passes. Placeholders
  // hold no digits and break every pattern with their brackets, so counting on the input is safe.
  // One native pass: a loop over every character runs in the interpreter on a page's first
  // few hundred events, before the engine has optimised it.
  const digits = text.length - text.replace(DIGIT_RE, '').length;
  const length = text.length;
  let out = text;
  if (length >= 16 && text.includes('eyJ')) out = out.replace(JWT_RE, '[jwt]');
  if (text.includes('@') || text.includes('%40')) out = out.replace(EMAIL_RE, '[email]');
  if (length >= 15) out = out.replace(KEY_RE, '[secret]');
  if (length >= 32) out = out.replace(TOKEN_RE, (match) => (looksRandom(match) ? '[secret]' : match));
  if (length >= 15 && digits >= 2) {
    out = out.replace(IBAN_RE, (match) => {
      // The greedy match may have swallowed a trailing word: shorten it group by group.
      for (let candidate = match; candidate.length >= 15; candidate = candidate.slice(0, -1).trimEnd()) {
        if (ibanValid(candidate)) return '[iban]' + match.slice(candidate.length);
      }
      return match;
    });
  }
  if (digits >= 13)
    out = out.replace(CARD_RE, (match) => (luhn(match.replace(NON_DIGIT_RE, '')) ? '[card]' : match));
  if (digits >= 9) {
    out = out.replace(PHONE_RE, (match) => {
      const count = match.replace(NON_DIGIT_RE, '').length;
      return count >= 9 && count <= 15 ? '[phone]' : match;
    });
  }
  return out;
}

function maskText(text: string): string {
  return typeof text === 'string' ? text.replace(NON_SPACE_RE, '*') : '';
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return part;
  }
}

function encode(text: string): string {
  return encodeURIComponent(text).replace(/%5B/g, '[').replace(/%5D/g, ']').replace(/%20/g, '+');
}

function selectorFor(attribute: string, extra: string | undefined): string {
  return extra ? `[${attribute}],${extra}` : `[${attribute}]`;
}

/**
 * Creates the privacy helpers from options: masking rules for the DOM, scrubbing of free text and
 * redaction of URLs. Every capture source and plugin of a tracker shares one instance.
 *
 * @example
 * const privacy = createPrivacy({ maskSelector: '.account', redactQueryParams: ['invite'] });
 * privacy.scrubText('Write to ada@example.com'); // 'Write to [email]'
 * privacy.redactUrl('/reset?token=abc&lang=en'); // '/reset?token=[redacted]&lang=en'
 */
/* @__NO_SIDE_EFFECTS__ */
export function createPrivacy(options: PrivacyOptions = {}): Privacy {
  const settings: Readonly<PrivacyOptions> = Object.freeze({
    maskAllInputs: options.maskAllInputs ?? true,
    maskAllText: options.maskAllText ?? false,
    maskSelector: options.maskSelector,
    blockSelector: options.blockSelector,
    unmaskSelector: options.unmaskSelector,
    redactQueryParams: [...(options.redactQueryParams ?? [])],
    allowQueryParams: options.allowQueryParams ? [...options.allowQueryParams] : undefined,
    captureErrorStack: options.captureErrorStack ?? false,
  });
  const maskSel = selectorFor(MASK_ATTRIBUTE, settings.maskSelector);
  const blockSel = selectorFor(BLOCK_ATTRIBUTE, settings.blockSelector);
  const unmaskSel = selectorFor(UNMASK_ATTRIBUTE, settings.unmaskSelector);
  const denied = new Set((settings.redactQueryParams ?? []).map((n) => n.toLowerCase()));
  const allowed = settings.allowQueryParams && new Set(settings.allowQueryParams.map((n) => n.toLowerCase()));

  // A broken user selector must fail safe: it masks/blocks everything, and unmasks nothing.
  const closest = (
    element: Element,
    selector: string,
    attribute: string,
    failSafe: boolean,
  ): Element | null => {
    try {
      return element.closest(selector);
    } catch {
      return failSafe ? element : element.closest(`[${attribute}]`);
    }
  };
  const matches = (element: Element, selector: string, attribute: string, failSafe: boolean): boolean => {
    try {
      return element.matches(selector);
    } catch {
      return failSafe || element.hasAttribute(attribute);
    }
  };
  const isBlocked = (element: Element): boolean => closest(element, blockSel, BLOCK_ATTRIBUTE, true) !== null;
  /** The nearest mask/unmask decision for an element: true (mask), false (unmask) or null (none). */
  const nearestMask = (element: Element): boolean | null => {
    const masked = closest(element, maskSel, MASK_ATTRIBUTE, true);
    const unmasked = closest(element, unmaskSel, UNMASK_ATTRIBUTE, false);
    if (!masked || !unmasked) return masked ? true : unmasked ? false : null;
    return masked === unmasked || unmasked.contains(masked);
  };
  const isSensitiveName = (name: string): boolean => {
    const lower = name.toLowerCase().trim();
    return denied.has(lower) || DENY_EXACT_RE.test(lower) || DENY_CONTAINS_RE.test(lower);
  };
  const autocompleteTokens = (element: Element): string[] =>
    (element.getAttribute('autocomplete') ?? '').toLowerCase().split(WHITESPACE_RE).filter(Boolean);

  const isNeverCaptured = (element: Element): boolean => {
    const tag = element.tagName;
    if (tag !== 'INPUT' && tag !== 'TEXTAREA' && tag !== 'SELECT') return false;
    const type = (element.getAttribute('type') ?? '').toLowerCase();
    if (tag === 'INPUT' && (type === 'password' || type === 'hidden')) return true;
    if (autocompleteTokens(element).some((t) => SECRET_AUTOCOMPLETE_RE.test(t))) return true;
    const names = `${element.getAttribute('name') ?? ''} ${element.id}`.toLowerCase();
    return names.split(/\s+/).some((n) => SECRET_FIELD_NAME_RE.test(n.replace(/[^a-z\d]/g, '')));
  };
  const isPersonalField = (element: Element): boolean => {
    const type = (element.getAttribute('type') ?? '').toLowerCase();
    if (element.tagName === 'INPUT' && (type === 'email' || type === 'tel')) return true;
    return autocompleteTokens(element).some((t) => PERSONAL_AUTOCOMPLETE_RE.test(t));
  };

  const redactParams = (query: string, strict: boolean): string =>
    query
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        if (eq < 0) return scrubText(pair);
        const name = decode(pair.slice(0, eq));
        const raw = pair.slice(eq + 1);
        if (raw === '') return pair;
        const keep = strict && allowed ? allowed.has(name.toLowerCase()) : !isSensitiveName(name);
        if (!keep) return `${pair.slice(0, eq)}=${REDACTED}`;
        const value = decode(raw);
        const scrubbed = scrubText(value);
        return `${pair.slice(0, eq)}=${scrubbed === value ? raw : encode(scrubbed)}`;
      })
      .join('&');
  const scrubPath = (path: string): string =>
    path
      .split('/')
      .map((segment) => {
        const value = decode(segment);
        const scrubbed = scrubText(value);
        return scrubbed === value ? segment : encode(scrubbed);
      })
      .join('/');
  const redactUrl = (url: string): string => {
    if (typeof url !== 'string') return '';
    try {
      const hashAt = url.indexOf('#');
      const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
      const queryAt = beforeHash.indexOf('?');
      const base = queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt);
      const prefix = SCHEME_AUTHORITY_RE.exec(base)?.[0] ?? '';
      // Credentials in the authority (https://user:pass@host) never leave the page.
      const authority = prefix.replace(/\/\/[^/@]*@/, `//${REDACTED}@`);
      let out = authority + scrubPath(base.slice(prefix.length));
      if (queryAt >= 0) out += `?${redactParams(beforeHash.slice(queryAt + 1), true)}`;
      if (hashAt >= 0) out += `#${redactFragment(url.slice(hashAt + 1))}`;
      return out;
    } catch {
      return REDACTED;
    }
  };
  // Fragments: OAuth implicit-flow params (#access_token=…), hash routes (#/path?q=…) or plain anchors.
  const redactFragment = (fragment: string): string => {
    const queryAt = fragment.indexOf('?');
    if (queryAt >= 0) {
      return scrubPath(fragment.slice(0, queryAt)) + '?' + redactParams(fragment.slice(queryAt + 1), true);
    }
    const lead = /^[/!]*/.exec(fragment)?.[0] ?? '';
    if (fragment.includes('=')) return lead + redactParams(fragment.slice(lead.length), false);
    return scrubPath(fragment);
  };

  const scrubValue = <TValue>(value: TValue): TValue => {
    const seen = new WeakMap<object, unknown>();
    const walk = (input: unknown, key: string | undefined): unknown => {
      if (typeof input === 'string')
        return key !== undefined && isSensitiveName(key) ? REDACTED : scrubText(input);
      if (input === null || typeof input !== 'object') return input;
      if (seen.has(input)) return seen.get(input);
      if (input instanceof Date) return new Date(input.getTime());
      if (Array.isArray(input)) {
        const copy: unknown[] = [];
        seen.set(input, copy);
        for (const item of input) copy.push(walk(item, undefined));
        return copy;
      }
      const copy: Record<string, unknown> = {};
      seen.set(input, copy);
      for (const [k, v] of Object.entries(input)) copy[k] = walk(v, k);
      return copy;
    };
    return walk(value, undefined) as TValue;
  };

  // Per-element tests for the text walk. Without a user selector they are plain attribute checks:
  // `matches()` on a selector string (inside a try) for every element of the subtree cost more
  // than the rest of a click.
  const test = (extra: string | undefined, selector: string, attribute: string, failSafe: boolean) =>
    extra
      ? (el: Element) => matches(el, selector, attribute, failSafe)
      : (el: Element) => el.hasAttribute(attribute);
  const isBlockedEl = test(settings.blockSelector, blockSel, BLOCK_ATTRIBUTE, true);
  const isMaskEl = test(settings.maskSelector, maskSel, MASK_ATTRIBUTE, true);
  const isUnmaskEl = test(settings.unmaskSelector, unmaskSel, UNMASK_ATTRIBUTE, false);

  const textMaskedOf = (element: Element): boolean => nearestMask(element) ?? settings.maskAllText === true;
  const isTextMasked = (element: Element): boolean => isBlocked(element) || textMaskedOf(element);

  // The rules of isTextMasked inherited down the tree, for walks over many elements (safeText's
  // subtree, a recorder's snapshot). What an element passes to its children: nothing set (0),
  // unmasked (1), masked (2) or blocked (3).
  const stateBelow = (element: Element, parent: number): number =>
    parent === 3 || isBlockedEl(element) ? 3 : isMaskEl(element) ? 2 : isUnmaskEl(element) ? 1 : parent;
  const masksText = (state: number): boolean => state >= 2 || (state === 0 && settings.maskAllText === true);

  // A recorder asks about every text node of a snapshot, and three `closest()` walks for each
  // cost more than the rest of the pass.
  const textMaskedPass = () => {
    const known = new Map<Element, number>();
    const stateOf = (element: Element): number => {
      // Up to the nearest ancestor already decided (a loop: pages can nest deeper than a stack).
      const chain: Element[] = [];
      let node: Element | null = element;
      let state = 0;
      while (node) {
        const decided = known.get(node);
        if (decided !== undefined) {
          state = decided;
          break;
        }
        chain.push(node);
        node = node.parentElement;
      }
      for (let i = chain.length - 1; i >= 0; i--) {
        state = stateBelow(chain[i]!, state);
        known.set(chain[i]!, state);
      }
      return state;
    };
    return (element: Element): boolean => masksText(stateOf(element));
  };

  const safeText = (element: Element, maxLength = 100): string => {
    if (isBlocked(element)) return '';
    // Collect a little more than needed so a pattern cut by the cap is still recognised whole.
    const budget = maxLength + 256;
    let collected = '';
    const visit = (node: Node, state: number): void => {
      const masked = masksText(state);
      for (let child = node.firstChild; child && collected.length < budget; child = child.nextSibling) {
        if (child.nodeType === 3) {
          const text = child.nodeValue ?? '';
          collected += masked ? maskText(text) : text;
        } else if (child.nodeType === 1) {
          const el = child as Element;
          const below = SKIPPED_TAGS.has(el.tagName) ? 3 : stateBelow(el, state);
          if (below !== 3) visit(el, below);
        }
      }
    };
    // The element's own decision, made with `closest()`, is what its subtree inherits.
    visit(element, textMaskedOf(element) ? 2 : 1);
    return scrubText(collected.replace(WHITESPACE_RE, ' ').trim()).slice(0, Math.max(0, maxLength));
  };

  return {
    options: settings,
    maskText,
    scrubText,
    redactUrl,
    isBlocked,
    isTextMasked,
    textMaskedPass,
    isInputMasked: (element) => {
      if (isNeverCaptured(element) || isPersonalField(element) || isBlocked(element)) return true;
      return nearestMask(element) ?? settings.maskAllInputs !== false;
    },
    isNeverCaptured,
    scrubValue,
    safeText,
  };
}
