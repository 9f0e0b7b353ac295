import { now } from '../env';
import type { TargetInfo } from '../events';
import { isBoolean } from '../validate';
import { type ClickPoint, pointOf, withinBox } from './clickPoint';
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
  /** Set once the click is described, after the next paint. */
  target: TargetInfo | undefined;
  href: string;
  /** When the check settles (epoch ms). */
  due: number;
}

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
    // A click still waiting for its paint is described first: its dead check needs the target.
    ctx.drain();
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

  const trackRage = (x: number, y: number, target: TargetInfo, at: number) => {
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
    if (check.target && win.location.href === check.href)
      ctx.emit({ type: 'click:dead', target: check.target });
  };

  // At dispatch: the page's own click handlers may change the DOM right after, and that counts.
  const trackDead = (element: Element, at: number): DeadCheck | undefined => {
    const candidate = element.closest(DEAD_CANDIDATE_SELECTOR);
    if (!candidate || pending.some((check) => check.element === candidate)) return undefined;
    watch();
    const check: DeadCheck = {
      element: candidate,
      target: undefined,
      href: win.location.href,
      due: at + DEAD_WINDOW_MS,
    };
    arm(check.due);
    pending.push(check);
    return check;
  };

  /**
   * Describes and emits a click after the next paint. An element the page removed meanwhile has
   * lost the ancestors its masking depends on, so its text is masked whatever they said.
   */
  const report = (element: Element, point: ClickPoint, at: number, check: DeadCheck | undefined) => {
    const target = describeTarget(element, privacy, hrefs);
    if (target.text && !element.isConnected) target.text = privacy.maskText(target.text);
    ctx.emit({
      type: 'click',
      x: point.x,
      y: point.y,
      vw: win.innerWidth,
      vh: win.innerHeight,
      target,
      ...withinBox(point, element.getBoundingClientRect()),
    });
    if (options.rage) trackRage(point.x, point.y, target, at);
    if (check) check.target = target;
  };

  stops.push(
    // At dispatch only what the page may change right after: the time, where the pointer was,
    // the element and whether it is blocked; the rest waits for the paint the visitor sees.
    listen(ctx, doc, 'click', (event) => {
      const origin = elementOf(event.target);
      if (!origin || privacy.isBlocked(origin)) return;
      // A block is never lifted below, so the interactive ancestor of an unblocked origin is unblocked.
      const element = interactiveTarget(origin);
      const at = now();
      const point = pointOf(event as MouseEvent, win);
      const check = options.dead ? trackDead(element, at) : undefined;
      ctx.defer(() => report(element, point, at, check));
    }),
    // Clicks waiting for their paint go out before delivery's exit flush: these listeners come
    // before delivery's, and at a target capturing listeners run first.
    listen(ctx, win, 'pagehide', () => {
      ctx.drain();
      endBurst();
    }),
    listen(ctx, doc, 'visibilitychange', () => {
      if (doc.visibilityState === 'hidden') ctx.drain();
    }),
  );
  if (options.dead) stops.push(listen(ctx, win, 'scroll', clearDead), ctx.on('page:view', clearDead));

  return () => {
    stopAll(ctx, stops);
    ctx.drain();
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
