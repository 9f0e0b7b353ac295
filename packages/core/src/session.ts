import { getStorage, getWindow, now } from './env';
import type { SessionEndReason, SessionStartReason } from './events';
import { createId } from './id';
import { type KeyValueStore, openStore } from './storage';

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

/** A live session. */
export interface Session {
  readonly id: string;
  readonly startedAt: number;
  readonly lastActivity: number;
}

interface StoredSession extends Session {
  /** Set once some tab has announced the session's end, so no other tab announces it again. */
  ended: boolean;
}

export interface SessionCallbacks {
  onStart(session: Session, reason: SessionStartReason, previousSessionId: string | undefined): void;
  onEnd(session: Session, reason: SessionEndReason): void;
  /** The current session changed without this tab starting it (another tab rotated it). */
  onChange(session: Session | null): void;
}

/** The session manager: one session shared by every tab, rotated on idleness and age. */
export interface SessionManager {
  readonly tabId: string;
  /** The next sequence number of this tab: increasing across reloads of the tab. */
  nextSeq(): number;
  /** The stored session if it is still live, without extending it. */
  current(): Session | null;
  /**
   * The session an event that is not activity belongs to: the live one, else the one that just
   * expired (its page:leave or replay tail), and a new one only when there has never been one.
   */
  peek(): Session;
  /** A live session, starting one when there is none; `activity` extends it. */
  ensure(activity: boolean, reasonIfNew?: SessionStartReason): Session;
  /** Ends the current session and starts a fresh one (logout). */
  reset(): Session;
  /** Ends the session and forgets the stored ids (consent withdrawn). */
  clear(): void;
  /** Starts the expiry timer and cross-tab listening. */
  start(): void;
  stop(): void;
}

export const SESSION_DEFAULTS = {
  idleTimeoutMs: 30 * 60_000,
  maxDurationMs: 24 * 3_600_000,
  storage: 'cookie',
  cookieDomain: undefined,
  cookieName: 'spoor_sid',
} satisfies Required<Omit<SessionOptions, 'cookieDomain'>> & { cookieDomain: undefined };

const TAB_KEY = 'spoor_tab';
const SEQ_KEY = 'spoor_seq';
const SEQ_BLOCK = 256;
// Activity is written back at most this often: one cookie write per second at most.
const WRITE_INTERVAL_MS = 1000;
// The store is re-read at most this often while a session is live: reading `document.cookie`
// on every event costs more than everything else a click does. Other tabs' rotations reach
// this tab sooner through the BroadcastChannel.
const READ_INTERVAL_MS = 1000;

// Compact and fixed-size: `<id>.<startedAt base36>.<lastActivity base36>[.e]`.
function encode(session: StoredSession): string {
  return `${session.id}.${session.startedAt.toString(36)}.${session.lastActivity.toString(36)}${session.ended ? '.e' : ''}`;
}

function decode(raw: string | null): StoredSession | null {
  if (!raw) return null;
  const [id, started, last, flag] = raw.split('.');
  const startedAt = Number.parseInt(started ?? '', 36);
  const lastActivity = Number.parseInt(last ?? '', 36);
  if (!id || !Number.isFinite(startedAt) || !Number.isFinite(lastActivity)) return null;
  return { id, startedAt, lastActivity, ended: flag === 'e' };
}

function readTabId(): string {
  const storage = getStorage('sessionStorage');
  try {
    const existing = storage?.getItem(TAB_KEY);
    if (existing) return existing;
    const id = createId();
    storage?.setItem(TAB_KEY, id);
    return id;
  } catch {
    return createId();
  }
}

