import type { Tracker } from '../tracker/api';

/** What a consent banner needs from a tracker, as every adapter hands it out. */
export interface ConsentControls {
  /** `opt-in` (nothing happens before `grant()`) or `opt-out` (captured until `deny()`). */
  readonly mode: 'opt-in' | 'opt-out';
  /** Records consent: capture starts (opt-in) or goes on. */
  grant(): void;
  /** Refuses consent: capture stops and stored ids and queued events are cleared. */
  deny(): void;
}

/**
 * The consent mode and the two actions of a banner, bound to `tracker` so they can be passed
 * around as event handlers. For adapters; apps use their framework's `useConsent` or store.
 *
 * @example
 * const { grant, deny } = consentControls(tracker);
 * acceptButton.addEventListener('click', grant);
 */
export function consentControls(tracker: Tracker): ConsentControls {
  return {
    mode: tracker.consent.mode,
    grant: () => tracker.consent.grant(),
    deny: () => tracker.consent.deny(),
  };
}
