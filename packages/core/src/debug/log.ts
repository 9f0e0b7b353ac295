import type { EventInput } from '../events';
import { describeProblem } from './format';
import { debugEnabled } from './switch';

/** Writes Spoor's diagnostics to the console when debugging is on; silent otherwise. */
export interface DebugLog {
  /** Prints the problem a local event (tracker or transport error) stands for, if any. */
  event(event: EventInput): void;
  /** Prints a line as is (an ignored or dropped event, a rejected option). */
  line(text: string): void;
  /** True when a line would be printed (to skip building messages otherwise). */
  readonly on: boolean;
}

export function createDebugLog(option: boolean | undefined): DebugLog {
  const line = (text: string) => {
    if (!debugEnabled(option)) return;
    try {
      console.warn(`[spoor] ${text}`);
    } catch {
      // A console replaced by something that throws must not break tracking.
    }
  };
  return {
    event(event) {
      if (event.type !== 'tracker:error' && event.type !== 'transport:error') return;
      const text = describeProblem(event);
      if (text) line(text);
    },
    line,
    get on() {
      return debugEnabled(option);
    },
  };
}
