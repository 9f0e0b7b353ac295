import type { NavigationKind } from '../events';
import { isBoolean, isPositive, type Shape } from '../validate';
import type { CaptureContext } from './context';
import { createEngagementClock } from './engagement';
import { watchHistory } from './historyRoutes';
import { guard, listen, scrollDepthPct, scrollTopOf, stopAll } from './listen';

/** Options of automatic page views (`capture.pageViews`). */
export interface PageViewOptions {
  /**
   * Count a change of the URL fragment (`#section`) as a new page view (`navigation: 'hash'`).
   * Turn it off when fragments are in-page anchors rather than routes.
   * @default true
   */
  hashChanges?: boolean;
  /** Milliseconds without input after which the visitor counts as idle (not engaged). @default 30000 */
  idleMs?: number;
}

/** Page views and page leaves. Also runs with automatic page views off, for `pageView()` on demand. */
export interface NavigationController {
  /** Records a page view for the current URL unless it is the one already recorded. */
  pageView(navigation?: NavigationKind): void;
  /** The page view in progress, to resume it after a restart on the same URL. */
  current(): ResumablePageView | null;
  /** Ends the current page view (`page:leave`) and detaches everything. */
  stop(): void;
}

/** A page view that a restarted capture continues instead of counting it again. */
export interface ResumablePageView {
  key: string;
  href: string;
}

export interface NavigationSettings {
  /** Record the first load and SPA navigations by themselves. */
  auto: boolean;
  hashChanges: boolean;
  idleMs: number;
  /** Continue this page view (a new segment, no new page:view) when the URL is still the same. */
  resume?: ResumablePageView | null;
}

/**
 * Page views (`page:view`) and their ends (`page:leave`).
 *
 * A page view is split into segments by the tab being hidden: hiding the tab emits
 * `page:leave` for the time since the segment began, and showing it again starts a new segment
 * of the same page view (no new `page:view`). Each millisecond is reported by at most one
 * `page:leave`, so summing them per page view gives its time on page.
 */
export function captureNavigation(ctx: CaptureContext, settings: NavigationSettings): NavigationController {
  const { window: win, document: doc, privacy } = ctx;
  // Created first so its visibility and focus state is fresh when our own handlers read it.
  const clock = createEngagementClock(ctx, settings.idleMs);
  const stops: Array<() => void> = [() => clock.stop()];

  let lastKey: string | null = null;
  let lastHref = '';
  let segmentOpen = false;
  let maxScrollPct = 0;

  const keyOf = (href: string) => (settings.hashChanges ? href : (href.split('#')[0] ?? href));

  // Scroll depth needs the document height, and reading it in a scroll event or right after a
  // navigation forces a layout. It is read in the next animation frame instead (when the browser
  // lays out anyway), and at once when the segment ends before that frame.
  // The scroll position is cheap to read; the deepest one since the last measure is kept so a
  // scroll back up before the frame does not hide how far down the visitor went.
  let depthFrame: number | undefined;
  let deepestTop = 0;
  const measureDepth = () => {
    depthFrame = undefined;
    const top = Math.max(deepestTop, scrollTopOf(win, doc));
    deepestTop = 0;
    maxScrollPct = Math.max(maxScrollPct, scrollDepthPct(win, doc, top));
  };
  const scheduleDepth = () => {
    if (depthFrame !== undefined) return;
    if (typeof win.requestAnimationFrame !== 'function') return measureDepth();
    depthFrame = win.requestAnimationFrame(guard(ctx, measureDepth));
  };
  const cancelDepth = () => {
    if (depthFrame === undefined) return false;
    win.cancelAnimationFrame(depthFrame);
    depthFrame = undefined;
    return true;
  };

  const leave = () => {
    if (cancelDepth()) measureDepth();
    if (!segmentOpen) return;
    segmentOpen = false;
    const { durationMs, engagedMs } = clock.read();
    ctx.emit({ type: 'page:leave', durationMs, engagedMs, maxScrollPct });
  };

  const startSegment = () => {
    clock.reset();
    segmentOpen = true;
  };

  const view = (navigation?: NavigationKind) => {
    const location = win.location;
    const href = location.href;
    const key = keyOf(href);
    if (key === lastKey) return;
    leave();
    const referrer = lastKey === null ? doc.referrer : lastHref;
    const kind = navigation ?? (lastKey === null ? 'load' : 'push');
    lastKey = key;
    lastHref = href;
    cancelDepth();
    deepestTop = 0;
    maxScrollPct = 0;
    scheduleDepth();
    // In a tab opened in the background the first segment begins when the tab is first shown.
    if (doc.visibilityState !== 'hidden') startSegment();
    const path = location.pathname + location.search + (settings.hashChanges ? location.hash : '');
    ctx.emit({
      type: 'page:view',
      path: privacy.redactUrl(path),
      title: privacy.scrubText(doc.title ?? ''),
      referrer: referrer ? privacy.redactUrl(referrer) : '',
      navigation: kind,
    });
  };

  stops.push(
    listen(ctx, win, 'scroll', () => {
      if (!segmentOpen) return;
      deepestTop = Math.max(deepestTop, scrollTopOf(win, doc));
      scheduleDepth();
    }),
    listen(ctx, doc, 'visibilitychange', () => {
      if (doc.visibilityState === 'hidden') leave();
      else if (lastKey !== null && !segmentOpen) startSegment();
    }),
    listen(ctx, win, 'pagehide', leave),
    listen(ctx, win, 'pageshow', (event) => {
      // Back from the back/forward cache: the same page view goes on in a new segment.
      if ((event as PageTransitionEvent).persisted && lastKey !== null && !segmentOpen) startSegment();
    }),
  );

  // A stop and start on the same page (a framework remounting the provider, a consent banner
  // closed and reopened) goes on with the same page view in a new segment.
  if (settings.resume && settings.resume.key === keyOf(win.location.href)) {
    lastKey = settings.resume.key;
    lastHref = settings.resume.href;
    scheduleDepth();
    if (doc.visibilityState !== 'hidden') startSegment();
  }

  if (settings.auto) {
    stops.push(...(ctx.routes ?? watchHistory)(ctx, view, () => lastHref));
    guard(ctx, () => view('load'))();
  }

  return {
    pageView: guard(ctx, (navigation?: NavigationKind) => view(navigation)),
    current: () => (lastKey === null ? null : { key: lastKey, href: lastHref }),
    stop() {
      guard(ctx, leave)();
      stopAll(ctx, stops);
      cancelDepth();
    },
  };
}

/**
 * Page views (`capture.pageViews`). Always started, since `tracker.page()` records page views
 * even with automatic ones off, so it is not in the capture table.
 */
export const pageViews = {
  shape: { hashChanges: isBoolean, idleMs: isPositive } satisfies Shape,
  defaults: { hashChanges: true, idleMs: 30_000 } satisfies Required<PageViewOptions>,
};
