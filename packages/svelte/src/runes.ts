import type { Tracker, TrackerSnapshot } from '@spoor/core';
import { createSubscriber } from 'svelte/reactivity';

/** What {@link fromTracker} returns: a value that Svelte 5 templates and `$derived` track. */
export interface TrackerValue<TValue> {
  readonly current: TValue;
}

/**
 * A rune-friendly view of the tracker's snapshot (or the part a selector picks): reading `current`
 * inside a template, `$derived` or `$effect` subscribes to the tracker while something reads it.
 *
 * @example
 * const consent = fromTracker(tracker, (snapshot) => snapshot.consent);
 * // {#if consent.current === 'pending'}…{/if}
 */
export function fromTracker(tracker: Tracker): TrackerValue<TrackerSnapshot>;
export function fromTracker<TSelected>(
  tracker: Tracker,
  selector: (snapshot: TrackerSnapshot) => TSelected,
): TrackerValue<TSelected>;
/* @__NO_SIDE_EFFECTS__ */
export function fromTracker<TSelected>(
  tracker: Tracker,
  selector?: (snapshot: TrackerSnapshot) => TSelected,
): TrackerValue<TSelected | TrackerSnapshot> {
  const select = selector ?? ((snapshot: TrackerSnapshot) => snapshot);
  const subscribe = createSubscriber((update) => tracker.subscribe(update));
  return {
    get current() {
      subscribe();
      return select(tracker.getSnapshot());
    },
  };
}
