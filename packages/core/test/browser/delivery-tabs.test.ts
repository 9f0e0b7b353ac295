import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../../test-utils/chromium';
import { type Collector, startCollector, storedOfType, trackerPage } from '../delivery/browserHarness';

let browser: Browser;
let collector: Collector;
let failing = true;

const config = {
  batch: { maxEvents: 10, flushIntervalMs: 200 },
  delivery: { backoff: { baseMs: 200, maxMs: 1000 }, leaseMs: 2000, maxAttempts: 100 },
};

beforeAll(async () => {
  browser = await launchChromium();
  collector = await startCollector({ '/': trackerPage(config) });
  collector.answer = () => ({ status: failing ? 503 : 204 });
});

afterAll(async () => {
  await browser?.close();
  await collector?.close();
});

const track = (page: Page, count: number) =>
  page.evaluate((n) => {
    const w = window as unknown as { tracker: { track(name: string, props: object): void } };
    for (let i = 0; i < n; i++) w.tracker.track('tab_event', { i });
  }, count);
const trackedIds = (page: Page) =>
  page.evaluate(() => (window as unknown as { trackedIds: string[] }).trackedIds);

describe('delivery across tabs (Chromium, IndexedDB)', () => {
  it('sends the stored batches of a closed tab from the open one, each batch once', async () => {
    const context = await browser.newContext();
    const [first, second] = [await context.newPage(), await context.newPage()];
    await first.goto(`${collector.url}/`);
    await second.goto(`${collector.url}/`);
    await track(first, 35);
    await track(second, 35);
    await first.waitForTimeout(1000);
    const firstIds = await trackedIds(first);
    // The first tab goes away while the server is down: its batches stay in IndexedDB.
    await first.close();
    await track(second, 20);
    await second.waitForTimeout(3000);
    expect(collector.stored.size).toBe(0);

    failing = false;
    const ids = [...firstIds, ...(await trackedIds(second))];
    expect(ids).toHaveLength(90);
    await expect
      .poll(() => ids.filter((id) => collector.stored.has(id)).length, { timeout: 30_000 })
      .toBe(90);

    // Each stored batch was accepted once: no two tabs sent the same one.
    const accepted = collector.requests.filter((r) => r.status === 204).map((r) => r.batchId);
    expect(accepted.length).toBe(new Set(accepted).size);
    const customs = collector.raw.filter((e) => e.type === 'custom').map((e) => e.id);
    expect(customs.length).toBe(new Set(customs).size);
    // The closed tab's page:leave, written at exit, arrived too.
    expect(storedOfType(collector, 'page:leave').length).toBeGreaterThanOrEqual(1);
    await context.close();
  });
});
