import { type ConsentState, consentControls, type Tracker, type TrackerSnapshot } from '@spoor/core';
import type { Readable } from 'svelte/store';

/**
 * A readable store of the tracker's snapshot, or of the part a selector picks. Subscribers hear
 * only about changes of the selected value.
 *
 * @example
 * const status = trackerSnapshot(tracker, (snapshot) => snapshot.status);
 * // {$status}
 */
export function trackerSnapshot(tracker: Tracker): Readable<TrackerSnapshot>;
export function trackerSnapshot<TSelected>(
  tracker: Tracker,
  selector: (snapshot: TrackerSnapshot) => TSelected,
): Readable<TSelected>;
export function trackerSnapshot<TSelected>(
  tracker: Tracker,
  selector?: (snapshot: TrackerSnapshot) => TSelected,
): Readable<TSelected | TrackerSnapshot> {
  const select = selector ?? ((snapshot: TrackerSnapshot) => snapshot);
  return {
    subscribe(run) {
      let current = select(tracker.getSnapshot());
      run(current);
      return tracker.subscribe(() => {
        const next = select(tracker.getSnapshot());
        if (Object.is(next, current)) return;
        current = next;
        run(next);
      });
    },
  };
}

/**
 * A readable store of the current session id: `null` before consent, on the server, and after a denial.
 *
 * @example
 * const sessionId = sessionStore(tracker);
 * // {#if $sessionId}Recording{/if}
 */
export function sessionStore(tracker: Tracker): Readable<string | null> {
  return trackerSnapshot(tracker, (snapshot) => snapshot.sessionId);
}

/** The store {@link consentStore} returns: the consent state, plus the actions that change it. */
export interface ConsentStore extends Readable<ConsentState> {
  /** `opt-in` (nothing happens before `grant()`) or `opt-out`. */
  readonly mode: 'opt-in' | 'opt-out';
  /** Records consent: capture starts and the session begins. */
  grant(): void;
  /** Refuses consent: capture stops and stored ids and queued data are cleared. */
  deny(): void;
}

/**
 * A readable store of the consent state (`pending`, `granted`, `denied`) with `grant` and `deny`,
 * for a consent banner.
 *
 * @example
 * const consent = consentStore(tracker);
 * // {#if $consent === 'pending'}<button onclick={consent.grant}>Accept</button>{/if}
 */
export function consentStore(tracker: Tracker): ConsentStore {
  return {
    subscribe: trackerSnapshot(tracker, (snapshot) => snapshot.consent).subscribe,
    ...consentControls(tracker),
  };
}
