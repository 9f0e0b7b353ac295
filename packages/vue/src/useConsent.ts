import { type ConsentState, consentControls } from '@spoor/core';
import type { Ref } from 'vue';
import { injectTracker } from './keys';
import { useTrackerSnapshot } from './useTrackerSnapshot';

/** What {@link useConsent} returns. */
export interface ConsentContext {
  /** `pending`, `granted` or `denied`, kept up to date. Read-only. */
  readonly state: Readonly<Ref<ConsentState>>;
  /** `opt-in` (nothing happens before `grant()`) or `opt-out`. */
  readonly mode: 'opt-in' | 'opt-out';
  /** Records consent: capture starts and the session begins. */
  grant(): void;
  /** Refuses consent: capture stops and stored ids and queued data are cleared. */
  deny(): void;
}

/**
 * Consent state and actions, for a consent banner. Call it inside `setup()`.
 *
 * @example
 * const consent = useConsent();
 * // <div v-if="consent.state.value === 'pending'"><button @click="consent.grant()">Accept</button></div>
 */
export function useConsent(): ConsentContext {
  const tracker = injectTracker('useConsent');
  return {
    state: useTrackerSnapshot((snapshot) => snapshot.consent),
    ...consentControls(tracker),
  };
}
