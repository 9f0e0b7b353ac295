import { currentUrl, getWindow, now } from '../env';

/** When a deferred task was asked for: the events it emits carry this time and address. */
export interface Stamp {
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

// A tab whose frames stop (hidden, or an iframe the browser throttles) still gets its events.
const FALLBACK_MS = 250;

/** Deferred work of one tracker; `report` receives what a task throws. */
export function createDeferred(report: (error: unknown) => void): Deferred {
  const queue: Array<{ task: () => void; stamp: Stamp }> = [];
  let running: Stamp | undefined;
  let scheduled = false;

  const drain = () => {
    scheduled = false;
    if (queue.length === 0) return;
    for (const { task, stamp } of queue.splice(0)) {
      const outer = running;
      running = stamp;
      try {
        task();
      } catch (error) {
        report(error);
      } finally {
        running = outer;
      }
    }
  };

  // After the next paint: a frame callback, then a task of its own, so the paint the visitor
  // waits for comes first.
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    const win = getWindow();
    if (typeof win?.requestAnimationFrame === 'function' && win.document.visibilityState !== 'hidden') {
      win.requestAnimationFrame(() => setTimeout(drain, 0));
      setTimeout(drain, FALLBACK_MS);
    } else setTimeout(drain, 0);
  };

  return {
    defer(task) {
      queue.push({ task, stamp: { ts: now(), href: currentUrl() } });
      schedule();
    },
    drain,
    current: () => running,
  };
}
