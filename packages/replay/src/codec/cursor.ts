/**
 * Running values both sides of the codec keep while they walk a chunk in the same order, so that
 * numbers go on the wire as small deltas: node ids usually grow by one from node to node, and
 * timestamps by a few milliseconds from event to event.
 */
export interface Cursor {
  /** The last node id written or read. */
  id: number;
  /** The last timestamp written or read. */
  time: number;
}

export const createCursor = (): Cursor => ({ id: 0, time: 0 });
