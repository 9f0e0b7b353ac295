import { createBatch, leave, markStored, type QueuedBatch } from './batch';
import type { StoredBatch } from './store';

/** The outbox with another tab's stored `batches` taken over, oldest first (the same outbox when none is new). */
export function withAdopted(outbox: QueuedBatch[], batches: readonly StoredBatch[]): QueuedBatch[] {
  const known = new Set(outbox.map((b) => b.id));
  const adopted = batches
    .filter((b) => !known.has(b.id))
    .map((b): QueuedBatch => ({ ...createBatch(b.events, b.bytes, b.attempt, b.createdAt), id: b.id }));
  for (const batch of adopted) markStored(batch);
  if (adopted.length === 0) return outbox;
  return [...adopted, ...outbox].sort((a, b) => a.createdAt - b.createdAt);
}

/** The outbox without the `checked` batches that are not in `kept`: another tab took them over. */
export function withoutLost(
  outbox: QueuedBatch[],
  checked: readonly string[],
  kept: Set<string>,
): QueuedBatch[] {
  const lost = new Set(checked.filter((id) => !kept.has(id)));
  return outbox.filter((b) => {
    if (b.phase === 'in-flight' || !lost.has(b.id)) return true;
    // That tab settles it from now on.
    leave(b, 'settled');
    return false;
  });
}