/** Creates the session manager. Touches storage only when first used. */
export function createSessionManager(options: SessionOptions, callbacks: SessionCallbacks): SessionManager {
  const idle = options.idleTimeoutMs ?? SESSION_DEFAULTS.idleTimeoutMs;
  const max = options.maxDurationMs ?? SESSION_DEFAULTS.maxDurationMs;
  const name = options.cookieName ?? SESSION_DEFAULTS.cookieName;
  let store: KeyValueStore | undefined;
  let tabId: string | undefined;
  let seq: number | undefined;
  let reserved = 0;
  // Resolved once: probing storage on every event would cost more than the write itself.
  let tabStorage: Storage | undefined | null = null;
  let known: StoredSession | null = null;
  let lastWrite = 0;
  let lastRead = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let channel: BroadcastChannel | undefined;
  let running = false;

  const getStore = () => {
    store ??= openStore(options.storage ?? 'cookie', name, { domain: options.cookieDomain });
    return store;
  };
  const expiryOf = (s: Session) => Math.min(s.lastActivity + idle, s.startedAt + max);
  const whyExpired = (s: Session, at: number): SessionEndReason =>
    at >= s.startedAt + max ? 'max-duration' : 'idle';
  const write = (s: StoredSession) => {
    getStore().set(encode(s), Math.max(1000, s.startedAt + max - now()));
    lastWrite = now();
  };
  const read = () => {
    lastRead = now();
    return decode(getStore().get());
  };
  const announce = () => {
    try {
      channel?.postMessage('changed');
    } catch {
      // A closed channel: other tabs will read the cookie on their next activity.
    }
  };

  const end = (s: StoredSession, reason: SessionEndReason) => {
    if (s.ended) return;
    s.ended = true;
    write(s);
    callbacks.onEnd(s, reason);
  };

  const begin = (reason: SessionStartReason, previous?: string): StoredSession => {
    const at = now();
    const fresh: StoredSession = { id: createId(), startedAt: at, lastActivity: at, ended: false };
    write(fresh);
    // Another tab may have written in the same moment: whatever the store holds now wins.
    const winner = read();
    if (winner && winner.id !== fresh.id && !winner.ended) {
      known = winner;
      callbacks.onChange(winner);
      return winner;
    }
    known = fresh;
    schedule();
    announce();
    callbacks.onStart(fresh, reason, previous);
    return fresh;
  };

  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!running || !known || known.ended) return;
    timer = setTimeout(check, Math.max(0, expiryOf(known) - now()) + 50);
  };

  // Runs when the current session may have expired: another tab may have kept it alive.
  const check = () => {
    timer = undefined;
    const stored = read();
    const at = now();
    if (stored && (!known || stored.id !== known.id)) {
      known = stored;
      callbacks.onChange(stored.ended ? null : stored);
    } else if (stored) {
      known = stored;
    }
    if (known && !known.ended && at >= expiryOf(known)) {
      end(known, whyExpired(known, at));
      callbacks.onChange(null);
    }
    schedule();
  };

  const manager: SessionManager = {
    get tabId() {
      tabId ??= readTabId();
      return tabId;
    },
    nextSeq() {
      if (tabStorage === null) tabStorage = getStorage('sessionStorage');
      if (seq === undefined) {
        const stored = Number(tabStorage?.getItem(SEQ_KEY));
        seq = Number.isSafeInteger(stored) && stored > 0 ? stored : 0;
        reserved = seq;
      }
      // Numbers are reserved a block at a time, so storage is written once per block rather
      // than once per event; a reload starts after the block (gaps are fine, repeats are not).
      if (seq >= reserved) {
        reserved = seq + SEQ_BLOCK;
        try {
          tabStorage?.setItem(SEQ_KEY, String(reserved));
        } catch {
          // Full or unavailable: the counter still increases within this page.
        }
      }
      return seq++;
    },
    current() {
      const stored = read();
      if (!stored || stored.ended || now() >= expiryOf(stored)) return null;
      return stored;
    },
    peek() {
      const at = now();
      if (known && !known.ended && at - lastRead < READ_INTERVAL_MS && at < expiryOf(known)) return known;
      const live = manager.current();
      if (live) {
        if (!known || known.id !== live.id) {
          known = { ...live, ended: false };
          schedule();
          callbacks.onChange(live);
        }
        return live;
      }
      return known ?? manager.ensure(false);
    },
    ensure(activity, reasonIfNew = 'new') {
      const at = now();
      const fresh = known && !known.ended && at - lastRead < READ_INTERVAL_MS && at < expiryOf(known);
      const stored = fresh ? known : read();
      if (stored && !stored.ended && at < expiryOf(stored)) {
        if (!known || known.id !== stored.id) {
          known = stored;
          schedule();
          callbacks.onChange(stored);
        } else {
          known = stored;
        }
        if (activity && at - lastWrite >= WRITE_INTERVAL_MS) {
          known = { ...stored, lastActivity: at };
          write(known);
          schedule();
        }
        return known;
      }
      if (stored && !stored.ended) {
        const reason = whyExpired(stored, at);
        end(stored, reason);
        return begin(reason, stored.id);
      }
      if (stored?.ended) return begin(at >= stored.startedAt + max ? 'max-duration' : 'idle', stored.id);
      return begin(reasonIfNew);
    },
    reset() {
      const stored = read();
      if (stored && !stored.ended) end(stored, 'reset');
      return begin('reset', stored?.id);
    },
    clear() {
      // No session:end here: after a denial nothing more is sent.
      getStore().remove();
      try {
        const storage = getStorage('sessionStorage');
        storage?.removeItem(TAB_KEY);
        storage?.removeItem(SEQ_KEY);
      } catch {
        // Already gone.
      }
      tabId = undefined;
      seq = undefined;
      known = null;
      schedule();
      announce();
    },
    start() {
      if (running) return;
      running = true;
      const BC = getWindow()?.BroadcastChannel;
      if (BC) {
        try {
          channel = new BC(`spoor:${name}`);
          channel.onmessage = () => check();
        } catch {
          channel = undefined;
        }
      }
      schedule();
    },
    stop() {
      running = false;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      channel?.close();
      channel = undefined;
    },
  };
  return manager;
}
