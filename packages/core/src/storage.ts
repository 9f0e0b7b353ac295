import { getDocument, getStorage, getWindow } from './env';

/** Where a small string value (the session, the consent decision) is kept. */
export interface KeyValueStore {
  get(): string | null;
  /** Keeps `value` for at most `maxAgeMs`. */
  set(value: string, maxAgeMs: number): void;
  remove(): void;
}

export interface CookieOptions {
  /** Share the cookie with subdomains, for example `.example.com`. */
  domain?: string;
}

const EXPIRED = 'Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT';

/** The value of cookie `name` in a `document.cookie` string. */
function readCookie(cookies: string, name: string): string | null {
  const prefix = `${name}=`;
  for (const part of cookies.split(';')) {
    const trimmed = part.trim();
    if (trimmed.startsWith(prefix)) return decodeURIComponent(trimmed.slice(prefix.length));
  }
  return null;
}

/** localStorage values carry their own expiry: `<expires at>|<value>`. */
function readExpiring(raw: string | null): string | null {
  const sep = raw ? raw.indexOf('|') : -1;
  if (!raw || sep < 0 || Number(raw.slice(0, sep)) < Date.now()) return null;
  return raw.slice(sep + 1);
}

/** Reads a cookie without writing anything; null when it is missing or cookies are unreadable. */
export function peekCookie(name: string): string | null {
  try {
    return readCookie(getDocument()?.cookie ?? '', name);
  } catch {
    return null;
  }
}

/** Reads a stored value (cookie first, then localStorage) without writing anything. */
export function peek(name: string): string | null {
  try {
    const value = readCookie(getDocument()?.cookie ?? '', name);
    if (value !== null) return value;
  } catch {
    // Cookies unreadable: try localStorage.
  }
  try {
    return readExpiring(getWindow()?.localStorage?.getItem(name) ?? null);
  } catch {
    return null;
  }
}

function cookieStore(name: string, options: CookieOptions): KeyValueStore | undefined {
  const doc = getDocument();
  if (!doc) return undefined;
  const secure = getWindow()?.location?.protocol === 'https:' ? '; Secure' : '';
  const domain = options.domain ? `; Domain=${options.domain}` : '';
  const attributes = `; Path=/; SameSite=Lax${domain}${secure}`;
  // Cookies can be disabled, or `document.cookie` can throw (sandboxed iframes): probe once,
  // unless the cookie is already there (every page after a session's first). Each probe is a
  // write and a read the browser must answer synchronously.
  try {
    if (readCookie(doc.cookie, name) !== null) return cookieJar(doc, name, attributes);
    const probe = `${name}_probe`;
    doc.cookie = `${probe}=1${attributes}`;
    const works = doc.cookie.includes(`${probe}=1`);
    doc.cookie = `${probe}=; ${EXPIRED}${attributes}`;
    if (!works) return undefined;
  } catch {
    return undefined;
  }
  return cookieJar(doc, name, attributes);
}

function cookieJar(doc: Document, name: string, attributes: string): KeyValueStore {
  return {
    get: () => readCookie(doc.cookie, name),
    set(value, maxAgeMs) {
      doc.cookie = `${name}=${encodeURIComponent(value)}; Max-Age=${Math.max(1, Math.ceil(maxAgeMs / 1000))}${attributes}`;
    },
    remove() {
      doc.cookie = `${name}=; ${EXPIRED}${attributes}`;
    },
  };
}

// Failures (quota, privacy modes) are absorbed by guard(): the value then lives as long as the page.
function localStore(key: string): KeyValueStore | undefined {
  const storage = getStorage('localStorage');
  if (!storage) return undefined;
  return {
    get: () => readExpiring(storage.getItem(key)),
    set: (value, maxAgeMs) => storage.setItem(key, `${Date.now() + maxAgeMs}|${value}`),
    remove: () => storage.removeItem(key),
  };
}

function memoryStore(): KeyValueStore {
  let value: string | null = null;
  let expires = 0;
  return {
    get: () => (value !== null && expires > Date.now() ? value : null),
    set(next, maxAgeMs) {
      value = next;
      expires = Date.now() + maxAgeMs;
    },
    remove() {
      value = null;
    },
  };
}

/**
 * Opens the preferred store, falling back from cookie to localStorage to memory when the
 * preferred one is missing or throws.
 */
export function openStore(
  preferred: 'cookie' | 'localStorage' | 'memory',
  name: string,
  cookie: CookieOptions = {},
): KeyValueStore {
  if (preferred === 'cookie') {
    const store = cookieStore(name, cookie);
    if (store) return guard(store);
  }
  if (preferred !== 'memory') {
    const store = localStore(name);
    if (store) return guard(store);
  }
  return memoryStore();
}

/** A cookie, or memory where cookies cannot be used: the lite tracker's store, without localStorage. */
export function openCookieStore(name: string, cookie: CookieOptions = {}): KeyValueStore {
  const store = cookieStore(name, cookie);
  return store ? guard(store) : memoryStore();
}

/** A store whose failures (a cookie setter that starts throwing) never escape. */
function guard(store: KeyValueStore): KeyValueStore {
  return {
    get() {
      try {
        return store.get();
      } catch {
        return null;
      }
    },
    set(value, maxAgeMs) {
      try {
        store.set(value, maxAgeMs);
      } catch {
        // See guard().
      }
    },
    remove() {
      try {
        store.remove();
      } catch {
        // See guard().
      }
    },
  };
}
