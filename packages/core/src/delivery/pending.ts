import type { TrackerEvent } from '../events';
import { jsonOf } from '../shared/json';
import { byteLength } from '../shared/utf8';
import { createBatch, type QueuedBatch } from './batch';

/** Events waiting to be sealed into a batch. */
export interface PendingEvents {
  /** Adds an event; true when a batch was sealed because it is full (time to send). */
  add(event: TrackerEvent): boolean;
  /** Seals what is waiting into a batch, if anything. */
  seal(): void;
  clear(): void;
}

/** Seals batches of at most `maxEvents` events and about `maxBytes` bytes, and hands them to `queue`. */
export function createPendingEvents(
  limits: { maxEvents: number; maxBytes: number },
  queue: (batch: QueuedBatch) => void,
): PendingEvents {
  let events: TrackerEvent[] = [];
  let bytes = 0;
  const seal = () => {
    if (events.length === 0) return;
    const batch = createBatch(events, bytes);
    events = [];
    bytes = 0;
    queue(batch);
  };
  return {
    add(event) {
      const size = byteLength(jsonOf(event));
      // An event as large as a batch (a replay chunk) travels alone, and the small events waiting
      // keep waiting for their batch: small batches compress worse and cost a request each.
      if (size >= limits.maxBytes) {
        queue(createBatch([event], size));
        return true;
      }
      if (events.length > 0 && bytes + size > limits.maxBytes) seal();
      events.push(event);
      bytes += size;
      if (events.length < limits.maxEvents && bytes < limits.maxBytes) return false;
      seal();
      return true;
    },
    seal,
    clear() {
      events = [];
      bytes = 0;
    },
  };
}
