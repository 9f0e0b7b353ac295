'use client';
import type { AnyCustomEvents, Tracker, TrackerSnapshot } from '@spoor/core';
import { useMemo } from 'react';
import { useTrackerContext } from './context';
import { useTrackerSnapshot } from './useTrackerSnapshot';

/** What {@link useSessionTracker} returns: the tracker and its current, reactive state. */
export interface SessionTrackerValue<TEvents extends object = AnyCustomEvents> {
  /** The provider's tracker, for `track`, `page`, `reset`, `flush`… */
  tracker: Tracker<TEvents>;
  /** The current session id; `null` before consent (opt-in) and during server rendering. */
  sessionId: string | null;
  /** `pending`, `granted` or `denied`. */
  consent: TrackerSnapshot['consent'];
  /** `idle`, `running` or `destroyed`. */
  status: TrackerSnapshot['status'];
  /** The last failure the tracker reported, if any. */
  lastError: TrackerSnapshot['lastError'];
}

/**
 * Returns the tracker of the nearest `SessionTrackerProvider` with its session state, and
 * re-renders when that state changes. Throws when there is no provider above.
 *
 * @example
 * const { tracker, sessionId } = useSessionTracker();
 * // typed custom events: useSessionTracker<MyEvents>() (MyEvents as given to createTracker)
 * return <button onClick={() => tracker.track('plan_chosen', { plan: 'pro' })}>Pro</button>;
 */
export function useSessionTracker<TEvents extends object = AnyCustomEvents>(): SessionTrackerValue<TEvents> {
  // The provider holds a tracker of any event map; the caller names the map it was created with.
  const tracker = useTrackerContext('useSessionTracker') as Tracker<TEvents>;
  const snapshot = useTrackerSnapshot();
  return useMemo(
    () => ({
      tracker,
      sessionId: snapshot.sessionId,
      consent: snapshot.consent,
      status: snapshot.status,
      lastError: snapshot.lastError,
    }),
    [tracker, snapshot],
  );
}
