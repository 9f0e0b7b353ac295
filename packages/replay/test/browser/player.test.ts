import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';

let harness: Harness;
let page: Page;

beforeAll(async () => {
  harness = await startHarness();
  page = await harness.browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(`${harness.url}/player.html`);
});

afterAll(async () => {
  await harness?.close();
});

const T0 = 1_700_000_000_000;

/** A 20-second session: a page with a counter that changes every second, and the core's events. */
function session() {
  const text = (id: number, value: string) => ({
    type: 3,
    timestamp: T0 + id * 1_000,
    data: { source: 0, texts: [{ id: 5, value }], attributes: [], removes: [], adds: [] },
  });
  const recorded = [
    { type: 4, timestamp: T0, data: { href: 'http://x.test/', width: 800, height: 600 } },
    {
      type: 2,
      timestamp: T0 + 1,
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
              childNodes: [
                {
                  type: 2,
                  id: 3,
                  tagName: 'body',
                  attributes: {},
                  childNodes: [
                    {
                      type: 2,
                      id: 4,
                      tagName: 'p',
                      attributes: { id: 'n' },
                      childNodes: [{ type: 3, id: 5, textContent: '0' }],
                    },
                  ],
                },
              ],
            },
          ],
        },
      },
    },
    ...Array.from({ length: 20 }, (_, index) => text(index + 1, String(index + 1))),
  ];
  return [
    { type: 'replay', ts: T0, tabId: 't', full: true, events: recorded.slice(0, 2) },
    { type: 'replay', ts: T0 + 20_000, tabId: 't', full: false, events: recorded.slice(2) },
    { type: 'page:view', ts: T0, tabId: 't', path: '/' },
    { type: 'click', ts: T0 + 4_000, tabId: 't', target: { selector: 'p', tag: 'p', text: '4' } },
    { type: 'click:rage', ts: T0 + 8_000, tabId: 't', target: { selector: 'p', tag: 'p' }, count: 4 },
    { type: 'click:dead', ts: T0 + 9_000, tabId: 't', target: { selector: 'p', tag: 'p' } },
    { type: 'error', ts: T0 + 12_000, tabId: 't', message: 'TypeError: x is undefined' },
  ];
}

describe('createPlayer controls', () => {
  it('plays, pauses, seeks from the markers, changes speed and skips inactivity', async () => {
    await page.evaluate((events) => {
      const win = window as unknown as Record<string, unknown> & {
        SpoorPlayer: typeof import('./fixtures/player-entry');
      };
      win.__player = win.SpoorPlayer.createPlayer(document.getElementById('root')!, events as never, {
        skipInactive: false,
      });
    }, session());
    const counter = () =>
      page.evaluate(
        () =>
          document.querySelector<HTMLIFrameElement>('#root iframe')!.contentDocument!.getElementById('n')!
            .textContent,
      );
    const time = () =>
      page.evaluate(() =>
        (window as unknown as { __player: { getCurrentTime(): number } }).__player.getCurrentTime(),
      );

    const kinds = await page.$$eval('.spoor-player-marker', (nodes) =>
      nodes.map((node) => (node as HTMLElement).dataset.kind),
    );
    expect(kinds).toEqual(['page', 'click', 'rage', 'dead', 'error']);
    expect(await page.getAttribute('.spoor-player-marker-error', 'title')).toContain(
      'TypeError: x is undefined',
    );
    expect(await counter()).toBe('0');

    await page.click('.spoor-player-marker-rage');
    await page.waitForTimeout(100);
    expect(await time()).toBe(8_000);
    expect(await counter()).toBe('7');
    expect(await page.inputValue('.spoor-player-timeline')).toBe('8000');

    await page.selectOption('.spoor-player-speed', '8');
    await page.click('.spoor-player-play');
    expect(await page.textContent('.spoor-player-play')).toBe('Pause');
    await page.waitForTimeout(700);
    await page.click('.spoor-player-play');
    const paused = await time();
    // About 0.7 s at 8× is about 5.6 s of recording.
    expect(paused).toBeGreaterThan(10_000);
    expect(Number(await counter())).toBeGreaterThanOrEqual(10);
    await page.waitForTimeout(300);
    expect(await time()).toBe(paused);
    expect(await page.textContent('.spoor-player-play')).toBe('Play');

    await page.check('.spoor-player-skip');
    expect(await page.isChecked('.spoor-player-skip')).toBe(true);
    const clamped = await page.evaluate(() => {
      const player = (window as unknown as { __player: { setSpeed(n: number): void } }).__player;
      player.setSpeed(32);
      return (document.querySelector('.spoor-player-speed') as HTMLSelectElement).value;
    });
    expect(clamped).toBe('8');

    await page.evaluate(() => (window as unknown as { __player: { destroy(): void } }).__player.destroy());
    expect(await page.$('#root .spoor-player')).toBeNull();
  });
});
