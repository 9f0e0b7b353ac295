import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../../test-utils/chromium';
import { type Collector, startCollector, trackerPage } from '../delivery/browserHarness';

let browser: Browser;
let collector: Collector;

const fast = {
  batch: { maxEvents: 10, flushIntervalMs: 300 },
  delivery: { backoff: { baseMs: 200, maxMs: 1000 } },
};
// The defaults: batches of up to 50 events or 5 s.
const realistic = {};

beforeAll(async () => {
  browser = await launchChromium();
  collector = await startCollector({ '/': trackerPage(fast), '/realistic': trackerPage(realistic) });
});

afterAll(async () => {
  await browser?.close();
  await collector?.close();
});

const track = (page: Page, count: number, label: string) =>
  page.evaluate(
    ([n, name]) => {
      const tracker = (window as unknown as { tracker: { track(name: string, props: object): void } })
        .tracker;
      for (let i = 0; i < n; i++) tracker.track(name, { i });
    },
    [count, label] as const,
  );
const trackedIds = (page: Page) =>
  page.evaluate(() => (window as unknown as { trackedIds: string[] }).trackedIds);

describe('delivery offline and online (Chromium)', () => {
  it('holds events while offline and delivers every one exactly once when back online', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${collector.url}/`);
    await track(page, 15, 'before_offline');
    await expect
      .poll(async () => (await trackedIds(page)).every((id) => collector.stored.has(id)))
      .toBe(true);

    await context.setOffline(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    for (let burst = 0; burst < 6; burst++) {
      await track(page, 20, 'while_offline');
      await page.click('#buy');
      await page.waitForTimeout(500);
    }
    const storedWhileOffline = collector.stored.size;
    await page.waitForTimeout(1000);
    expect(collector.stored.size).toBe(storedWhileOffline);

    await context.setOffline(false);
    const ids = await trackedIds(page);
    expect(ids).toHaveLength(135);
    await expect
      .poll(() => ids.filter((id) => collector.stored.has(id)).length, { timeout: 20_000 })
      .toBe(135);
    const received = collector.raw.filter((e) => e.type === 'custom').map((e) => e.id);
    expect(received.length).toBe(new Set(received).size);
    expect(received.sort()).toEqual([...ids].sort());
    await context.close();
  });

  it('measures bytes per event, raw and gzipped, on a realistic workload', async () => {
    const before = collector.requests.length;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${collector.url}/realistic`);
    for (let round = 0; round < 16; round++) {
      for (let step = 0; step < 30; step++) {
        await page.mouse.move(100 + step * 35, 100 + ((step * 37 + round * 11) % 500));
        if (step % 10 === 0) await page.waitForTimeout(120);
      }
      await page.click('#buy');
      await page.mouse.wheel(0, 400);
      await page.fill('#q', `search ${round}`);
      await page.keyboard.press('Tab');
      await page.evaluate((n) => {
        const w = window as unknown as { tracker: { track(name: string, props: object): void } };
        w.tracker.track('plan_viewed', { plan: n % 2 ? 'pro' : 'team', seats: n + 1 });
        history.pushState({}, '', `/realistic?step=${n}`);
      }, round);
      await page.waitForTimeout(150);
    }
    await page.evaluate(() => (window as unknown as { tracker: { flush(): Promise<void> } }).tracker.flush());
    await page.waitForTimeout(500);
    const requests = collector.requests.slice(before).filter((r) => !r.keepalive);
    const events = requests.reduce((sum, r) => sum + r.events, 0);
    const json = requests.reduce((sum, r) => sum + r.jsonBytes, 0);
    const wire = requests.reduce((sum, r) => sum + r.wireBytes, 0);
    const gzipped = requests.filter((r) => r.gzip);
    const gzEvents = gzipped.reduce((sum, r) => sum + r.events, 0);
    const gzWire = gzipped.reduce((sum, r) => sum + r.wireBytes, 0);
    const gzJson = gzipped.reduce((sum, r) => sum + r.jsonBytes, 0);
    const sessions = new Set(collector.raw.slice(-events).map((e) => e.sessionId));
    const types = new Set(
      [...collector.stored.values()].filter((e) => sessions.has(e.sessionId)).map((e) => e.type),
    );
    console.log(
      `[delivery figures] ${events} events in ${requests.length} requests (types: ${[...types].join(', ')}); ` +
        `raw ${(json / events).toFixed(0)} B/event; on the wire ${(wire / events).toFixed(0)} B/event; ` +
        `gzipped batches: ${(gzJson / gzEvents).toFixed(0)} → ${(gzWire / gzEvents).toFixed(0)} B/event ` +
        `(${((gzWire / gzJson) * 100).toFixed(0)} %)`,
    );
    expect(events).toBeGreaterThan(100);
    expect(gzipped.length).toBeGreaterThan(0);
    expect(gzWire).toBeLessThan(gzJson / 2);
    await context.close();
  });
});
