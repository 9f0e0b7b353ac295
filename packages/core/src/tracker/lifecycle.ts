import type { ConsentState } from '../events';

/**
 * Where a tracker is in its life. `awaiting-consent`: started, but nothing is captured until
 * consent is granted; `capturing`: started with consent, sources and plugins attached.
 */
export type Lifecycle = 'idle' | 'awaiting-consent' | 'capturing' | 'destroyed';

/** The snapshot's `status`: the mount state adapters render (`running` covers both started states). */
export type TrackerStatus = 'idle' | 'running' | 'destroyed';

/** Kept as it was for existing readers of `status`; `consent` tells the two started states apart. */
export const STATUS_OF = {
  idle: 'idle',
  'awaiting-consent': 'running',
  capturing: 'running',
  destroyed: 'destroyed',
} as const satisfies Record<Lifecycle, TrackerStatus>;

/** The state a started tracker should be in. */
export function startedState(consent: ConsentState): 'awaiting-consent' | 'capturing' {
  return consent === 'granted' ? 'capturing' : 'awaiting-consent';
}
