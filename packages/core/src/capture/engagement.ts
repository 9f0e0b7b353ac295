import { now } from '../env';
import type { CaptureContext } from './context';
import { listen, stopAll } from './listen';

/** Inputs that prove the visitor is there. */
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'scroll', 'touchstart'] as const;

/** True when the event was fired at the window itself rather than at a node inside the page. */
const isWindowEvent = (event: Event) => typeof (event.target as Partial<Node> | null)?.nodeType !== 'number';

/** Time on page and engaged time since the last reset. */
export interface EngagementClock {
  /** Starts a new segment: both counters restart from zero now. */
  reset(): void;
  /** Milliseconds since the last reset, and how many of them were engaged. */
  read(): { durationMs: number; engagedMs: number };
  stop(): void;
}

/**
 * Counts engaged time: the page is visible, the window has focus and the visitor did
 * something (pointer, key, wheel, scroll, touch) less than `idleMs` ago. No timers run: the
 * engaged stretch is closed lazily at `lastInput + idleMs` when it is read or interrupted.
 */
export function createEngagementClock(ctx: CaptureContext, idleMs: number): EngagementClock {
  const { window: win, document: doc } = ctx;
  const clock = now;
  const hasFocus = (): boolean => {
    try {
      return typeof doc.hasFocus === 'function' ? doc.hasFocus() : true;
    } catch {
      return true;
    }
  };

  let visible = doc.visibilityState !== 'hidden';
  let focused = hasFocus();
  let startedAt = clock();
  let lastInput = startedAt;
  let engagedTotal = 0;
  /** Start of the current engaged stretch, or null while not engaged. */
  let engagedSince: number | null = null;

  const settle = (at: number) => {
    if (engagedSince === null) return;
    const end = Math.min(at, lastInput + idleMs);
    engagedTotal += Math.max(0, end - engagedSince);
    engagedSince = end < at ? null : at;
  };
  const resume = (at: number) => {
    if (engagedSince === null && visible && focused) engagedSince = at;
  };
  const onActivity = () => {
    const at = clock();
    settle(at);
    lastInput = at;
    resume(at);
  };
  const onAttention = (isVisible: boolean, isFocused: boolean) => {
    const at = clock();
    settle(at);
    const gained = (isVisible && isFocused) !== (visible && focused);
    visible = isVisible;
    focused = isFocused;
    if (!(visible && focused)) {
      engagedSince = null;
      return;
    }
    // Coming back to the tab or window is itself a sign of presence.
    if (gained) lastInput = at;
    resume(at);
  };

  const stops = ACTIVITY_EVENTS.map((type) => listen(ctx, win, type, onActivity));
  stops.push(
    listen(ctx, doc, 'visibilitychange', () => onAttention(doc.visibilityState !== 'hidden', hasFocus())),
    // Bubble phase: focus and blur of fields do not bubble, so only the window's own arrive here.
    listen(ctx, win, 'focus', (event) => isWindowEvent(event) && onAttention(visible, true), false),
    listen(ctx, win, 'blur', (event) => isWindowEvent(event) && onAttention(visible, false), false),
  );

  return {
    reset() {
      const at = clock();
      startedAt = at;
      lastInput = at;
      engagedTotal = 0;
      engagedSince = null;
      resume(at);
    },
    read() {
      const at = clock();
      settle(at);
      return { durationMs: Math.max(0, at - startedAt), engagedMs: Math.round(engagedTotal) };
    },
    stop() {
      stopAll(ctx, stops);
    },
  };
}
