import type { TrackerSnapshot } from '@spoor/core';
import { computed, getCurrentScope, inject, onScopeDispose, type Ref, shallowRef, ssrContextKey } from 'vue';
import { injectTracker } from './keys';

/**
 * A read-only ref holding the tracker's snapshot, or the part of it a selector picks. It changes only
 * when the selected value changes. During server rendering it holds the server snapshot and never subscribes.
 *
 * @example
 * const sessionId = useTrackerSnapshot((snapshot) => snapshot.sessionId);
 */
export function useTrackerSnapshot(): Readonly<Ref<TrackerSnapshot>>;
export function useTrackerSnapshot<TSelected>(
  selector: (snapshot: TrackerSnapshot) => TSelected,
): Readonly<Ref<TSelected>>;
export function useTrackerSnapshot<TSelected>(
  selector?: (snapshot: TrackerSnapshot) => TSelected,
): Readonly<Ref<TSelected | TrackerSnapshot>> {
  const tracker = injectTracker('useTrackerSnapshot');
  const select = selector ?? ((snapshot: TrackerSnapshot) => snapshot);
  if (inject(ssrContextKey, null) !== null) {
    const serverValue = select(tracker.getServerSnapshot());
    return computed(() => serverValue);
  }
  // shallowRef skips the write (and the re-render) when the selected value is Object.is-equal.
  const state = shallowRef(select(tracker.getSnapshot()));
  const unsubscribe = tracker.subscribe(() => {
    state.value = select(tracker.getSnapshot());
  });
  if (getCurrentScope()) onScopeDispose(unsubscribe);
  return computed(() => state.value);
}
