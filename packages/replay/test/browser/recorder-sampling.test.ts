import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';

let harness: Harness;
let page: Page;

beforeAll(async () => {
  harness = await startHarness();
  page = await harness.browser.newPage();
});

afterAll(async () => {
  await harness?.close();
});

type Win = Window & {
  SpoorTest: typeof import('./fixtures/record-entry');
  __events: Array<{ type: number; data: { source?: number; text?: string } }>;
  __recording: { stop(): void };
};

/** Types into a masked field with the default recorder (or `inputs`) and returns the input events recorded. */
async function typeAndCollect(inputs: 'last' | 'all' | undefined): Promise<string[]> {
  await page.goto(`${harness.url}/blank.html`);
  await page.evaluate(async (inputs) => {
    const win = window as unknown as Win;
    document.body.innerHTML = '<input id="f"><button id="away">Away</button>';
    win.__events = [];
    await new Promise<void>((resolve) => {
      win.__recording = win.SpoorTest.createRrwebRecorder(inputs ? { inputs } : {}).start({
        window,
        document,
        privacy: win.SpoorTest.createPrivacy(),
        blockMedia: false,
        emit: (event) => {
          win.__events.push(event as Win['__events'][number]);
          if (event.type === 2) resolve();
        },
        reportError: () => {},
      });
    });
  }, inputs);
  await page.click('#f');
  await page.keyboard.type('Grace');
  await page.click('#away');
  return page.evaluate(() => {
    const win = window as unknown as Win;
    win.__recording.stop();
    // rrweb's incremental snapshot (3) from the input source (5).
    return win.__events.filter((e) => e.type === 3 && e.data.source === 5).map((e) => e.data.text ?? '');
  });
}

describe('createRrwebRecorder sampling', () => {
  it('records a masked field once, when its value is committed, by default', async () => {
    expect(await typeAndCollect(undefined)).toEqual(['*****']);
  });

  it("records every keystroke with inputs: 'all'", async () => {
    expect(await typeAndCollect('all')).toEqual(['*', '**', '***', '****', '*****']);
  });
});
