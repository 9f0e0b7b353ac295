import { now } from '../env';

/** Calls `onDue` a little after the deadline `deadline()` gives (none: no timer). */
export interface ExpiryTimer {
  /** (Re-)arms for the current deadline. */
  schedule(): void;
  cancel(): void;
}

export function createExpiryTimer(deadline: () => number | null, onDue: () => void): ExpiryTimer {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return {
    schedule() {
      cancel();
      const at = deadline();
      if (at === null) return;
      timer = setTimeout(
        () => {
          timer = undefined;
          onDue();
        },
        Math.max(0, at - now()) + 50,
      );
    },
    cancel,
  };
}
