import { now } from '../env';
import type { SessionEndReason, SessionStartReason } from '../events';
import { createId } from '../id';
import { openCookieStore } from '../storage';
import type { SessionCallbacks, SessionManager } from './api';
import { decodeSession, encodeSession, type StoredSession } from './codec';
import { SESSION_DEFAULTS, type SessionOptions } from './options';
import { isLive, nextStep } from './rules';

// Activity is written back, and the cookie read again, at most this often: reading
// `document.cookie` costs more than the rest of an event.
const INTERVAL_MS = 1000;

/**
 * The session part of `createCoreTracker`: the same first-party cookie and rotation rule as the
 * full session manager (30 idle minutes, 24 hours), without its cross-tab channel, expiry timer
 * and sessionStorage tab ids. Tabs share the session through the cookie; an expired session ends
 * when the next event asks for one. The tab id and sequence numbers last one page load.
 */
export function createCookieSession(options: SessionOptions, callbacks: SessionCallbacks): SessionManager {
  const limits = {
    idleTimeoutMs: options.idleTimeoutMs ?? SESSION_DEFAULTS.idleTimeoutMs,
    maxDurationMs: options.maxDurationMs ?? SESSION_DEFAULTS.maxDurationMs,
  };
  const name = options.cookieName ?? SESSION_DEFAULTS.cookieName;
  let store: ReturnType<typeof openCookieStore> | undefined;
  let known: StoredSession | null = null;
  let lastWrite = 0;
  let lastRead = 0;
  let seq = 0;

  const getStore = () => (store ??= openCookieStore(name, { domain: options.cookieDomain }));
  const read = () => {
    lastRead = now();
    return decodeSession(getStore().get());
  };
  const write = (s: StoredSession) => {
    getStore().set(encodeSession(s), Math.max(1000, s.startedAt + limits.maxDurationMs - now()));
    lastWrite = now();
  };
  const recentlyRead = (at: number) =>
    known && at - lastRead < INTERVAL_MS && isLive(known, at, limits) ? known : null;
  const adopt = (s: StoredSession) => {
    if (known?.id !== s.id) callbacks.onChange(s);
    known = s;
    return s;
  };
  const end = (s: StoredSession, reason: SessionEndReason) => {
    write({ ...s, ended: true });
    callbacks.onEnd(s, reason);
  };
  const begin = (reason: SessionStartReason, previous?: string) => {
    const at = now();
    known = { id: createId(), startedAt: at, lastActivity: at, ended: false };
    write(known);
    callbacks.onStart(known, reason, previous);
    return known;
  };

  const manager: SessionManager = {
    tabId: createId(),
    nextSeq: () => seq++,
    // No cross-tab lock in lite: the cookie decides at once (last writer wins, see docs/lite.md).
    settled: () => true,
    whenSettled: (fn) => fn(),
    current() {
      const stored = read();
      return isLive(stored, now(), limits) ? stored : null;
    },
    peek: () => {
      const recent = recentlyRead(now());
      if (recent) return recent;
      const live = manager.current();
      return live ? adopt(live as StoredSession) : (known ?? manager.ensure(false));
    },
    ensure(activity, reasonIfNew = 'new') {
      const at = now();
      const stored = recentlyRead(at) ?? read();
      const next = nextStep(stored, at, limits, reasonIfNew);
      if (next.step === 'begin') return begin(next.reason);
      if (next.step !== 'continue') {
        if (next.step === 'end-and-rotate') end(stored as StoredSession, next.reason);
        return begin(next.reason, stored?.id);
      }
      const live = adopt(stored as StoredSession);
      if (activity && at - lastWrite >= INTERVAL_MS) {
        known = { ...live, lastActivity: at };
        write(known);
      }
      return known as StoredSession;
    },
    reset() {
      const stored = read();
      if (stored && !stored.ended) end(stored, 'reset');
      return begin('reset', stored?.id);
    },
    clear() {
      getStore().remove();
      known = null;
    },
    start() {},
    stop() {},
  };
  return manager;
}
