import { validateCaptureOptions } from '../capture';
import { createDebugLog } from '../debug/log';
import { checkSettings } from '../delivery/options';
import { describeError } from '../errors';
import { type TrackerOptions, validateOptions } from '../options';
import type { AnyCustomEvents } from '../types/customEvents';
import type { Tracker } from './api';
import { FULL_PARTS } from './fullParts';
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
export function createTracker<TEvents extends object = AnyCustomEvents>(
  options: TrackerOptions = {},
): Tracker<TEvents> {
  try {
    validateOptions(options);
    validateCaptureOptions(options.capture);
    checkSettings(options.delivery);
  } catch (error) {
    // Printed too (with `debug`): a rejected option otherwise only shows where the app catches it.
    createDebugLog((options as { debug?: boolean } | undefined)?.debug).line(
      `createTracker: ${describeError(error).replace(/^\[spoor\] /, '')}`,
    );
    throw error;
  }
  return buildTracker<TEvents>(options, FULL_PARTS);
}
