'use client';
import { createTracker, type Tracker, type TrackerOptions } from '@spoor/core';
import { type ReactNode, useEffect, useState } from 'react';
import { TrackerContext } from './context';

/** Props of {@link SessionTrackerProvider}: a tracker made outside React, or the options to make one. */
export type SessionTrackerProviderProps = {
  children?: ReactNode;
} & (
  | {
      /** A tracker created outside React (for example in a module next to your app's entry). */
      tracker: Tracker;
      options?: never;
    }
  | {
      /**
       * Options for a tracker the provider creates once, lazily, on its first render.
       * Later changes to this object are ignored.
       * @default undefined
       */
      options?: TrackerOptions;
      tracker?: never;
    }
);

/**
 * Makes a tracker available to `useSessionTracker` and the other hooks, and starts it while
 * mounted (`start()` on mount, `stop()` right after unmount). Start and stop are ref-counted by the
 * core, so StrictMode's double mount and nested providers sharing a tracker are harmless. During server
 * rendering nothing starts and nothing is captured.
 *
 * @example
 * <SessionTrackerProvider options={{ transport: createHttpTransport({ url: '/v1/collect' }) }}>
 *   <App />
 * </SessionTrackerProvider>
 */
export function SessionTrackerProvider(props: SessionTrackerProviderProps): ReactNode {
  const given = props.tracker;
  // Created at most once per provider; createTracker has no side effects, so the extra call that
  // StrictMode makes to this initializer is harmless.
  const [owned] = useState(() => (given ? null : createTracker(props.options)));
  const tracker = given ?? owned;
  if (!tracker) {
    throw new Error(
      '[spoor] <SessionTrackerProvider> lost its `tracker` prop: pass the same kind of prop on every render.',
    );
  }

  useEffect(() => {
    tracker.start();
    // Stop a microtask later: StrictMode's simulated unmount and remount run back to back, so the
    // remount's start() lands first and capture never detaches. (The core would continue the page
    // view anyway, but would still end an empty segment with a page:leave and re-attach every listener.)
    return () => queueMicrotask(() => tracker.stop());
  }, [tracker]);

  return <TrackerContext.Provider value={tracker}>{props.children}</TrackerContext.Provider>;
}
