/** The fields of a `click` event the heatmap reads (a stored Spoor event fits). */
export interface ClickInput {
  readonly type: string;
  /** The page URL of the event (its path is the heatmap's page). */
  readonly url?: string;
  /** Page coordinates in CSS pixels. */
  readonly x?: number;
  readonly y?: number;
  /** Viewport width in CSS pixels. */
  readonly vw?: number;
}

/** A viewport-width bucket: clicks from viewports at least `minWidth` wide (up to the next bucket). */
export interface WidthBucket {
  readonly name: string;
  readonly minWidth: number;
}

/** Default buckets: phones, tablets, laptops, wide screens. */
export const DEFAULT_WIDTH_BUCKETS: readonly WidthBucket[] = [
  { name: 'mobile', minWidth: 0 },
  { name: 'tablet', minWidth: 768 },
  { name: 'desktop', minWidth: 1024 },
  { name: 'wide', minWidth: 1440 },
];

/** Options of {@link aggregateClicks}. */
export interface ClickAggregateOptions {
  /**
   * Cells across the page width. A cell is square: the grid's row height is one column's width.
   * @default 100
   */
  columns?: number;
  /**
   * Viewport-width buckets, sorted by `minWidth`.
   * @default DEFAULT_WIDTH_BUCKETS
   */
  buckets?: readonly WidthBucket[];
}

/**
 * Click density of one page path and width bucket, in document coordinates normalised by the page
 * width: cell `(column, row)` covers `[column, column + 1) × [row, row + 1)` in units of
 * `width / columns`, so clicks from screens of different widths line up.
 */
export interface ClickHeatmap {
  path: string;
  bucket: string;
  columns: number;
  /** Rows that hold at least one click, plus one. */
  rows: number;
  /** Non-empty cells as `[column, row, clicks]`, sorted by row then column. */
  cells: [column: number, row: number, clicks: number][];
  /** Clicks in the busiest cell. */
  max: number;
  total: number;
}

/** The path of a URL (absolute or relative); '/' when it has none. */
export function pathOf(url: string | undefined): string {
  if (!url) return '/';
  try {
    return new URL(url, 'http://spoor.invalid').pathname || '/';
  } catch {
    return '/';
  }
}

/** The name of the bucket a viewport width falls into. */
export function bucketOf(width: number, buckets: readonly WidthBucket[] = DEFAULT_WIDTH_BUCKETS): string {
  let name = buckets[0]?.name ?? 'all';
  for (const bucket of buckets) if (width >= bucket.minWidth) name = bucket.name;
  return name;
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * Aggregates `click` events into density grids, one per page path and viewport-width bucket.
 * Other event types and clicks without coordinates are ignored.
 *
 * @example
 * const maps = aggregateClicks(events, { columns: 50 });
 * const home = maps.find((map) => map.path === '/' && map.bucket === 'desktop');
 */
export function aggregateClicks(
  events: Iterable<ClickInput>,
  options: ClickAggregateOptions = {},
): ClickHeatmap[] {
  const columns = Math.max(1, Math.floor(options.columns ?? 100));
  const buckets = options.buckets ?? DEFAULT_WIDTH_BUCKETS;
  const grids = new Map<
    string,
    { path: string; bucket: string; counts: Map<number, number>; total: number }
  >();
  for (const event of events) {
    if (event.type !== 'click' || !finite(event.x) || !finite(event.y) || !finite(event.vw) || event.vw <= 0)
      continue;
    const path = pathOf(event.url);
    const bucket = bucketOf(event.vw, buckets);
    const key = `${bucket} ${path}`;
    let grid = grids.get(key);
    if (!grid) {
      grid = { path, bucket, counts: new Map(), total: 0 };
      grids.set(key, grid);
    }
    const column = Math.min(columns - 1, Math.max(0, Math.floor((event.x / event.vw) * columns)));
    const row = Math.max(0, Math.floor((event.y / event.vw) * columns));
    const cell = row * columns + column;
    grid.counts.set(cell, (grid.counts.get(cell) ?? 0) + 1);
    grid.total += 1;
  }
  return [...grids.values()].map(({ path, bucket, counts, total }) => {
    const cells = [...counts.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([cell, clicks]): [number, number, number] => [
        cell % columns,
        Math.floor(cell / columns),
        clicks,
      ]);
    const max = cells.reduce((most, cell) => Math.max(most, cell[2]), 0);
    const rows = cells.reduce((most, cell) => Math.max(most, cell[1] + 1), 0);
    return { path, bucket, columns, rows, cells, max, total };
  });
}

/** The fields of `page:view`, `scroll` and `page:leave` events that scroll depth reads. */
export interface ScrollInput {
  readonly type: string;
  readonly pageId?: string;
  readonly url?: string;
  /** `page:view` */
  readonly path?: string;
  /** `scroll` */
  readonly depthPct?: number;
  /** `page:leave` */
  readonly maxScrollPct?: number;
}

/** Share of page views of a path that reached each depth. */
export interface ScrollDepth {
  path: string;
  pageViews: number;
  /** `reached[i]` is the share (0..1) of page views that scrolled to at least `depths[i]` percent. */
  depths: number[];
  reached: number[];
}

/** Options of {@link aggregateScrollDepth}. */
export interface ScrollAggregateOptions {
  /**
   * Step between depths, in percent.
   * @default 10
   */
  stepPct?: number;
}

/**
 * Aggregates scroll depth per page path: each page view (a `page:view` and its `pageId`) counts
 * once, at the deepest point its `scroll` events or its `page:leave` reported.
 *
 * @example
 * const [home] = aggregateScrollDepth(events);
 * home.reached[5]; // share of page views that reached 50 %
 */
export function aggregateScrollDepth(
  events: Iterable<ScrollInput>,
  options: ScrollAggregateOptions = {},
): ScrollDepth[] {
  const step = Math.min(100, Math.max(1, options.stepPct ?? 10));
  const views = new Map<string, { path: string; depth: number }>();
  const deepest = new Map<string, number>();
  for (const event of events) {
    if (!event.pageId) continue;
    if (event.type === 'page:view') {
      views.set(event.pageId, { path: event.path ?? pathOf(event.url), depth: 0 });
    } else if (event.type === 'scroll' || event.type === 'page:leave') {
      const depth = event.type === 'scroll' ? event.depthPct : event.maxScrollPct;
      if (finite(depth)) deepest.set(event.pageId, Math.max(deepest.get(event.pageId) ?? 0, depth));
    }
  }
  const depths: number[] = [];
  for (let depth = 0; depth <= 100; depth += step) depths.push(depth);
  if (depths[depths.length - 1] !== 100) depths.push(100);
  const byPath = new Map<string, number[]>();
  for (const [pageId, view] of views) {
    const list = byPath.get(view.path) ?? [];
    list.push(Math.min(100, deepest.get(pageId) ?? 0));
    byPath.set(view.path, list);
  }
  return [...byPath.entries()].map(([path, list]) => ({
    path,
    pageViews: list.length,
    depths: [...depths],
    reached: depths.map((depth) => list.filter((value) => value >= depth).length / list.length),
  }));
}
