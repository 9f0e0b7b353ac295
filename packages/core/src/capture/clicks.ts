import { now } from '../env';
import type { TargetInfo } from '../events';
import type { CaptureContext } from './context';
import { guard, listen, stopAll } from './listen';
import { describeTarget, elementOf, type HrefCache, interactiveTarget } from './target';

/** Options of click capture (`capture.clicks`). */
export interface ClickOptions {
  /** Emit `click:rage` when the visitor clicks 3 or more times within 30 px in 1 s. @default true */
  rage?: boolean;
  /** Emit `click:dead` when a click on a link or button changes nothing within 1 s. @default true */
  dead?: boolean;
}

const RAGE_MIN_CLICKS = 3;
const RAGE_RADIUS_PX = 30;
const RAGE_WINDOW_MS = 1000;
const DEAD_WINDOW_MS = 1000;

/**
 * What a click is expected to change something on. Form fields and labels are left out: focusing a
 * field or ticking a box changes no DOM, so they would always look dead. Links that open another
 * tab or download a file change nothing here either.
 */
const DEAD_CANDIDATE_SELECTOR = [
  'a[href]:not([target="_blank"]):not([download])',
  'button:not([disabled]):not([aria-disabled="true"])',
  'input[type="button"]',
  'input[type="submit"]',
  'input[type="reset"]',
  'input[type="image"]',
  'summary',
  '[role="button"]:not([aria-disabled="true"])',
  '[role="link"]',
  '[role="tab"]',
  '[role="menuitem"]',
].join(',');

interface Burst {
  x: number;
  y: number;
  times: number[];
  target: TargetInfo;
  rage: boolean;
  timer: ReturnType<typeof setTimeout>;
}

interface DeadCheck {
  element: Element;
  target: TargetInfo;
  href: string;
  timer: ReturnType<typeof setTimeout>;
}

// A trusted event's page coordinates come with it; synthetic ones (and some environments) leave
// them at 0, so those fall back to client + scroll.
const pageX = (event: MouseEvent, win: Window) =>
  event.isTrusted && typeof event.pageX === 'number' ? event.pageX : event.clientX + win.scrollX;
const pageY = (event: MouseEvent, win: Window) =>
  event.isTrusted && typeof event.pageY === 'number' ? event.pageY : event.clientY + win.scrollY;

const round3 = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;

/**
 * Clicks (`click`), rage clicks (`click:rage`) and dead clicks (`click:dead`). One capturing
 * listener on the document; clicks on or inside blocked elements are skipped entirely.
 */
export function captureClicks(ctx: CaptureContext, options: ClickOptions = {}): () => void {
  const { window: win, document: doc, privacy } = ctx;
  const stops: Array<() => void> = [];
  let burst: Burst | null = null;
  const pending: DeadCheck[] = [];
  let observer: MutationObserver | null = null;
  let watching = false;
  const hrefs: HrefCache = new WeakMap();

  const endBurst = () => {
    const ended = burst;
    if (!ended) return;
    burst = null;
    clearTimeout(ended.timer);
    if (ended.rage) ctx.emit({ type: 'click:rage', target: ended.target, count: ended.times.length });
  };

  const trackRage = (x: number, y: number, target: TargetInfo) => {
    const at = now();
    const current = burst;
    const last = current?.times[current.times.length - 1];
    const joins =
      current !== null &&
      last !== undefined &&
      at - last <= RAGE_WINDOW_MS &&
      Math.hypot(x - current.x, y - current.y) <= RAGE_RADIUS_PX;
    if (!joins) {
      endBurst();
      burst = {
        x,
        y,
        times: [at],
        target,
        rage: false,
        timer: setTimeout(guard(ctx, endBurst), RAGE_WINDOW_MS),
      };
      return;
    }
    clearTimeout(current.timer);
    current.times.push(at);
    const third = current.times[current.times.length - RAGE_MIN_CLICKS];
    if (third !== undefined && at - third <= RAGE_WINDOW_MS) current.rage = true;
    current.timer = setTimeout(guard(ctx, endBurst), RAGE_WINDOW_MS);
  };

  /** Something happened after the click: none of the pending clicks is dead. */
  const clearDead = () => {
    if (pending.length === 0) return;
    for (const check of pending.splice(0)) clearTimeout(check.timer);
    unwatch();
  };

  const unwatch = () => {
    if (!watching) return;
    watching = false;
    observer?.disconnect();
  };

  // The observer watches only while a dead-click check is pending. It is created once and
  // re-attached per check: a new observer plus a scroll listener and a bus subscription per click
  // was the most expensive part of a click. The scroll and page:view listeners stay attached and
  // do nothing while no check is pending.
  const watch = () => {
    if (watching || typeof win.MutationObserver !== 'function') return;
    observer ??= new win.MutationObserver(guard(ctx, clearDead));
    observer.observe(doc, { childList: true, subtree: true, attributes: true, characterData: true });
    watching = true;
  };

  const settleDead = (check: DeadCheck) => {
    const index = pending.indexOf(check);
    if (index < 0) return;
    pending.splice(index, 1);
    if (pending.length === 0) unwatch();
    // A navigation the page-view source did not report (page views off, same-URL dedupe) still counts.
    if (win.location.href === check.href) ctx.emit({ type: 'click:dead', target: check.target });
  };

  const trackDead = (element: Element, target: TargetInfo) => {
    const candidate = element.closest(DEAD_CANDIDATE_SELECTOR);
    if (!candidate || pending.some((check) => check.element === candidate)) return;
    watch();
    const href = win.location.href;
    const check: DeadCheck = {
      element: candidate,
      target,
      href,
      timer: setTimeout(
        guard(ctx, () => settleDead(check)),
        DEAD_WINDOW_MS,
      ),
    };
    pending.push(check);
  };

  stops.push(
    listen(ctx, doc, 'click', (event) => {
      const origin = elementOf(event.target);
      if (!origin || privacy.isBlocked(origin)) return;
      const element = interactiveTarget(origin);
      if (element !== origin && privacy.isBlocked(element)) return;
      const mouse = event as MouseEvent;
      // The one layout read of a click: where inside the target's box it landed, taken now because
      // the page may move or resize the target right after the click.
      const rect = element.getBoundingClientRect();
      const x = Math.round(pageX(mouse, win));
      const y = Math.round(pageY(mouse, win));
      const target = describeTarget(element, privacy, hrefs);
      ctx.emit({
        type: 'click',
        x,
        y,
        vw: win.innerWidth,
        vh: win.innerHeight,
        target,
        rx: rect.width > 0 ? round3((mouse.clientX - rect.left) / rect.width) : 0,
        ry: rect.height > 0 ? round3((mouse.clientY - rect.top) / rect.height) : 0,
      });
      if (options.rage !== false) trackRage(x, y, target);
      if (options.dead !== false) trackDead(element, target);
    }),
    listen(ctx, win, 'pagehide', endBurst),
  );
  if (options.dead !== false)
    stops.push(listen(ctx, win, 'scroll', clearDead), ctx.on('page:view', clearDead));

  return () => {
    stopAll(ctx, stops);
    guard(ctx, endBurst)();
    clearDead();
  };
}
