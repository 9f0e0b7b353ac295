import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deliveredEvents,
  firstReplayTimestamp,
  type Harness,
  signatureScript,
  startHarness,
  waitForFullSnapshot,
} from './harness';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

const settle = (page: Page) => page.waitForTimeout(400);

async function signatureOf(page: Page): Promise<string[]> {
  return page.evaluate(`(${signatureScript()})(document)`) as Promise<string[]>;
}

describe('createReplayPlugin + createPlayer (fidelity)', () => {
  it('replays forms, a live list, insertRule styles, a shadow root and an iframe as they were', async () => {
    const page = await harness.browser.newPage({ viewport: { width: 1000, height: 700 } });
    await page.goto(`${harness.url}/fidelity.html`);
    await page.waitForFunction(() => {
      const frame = document.getElementById('frame') as HTMLIFrameElement;
      return frame.contentDocument?.readyState === 'complete';
    });
    await waitForFullSnapshot(page);
    await settle(page);

    const moments: { ts: number; signature: string[] }[] = [];
    const capture = async () => {
      await settle(page);
      moments.push({ ts: await page.evaluate(() => Date.now()), signature: await signatureOf(page) });
      await page.waitForTimeout(100);
    };
    await capture();

    await page.fill('#name', 'Ada Lovelace');
    await page.fill('#qty', '3');
    await page.selectOption('#size', 'L');
    await page.check('#gift');
    await page.fill('#notes', 'Leave at the door');
    await page.evaluate(() => {
      const list = document.getElementById('live')!;
      for (const text of ['Second item', 'Third item', 'Fourth item']) {
        const item = document.createElement('li');
        item.textContent = text;
        list.append(item);
      }
      (window as unknown as { __sheet: CSSStyleSheet }).__sheet.insertRule(
        '.cssinjs-box { color: rgb(1, 2, 3); }',
        1,
      );
      const host = document.getElementById('host')!;
      host.shadowRoot!.getElementById('shadow-text')!.textContent = 'Shadow text changed';
      const frame = document.getElementById('frame') as HTMLIFrameElement;
      frame.contentDocument!.getElementById('frame-text')!.textContent = 'Iframe text changed';
    });
    await capture();

    await page.evaluate(() => {
      const list = document.getElementById('live')!;
      list.firstElementChild!.remove();
      list.lastElementChild!.textContent = 'Last item, edited';
      document.querySelector('h1')!.textContent = 'Order confirmed';
      const extra = document.createElement('p');
      extra.id = 'added';
      extra.textContent = 'Added after the second moment';
      document.getElementById('host')!.shadowRoot!.append(extra);
    });
    await page.fill('#qty', '12');
    // Unmasked text fields are recorded when their value is committed (see inputHold.ts).
    await page.locator('#qty').blur();
    await capture();
    // More recording after the last moment, so that moment is not simply the end of the replay.
    await page.evaluate(() => {
      document.getElementById('live')!.append(document.createElement('li'));
    });
    await settle(page);

    const events = await deliveredEvents(page);
    const violations = await page.evaluate(
      () => (window as unknown as { __violations: string[] }).__violations,
    );
    await page.close();

    // Recording under a strict Content-Security-Policy caused no violation (no blob: worker, no eval).
    expect(violations).toEqual([]);
    const replays = events.filter((event) => event.type === 'replay');
    expect(replays.some((event) => event.full === true)).toBe(true);
    // The original signatures differ between moments, so matching all three proves the replay moves on.
    expect(new Set(moments.map((moment) => moment.signature.join('\n'))).size).toBe(3);

    const player = await harness.browser.newPage({ viewport: { width: 1100, height: 900 } });
    await player.goto(`${harness.url}/player.html`);
    await player.evaluate((all) => {
      const win = window as unknown as Record<string, unknown> & {
        SpoorPlayer: typeof import('./fixtures/player-entry');
      };
      const created = win.SpoorPlayer.createPlayer(document.getElementById('root')!, all as never, {
        skipInactive: false,
      });
      win.__player = created;
    }, events);
    const start = firstReplayTimestamp(events);

    for (const [index, moment] of moments.entries()) {
      await player.evaluate((offset) => {
        (window as unknown as { __player: { seek(ms: number): void } }).__player.seek(offset);
      }, moment.ts - start);
      await player.waitForTimeout(300);
      const replayed = (await player.evaluate(
        `(${signatureScript()})(document.querySelector('#root iframe').contentDocument)`,
      )) as string[];
      expect.soft(replayed, `moment ${index + 1}`).toEqual(moment.signature);
    }

    const color = await player.evaluate(() => {
      const doc = document.querySelector<HTMLIFrameElement>('#root iframe')!.contentDocument!;
      return doc.defaultView!.getComputedStyle(doc.getElementById('styled')!).color;
    });
    expect(color).toBe('rgb(1, 2, 3)');
    const sandbox = await player.evaluate(() =>
      document.querySelector('#root iframe')!.getAttribute('sandbox'),
    );
    expect(sandbox).toBe('allow-same-origin');
    await player.close();
  });
});
