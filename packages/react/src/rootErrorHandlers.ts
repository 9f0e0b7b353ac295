import { reportFrameworkError } from '@spoor/core';

/** What React 19 passes to a root's error callbacks. */
export interface RootErrorInfo {
  componentStack?: string | undefined;
}

/** The error callbacks of React 19's `createRoot` and `hydrateRoot` options. */
export interface RootErrorHandlers {
  /** An error an error boundary caught. @default logs it to the console, as React does */
  onCaughtError?: (error: unknown, errorInfo: RootErrorInfo) => void;
  /** An error no boundary caught. @default reports it to the window, as React does */
  onUncaughtError?: (error: unknown, errorInfo: RootErrorInfo) => void;
}

/**
 * React 19 root callbacks that record every error React handles: those error boundaries catch (which
 * never reach `window.onerror`) and those none catches. Your own callbacks still run; without them,
 * React's default behaviour is kept. Recorded like any other error: scrubbed, and only with consent.
 *
 * @example
 * createRoot(document.getElementById('root')!, rootErrorHandlers()).render(<App />);
 * // keeping callbacks of your own:
 * createRoot(container, rootErrorHandlers({ onCaughtError: (error) => showToast(error) }));
 */
export function rootErrorHandlers(handlers: RootErrorHandlers = {}): Required<RootErrorHandlers> {
  return {
    onCaughtError(error, errorInfo) {
      reportFrameworkError(error);
      if (handlers.onCaughtError) handlers.onCaughtError(error, errorInfo);
      else console.error(error);
    },
    onUncaughtError(error, errorInfo) {
      if (handlers.onUncaughtError) {
        reportFrameworkError(error);
        handlers.onUncaughtError(error, errorInfo);
      } else if (typeof reportError === 'function') {
        // React's default: a real uncaught-error report, which the core's error capture records.
        reportError(error);
      } else {
        reportFrameworkError(error);
        console.error(error);
      }
    },
  };
}
