import { now } from '../env';
import type { SessionEndReason, SessionStartReason } from '../events';
import { createId } from '../id';
import { createTabChannel } from '../shared/tabChannel';
import { type KeyValueStore, openStore } from '../storage';
import type { SessionCallbacks, SessionManager } from './api';
import { decodeSession, encodeSession, type StoredSession } from './codec';
import type { TabMessage } from './crossTab';
import { createSessionDecider, type Decision } from './decision';
import { createExpiryTimer } from './expiryTimer';
import { SESSION_DEFAULTS, type SessionOptions } from './options';
import { expiryOf, isLive, type NextStep, nextStep, type SessionLimits, whyExpired } from './rules';
import { siteLock } from './siteLock';
import { createTabSequence } from './tab';

// Activity is written back at most this often: one cookie write per second at most.
const WRITE_INTERVAL_MS = 1000;
// The store is re-read at most this often while a session is live: reading `document.cookie`
// after a write is a synchronous IPC in Chromium and costs more than everything else a click
// does. Other tabs' rotations arrive by BroadcastChannel; an expiry re-reads before it ends.
const READ_INTERVAL_MS = 5000;

// The longest a tab without Web Locks waits before ending an expired session (see `check`).
const STAGGER_MS = 200;

/** Creates the session manager. Touches storage only when first used. */
export function createSessionManager(options: SessionOptions, callbacks: SessionCallbacks): SessionManager {
  const limits: SessionLimits = {
    idleTimeoutMs: options.idleTimeoutMs ?? SESSION_DEFAULTS.idleTimeoutMs,
    maxDurationMs: options.maxDurationMs ?? SESSION_DEFAULTS.maxDurationMs,
  };
  const name = options.cookieName ?? SESSION_DEFAULTS.cookieName;
  const tab = createTabSequence();
  const crossTab = createTabChannel<TabMessage>(name);
  const lock = siteLock(name);
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

  // Runs when the current session may have expired: another tab may have kept it alive, rotated
  // or ended it. Every tab's timer fires at the same instant: where there is a site lock, the tab
  // in it first ends the session and says so, and the others, in it after, find it ended. Without
  // Web Locks, each tab that others can hear waits a random moment first (`turn`: it is over).
  const check = (turn?: 'mine') => {
    const stored = read();
    const at = now();
    if (stored && (!known || stored.id !== known.id)) {
      known = stored;
      callbacks.onChange(stored.ended ? null : stored);
    } else if (stored && !known?.ended) {
      // A session this tab knows has ended stays ended: a store that says otherwise was read late.
      known = stored;
    }
    if (!known || known.ended || at < expiryOf(known, limits)) return timer.schedule();
    if (!turn && (lock || crossTab.isOpen())) {
      const run = () => running && check('mine');
      return lock ? lock(run) : void setTimeout(run, Math.random() * STAGGER_MS);
    }
    end(known, whyExpired(known, at, limits));
    crossTab.announce({ e: known.id });
    callbacks.onChange(null);
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
    lock,
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
      crossTab.announce({});
    },
    start() {
      if (running) return;
      running = true;
      decider.start();
      crossTab.open((message) => {
        // Ended on the word of the tab that ended it: its cookie write may reach this store late.
        if (known && message?.e === known.id) known.ended = true;
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
