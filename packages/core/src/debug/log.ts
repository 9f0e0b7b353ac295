import type { EventInput } from '../events';
import { debugEnabled } from './switch';

/** Writes Spoor's diagnostics to the console when debugging is on; silent otherwise. */
export interface DebugLog {
  /** Prints the problem a local event (tracker or transport error) stands for, if any. */
  event(event: EventInput): void;
  /** Prints why an event handed to a tracker that is not capturing goes nowhere. */
  ignored(event: EventInput, state: { status: string; consent: string; mode: string }): void;
  /** Prints a line as is (a dropped event, a rejected option). */
  line(text: string): void;
}

type Wording = typeof import('@spoor/core/debug');

// The wording loads on first use (it is dead weight while debugging is off); every line waits in
// one queue so lines keep the order of what happened, whichever tracker printed them.
let wording: Promise<Wording | undefined> | undefined;
let queue: Promise<void> = Promise.resolve();

function print(render: (words: Wording | undefined) => string | null) {
  wording ??= import('@spoor/core/debug').catch(() => undefined);
  const loaded = wording;
  queue = queue
    .then(() => loaded)
    .then((words) => {
      const text = render(words);
      if (text) console.warn(`[spoor] ${text}`);
    })
    // A console replaced by something that throws must not break tracking.
    .catch(() => {});
}

export function createDebugLog(option: boolean | undefined): DebugLog {
  const on = () => debugEnabled(option);
  return {
    event(event) {
      if ((event.type === 'tracker:error' || event.type === 'transport:error') && on())
        print((words) => words?.describeProblem(event) ?? null);
    },
    ignored(event, state) {
      if (on()) print((words) => words?.describeIgnored(event, state) ?? null);
    },
    line(text) {
      if (on()) print(() => text);
    },
  };
}
