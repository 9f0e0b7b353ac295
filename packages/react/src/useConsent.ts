'use client';
import { type ConsentState, consentControls } from '@spoor/core';
import { useMemo } from 'react';
import { useTrackerContext } from './context';
import { useTrackerSnapshot } from './useTrackerSnapshot';

/** What {@link useConsent} returns. */
export interface ConsentValue {
  /** `pending` until the visitor decides, then `granted` or `denied`. */
  state: ConsentState;
  /** `opt-in`: nothing is captured before `grant()`. `opt-out`: captured until `deny()`. */
  mode: 'opt-in' | 'opt-out';
  /** Records the visitor's consent: capture starts (opt-in) or goes on. */
  grant(): void;
  /** Records the refusal: capture stops and stored ids and queued events are cleared. */
  deny(): void;
}

/**
 * The visitor's consent and the two actions a consent banner needs.
 *
 * @example
 * const { state, grant, deny } = useConsent();
 * if (state !== 'pending') return null;
 * return <div role="dialog"><button onClick={grant}>Accept</button><button onClick={deny}>Decline</button></div>;
 */
export function useConsent(): ConsentValue {
  const tracker = useTrackerContext('useConsent');
  const state = useTrackerSnapshot((snapshot) => snapshot.consent);
  const controls = useMemo(() => consentControls(tracker), [tracker]);
  return useMemo(() => ({ state, ...controls }), [controls, state]);
}
