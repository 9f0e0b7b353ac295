import type { Privacy, PrivacyOptions } from './types';
import { BLOCK_ATTRIBUTE } from './types';

// The minimal scrubber of the lite tracker: e-mails, card-like digit runs and phone numbers.
// The full set (IBANs, JWTs, keys, random tokens, Luhn-checked cards) is `createPrivacy`'s.
const EMAIL_RE = /[\w.%+-]+(?:@|%40)[a-z\d-]+(?:\.[a-z\d-]+)*\.[a-z]{2,}/gi;
const CARD_RE = /\b\d(?:[ -]?\d){12,18}\b/g;
const PHONE_RE = /[+(]?\b\d[\d ().-]{7,}\d\b/g;
const NON_SPACE_RE = /\S/g;
const REDACTED = '[redacted]';

const digitCount = (text: string) => text.replace(/\D/g, '').length;

/** Replaces e-mail addresses, card-like numbers and phone numbers in free text. */
function scrubTextLite(text: string): string {
  if (typeof text !== 'string') return '';
  return text
    .replace(EMAIL_RE, '[email]')
    .replace(CARD_RE, '[card]')
    .replace(PHONE_RE, (match) => {
      const count = digitCount(match);
      return count >= 9 && count <= 15 ? '[phone]' : match;
    });
}

const scrubDeep = (value: unknown): unknown => {
  if (typeof value === 'string') return scrubTextLite(value);
  if (Array.isArray(value)) return value.map(scrubDeep);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key in value) out[key] = scrubDeep((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
};

/**
 * The privacy part of `createCoreTracker`: every query value is redacted unless its name is in
 * `allowQueryParams`, free text is scrubbed, and capture sources see every element text and input
 * value as masked (elements under `data-spoor-block` are skipped).
 */
/* @__NO_SIDE_EFFECTS__ */
export function createLitePrivacy(options: PrivacyOptions = {}): Privacy {
  const allowed = new Set((options.allowQueryParams ?? []).map((name) => name.toLowerCase()));
  const params = (query: string) =>
    query
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        if (eq < 0) return pair && scrubTextLite(pair);
        return allowed.has(pair.slice(0, eq).toLowerCase())
          ? pair.slice(0, eq + 1) + scrubTextLite(pair.slice(eq + 1))
          : `${pair.slice(0, eq)}=${REDACTED}`;
      })
      .join('&');
  const redactUrl = (url: string) => {
    if (typeof url !== 'string') return '';
    const [beforeHash = '', hash] = url.split(/#(.*)/s);
    const [path = '', query] = beforeHash.split(/\?(.*)/s);
    let out = scrubTextLite(path.replace(/\/\/[^/@]*@/, `//${REDACTED}@`));
    if (query !== undefined) out += `?${params(query)}`;
    if (hash !== undefined) out += `#${hash.includes('=') ? params(hash) : scrubTextLite(hash)}`;
    return out;
  };
  const maskText = (text: string) => (typeof text === 'string' ? text.replace(NON_SPACE_RE, '*') : '');
  const isBlocked = (element: Element) => !!element.closest(`[${BLOCK_ATTRIBUTE}]`);
  return {
    options: { ...options, maskAllInputs: true, maskAllText: true },
    maskText,
    scrubText: scrubTextLite,
    redactUrl,
    redactLink: (url) => {
      const scheme = /^\s*([a-z][a-z\d+.-]*:)/i.exec(url)?.[1]?.toLowerCase();
      return scheme && scheme !== 'http:' && scheme !== 'https:' ? scheme : redactUrl(url);
    },
    isBlocked,
    isTextMasked: () => true,
    textMaskedPass: () => () => true,
    isInputMasked: () => true,
    isNeverCaptured: (element) =>
      /password|hidden/.test((element as HTMLInputElement).type) ||
      /^cc-/.test(element.getAttribute('autocomplete') ?? ''),
    scrubValue: (value) => scrubDeep(value) as typeof value,
    safeText: (element, maxLength = 100) =>
      isBlocked(element)
        ? ''
        : maskText(element.textContent ?? '')
            .replace(/\s+/g, ' ')
            .trim()
            .slice(0, maxLength),
  };
}
