import { now } from '../env';
import type { TrackerEvent } from '../events';
import { createId } from '../id';
import { jsonList } from '../shared/json';
import { byteLength } from '../shared/utf8';

/**
 * Where a sealed batch is in its life. Events wait in the queue's pending buffer until they are
 * sealed into a batch; `sealed` and `in-flight` batches are in the outbox, the other three have
 * left it for good.
 */
type BatchPhase = 'sealed' | 'in-flight' | 'settled' | 'dropped' | 'split';

/**
 * Whether a copy of the batch is in the store. Apart from the phase because the two move
 * independently: a batch can be written while it is in flight. `rewriting`: stored, and being
 * written again (a new attempt count).
 */
type BatchStorage = 'memory' | 'writing' | 'stored' | 'rewriting';

export interface QueuedBatch {
  id: string;
  events: TrackerEvent[];
  bytes: number;
  attempt: number;
  createdAt: number;
  phase: BatchPhase;
  storage: BatchStorage;
}

export function createBatch(
  events: TrackerEvent[],
  bytes: number,
  attempt = 0,
  createdAt = now(),
): QueuedBatch {
  return { id: createId(), events, bytes, attempt, createdAt, phase: 'sealed', storage: 'memory' };
}

/** The two halves of a batch, split at event `at`, each with the batch's attempts and age. */
export function splitBatch(batch: QueuedBatch, at: number): QueuedBatch[] {
  return [batch.events.slice(0, at), batch.events.slice(at)].map((events) =>
    createBatch(events, byteLength(jsonList(events)), batch.attempt, batch.createdAt),
  );
}

/** In the outbox: waiting or being sent. */
export const isOpen = (batch: QueuedBatch): boolean =>
  batch.phase === 'sealed' || batch.phase === 'in-flight';
/** A copy is in the store (to remove once the batch settles). */
export const isStored = (batch: QueuedBatch): boolean =>
  batch.storage === 'stored' || batch.storage === 'rewriting';
export const isWriting = (batch: QueuedBatch): boolean =>
  batch.storage === 'writing' || batch.storage === 'rewriting';

// Phase transitions.
export function beginSend(batch: QueuedBatch): void {
  if (batch.phase === 'sealed') batch.phase = 'in-flight';
}
/** The answer came back; a batch that left the outbox meanwhile stays where it went. */
export function endSend(batch: QueuedBatch): void {
  if (batch.phase === 'in-flight') batch.phase = 'sealed';
}
export function leave(batch: QueuedBatch, phase: 'settled' | 'dropped' | 'split'): void {
  batch.phase = phase;
}

// Storage transitions.
export function beginWrite(batch: QueuedBatch): void {
  batch.storage = isStored(batch) ? 'rewriting' : 'writing';
}
/** A write ended: `stored` says whether the copy is in the store now. */
export function endWrite(batch: QueuedBatch, stored: boolean): void {
  batch.storage = stored ? 'stored' : 'memory';
}
/** A write failed: the store holds what it held before. */
export function failWrite(batch: QueuedBatch): void {
  batch.storage = batch.storage === 'rewriting' ? 'stored' : 'memory';
}
/** A copy was put in the store another way (a synchronous spill, or adopted from the store). */
export function markStored(batch: QueuedBatch): void {
  batch.storage = isWriting(batch) ? 'rewriting' : 'stored';
}
/** The store evicted the copy (a write under way goes on). */
export function markEvicted(batch: QueuedBatch): void {
  batch.storage = isWriting(batch) ? 'writing' : 'memory';
}
