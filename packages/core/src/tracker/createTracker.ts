import { validateCaptureOptions } from '../capture';
import { CAPTURE_SOURCES } from '../capture/sources';
import { openBatchStore } from '../delivery/openBatchStore';
import { type TrackerOptions, validateOptions } from '../options';
import type { Tracker } from './api';
import { buildTracker } from './tracker';

/**
 * Creates a tracker with every capture source and persistent delivery. Validates the options (a
 * SpoorError names a bad one) and touches no browser state until `start()`. For a smaller tracker
 * made of chosen parts, see `createCoreTracker` in `@spoor/core/lite`.
 *
 * @example
 * const tracker = createTracker({ transport: createHttpTransport({ url: '/spoor/collect' }) });
 * tracker.start();
 * tracker.track('plan_chosen', { plan: 'pro' });
 */
/* @__NO_SIDE_EFFECTS__ */
export function createTracker(options: TrackerOptions = {}): Tracker {
  validateOptions(options);
  validateCaptureOptions(options.capture);
  return buildTracker(options, { sources: CAPTURE_SOURCES, openStore: openBatchStore });
}
