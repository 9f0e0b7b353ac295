import type { TrackerEventMap } from '@spoor/core';

/**
 * Codec 2 writes a chunk of rrweb events as one array of events, each an array whose first item
 * says how the rest is written (docs/events.md describes the whole format).
 */
export enum EVENT_KIND {
  /** `[0, event]`: an event of a shape the codec does not know, as it is. */
  raw = 0,
  /** `[1, time delta, type, data]`: any other event, its data as it is. */
  plain = 1,
  /** `[2, time delta, node, rest of data]`: a full snapshot, its node tree as arrays. */
  fullSnapshot = 2,
  /** `[3, time delta, adds, removes, texts, attributes, rest?]`: a DOM mutation. */
  mutation = 3,
  /** `[4, time delta, source, flat deltas]`: a pointer, touch or drag path. */
  positions = 4,
}

/** The codec this version of `@spoor/replay` writes; every earlier one can still be read. */
export const CURRENT_CODEC = 2;

/** A `replay` event's payload as it is sent (core's event map is its one definition). */
export type ReplayChunk = TrackerEventMap['replay'];
