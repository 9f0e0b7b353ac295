import { now } from '../env';
import type { TargetInfo } from '../events';
import { isBoolean } from '../validate';
import type { CaptureContext } from './context';
import { guard, listen, stopAll } from './listen';
import type { SourceDefinition } from './source';
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
}

interface DeadCheck {
  element: Element;
  target: TargetInfo;
  href: string;
  /** When the check settles (epoch ms). */
  due: number;
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
function captureClicks(ctx: CaptureContext, options: Required<ClickOptions>): () => void {
  const { window: win, document: doc, privacy } = ctx;
  const stops: Array<() => void> = [];
  let burst: Burst | null = null;
  const pending: DeadCheck[] = [];
  let observer: MutationObserver | null = null;
  let watching = false;
  // One timer for every deadline of this source (burst ends, dead-click checks), armed for the
  // earliest one: deadlines only grow, so a click almost never touches a timer.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerAt = Number.POSITIVE_INFINITY;
  const hrefs: HrefCache = new WeakMap();

  const arm = (at: number) => {
    if (timer !== undefined && timerAt <= at) return;
    if (timer !== undefined) clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(onTimer, Math.max(0, at - now()));
  };

  const disarm = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    timerAt = Number.POSITIVE_INFINITY;
  };

  const onTimer = guard(ctx, () => {
    timer = undefined;
    timerAt = Number.POSITIVE_INFINITY;
    const at = now();
    let next = Number.POSITIVE_INFINITY;
    const current = burst;
    if (current) {
      const end = (current.times[current.times.length - 1] ?? at) + RAGE_WINDOW_MS;
      if (end <= at) endBurst();
      else next = end;
    }
    for (const check of pending.slice()) {
      if (check.due <= at) settleDead(check);
      else next = Math.min(next, check.due);
    }
    if (next !== Number.POSITIVE_INFINITY) arm(next);
  });

  const endBurst = () => {
    const ended = burst;
    if (!ended) return;
    burst = null;
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
      burst = { x, y, times: [at], target, rage: false };
      arm(at + RAGE_WINDOW_MS);
      return;
    }
    current.times.push(at);
    const third = current.times[current.times.length - RAGE_MIN_CLICKS];
    if (third !== undefined && at - third <= RAGE_WINDOW_MS) current.rage = true;
  };

  /** Something happened after the click: none of the pending clicks is dead. */
  const clearDead = () => {
    if (pending.length === 0) return;
    pending.length = 0;
    unwatch();
  };

  const unwatch = () => {
    if (!watching) return;
    watching = false;
    observer?.disconnect();
  };

  // The observer is created once and watches only while a dead-click check is pending; the scroll
  // and page:view listeners stay attached and do nothing meanwhile, so a click creates none.
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
    const due = now() + DEAD_WINDOW_MS;
    const check: DeadCheck = { element: candidate, target, href, due };
    arm(due);
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
      if (options.rage) trackRage(x, y, target);
      if (options.dead) trackDead(element, target);
    }),
    listen(ctx, win, 'pagehide', endBurst),
  );
  if (options.dead) stops.push(listen(ctx, win, 'scroll', clearDead), ctx.on('page:view', clearDead));

  return () => {
    stopAll(ctx, stops);
    guard(ctx, endBurst)();
    clearDead();
    disarm();
  };
}

/** Clicks, rage clicks and dead clicks (`capture.clicks`). */
export const clicks: SourceDefinition<ClickOptions> = {
  shape: { rage: isBoolean, dead: isBoolean },
  defaults: { rage: true, dead: true },
  start: captureClicks,
};
