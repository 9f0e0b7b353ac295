import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../../test-utils/chromium';
import { type Collector, startCollector, storedOfType, trackerPage } from '../delivery/browserHarness';

const LOADS = 9;
const EVENTS_PER_LOAD = 250;

let browser: Browser;
let collector: Collector;

// Fast timings so the run stays short; the rules are the production ones.
const config = {
  batch: { maxEvents: 25, flushIntervalMs: 200 },
  delivery: { backoff: { baseMs: 100, maxMs: 1000 }, maxRetryAfterMs: 1000, leaseMs: 3000, maxAttempts: 60 },
};

beforeAll(async () => {
  browser = await launchChromium();
  collector = await startCollector({ '/': trackerPage(config) });
  // 30 % of requests fail with 500, 10 % with 429 and Retry-After; failed requests store nothing.
  collector.answer = () => {
    const roll = Math.random();
    if (roll < 0.3) return { status: 500 };
    if (roll < 0.4) return { status: 429, headers: { 'Retry-After': '1' } };
    return { status: 204 };
  };
});

afterAll(async () => {
  await browser?.close();
  await collector?.close();
});

const trackedIds = (page: Page) =>
  page.evaluate(() => (window as unknown as { trackedIds: string[] }).trackedIds);

describe('delivery against a flaky server, with reloads (Chromium)', () => {
  it('stores every event exactly once after de-duplication by id, losing none', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const generated = new Set<string>();
    for (let load = 0; load < LOADS; load++) {
      if (load === 0) await page.goto(`${collector.url}/`);
      else await page.reload();
      for (let burst = 0; burst < 5; burst++) {
        await page.evaluate(
          ([n, l]) => {
            const w = window as unknown as { tracker: { track(name: string, props: object): void } };
            for (let i = 0; i < n; i++) w.tracker.track('chaos_event', { load: l, i });
          },
          [EVENTS_PER_LOAD / 5, load] as const,
        );
        await page.waitForTimeout(60);
      }
      await page.waitForTimeout(700);
      for (const id of await trackedIds(page)) generated.add(id);
    }
    expect(generated.size).toBeGreaterThanOrEqual(2000);
    await expect
      .poll(() => [...generated].filter((id) => !collector.stored.has(id)).length, {
        timeout: 90_000,
        interval: 500,
      })
      .toBe(0);

    // The page:leave of every reload, sent at exit or, when that failed, on a later load.
    await expect
      .poll(() => storedOfType(collector, 'page:leave').length, { timeout: 60_000, interval: 500 })
      .toBe(LOADS - 1);
    const customs = collector.raw.filter((e) => e.type === 'custom');
    const failed = collector.requests.filter((r) => r.status >= 400).length;
    const lost = [...generated].filter((id) => !collector.stored.has(id)).length;
    const extra = storedOfType(collector, 'custom').filter((e) => !generated.has(e.id)).length;
    const leaves = storedOfType(collector, 'page:leave').length;
    console.log(
      `[delivery chaos] generated ${generated.size} custom events over ${LOADS} loads; stored ${
        storedOfType(collector, 'custom').length
      } after dedupe; lost ${lost}; received on the wire ${customs.length} (${
        customs.length - new Set(customs.map((e) => e.id)).size
      } duplicates dropped by id); ${collector.requests.length} requests, ${failed} answered 500/429; ` +
        `page:leave stored ${leaves} of ${LOADS - 1} reloads`,
    );
    expect(lost).toBe(0);
    expect(extra).toBe(0);
    expect(storedOfType(collector, 'custom')).toHaveLength(generated.size);
    await context.close();
  });
});
