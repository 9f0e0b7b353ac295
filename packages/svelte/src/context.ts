import type { AnyCustomEvents, Tracker } from '@spoor/core';
import { getContext, hasContext, onMount, setContext } from 'svelte';

// Symbol.for: the /kit entry bundles its own copy of this module and must find the same context.
const trackerKey = Symbol.for('spoor.tracker');

/**
 * Makes `tracker` available to this component and its children through {@link getTrackerContext},
 * starts it when the component mounts and stops it when the component is destroyed. Call it during
 * component initialisation, usually in the root component or layout. Nothing starts during server rendering.
 *
 * @example
 * <script lang="ts">
 *   import { createTracker, setTrackerContext } from '@spoor/svelte';
 *   setTrackerContext(createTracker({ consent: { mode: 'opt-in' } }));
 * </script>
 */
export function setTrackerContext<TEvents extends object = AnyCustomEvents>(
  tracker: Tracker<TEvents>,
): Tracker<TEvents> {
  setContext(trackerKey, tracker);
  // onMount never runs on the server, so server rendering captures nothing.
  onMount(() => {
    tracker.start();
    return () => tracker.stop();
  });
  return tracker;
}

/**
 * The tracker a parent component passed to {@link setTrackerContext}. Call it during component
 * initialisation; it throws when no parent has set one.
 *
 * @example
 * const tracker = getTrackerContext(); // or getTrackerContext<MyEvents>() for typed custom events
 * tracker.track('plan_chosen', { plan: 'pro' });
 */
export function getTrackerContext<TEvents extends object = AnyCustomEvents>(): Tracker<TEvents> {
  if (!hasContext(trackerKey)) {
    throw new Error(
      '[spoor] getTrackerContext() found no tracker: call setTrackerContext(tracker) in a parent component.',
    );
  }
  return getContext<Tracker<TEvents>>(trackerKey);
}
