import { now } from '../env';
import type { PointerPoint } from '../events';
import { isPositive, isPositiveInteger } from '../validate';
import type { CaptureContext } from './context';
import { guard, listen, stopAll } from './listen';
import type { SourceDefinition } from './source';

/** Options of pointer-movement capture (`capture.pointer`). */
export interface PointerOptions {
  /** Keep at most one position per this many milliseconds. @default 50 */
  sampleMs?: number;
  /** Send the collected positions this long after the first one of a batch. @default 1500 */
  flushMs?: number;
  /** Send the batch as soon as it holds this many positions. @default 50 */
  maxPoints?: number;
}

/**
 * Pointer movement (`pointer:move`): positions sampled every `sampleMs`, in page coordinates,
 * batched and sent every `flushMs`, at `maxPoints`, and synchronously when the page is hidden or
 * left (so the batch makes it into the exit flush).
 */
function capturePointer(ctx: CaptureContext, options: Required<PointerOptions>): () => void {
  const { window: win, document: doc } = ctx;
  const { sampleMs, flushMs, maxPoints } = options;

  let points: PointerPoint[] = [];
  let batchStart = 0;
  let lastSample = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (points.length === 0) return;
    const batch = points;
    points = [];
    ctx.emit({ type: 'pointer:move', points: batch });
  };

  const onMove = (event: Event) => {
    const at = now();
    if (at - lastSample < sampleMs) return;
    lastSample = at;
    const pointer = event as PointerEvent;
    // A trusted event carries its page coordinates: reading `scrollX` here could force a layout.
    const trusted = pointer.isTrusted && typeof pointer.pageX === 'number';
    const x = Math.round(trusted ? pointer.pageX : pointer.clientX + win.scrollX);
    const y = Math.round(trusted ? pointer.pageY : pointer.clientY + win.scrollY);
    if (points.length === 0) {
      batchStart = at;
      timer = setTimeout(guard(ctx, flush), flushMs);
    }
    points.push([x, y, at - batchStart]);
    if (points.length >= maxPoints) flush();
  };

  const stops = [
    listen(ctx, doc, 'pointermove', onMove),
    listen(ctx, win, 'pagehide', flush),
    listen(ctx, doc, 'visibilitychange', () => {
      if (doc.visibilityState === 'hidden') flush();
    }),
  ];

  return () => {
    stopAll(ctx, stops);
    guard(ctx, flush)();
  };
}

/** Sampled pointer movement (`capture.pointer`). */
export const pointer: SourceDefinition<PointerOptions> = {
  shape: { sampleMs: isPositive, flushMs: isPositive, maxPoints: isPositiveInteger },
  defaults: { sampleMs: 50, flushMs: 1500, maxPoints: 50 },
  start: capturePointer,
};
