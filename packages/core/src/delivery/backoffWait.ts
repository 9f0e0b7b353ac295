import { now } from '../env';
import type { SavedBackoff } from './handoff';

/** A queue's wait before its next send after a failure: one deadline and one timer. */
export interface BackoffWait {
  /** The deadline is still ahead. */
  waiting(): boolean;
  /** Failed sends in a row, this page load and the previous ones. */
  failures(): number;
  /** A send failed: waits at least `delayMs` from now (a later deadline already set stays). */
  extend(delayMs: number): void;
  /** (Re-)arms the timer for the deadline. */
  arm(): void;
  /** Forgets the deadline (a send succeeded, or the page is back online). */
  reset(): void;
  cancel(): void;
}

/** Where the wait is kept across page loads, so a reload does not retry at once. */
export interface BackoffKeeper {
  load(): SavedBackoff | null;
  save(backoff: SavedBackoff | null): void;
  /** A saved deadline further ahead than this (a changed clock) is shortened to it. */
  maxWaitMs: number;
}

/** `onDue` runs when the deadline passes. */
export function createBackoffWait(onDue: () => void, keeper?: BackoffKeeper): BackoffWait {
  const saved = keeper?.load();
  let until = saved && keeper ? Math.min(saved.until, now() + keeper.maxWaitMs) : 0;
  let failures = saved?.failures ?? 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const arm = () => {
    cancel();
    timer = setTimeout(
      () => {
        timer = undefined;
        onDue();
      },
      Math.max(0, until - now()),
    );
  };
  return {
    waiting: () => now() < until,
    failures: () => failures,
    extend(delayMs) {
      until = Math.max(until, now() + delayMs);
      failures += 1;
      keeper?.save({ until, failures });
    },
    arm,
    reset() {
      // Written only when there was a wait: most sends succeed.
      if (until !== 0 || failures !== 0) keeper?.save(null);
      until = 0;
      failures = 0;
    },
    cancel,
  };
}
