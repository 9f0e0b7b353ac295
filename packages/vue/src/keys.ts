import type { Tracker } from '@spoor/core';
import { hasInjectionContext, type InjectionKey, inject } from 'vue';

/** Where {@link SpoorPlugin} provides the tracker. Private: apps use the composables. */
export const trackerKey: InjectionKey<Tracker> = Symbol('spoor.tracker');

/** The tracker provided by the plugin; throws an error naming the fix when there is none. */
export function injectTracker(caller: string): Tracker {
  const tracker = hasInjectionContext() ? inject(trackerKey, null) : null;
  if (!tracker) {
    throw new Error(
      `[spoor] ${caller}() found no tracker: install one with app.use(SpoorPlugin, { tracker }) and call ${caller}() inside setup().`,
    );
  }
  return tracker;
}
