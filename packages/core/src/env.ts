// The only module that touches browser globals. Everything reads them through these accessors,
// at call time and never at import time, so importing Spoor is free and safe on the server.

/** True in a browser (a `window` with a `document`). False during server rendering. */
export function isBrowser(): boolean {
  return typeof window !== 'undefined' && typeof document !== 'undefined';
}

export function getWindow(): (Window & typeof globalThis) | undefined {
  return typeof window === 'undefined' ? undefined : window;
}

export function getDocument(): Document | undefined {
  return typeof document === 'undefined' ? undefined : document;
}

export function getNavigator(): Navigator | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator;
}

/** Web Storage that may throw on access (Safari private mode, disabled cookies, sandboxed iframes). */
export function getStorage(kind: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    const storage = getWindow()?.[kind];
    if (!storage) return undefined;
    const probe = '__spoor_probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return undefined;
  }
}

let encoder: TextEncoder | undefined;

/** A shared `TextEncoder`, or undefined where the runtime has none. */
export function getTextEncoder(): TextEncoder | undefined {
  if (typeof TextEncoder === 'undefined') return undefined;
  encoder ??= new TextEncoder();
  return encoder;
}

/** Milliseconds since the epoch. */
export function now(): number {
  return Date.now();
}

/** The page URL, or '' on the server. */
export function currentUrl(): string {
  return getWindow()?.location?.href ?? '';
}
