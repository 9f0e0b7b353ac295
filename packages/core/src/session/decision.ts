import { getDocument, getWindow } from '../env';
import type { SessionStartReason } from '../events';
import { hear } from './claim';
import type { StoredSession } from './codec';
import type { TabMessage } from './crossTab';
import type { SiteLock } from './siteLock';

/**
 * How long a claim stays open to other tabs' claims. Claims of tabs starting together cross
 * within one BroadcastChannel delivery (about a millisecond between tabs), and a claim heard late
 * is answered, which takes a second one; 50 ms leaves room for tabs still busy loading, and the
 * first events of a visit leaving 50 ms later is something no visitor notices.
 */
const WINDOW_MS = 50;
/** The longest a tab waits before deciding alone (a lock manager or a winning tab that never answers). */
const MAX_WAIT_MS = 1000;

/** A session this tab needs while none is live: it starts only if no other tab started one first. */
export interface Decision {
  /** The session this tab starts if it is the first. */
  readonly session: StoredSession;
  readonly reason: SessionStartReason;
}

/**
 * Where a tab is in choosing the session when none is live. `deciding`: it waits, because another
 * tab starting at the same instant may be choosing too: for the site's session lock (Web Locks),
 * else for a claim window on the cross-tab channel (`c:` and its session; the lowest claim wins,
 * see `hear`); then it reads the store again and starts a session or joins the one found there.
 * Either way, a session another tab says it started (`s:`) is joined as soon as it is heard.
 * `settled`: the stored session is the one to use. With neither lock nor channel, it decides at once.
 */
export interface SessionDecider {
  /** The decision under way, if any. */
  readonly pending: Decision | undefined;
  /** Starts deciding; `commit` runs once, when the other tabs let it (or at exit, or after `MAX_WAIT_MS`). */
  decide(decision: Decision): void;
  /** A message from another tab: a claim, or a session it started (joined at once while deciding). */
  hear(message: TabMessage): void;
  /** Runs `fn` once the decision under way is committed (at once when there is none). */
  whenSettled(fn: () => void): void;
  /** Forgets the decision under way without committing it (consent withdrawn); waiters still run. */
  abandon(): void;
  /** Listens for page exit while started. */
  start(): void;
  /** Commits the decision under way, and stops listening. */
  stop(): void;
}

/**
 * `commit` reads the store and starts or joins a session; `adopted` is the session another tab
 * announced (or, at exit, claimed), for when its write has not reached this tab's store yet.
 * `post` says a message to the other tabs (false when there is no channel). `lock` is the site's
 * session lock, undefined where there are no Web Locks (tabs then claim over the channel).
 */
export function createSessionDecider(
  lock: SiteLock | undefined,
  commit: (decision: Decision, adopted?: StoredSession) => void,
  post: (message: TabMessage) => boolean,
): SessionDecider {
  let pending: Decision | undefined;
  // The claim this tab gave way to: the session the winning tab is about to start.
  let winner: StoredSession | undefined;
  const waiters: (() => void)[] = [];

  const claim = (session: StoredSession) => post({ c: session });
  // Timers left behind by a decision already made find another `pending` (or none) and do nothing.
  const finish = (decision: Decision, run: boolean, adopted?: StoredSession) => {
    if (pending !== decision) return;
    pending = winner = undefined;
    if (run) commit(decision, adopted);
    for (const fn of waiters.splice(0)) fn();
  };
  // At exit a tab that gave way joins the session the winning tab is about to start.
  const onExit = () => {
    if (pending) finish(pending, true, winner);
  };
  const hidden = () => {
    if (getDocument()?.visibilityState === 'hidden') onExit();
  };
  const listen = (method: 'addEventListener' | 'removeEventListener') => {
    getWindow()?.[method]('pagehide', onExit);
    getDocument()?.[method]('visibilitychange', hidden);
  };

  return {
    get pending() {
      return pending;
    },
    decide(decision) {
      pending = decision;
      setTimeout(() => finish(decision, true), MAX_WAIT_MS);
      if (!lock) {
        // A tab that gave way waits past the window for the winner's session (or the longest wait).
        if (claim(decision.session)) setTimeout(() => winner || finish(decision, true), WINDOW_MS);
        else finish(decision, true);
        return;
      }
      lock(() => finish(decision, true));
    },
    hear(message) {
      if (!pending) return;
      // The session another tab started is joined on the word, not on the store: a cookie written
      // by another tab reaches this one's `document.cookie` late (seen > 25 ms after the lock passed).
      const started = message?.s;
      if (started) return finish(pending, true, started);
      const heard = hear(pending.session, winner, message);
      if (heard === 'answer') claim(pending.session);
      else if (heard) winner = heard;
    },
    whenSettled(fn) {
      if (pending) waiters.push(fn);
      else fn();
    },
    abandon() {
      if (pending) finish(pending, false);
    },
    start: () => listen('addEventListener'),
    stop() {
      // What was recorded before a stop is delivered by the stop's flush.
      onExit();
      listen('removeEventListener');
    },
  };
}
