/** Options of {@link reportFrameworkError}. */
export interface FrameworkErrorOptions {
  /** The window whose trackers should record the error. @default the global `window` */
  window?: Window & typeof globalThis;
}

/** The window event error capture listens to for errors a framework caught (Spoor's own channel). */
export const FRAMEWORK_ERROR_EVENT = 'spoor:framework-error';

// Errors already handed on: a React boundary and the root's onCaughtError both see the same one.
const reported = new WeakSet<object>();

/**
 * Records an error a framework caught before it reached `window.onerror` (a Vue `errorHandler`, a
 * React error boundary, a Svelte `<svelte:boundary>`), as if it had gone uncaught: every running
 * tracker's error capture scrubs, redacts and counts it like any other error, and respects consent
 * and `capture.errors`. The same error object is recorded once, however many framework hooks see
 * it. Does nothing on the server; never throws. Other tools' `error` listeners do not see it: the
 * framework handled it.
 *
 * @example
 * app.config.errorHandler = (error) => reportFrameworkError(error);
 */
export function reportFrameworkError(error: unknown, options: FrameworkErrorOptions = {}): void {
  const win = options.window ?? (typeof window === 'undefined' ? undefined : window);
  if (!win || typeof win.CustomEvent !== 'function') return;
  if (typeof error === 'object' && error !== null) {
    if (reported.has(error)) return;
    reported.add(error);
  }
  try {
    win.dispatchEvent(new win.CustomEvent(FRAMEWORK_ERROR_EVENT, { detail: error }));
  } catch {
    // Nothing a tracker does with it may turn a handled error into a crash.
  }
}
