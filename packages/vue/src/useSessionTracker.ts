import type { Tracker, TrackerSnapshot } from '@spoor/core';
import type { Ref } from 'vue';
import { injectTracker } from './keys';
import { useTrackerSnapshot } from './useTrackerSnapshot';

/** What {@link useSessionTracker} returns. */
export interface SessionTrackerContext {
  /** The tracker installed with `app.use(SpoorPlugin, …)`. */
  readonly tracker: Tracker;
  /** The tracker's snapshot (`sessionId`, `consent`, `status`, `lastError`), kept up to date. Read-only. */
  readonly snapshot: Readonly<Ref<TrackerSnapshot>>;
}

/**
 * The app's tracker and its state, as read-only reactive data. Call it inside `setup()`.
 *
 * @example
 * const { tracker, snapshot } = useSessionTracker();
 * tracker.track('plan_chosen', { plan: 'pro' });
 * watchEffect(() => console.log(snapshot.value.sessionId));
 */
export function useSessionTracker(): SessionTrackerContext {
  const tracker = injectTracker('useSessionTracker');
  return { tracker, snapshot: useTrackerSnapshot() };
}
