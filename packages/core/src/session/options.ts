/** Session options. */
export interface SessionOptions {
  /** A session ends after this long without activity. @default 1_800_000 (30 minutes) */
  idleTimeoutMs?: number;
  /** A session ends after this long, active or not. @default 86_400_000 (24 hours) */
  maxDurationMs?: number;
  /** Where the session id lives; falls back to localStorage, then memory, when unavailable. @default 'cookie' */
  storage?: 'cookie' | 'localStorage' | 'memory';
  /** Cookie domain, to share one session across subdomains (for example `.example.com`). @default undefined */
  cookieDomain?: string;
  /** Name of the cookie (and localStorage key). @default 'spoor_sid' */
  cookieName?: string;
}

export const SESSION_DEFAULTS = {
  idleTimeoutMs: 30 * 60_000,
  maxDurationMs: 24 * 3_600_000,
  storage: 'cookie',
  cookieDomain: undefined,
  cookieName: 'spoor_sid',
} satisfies Required<Omit<SessionOptions, 'cookieDomain'>> & { cookieDomain: undefined };
