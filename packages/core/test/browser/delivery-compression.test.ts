import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../../test-utils/chromium';
import { type Collector, startCollector, trackerPage } from '../delivery/browserHarness';

let browser: Browser;
let collector: Collector;

const config = { batch: { maxEvents: 20, flushIntervalMs: 200 } };
// Counts the gzip streams the page's main thread creates (a worker has its own CompressionStream).
const countMainThreadGzip = `
  window.mainThreadGzips = 0;
  const NativeCompressionStream = window.CompressionStream;
  window.CompressionStream = class extends NativeCompressionStream {
    constructor(format) { super(format); window.mainThreadGzips += 1; }
  };`;
const page = (head = '') => trackerPage(config, '', countMainThreadGzip).replace('<head>', `<head>${head}`);

beforeAll(async () => {
  browser = await launchChromium();
  collector = await startCollector({
    '/': page(),
    '/no-workers': page(`<meta http-equiv="Content-Security-Policy" content="worker-src 'none'">`),
  });
});

afterAll(async () => {
  await browser?.close();
  await collector?.close();
});

/**
 * Loads a page, tracks events with enough text to pass the compression threshold, waits until
 * the collector has every one, and says how they were sent.
 */
async function trackAndDeliver(path: string) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const workers: string[] = [];
  tab.on('worker', (worker) => workers.push(worker.url()));
  const errors: string[] = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  const before = collector.requests.length;
  await tab.goto(`${collector.url}${path}`);
  const ids = await tab.evaluate(() => {
    const tracker = (window as unknown as { tracker: { track(name: string, props: object): void } }).tracker;
    for (let i = 0; i < 60; i++)
      tracker.track('viewed_item', { i, note: `item number ${i} of the catalogue` });
    return (window as unknown as { trackedIds: string[] }).trackedIds.slice();
  });
  await expect.poll(() => ids.every((id) => collector.stored.has(id))).toBe(true);
  const gzipped = collector.requests.slice(before).filter((r) => r.gzip && !r.keepalive).length;
  const mainThreadGzips = await tab.evaluate(
    () => (window as unknown as { mainThreadGzips: number }).mainThreadGzips,
  );
  await context.close();
  return { workers, errors, gzipped, mainThreadGzips };
}

describe('HTTP transport compression (Chromium)', () => {
  it('gzips batches in a worker, never on the main thread, and every event arrives', async () => {
    const sent = await trackAndDeliver('/');
    expect(sent.gzipped).toBeGreaterThan(0);
    expect(sent.mainThreadGzips).toBe(0);
    expect(sent.workers).toHaveLength(1);
    expect(sent.workers[0]).toMatch(/^blob:/);
    expect(sent.errors).toEqual([]);
  });

  it('still gzips, on the main thread, when the page forbids workers', async () => {
    const sent = await trackAndDeliver('/no-workers');
    expect(sent.gzipped).toBeGreaterThan(0);
    expect(sent.mainThreadGzips).toBe(sent.gzipped);
    expect(sent.workers).toEqual([]);
    expect(sent.errors).toEqual([]);
  });
});
