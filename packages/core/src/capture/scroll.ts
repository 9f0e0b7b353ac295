import { now } from '../env';
import { isNonNegative } from '../validate';
import type { CaptureContext } from './context';
import { guard, listen, scrollDepthPct } from './listen';
import type { SourceDefinition } from './source';

/** Options of scroll capture (`capture.scroll`). */
export interface ScrollOptions {
  /** At most one `scroll` event per this many milliseconds; the last position is always sent. @default 250 */
  throttleMs?: number;
}

/**
 * Page scrolling (`scroll`): the first scroll of a burst at once, then at most one event per
 * `throttleMs`, and always the position where the visitor stopped (trailing edge).
 */
function captureScroll(ctx: CaptureContext, options: Required<ScrollOptions>): () => void {
  const { window: win, document: doc } = ctx;
  const { throttleMs } = options;
  let lastEmit = Number.NEGATIVE_INFINITY;
  let last: { x: number; y: number } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const emit = () => {
    timer = undefined;
    lastEmit = now();
    const x = Math.round(win.scrollX || 0);
    const y = Math.round(win.scrollY || 0);
    if (last && last.x === x && last.y === y) return;
    last = { x, y };
    ctx.emit({ type: 'scroll', x, y, depthPct: scrollDepthPct(win, doc) });
  };

  // Not capturing: element scrolls do not bubble, so only the page's own scrolling reaches here.
  const stop = listen(
    ctx,
    win,
    'scroll',
    () => {
      if (timer !== undefined) return;
      const wait = lastEmit + throttleMs - now();
      if (wait <= 0) emit();
      else timer = setTimeout(guard(ctx, emit), wait);
    },
    false,
  );

  return () => {
    stop();
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
}

/** Throttled page scrolling (`capture.scroll`). */
export const scroll: SourceDefinition<ScrollOptions> = {
  shape: { throttleMs: isNonNegative },
  defaults: { throttleMs: 250 },
  start: captureScroll,
};
