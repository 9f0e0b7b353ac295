import { getNavigator } from './env';
import type { ConsentState } from './events';
import { createTabChannel } from './shared/tabChannel';
import type { CookieOptions, KeyValueStore } from './storage';

/** Consent options. */
export interface ConsentOptions {
  /**
   * `opt-in`: nothing is stored, captured or sent before `grant()`.
   * `opt-out`: tracking runs until `deny()`.
   * @default 'opt-out'
   */
  mode?: 'opt-in' | 'opt-out';
  /** Treat Global Privacy Control and Do Not Track as a denial (an explicit `grant()` still wins). @default true */
  respectGlobalPrivacyControl?: boolean;
  /** Name of the first-party cookie that remembers the visitor's decision. @default 'spoor_consent' */
  cookieName?: string;
  /** How long a decision is remembered. @default 31_536_000_000 (one year) */
  rememberForMs?: number;
}

/** The consent state machine: `pending` → `granted` | `denied`. */
export interface Consent {
  readonly mode: 'opt-in' | 'opt-out';
  readonly state: ConsentState;
  /** The visitor agrees. Remembered first-party. */
  grant(): void;
  /** The visitor refuses: capture stops and every stored id and queued event is deleted. Remembered. */
  deny(): void;
  /** Stops hearing the decisions made in the site's other tabs. */
  close(): void;
}

const YEAR_MS = 365 * 24 * 3_600_000;

/** True when the browser signals Global Privacy Control or Do Not Track. */
function browserOptsOut(): boolean {
  const nav = getNavigator() as
    | (Navigator & { globalPrivacyControl?: boolean; msDoNotTrack?: string })
    | undefined;
  if (!nav) return false;
  if (nav.globalPrivacyControl === true) return true;
  const dnt = nav.doNotTrack ?? nav.msDoNotTrack;
  return dnt === '1' || dnt === 'yes';
}

/** The state before the visitor has decided, derived from the mode and the browser's signals. */
export function initialConsent(options: ConsentOptions, stored: string | null): ConsentState {
  if (stored === 'granted' || stored === 'denied') return stored;
  if ((options.respectGlobalPrivacyControl ?? true) && browserOptsOut()) return 'denied';
  return (options.mode ?? 'opt-out') === 'opt-in' ? 'pending' : 'granted';
}

/** Where the decision is kept: the full tracker falls back to localStorage, the lite one to memory. */
export interface ConsentStorage {
  /** Reads the remembered decision without writing anything. */
  peek(name: string): string | null;
  /** Opens the store (`openStore`'s signature; the lite storage ignores `preferred`). */
  open(preferred: 'cookie', name: string, cookie: CookieOptions): KeyValueStore;
}

/** Creates the consent state machine; `onChange` runs after every transition. */
export function createConsent(
  options: ConsentOptions,
  cookieDomain: string | undefined,
  onChange: (state: ConsentState, previous: ConsentState) => void,
  storage: ConsentStorage,
): Consent {
  const name = options.cookieName ?? 'spoor_consent';
  // Opened on the first decision only: before it, nothing is written, not even a probe.
  let store: KeyValueStore | undefined;
  const getStore = () => {
    store ??= storage.open('cookie', name, { domain: cookieDomain });
    return store;
  };
  let state = initialConsent(options, storage.peek(name));
  const apply = (next: 'granted' | 'denied') => {
    const previous = state;
    if (previous === next) return;
    state = next;
    onChange(next, previous);
  };
  // A decision holds in every open tab of the site at once: a tab that went on capturing after a
  // refusal in another would send what the visitor refused.
  const tabs = createTabChannel<ConsentState>(name);
  tabs.open((heard) => (heard === 'granted' || heard === 'denied') && apply(heard));
  const decide = (next: 'granted' | 'denied') => {
    getStore().set(next, options.rememberForMs ?? YEAR_MS);
    tabs.announce(next);
    apply(next);
  };
  return {
    mode: options.mode ?? 'opt-out',
    get state() {
      return state;
    },
    grant: () => decide('granted'),
    deny: () => decide('denied'),
    close: tabs.close,
  };
}
