import { now } from '../env';
import type { SessionEndReason, SessionStartReason } from '../events';
import { createId } from '../id';
import { type KeyValueStore, openStore } from '../storage';
import { decodeSession, encodeSession, type Session, type StoredSession } from './codec';
import { createCrossTab } from './crossTab';
import { createSessionDecider, type Decision } from './decision';
import { createExpiryTimer } from './expiryTimer';
import { SESSION_DEFAULTS, type SessionOptions } from './options';
import { expiryOf, isLive, type NextStep, nextStep, type SessionLimits, whyExpired } from './rules';
import { createTabSequence } from './tab';

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
  /**
   * A live session, starting one when there is none; `activity` extends it. Where another tab may
   * be starting one at the same instant, the answer is provisional until `settled()`.
   */
  ensure(activity: boolean, reasonIfNew?: SessionStartReason): Session;
  /** No decision is under way: the session `ensure` and `peek` give is the one events carry. */
  settled(): boolean;
  /** Runs `fn` once the session is decided (at once when it is). */
  whenSettled(fn: () => void): void;
  /** Ends the current session and starts a fresh one (logout). */
  reset(): Session;
  /** Ends the session and forgets the stored ids (consent withdrawn). */
  clear(): void;
  /** Starts the expiry timer and cross-tab listening. */
  start(): void;
  stop(): void;
}

// Activity is written back at most this often: one cookie write per second at most.
const WRITE_INTERVAL_MS = 1000;
// The store is re-read at most this often while a session is live: reading `document.cookie`
// after a write is a synchronous IPC in Chromium and costs more than everything else a click
// does. Other tabs' rotations arrive by BroadcastChannel; an expiry re-reads before it ends.
const READ_INTERVAL_MS = 5000;

