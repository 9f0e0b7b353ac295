import { describe, expect, it } from 'vitest';
import { aggregateClicks, aggregateScrollDepth, bucketOf, pathOf } from '../src/heatmap/index';

const click = (url: string, x: number, y: number, vw: number) => ({ type: 'click', url, x, y, vw });

describe('aggregateClicks', () => {
  it('lines up clicks from screens of different widths by normalising to the page width', () => {
    const maps = aggregateClicks(
      [click('https://a.test/pricing', 500, 100, 1000), click('https://a.test/pricing', 1000, 200, 2000)],
      { columns: 10, buckets: [{ name: 'all', minWidth: 0 }] },
    );
    expect(maps).toEqual([
      { path: '/pricing', bucket: 'all', columns: 10, rows: 2, cells: [[5, 1, 2]], max: 2, total: 2 },
    ]);
  });

  it('keeps one grid per page path and viewport-width bucket', () => {
    const maps = aggregateClicks([
      click('/a?x=1', 10, 10, 375),
      click('/a', 10, 10, 1280),
      click('/b#top', 10, 10, 1280),
      click('/a', 20, 10, 1300),
    ]);
    const keys = maps.map((map) => `${map.bucket} ${map.path} ${map.total}`).sort();
    expect(keys).toEqual(['desktop /a 2', 'desktop /b 1', 'mobile /a 1']);
  });

  it('counts clicks per cell and reports the busiest', () => {
    const [map] = aggregateClicks([click('/', 5, 5, 100), click('/', 6, 6, 100), click('/', 95, 250, 100)], {
      columns: 10,
    });
    expect(map!.cells).toEqual([
      [0, 0, 2],
      [9, 25, 1],
    ]);
    expect(map!.max).toBe(2);
    expect(map!.rows).toBe(26);
  });

  it('ignores other events and clicks without coordinates', () => {
    expect(
      aggregateClicks([
        { type: 'scroll', url: '/', x: 1, y: 1, vw: 100 },
        { type: 'click', url: '/' },
        click('/', Number.NaN, 1, 100),
        click('/', 1, 1, 0),
      ]),
    ).toEqual([]);
  });

  it('clamps clicks beyond the right edge into the last column', () => {
    const [map] = aggregateClicks([click('/', 150, 0, 100)], { columns: 4 });
    expect(map!.cells).toEqual([[3, 0, 1]]);
  });
});

describe('aggregateScrollDepth', () => {
  it('reports the share of page views that reached each depth', () => {
    const [depth] = aggregateScrollDepth(
      [
        { type: 'page:view', pageId: 'p1', path: '/post' },
        { type: 'scroll', pageId: 'p1', depthPct: 30 },
        { type: 'scroll', pageId: 'p1', depthPct: 80 },
        { type: 'page:view', pageId: 'p2', path: '/post' },
        { type: 'page:leave', pageId: 'p2', maxScrollPct: 50 },
        { type: 'page:view', pageId: 'p3', path: '/post' },
        { type: 'page:view', pageId: 'p4', path: '/post' },
        { type: 'scroll', pageId: 'p4', depthPct: 100 },
      ],
      { stepPct: 25 },
    );
    expect(depth).toEqual({
      path: '/post',
      pageViews: 4,
      depths: [0, 25, 50, 75, 100],
      reached: [1, 0.75, 0.75, 0.5, 0.25],
    });
  });

  it('groups page views by path and skips events of unknown page views', () => {
    const result = aggregateScrollDepth([
      { type: 'page:view', pageId: 'a', path: '/one' },
      { type: 'page:view', pageId: 'b', url: 'https://x.test/two?q=1' },
      { type: 'scroll', pageId: 'zzz', depthPct: 90 },
    ]);
    expect(result.map((entry) => [entry.path, entry.pageViews, entry.reached[1]])).toEqual([
      ['/one', 1, 0],
      ['/two', 1, 0],
    ]);
  });
});

describe('bucketOf and pathOf', () => {
  it.each([
    [320, 'mobile'],
    [768, 'tablet'],
    [1023, 'tablet'],
    [1024, 'desktop'],
    [2560, 'wide'],
  ])('puts a %i px viewport in the %s bucket', (width, bucket) => {
    expect(bucketOf(width)).toBe(bucket);
  });

  it.each([
    ['https://a.test/x/y?z=1#h', '/x/y'],
    ['/rel?q', '/rel'],
    ['', '/'],
    [undefined, '/'],
  ])('takes the path of %s', (url, path) => {
    expect(pathOf(url)).toBe(path);
  });
});
