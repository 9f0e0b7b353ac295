import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deliveredEvents,
  firstReplayTimestamp,
  type Harness,
  startHarness,
  waitForFullSnapshot,
} from './harness';
import { type Box, diffScreenshots } from './pixels';

const VIEWPORT = { width: 800, height: 600 };
// A channel may differ by this much (of 255) before a pixel counts as different. Compared exactly, 0.4-4 %
// of the pixels differ, by at most 6, in CSS gradients and anti-aliased rounded corners (rounded
// differently by the two compositings). A changed colour or glyph edge moves channels far more than 16.
const TOLERANCE = 16;
// At most 0.1 % of the compared pixels (480 of 800x600) may differ: about two short words of 16px text,
// so a missing list item or a stale label fails, while the measured residue is 0. The live moments
// differ from each other by >50 %, the control that a frame that did not move on fails by far.
const THRESHOLD = 0.001;

let harness: Harness;

beforeAll(async () => {
  const css = await readFile(
    join(dirname(fileURLToPath(import.meta.url)), 'fixtures/screenshot.css'),
    'utf8',
  );
  harness = await startHarness({ '/screenshot.css': css });
});

afterAll(async () => {
  await harness?.close();
});

const settle = (page: Page) => page.waitForTimeout(400);

interface Moment {
  name: string;
  ts: number;
  shot: Buffer;
  exclude: Box[];
}

describe('createReplayPlugin + createPlayer (screenshots)', () => {
  it('replays frames that look like the live page at three moments', async () => {
    const page = await harness.browser.newPage({ viewport: VIEWPORT });
    await page.goto(`${harness.url}/screenshot.html`);
    await waitForFullSnapshot(page);
    await settle(page);

    const moments: Moment[] = [];
    const capture = async (name: string, exclude: Box[] = []) => {
      await settle(page);
      const shot = await page.screenshot({ animations: 'disabled' });
      moments.push({ name, ts: await page.evaluate(() => Date.now()), shot, exclude });
      await page.waitForTimeout(100);
    };
    await capture('after load');

    await page.evaluate(() => {
      (window as unknown as { __changeList(): void }).__changeList();
      window.scrollTo(0, 180);
    });
    await capture('after list, style and scroll changes');

    await page.fill('#name', 'Ada Lovelace');
    await page.click('#faq summary');
    // The typed name is masked in the replay (`*** ********`), as it must be: its box is not compared.
    const field = await page.locator('#name').boundingBox();
    if (!field) throw new Error('the name field is not on screen');
    await capture('after typing (masked) and opening details', [
      { x: field.x - 4, y: field.y - 4, width: field.width + 8, height: field.height + 8 },
    ]);
    // More recording after the last moment, so that moment is not simply the end of the replay.
    await page.evaluate(() => document.getElementById('list')!.append(document.createElement('li')));
    await settle(page);
    const events = await deliveredEvents(page);
    await page.close();

    const player = await harness.browser.newPage({ viewport: { width: 1000, height: 800 } });
    await player.goto(`${harness.url}/player.html`);
    await player.evaluate((all) => {
      const win = window as unknown as Record<string, unknown> & {
        SpoorPlayer: typeof import('./fixtures/player-entry');
      };
      win.__player = win.SpoorPlayer.createPlayer(document.getElementById('root')!, all as never, {
        skipInactive: false,
        controls: false,
        fit: false,
      });
      // The replayed pointer is drawn over the frame; the live screenshot has no pointer.
      const style = document.createElement('style');
      style.textContent = '.replayer-mouse { display: none !important; } #root iframe { border: 0; }';
      document.head.append(style);
    }, events);
    const start = firstReplayTimestamp(events);

    const ratios: string[] = [];
    for (const moment of moments) {
      await player.evaluate((offset) => {
        (window as unknown as { __player: { seek(ms: number): void } }).__player.seek(offset);
      }, moment.ts - start);
      await player.waitForTimeout(300);
      const frame = await player.evaluate(() => {
        const box = document.querySelector('#root iframe')!.getBoundingClientRect();
        return { x: box.x, y: box.y, width: box.width, height: box.height };
      });
      expect(frame, 'the replay frame has the recorded viewport size').toMatchObject(VIEWPORT);
      const replayed = await player.screenshot({ clip: frame, animations: 'disabled' });
      const diff = await diffScreenshots(player, moment.shot, replayed, {
        tolerance: TOLERANCE,
        exclude: moment.exclude,
      });
      const exact = await diffScreenshots(player, moment.shot, replayed, {
        tolerance: 0,
        exclude: moment.exclude,
      });
      ratios.push(
        `${moment.name}: ${(diff.ratio * 100).toFixed(3)} % (${diff.differing}/${diff.compared}; exact: ${(exact.ratio * 100).toFixed(3)} %)`,
      );
      expect.soft(diff.ratio, moment.name).toBeLessThan(THRESHOLD);
    }

    // The control: consecutive live moments differ well above the threshold, so it can catch a stale frame.
    const control = await diffScreenshots(player, moments[0]!.shot, moments[1]!.shot, {
      tolerance: TOLERANCE,
    });
    await player.close();
    console.log(
      `screenshot fidelity (pixels differing, tolerance ${TOLERANCE}/255, threshold ${THRESHOLD * 100} %):\n  ${ratios.join('\n  ')}\n  control, live moment 1 vs 2: ${(control.ratio * 100).toFixed(3)} %`,
    );
    expect(control.ratio).toBeGreaterThan(THRESHOLD * 100);
  });
});
