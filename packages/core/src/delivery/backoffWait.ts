import { now } from '../env';

/** A queue's wait before its next send after a failure: one deadline and one timer. */
export interface BackoffWait {
  /** The deadline is still ahead. */
  waiting(): boolean;
  /** Waits at least `delayMs` from now (a later deadline already set stays). */
  extend(delayMs: number): void;
  /** (Re-)arms the timer for the deadline. */
  arm(): void;
  /** Forgets the deadline (a send succeeded, or the page is back online). */
  reset(): void;
  cancel(): void;
}

/** `onDue` runs when the deadline passes. */
export function createBackoffWait(onDue: () => void): BackoffWait {
  let until = 0;
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
    extend(delayMs) {
      until = Math.max(until, now() + delayMs);
    },
    arm,
    reset() {
      until = 0;
    },
    cancel,
  };
}
