'use client';
import type { Tracker } from '@spoor/core';
import { createContext, useContext } from 'react';

/** Holds the tracker of the nearest `SessionTrackerProvider`; `null` outside one. */
export const TrackerContext = createContext<Tracker | null>(null);
TrackerContext.displayName = 'SpoorTrackerContext';

/** The provider's tracker, or a clear error naming the hook and the missing provider. */
export function useTrackerContext(hookName: string): Tracker {
  const tracker = useContext(TrackerContext);
  if (!tracker) {
    throw new Error(
      `[spoor] ${hookName}() must be used inside <SessionTrackerProvider>. ` +
        'Wrap your app (or this part of it) in <SessionTrackerProvider tracker={tracker}> or <SessionTrackerProvider options={...}>.',
    );
  }
  return tracker;
}
