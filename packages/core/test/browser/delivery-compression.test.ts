import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../../test-utils/chromium';
import { type Collector, startCollector, trackerPage } from '../delivery/browserHarness';

let browser: Browser;
let collector: Collector;

const config = { batch: { maxEvents: 20, flushIntervalMs: 200 } };
const noWorkers = trackerPage(config).replace(
  '<head>',
  `<head><meta http-equiv="Content-Security-Policy" content="worker-src 'none'">`,
);

beforeAll(async () => {
  browser = await launchChromium();
  collector = await startCollector({ '/': trackerPage(config), '/no-workers': noWorkers });
});

afterAll(async () => {
  await browser?.close();
  await collector?.close();
});

/** Tracks events with enough text to pass the compression threshold; returns their ids. */
const trackMany = (page: Page) =>
  page.evaluate(() => {
    const tracker = (window as unknown as { tracker: { track(name: string, props: object): void } }).tracker;
    for (let i = 0; i < 60; i++)
      tracker.track('viewed_item', { i, note: `item number ${i} of the catalogue` });
    return (window as unknown as { trackedIds: string[] }).trackedIds.slice();
  });

describe('HTTP transport compression (Chromium)', () => {
  it('gzips batches in a worker, off the main thread, and every event arrives', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const before = collector.requests.length;
    await page.goto(`${collector.url}/`);
    const ids = await trackMany(page);
    await expect.poll(() => ids.every((id) => collector.stored.has(id))).toBe(true);
    const requests = collector.requests.slice(before);
    expect(requests.some((r) => r.gzip && !r.keepalive)).toBe(true);
    expect(workers).toHaveLength(1);
    expect(workers[0]).toMatch(/^blob:/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('still gzips, on the main thread, when the page forbids workers', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const before = collector.requests.length;
    await page.goto(`${collector.url}/no-workers`);
    const ids = await trackMany(page);
    await expect.poll(() => ids.every((id) => collector.stored.has(id))).toBe(true);
    const requests = collector.requests.slice(before);
    expect(requests.some((r) => r.gzip && !r.keepalive)).toBe(true);
    expect(workers).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
