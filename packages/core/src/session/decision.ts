import { getDocument, getNavigator, getWindow } from '../env';
import type { SessionStartReason } from '../events';
import type { StoredSession } from './codec';

/** A Web Lock is kept this long after the session is written, so the next tab's read sees it. */
const HOLD_MS = 25;
/** The longest a tab waits for the lock before deciding alone (a lock manager that never answers). */
const MAX_WAIT_MS = 1000;

/** A session this tab needs while none is live: it starts only if no other tab started one first. */
export interface Decision {
  /** The session this tab starts if it is the first. */
  readonly session: StoredSession;
  readonly reason: SessionStartReason;
}

/**
 * Where a tab is in choosing the session when none is live. `deciding`: it waits for the site's
 * session lock (Web Locks), because another tab starting at the same instant may be choosing too;
 * inside the lock it reads the store again, then starts a session or joins the one found there.
 * `settled`: the stored session is the one to use. Without Web Locks nothing waits (see the manager).
 */
export interface SessionDecider {
  /** Web Locks are there: a decision waits for the lock. */
  readonly exclusive: boolean;
  /** The decision under way, if any. */
  readonly pending: Decision | undefined;
  /** Starts deciding; `commit` runs once, in the lock (or at page exit, or after `MAX_WAIT_MS`). */
  decide(decision: Decision): void;
  /** Runs `fn` once the decision under way is committed (at once when there is none). */
  whenSettled(fn: () => void): void;
  /** Commits the decision under way now (page exit: nothing may wait any more). */
  settleNow(): void;
  /** Forgets the decision under way without committing it (consent withdrawn); waiters still run. */
  abandon(): void;
  /** Listens for page exit while started. */
  start(): void;
  /** Commits the decision under way, and stops listening. */
  stop(): void;
}

export function createSessionDecider(name: string, commit: (decision: Decision) => void): SessionDecider {
  const locks = getNavigator()?.locks;
  const exclusive = typeof locks?.request === 'function';
  let pending: Decision | undefined;
  let waiters: (() => void)[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cleanups: (() => void)[] = [];

  const finish = (decision: Decision, run: boolean) => {
    if (pending !== decision) return;
    pending = undefined;
    clearTimeout(timer);
    if (run) commit(decision);
    const ready = waiters;
    waiters = [];
    for (const fn of ready) fn();
  };
  const onExit = () => {
    if (pending) finish(pending, true);
  };

  return {
    exclusive,
    get pending() {
      return pending;
    },
    decide(decision) {
      pending = decision;
      timer = setTimeout(() => finish(decision, true), MAX_WAIT_MS);
      try {
        locks
          ?.request(`spoor:${name}`, () => {
            finish(decision, true);
            return new Promise((resolve) => setTimeout(resolve, HOLD_MS));
          })
          .catch(() => finish(decision, true));
      } catch {
        finish(decision, true);
      }
    },
    whenSettled(fn) {
      if (pending) waiters.push(fn);
      else fn();
    },
    settleNow: onExit,
    abandon() {
      if (pending) finish(pending, false);
    },
    start() {
      const win = getWindow();
      const doc = getDocument();
      if (!win || !doc) return;
      const hidden = () => {
        if (doc.visibilityState === 'hidden') onExit();
      };
      win.addEventListener('pagehide', onExit);
      doc.addEventListener('visibilitychange', hidden);
      cleanups = [
        () => win.removeEventListener('pagehide', onExit),
        () => doc.removeEventListener('visibilitychange', hidden),
      ];
    },
    stop() {
      // What was recorded before a stop is delivered by the stop's flush.
      onExit();
      for (const cleanup of cleanups) cleanup();
      cleanups = [];
    },
  };
}
