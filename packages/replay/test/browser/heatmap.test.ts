import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';

let harness: Harness;
let page: Page;

beforeAll(async () => {
  harness = await startHarness();
  page = await harness.browser.newPage({ viewport: { width: 900, height: 700 } });
  await page.goto(`${harness.url}/player.html`);
});

afterAll(async () => {
  await harness?.close();
});

type Api = typeof import('./fixtures/player-entry');

describe('createHeatmapOverlay', () => {
  it('draws known clicks as hot and cold spots over a page image, with a legend', async () => {
    const result = await page.evaluate(() => {
      const api = (window as unknown as { SpoorPlayer: Api }).SpoorPlayer;
      const root = document.getElementById('root')!;
      root.innerHTML =
        '<div id="frame" style="margin: 20px; width: 500px; height: 400px; background: #eee"></div>';
      const clicks = [
        ...Array.from({ length: 10 }, () => ({ type: 'click', url: '/landing', x: 250, y: 100, vw: 1000 })),
        { type: 'click', url: '/landing', x: 750, y: 400, vw: 1000 },
        // Another screen width lines up: the same relative spot on a 1200 px wide viewport.
        { type: 'click', url: '/landing', x: 300, y: 120, vw: 1200 },
      ];
      const [map] = api.aggregateClicks(clicks, { columns: 100, buckets: [{ name: 'all', minWidth: 0 }] });
      const target = document.getElementById('frame')!;
      const overlay = api.createHeatmapOverlay(target, map!, { radius: 20 });
      const ctx = overlay.canvas.getContext('2d')!;
      const pixel = (x: number, y: number) => Array.from(ctx.getImageData(x, y, 1, 1).data);
      const box = (element: Element) => {
        const rect = element.getBoundingClientRect();
        return [rect.left, rect.top, rect.width, rect.height];
      };
      return {
        max: map!.max,
        hot: pixel(127, 52),
        cold: pixel(377, 202),
        empty: pixel(470, 380),
        legend: overlay.legend.textContent,
        canvasBox: box(overlay.canvas),
        targetBox: box(target),
        pointerEvents: getComputedStyle(overlay.canvas).pointerEvents,
      };
    });
    expect(result.max).toBe(11);
    const [hr, hg, hb, ha] = result.hot;
    expect(ha).toBeGreaterThan(150);
    expect(hr).toBeGreaterThan(200);
    expect(hb).toBeLessThan(80);
    expect(hg).toBeLessThan(120);
    const [cr, , cb, ca] = result.cold;
    expect(ca).toBeGreaterThan(0);
    expect(ca).toBeLessThan(ha!);
    expect(cb).toBeGreaterThan(cr!);
    expect(result.empty[3]).toBe(0);
    expect(result.legend).toContain('11 clicks');
    expect(result.canvasBox).toEqual(result.targetBox);
    expect(result.pointerEvents).toBe('none');
  });

  it('lays over a replay frame and follows its scroll position', async () => {
    const result = await page.evaluate(async () => {
      const api = (window as unknown as { SpoorPlayer: Api }).SpoorPlayer;
      const root = document.getElementById('root')!;
      root.innerHTML = '';
      const now = Date.now();
      const player = api.createPlayer(
        root,
        [
          { type: 4, data: { href: 'http://x.test/', width: 800, height: 600 }, timestamp: now },
          {
            type: 2,
            timestamp: now + 1,
            data: {
              initialOffset: { left: 0, top: 0 },
              node: {
                type: 0,
                id: 1,
                childNodes: [
                  {
                    type: 2,
                    id: 2,
                    tagName: 'html',
                    attributes: {},
                    childNodes: [{ type: 2, id: 3, tagName: 'body', attributes: {}, childNodes: [] }],
                  },
                ],
              },
            },
          },
        ],
        { controls: false },
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      const stage = root.querySelector<HTMLElement>('.spoor-player-stage')!;
      const [map] = api.aggregateClicks([{ type: 'click', url: '/', x: 400, y: 300, vw: 800 }], {
        columns: 80,
      });
      const overlay = api.createHeatmapOverlay(stage, map!, { radius: 10 });
      const alphaAt = (y: number) =>
        overlay.canvas.getContext('2d')!.getImageData(stage.offsetWidth / 2, y, 1, 1).data[3];
      const scale = stage.offsetWidth / 800;
      const before = alphaAt(300 * scale);
      overlay.update(map!, { scrollY: 100 });
      const after = [alphaAt(300 * scale), alphaAt(300 * scale - 100)];
      const size = [
        stage.offsetWidth,
        stage.offsetHeight,
        overlay.canvas.offsetWidth,
        overlay.canvas.offsetHeight,
      ];
      player.destroy();
      return { before, after, size };
    });
    expect(result.size).toEqual([800, 600, 800, 600]);
    expect(result.before).toBeGreaterThan(0);
    expect(result.after[0]).toBe(0);
    expect(result.after[1]).toBeGreaterThan(0);
  });
});
