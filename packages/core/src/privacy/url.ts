import { scrubText } from './scrub';

/** What redacted URL parts and secret-named values become. */
export const REDACTED = '[redacted]';

const SCHEME_AUTHORITY_RE = /^([a-z][a-z\d+.-]*:)?(\/\/[^/?#]*)?/i;
const SCHEME_RE = /^\s*([a-z][a-z\d+.-]*:)/i;

/** Which query values survive: the page URL keeps what is not secret, a link target only what is allowed. */
type QueryRule = 'denylist' | 'allowlist' | 'link';

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

interface UrlRules {
  redactUrl(url: string): string;
  redactLink(url: string): string;
}

/**
 * URL redaction. `isSensitive` names the parameters whose values are secrets; `allowed`, when set,
 * is the allowlist of parameters whose values may be kept.
 */
export function createUrlRules(
  isSensitive: (name: string) => boolean,
  allowed: ReadonlySet<string> | undefined,
): UrlRules {
  const redactParams = (query: string, rule: QueryRule): string =>
    query
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        if (eq < 0) return rule === 'link' && pair !== '' ? REDACTED : scrubText(pair);
        const name = decode(pair.slice(0, eq)).toLowerCase();
        const raw = pair.slice(eq + 1);
        if (raw === '') return pair;
        // A link keeps only allowed values; a page URL keeps what is not secret, or only what is allowed.
        const keep =
          rule === 'link' || (rule === 'allowlist' && allowed)
            ? allowed?.has(name) === true
            : !isSensitive(name);
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
  // Fragments: OAuth implicit-flow params (#access_token=…), hash routes (#/path?q=…) or plain anchors.
  const redactFragment = (fragment: string, rule: QueryRule): string => {
    const queryAt = fragment.indexOf('?');
    if (queryAt >= 0) {
      return scrubPath(fragment.slice(0, queryAt)) + '?' + redactParams(fragment.slice(queryAt + 1), rule);
    }
    const lead = /^[/!]*/.exec(fragment)?.[0] ?? '';
    if (fragment.includes('=')) {
      return lead + redactParams(fragment.slice(lead.length), rule === 'link' ? rule : 'denylist');
    }
    return scrubPath(fragment);
  };
  const redact = (url: string, rule: QueryRule): string => {
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
      if (queryAt >= 0) out += `?${redactParams(beforeHash.slice(queryAt + 1), rule)}`;
      if (hashAt >= 0) out += `#${redactFragment(url.slice(hashAt + 1), rule)}`;
      return out;
    } catch {
      return REDACTED;
    }
  };
  return {
    redactUrl: (url) => redact(url, 'allowlist'),
    redactLink: (url) => {
      const scheme = SCHEME_RE.exec(url)?.[1]?.toLowerCase();
      // mailto:, tel:, sms:, javascript: and friends: the scheme says what the link does; the rest is private.
      if (scheme && scheme !== 'http:' && scheme !== 'https:') return scheme;
      return redact(url, 'link');
    },
  };
}
