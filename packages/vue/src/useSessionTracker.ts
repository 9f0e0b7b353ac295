import type { AnyCustomEvents, ConsentState, Tracker, TrackerSnapshot } from '@spoor/core';
import { computed, type Ref } from 'vue';
import { injectTracker } from './keys';
import { useTrackerSnapshot } from './useTrackerSnapshot';

/** What {@link useSessionTracker} returns. Every ref is read-only and kept up to date. */
/**
 * Declare your custom events once to type `track()` everywhere in the app:
 * `declare module '@spoor/vue' { interface SpoorCustomEvents { plan_chosen: { plan: 'pro' | 'free' } } }`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the app's declaration merging
export interface SpoorCustomEvents {}

/** The app's custom events, or any events while it has declared none. */
export type AppCustomEvents = keyof SpoorCustomEvents extends never ? AnyCustomEvents : SpoorCustomEvents;

export interface SessionTrackerContext {
  /** The tracker installed with `app.use(SpoorPlugin, …)`, typed by {@link SpoorCustomEvents}. */
  readonly tracker: Tracker<AppCustomEvents>;
  /** The whole snapshot: `sessionId`, `tabId`, `consent`, `status`, `lastError`. */
  readonly snapshot: Readonly<Ref<TrackerSnapshot>>;
  /** The current session id: `null` before consent, on the server and after a denial. */
  readonly sessionId: Readonly<Ref<string | null>>;
  /** `pending`, `granted` or `denied`. */
  readonly consent: Readonly<Ref<ConsentState>>;
  /** `idle`, `running` or `destroyed`. */
  readonly status: Readonly<Ref<TrackerSnapshot['status']>>;
}

/**
 * The app's tracker and its session state, as read-only refs. Call it inside `setup()`.
 *
 * @example
 * const { tracker, sessionId, consent } = useSessionTracker();
 * tracker.track('plan_chosen', { plan: 'pro' });
 * // <p v-if="sessionId">Session {{ sessionId }} ({{ consent }})</p>
 */
export function useSessionTracker(): SessionTrackerContext {
  const tracker = injectTracker('useSessionTracker') as Tracker<AppCustomEvents>;
  const snapshot = useTrackerSnapshot();
  return {
    tracker,
    snapshot,
    sessionId: computed(() => snapshot.value.sessionId),
    consent: computed(() => snapshot.value.consent),
    status: computed(() => snapshot.value.status),
  };
}
