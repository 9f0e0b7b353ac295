import { bucketOf } from '@spoor/replay/heatmap';

/** How long after a page view the page counts as settled (late content, fonts, a route's data). */
export const SETTLE_MS = 1500;
/** Kept clear of the next page view: the next page may start drawing just before it is reported. */
const BEFORE_NEXT_MS = 250;

export interface TimelineEvent {
  id: string;
  type: string;
  ts: number;
  path: string | null;
  tabId: string;
}

export interface RecordedEvent {
  type: number;
  timestamp: number;
  data?: { width?: unknown; source?: unknown };
}

/** A moment of a recording to draw a heatmap over. */
export interface Backdrop {
  /** The page view it belongs to. */
  viewId: string;
  tabId: string;
  /** The moment (ms since the epoch). */
  ts: number;
  /** Its time after the page view, in ms. */
  afterView: number;
  /** The recorded viewport width at that moment. */
  width: number;
}

const RRWEB_FULL_SNAPSHOT = 2;
const RRWEB_META = 4;
const RRWEB_INCREMENTAL = 3;
const RRWEB_VIEWPORT_RESIZE = 4;

/** The recorded viewport width at `ts` (the last meta or resize before it), and whether a page was drawn. */
function frameAt(recorded: readonly RecordedEvent[], ts: number): { width?: number; drawn: boolean } {
  let width: number | undefined;
  let drawn = false;
  for (const event of recorded) {
    if (event.timestamp > ts) break;
    if (event.type === RRWEB_FULL_SNAPSHOT) drawn = true;
    const resize = event.type === RRWEB_INCREMENTAL && event.data?.source === RRWEB_VIEWPORT_RESIZE;
    if ((event.type === RRWEB_META || resize) && typeof event.data?.width === 'number')
      width = event.data.width;
  }
  return width === undefined ? { drawn } : { width, drawn };
}

/**
 * Where a session shows `path` on a `bucket`-wide screen once the page has settled: SETTLE_MS
 * after a view of that path (or just before the tab's next page view, if that comes sooner), with
 * the viewport in `bucket` then. A view that lasted SETTLE_MS wins over a shorter one. Null when
 * no view of the path qualifies. `recorded` is that session's rrweb events, sorted by time.
 */
export function findBackdrop(
  timeline: readonly TimelineEvent[],
  recorded: readonly RecordedEvent[],
  path: string,
  bucket: string,
): Backdrop | null {
  const views = timeline.filter((e) => e.type === 'page:view').sort((a, b) => a.ts - b.ts);
  const lastRecorded = recorded.at(-1)?.timestamp ?? 0;
  let short: Backdrop | null = null;
  for (const [index, view] of views.entries()) {
    if (view.path !== path) continue;
    const next = views.slice(index + 1).find((e) => e.tabId === view.tabId);
    const end = next ? next.ts - BEFORE_NEXT_MS : lastRecorded;
    const ts = Math.max(view.ts, Math.min(view.ts + SETTLE_MS, end));
    const { width, drawn } = frameAt(recorded, ts);
    if (!drawn || width === undefined || bucketOf(width) !== bucket) continue;
    const found = { viewId: view.id, tabId: view.tabId, ts, afterView: ts - view.ts, width };
    if (found.afterView >= SETTLE_MS) return found;
    short ??= found;
  }
  return short;
}
