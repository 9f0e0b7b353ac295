import { currentUrl, getWindow, now } from '../env';

/** When a deferred task was asked for: the events it emits carry this time and address. */
interface Stamp {
  readonly ts: number;
  readonly href: string;
}

/** Work taken out of an event handler (a click's description) and done after the next paint. */
export interface Deferred {
  /** Queues `task`, stamped with the time and address of now. */
  defer(task: () => void): void;
  /** Runs every queued task now, in order: before any other event, at page exit and at stop. */
  drain(): void;
  /** The stamp of the task running now, if any. */
  current(): Stamp | undefined;
}

/** Deferred work of one tracker; `report` receives what a task throws. */
export function createDeferred(report: (error: unknown) => void): Deferred {
  let queue: Array<[() => void, Stamp]> = [];
  let running: Stamp | undefined;
  // Cleared once the frame path has drained: otherwise every deferred burst wakes the page again.
  let fallback: ReturnType<typeof setTimeout> | undefined;

  const drain = () => {
    clearTimeout(fallback);
    if (queue.length === 0) return;
    const tasks = queue;
    const outer = running;
    queue = [];
    for (const [task, stamp] of tasks) {
      running = stamp;
      try {
        task();
      } catch (error) {
        report(error);
      }
    }
    running = outer;
  };

  return {
    defer(task) {
      // After the next paint: a frame callback, then a task of its own. Frames stop in a hidden
      // tab (and in iframes the browser throttles): the timer covers those.
      if (queue.push([task, { ts: now(), href: currentUrl() }]) > 1) return;
      const win = getWindow();
      win?.requestAnimationFrame?.(() => setTimeout(drain));
      fallback = setTimeout(drain, win?.document.visibilityState === 'hidden' ? 0 : 250);
    },
    drain,
    current: () => running,
  };
}
