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

/** Two bursts of typing with a pause between them; the visitor then leaves the field. */
async function twoBursts() {
  await page.keyboard.type('Gr');
  await page.waitForTimeout(600);
  await page.keyboard.type('ace');
}

/** Types into a masked field with the default recorder (or `inputs`) and returns the input events recorded. */
async function typeAndCollect(
  inputs: 'pause' | 'last' | 'all' | undefined,
  typing = twoBursts,
): Promise<string[]> {
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
  await typing();
  await page.click('#away');
  return page.evaluate(() => {
    const win = window as unknown as Win;
    win.__recording.stop();
    // rrweb's incremental snapshot (3) from the input source (5).
    return win.__events.filter((e) => e.type === 3 && e.data.source === 5).map((e) => e.data.text ?? '');
  });
}

describe('createRrwebRecorder sampling', () => {
  it('records a masked field when the visitor pauses typing or leaves it, by default', async () => {
    expect(await typeAndCollect(undefined)).toEqual(['**', '*****']);
  });

  it('keeps a burst of typing longer than the pause whole while no gap reaches it', async () => {
    // Seven keys 60 ms apart: the burst lasts longer than the 250 ms pause, no gap does.
    const steady = async () => {
      await page.keyboard.type('GraceHo', { delay: 60 });
      await page.waitForTimeout(600);
    };
    expect(await typeAndCollect(undefined, steady)).toEqual(['*******']);
  });

  it("records a masked field only when its value is committed with inputs: 'last'", async () => {
    expect(await typeAndCollect('last')).toEqual(['*****']);
  });

  it("records every keystroke with inputs: 'all'", async () => {
    expect(await typeAndCollect('all')).toEqual(['*', '**', '***', '****', '*****']);
  });
});
