import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveredEvents, type Harness, startHarness, waitForFullSnapshot } from './harness';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

describe('createReplayPlugin budgets (real rrweb)', () => {
  it('pauses on a mutation storm without serialising it, then resumes with a full snapshot', async () => {
    const page = await harness.browser.newPage();
    const replay = JSON.stringify({ budget: { maxMutations: 2_000, pauseMs: 1_500 } });
    await page.goto(`${harness.url}/storm.html?replay=${encodeURIComponent(replay)}`);
    await waitForFullSnapshot(page);

    await page.evaluate(() => {
      const list = document.getElementById('list')!;
      const fragment = document.createDocumentFragment();
      for (let index = 0; index < 8_000; index++) {
        const item = document.createElement('li');
        item.textContent = `storm row ${index}`;
        fragment.append(item);
      }
      list.append(fragment);
    });
    await page.waitForFunction(() =>
      (window as unknown as { __localEvents: string[] }).__localEvents.includes('replay:paused'),
    );
    await page.evaluate(() => {
      document.querySelector('h1')!.textContent = 'changed after the storm';
    });
    await page.waitForTimeout(2_500);
    const events = await deliveredEvents(page);
    await page.close();

    const paused = events.filter((event) => event.type === 'replay:paused');
    expect(paused).toMatchObject([{ reason: 'mutations', resumeInMs: 1_500 }]);
    const replays = events.filter((event) => event.type === 'replay') as {
      ts: number;
      full: boolean;
      events: { type: number; timestamp: number }[];
    }[];
    const pausedAt = paused[0]!.ts as number;
    const before = replays.filter((event) => event.ts <= pausedAt);
    const after = replays.filter((event) => event.ts > pausedAt);
    // The storm itself never reached the recording: rrweb was stopped before serialising it.
    expect(JSON.stringify(before)).not.toContain('storm row');
    // Resumed with a full snapshot of the page as it then was, and went on recording.
    expect(after[0]?.full).toBe(true);
    expect(JSON.stringify(after[0])).toContain('storm row 7999');
    expect(JSON.stringify(after)).toContain('changed after the storm');
  });
});
