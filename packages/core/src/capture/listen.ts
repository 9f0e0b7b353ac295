import type { CaptureContext } from './context';

/**
 * Wraps a handler so nothing it throws reaches the page: failures go to `ctx.reportError`.
 */
export function guard<TArgs extends unknown[]>(
  ctx: Pick<CaptureContext, 'reportError'>,
  handler: (...args: TArgs) => void,
): (...args: TArgs) => void {
  return (...args) => {
    try {
      handler(...args);
    } catch (error) {
      try {
        ctx.reportError(error);
      } catch {
        // reportError itself failing must not reach the page either.
      }
    }
  };
}

/**
 * Adds one guarded listener to a window or document and returns the function that removes it.
 * Listeners are passive: capture never delays scrolling or input.
 */
export function listen(
  ctx: Pick<CaptureContext, 'reportError'>,
  target: EventTarget,
  type: string,
  handler: (event: Event) => void,
  capture = true,
): () => void {
  const wrapped = guard(ctx, handler);
  const options: AddEventListenerOptions = { capture, passive: true };
  target.addEventListener(type, wrapped, options);
  return () => target.removeEventListener(type, wrapped, options);
}

/** Runs every stop function once, reporting (never throwing) failures. */
export function stopAll(ctx: Pick<CaptureContext, 'reportError'>, stops: Array<() => void>): void {
  for (const stop of stops.splice(0).reverse()) guard(ctx, stop)();
}

/** Vertical scroll position of the page. */
export function scrollTopOf(win: Window, doc: Document): number {
  return win.scrollY || doc.documentElement?.scrollTop || 0;
}

/**
 * Deepest point of the viewport as a percentage (0..100) of the document height, at the current
 * scroll position or at `top` when given.
 */
export function scrollDepthPct(win: Window, doc: Document, top = scrollTopOf(win, doc)): number {
  const root = doc.documentElement;
  const height = Math.max(root?.scrollHeight ?? 0, doc.body?.scrollHeight ?? 0);
  const viewport = win.innerHeight || root?.clientHeight || 0;
  if (height <= 0) return 100;
  const bottom = top + viewport;
  return Math.max(0, Math.min(100, Math.round((bottom / height) * 100)));
}