/** Creates the session manager. Touches storage only when first used. */
export function createSessionManager(options: SessionOptions, callbacks: SessionCallbacks): SessionManager {
  const limits: SessionLimits = {
    idleTimeoutMs: options.idleTimeoutMs ?? SESSION_DEFAULTS.idleTimeoutMs,
    maxDurationMs: options.maxDurationMs ?? SESSION_DEFAULTS.maxDurationMs,
  };
  const name = options.cookieName ?? SESSION_DEFAULTS.cookieName;
  const tab = createTabSequence();
  const crossTab = createCrossTab(name);
  let store: KeyValueStore | undefined;
  let known: StoredSession | null = null;
  let lastWrite = 0;
  let lastRead = 0;
  let running = false;

  const getStore = () => {
    store ??= openStore(options.storage ?? SESSION_DEFAULTS.storage, name, { domain: options.cookieDomain });
    return store;
  };
  const write = (s: StoredSession) => {
    getStore().set(encodeSession(s), Math.max(1000, s.startedAt + limits.maxDurationMs - now()));
    // What was just written is known: no need to read it back (a read after a write is the costly one).
    lastWrite = lastRead = now();
  };
  const read = () => {
    lastRead = now();
    return decodeSession(getStore().get());
  };
  // The session this tab knows, when it was read recently enough to trust without reading again.
  const recentlyRead = (at: number) =>
    isLive(known, at, limits) && at - lastRead < READ_INTERVAL_MS ? known : null;

  // Runs when the current session may have expired: another tab may have kept it alive.
  const check = () => {
    const stored = read();
    const at = now();
    if (stored && (!known || stored.id !== known.id)) {
      known = stored;
      callbacks.onChange(stored.ended ? null : stored);
    } else if (stored) {
      known = stored;
    }
    if (known && !known.ended && at >= expiryOf(known, limits)) {
      end(known, whyExpired(known, at, limits));
      callbacks.onChange(null);
    }
    timer.schedule();
  };
  const timer = createExpiryTimer(
    () => (running && known && !known.ended ? expiryOf(known, limits) : null),
    check,
  );

  const end = (s: StoredSession, reason: SessionEndReason) => {
    if (s.ended) return;
    s.ended = true;
    write(s);
    callbacks.onEnd(s, reason);
  };

  const begin = (reason: SessionStartReason, previous?: string, chosen?: StoredSession): StoredSession => {
    const at = now();
    const fresh: StoredSession = chosen ?? { id: createId(), startedAt: at, lastActivity: at, ended: false };
    write(fresh);
    // Another tab may have written in the same moment: whatever the store holds now wins.
    const winner = read();
    if (winner && winner.id !== fresh.id && !winner.ended) {
      known = winner;
      callbacks.onChange(winner);
      return winner;
    }
    known = fresh;
    timer.schedule();
    // With the session itself: the other tabs deciding join it before their store shows it.
    crossTab.announce({ s: fresh });
    callbacks.onStart(fresh, reason, previous);
    return fresh;
  };

  /** Ends, starts or joins a session as `next` says; `chosen` is the id this tab picked. */
  const apply = (stored: StoredSession | null, next: NextStep, chosen?: StoredSession): StoredSession => {
    switch (next.step) {
      case 'continue':
        if (!adoptIfNew(stored as StoredSession)) known = stored;
        return stored as StoredSession;
      case 'end-and-rotate':
        end(stored as StoredSession, next.reason);
        return begin(next.reason, stored?.id, chosen);
      case 'rotate':
        return begin(next.reason, stored?.id, chosen);
      case 'begin':
        return begin(next.reason, undefined, chosen);
    }
  };
  // In the lock, or after the claim window: the store is read again, as another tab may have started
  // a session meanwhile (`adopted`: the winner's claim, when its write has not reached this store yet).
  const decider = createSessionDecider(
    name,
    (decision: Decision, adopted?: StoredSession) => {
      let stored = read();
      if (adopted && !isLive(stored, now(), limits)) {
        stored = adopted;
        // An announced session is the other tab's to write (and to start): no activity write here first.
        lastWrite = now();
      }
      apply(stored, nextStep(stored, now(), limits, decision.reason), decision.session);
    },
    crossTab.announce,
  );

  // Another tab's session became the current one.
  const adoptIfNew = (live: StoredSession) => {
    if (known && known.id === live.id) return false;
    known = live;
    timer.schedule();
    callbacks.onChange(live);
    return true;
  };

  const manager: SessionManager = {
    get tabId() {
      return tab.tabId;
    },
    nextSeq: () => tab.nextSeq(),
    current() {
      const stored = read();
      return isLive(stored, now(), limits) ? stored : null;
    },
    peek() {
      const recent = recentlyRead(now());
      if (recent) return recent;
      const live = manager.current();
      if (live) {
        if (!known || known.id !== live.id) adoptIfNew({ ...live, ended: false });
        return live;
      }
      return known ?? manager.ensure(false);
    },
    ensure(activity, reasonIfNew = 'new') {
      if (decider.pending) return decider.pending.session;
      const at = now();
      const stored = recentlyRead(at) ?? read();
      const next = nextStep(stored, at, limits, reasonIfNew);
      if (next.step === 'continue') {
        const live = stored as StoredSession;
        if (!adoptIfNew(live)) known = live;
        if (activity && at - lastWrite >= WRITE_INTERVAL_MS) {
          known = { ...live, lastActivity: at };
          write(known);
          timer.schedule();
        }
        return known as StoredSession;
      }
      // Another tab may be starting one this instant: decide with the other tabs.
      const fresh: StoredSession = { id: createId(), startedAt: at, lastActivity: at, ended: false };
      decider.decide({ session: fresh, reason: reasonIfNew });
      // Committed at once when the other tabs could not be asked.
      return manager.settled() ? (known as StoredSession) : fresh;
    },
    settled: () => !decider.pending,
    whenSettled: (fn) => decider.whenSettled(fn),
    reset() {
      const stored = read();
      if (stored && !stored.ended) end(stored, 'reset');
      return begin('reset', stored?.id);
    },
    clear() {
      // No session:end here: after a denial nothing more is sent.
      decider.abandon();
      getStore().remove();
      tab.clear();
      known = null;
      timer.schedule();
      crossTab.announce();
    },
    start() {
      if (running) return;
      running = true;
      decider.start();
      crossTab.open((message) => {
        decider.hear(message);
        check();
      });
      timer.schedule();
    },
    stop() {
      running = false;
      decider.stop();
      timer.cancel();
      crossTab.close();
    },
  };
  return manager;
}
