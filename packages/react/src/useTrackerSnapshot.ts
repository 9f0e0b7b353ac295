'use client';
import type { TrackerSnapshot } from '@spoor/core';
import { useRef, useSyncExternalStore } from 'react';
import { useTrackerContext } from './context';

const identity = (snapshot: TrackerSnapshot): TrackerSnapshot => snapshot;

interface Selection<TSelected> {
  snapshot: TrackerSnapshot;
  selector: (snapshot: TrackerSnapshot) => TSelected;
  selected: TSelected;
}

/**
 * Reads the tracker's snapshot (`sessionId`, `consent`, `status`, `lastError`), or a part of it,
 * and re-renders when that part changes. During server rendering it reads the tracker's server
 * snapshot.
 *
 * @param selector picks what the component needs. @default the whole snapshot
 * @param isEqual decides whether a new selection equals the previous one (then the component does
 * not re-render). @default Object.is
 *
 * @example
 * const consent = useTrackerSnapshot((snapshot) => snapshot.consent);
 */
export function useTrackerSnapshot(): TrackerSnapshot;
export function useTrackerSnapshot<TSelected>(
  selector: (snapshot: TrackerSnapshot) => TSelected,
  isEqual?: (previous: TSelected, next: TSelected) => boolean,
): TSelected;
export function useTrackerSnapshot<TSelected>(
  selector: (snapshot: TrackerSnapshot) => TSelected = identity as (snapshot: TrackerSnapshot) => TSelected,
  isEqual: (previous: TSelected, next: TSelected) => boolean = Object.is,
): TSelected {
  const tracker = useTrackerContext('useTrackerSnapshot');
  // The last selection, so an inline selector returns the same value for the same snapshot and an
  // equal selection keeps its old reference (useSyncExternalStore compares with Object.is).
  const last = useRef<Selection<TSelected> | null>(null);

  const select = (snapshot: TrackerSnapshot): TSelected => {
    const previous = last.current;
    if (previous && previous.snapshot === snapshot && previous.selector === selector)
      return previous.selected;
    const next = selector(snapshot);
    const selected = previous && isEqual(previous.selected, next) ? previous.selected : next;
    last.current = { snapshot, selector, selected };
    return selected;
  };

  return useSyncExternalStore(
    tracker.subscribe,
    () => select(tracker.getSnapshot()),
    () => select(tracker.getServerSnapshot()),
  );
}
