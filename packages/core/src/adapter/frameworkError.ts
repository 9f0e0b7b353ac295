/** Options of {@link reportFrameworkError}. */
export interface FrameworkErrorOptions {
  /** The window whose trackers should record the error. @default the global `window` */
  window?: Window & typeof globalThis;
}

// Errors already handed on: a React boundary and the root's onCaughtError both see the same one.
const reported = new WeakSet<object>();

/**
 * Records an error a framework caught before it reached `window.onerror` (a Vue `errorHandler`, a
 * React error boundary, a Svelte `<svelte:boundary>`), as if it had gone uncaught: it is handed to
 * the window's error channel, so every running tracker's error capture scrubs, redacts and counts
 * it like any other error, and respects consent and `capture.errors`. The same error object is
 * recorded once, however many framework hooks see it. Does nothing on the server; never throws.
 *
 * Other tools listening to `window` errors see it too, as they would an uncaught error.
 *
 * @example
 * app.config.errorHandler = (error) => reportFrameworkError(error);
 */
export function reportFrameworkError(error: unknown, options: FrameworkErrorOptions = {}): void {
  const win = options.window ?? (typeof window === 'undefined' ? undefined : window);
  if (!win || typeof win.ErrorEvent !== 'function') return;
  if (typeof error === 'object' && error !== null) {
    if (reported.has(error)) return;
    reported.add(error);
  }
  try {
    // No message: error capture then names the error as an uncaught one would be (`TypeError: …`).
    // Synthetic, so the browser neither logs it to the console nor counts it as a page error.
    win.dispatchEvent(new win.ErrorEvent('error', { error }));
  } catch {
    // A listener of another tool throwing must not turn a handled error into a crash.
  }
}
