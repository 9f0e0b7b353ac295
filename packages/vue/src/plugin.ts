import { createTracker, type Tracker, type TrackerOptions } from '@spoor/core';
import type { App, Plugin } from 'vue';
import { createTrackDirective, vSpoorBlock, vSpoorMask } from './directives';
import { chainErrorHandler } from './errorHandler';
import { trackerKey } from './keys';

/** The part of a router {@link SpoorPlugin} needs: vue-router's `Router` fits. */
export interface RouterLike {
  afterEach(guard: (to: unknown, from: unknown, failure?: unknown) => unknown): () => void;
}

/** Options of {@link SpoorPlugin}: a tracker made elsewhere, or options to make one. */
export type SpoorPluginOptions = (
  | {
      /** A tracker created with `createTracker` (share it with code outside Vue). */
      tracker: Tracker;
      options?: never;
    }
  | {
      /** Options for a tracker the plugin creates (and destroys when the app unmounts). */
      options: TrackerOptions;
      tracker?: never;
    }
) & {
  /** A vue-router instance: each completed navigation records a page view. @default undefined */
  router?: RouterLike;
};

/**
 * Installs Spoor in a Vue app: provides the tracker to the composables, registers
 * `v-spoor-mask`, `v-spoor-block` and `v-spoor-track`, records the errors Vue catches (keeping
 * the app's own `app.config.errorHandler`), starts tracking in the browser and stops when the app unmounts. Nothing is captured during server rendering.
 *
 * @example
 * const tracker = createTracker({ transport: createHttpTransport({ url: '/v1/collect' }) });
 * createApp(App).use(router).use(SpoorPlugin, { tracker, router }).mount('#app');
 */
export const SpoorPlugin: Plugin<[SpoorPluginOptions]> = {
  install(app: App, settings: SpoorPluginOptions) {
    const owned = !settings.tracker;
    const tracker = settings.tracker ?? createTracker(settings.options);
    app.provide(trackerKey, tracker);
    app.directive('spoor-mask', vSpoorMask);
    app.directive('spoor-block', vSpoorBlock);
    app.directive('spoor-track', createTrackDirective(tracker));
    // On the server start() is a no-op in the core (no count is raised), so nothing to guard here.
    const removeGuard = settings.router?.afterEach((_to, _from, failure) => {
      if (!failure) tracker.page();
    });
    const restoreErrorHandler = chainErrorHandler(app);
    tracker.start();
    app.onUnmount(() => {
      restoreErrorHandler();
      removeGuard?.();
      tracker.stop();
      if (owned) tracker.destroy();
    });
  },
};
