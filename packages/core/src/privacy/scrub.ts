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
const NON_SPACE_RE = /\S/gu;

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
export function scrubText(text: string): string {
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

/** Replaces every non-whitespace character with `*`, keeping the length shape. */
export function maskText(text: string): string {
  return typeof text === 'string' ? text.replace(NON_SPACE_RE, '*') : '';
}
