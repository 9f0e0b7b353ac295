import { reportFrameworkError } from '@spoor/core';
import type { App, AppConfig } from 'vue';

type ErrorHandler = NonNullable<AppConfig['errorHandler']>;

/**
 * Records every error Vue catches (in handlers, lifecycle hooks, watchers, render) through the core's
 * error capture, and then hands it on as before: to the app's own `app.config.errorHandler`, whether
 * set before or after this call, or else to the console as Vue does without one. Returns the undo.
 */
export function chainErrorHandler(app: App): () => void {
  const config = app.config;
  let own: AppConfig['errorHandler'] = config.errorHandler;
  const handler: ErrorHandler = (error, instance, info) => {
    reportFrameworkError(error);
    if (own) own(error, instance, info);
    else console.error(error);
  };
  // An accessor, so an app that assigns its handler after app.use() keeps it and keeps ours.
  Object.defineProperty(config, 'errorHandler', {
    configurable: true,
    enumerable: true,
    get: () => handler,
    set: (next: AppConfig['errorHandler']) => {
      own = next;
    },
  });
  return () => {
    Object.defineProperty(config, 'errorHandler', {
      configurable: true,
      enumerable: true,
      writable: true,
      value: own,
    });
  };
}
