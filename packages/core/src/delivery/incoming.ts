import { getDocument } from '../env';
import type { TrackerEvent } from '../events';

/**
 * Events on their way into the transport queues. Queuing serialises each event and counts its
 * bytes, and a full batch starts a send: work the visitor waits for when it runs inside a click's
 * handlers. So events are queued in a task of their own, right after the one that emitted them,
 * in the order they came. Flushing, leaving the page and a hidden page take them at once.
 */
export interface IncomingEvents {
  add(event: TrackerEvent): void;
  /** Queues everything waiting now. */
  drain(): void;
  /** Forgets everything waiting (consent denied). */
  clear(): void;
}

export function createIncomingEvents(queue: (event: TrackerEvent) => void): IncomingEvents {
  let waiting: TrackerEvent[] = [];
  const drain = () => {
    const events = waiting;
    waiting = [];
    for (const event of events) queue(event);
  };
  return {
    add(event) {
      // The first event waiting sets the timer. One left behind by an early drain finds nothing,
      // or later events, in order: no need to cancel it.
      const count = waiting.push(event);
      // A hidden page may not run another task before it is gone: queue now.
      if (getDocument()?.visibilityState === 'hidden') drain();
      else if (count === 1) setTimeout(drain, 0);
    },
    drain,
    clear() {
      waiting = [];
    },
  };
}
