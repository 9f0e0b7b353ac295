import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../../test-utils/chromium';
import { type Collector, startCollector, storedOfType, trackerPage } from '../delivery/browserHarness';

let browser: Browser;
let collector: Collector;

// Nothing is sent before the page is left: only the exit flush can deliver.
const quiet = { batch: { maxEvents: 1000, flushIntervalMs: 600_000 } };

beforeAll(async () => {
  browser = await launchChromium();
  collector = await startCollector({
    '/': trackerPage(quiet),
    '/away': '<!doctype html><title>Away</title><p>No tracker here.</p>',
    // No page views: no page:leave at the exit to bring the click out before it.
    '/link': trackerPage(
      { ...quiet, capture: { pageViews: false } },
      `document.body.insertAdjacentHTML('beforeend', '<a id="away" href="/away">Leave</a>');`,
    ),
  });
});

afterAll(async () => {
  await browser?.close();
  await collector?.close();
});

async function openTrackedPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${collector.url}/`);
  await page.click('#buy');
  await page.evaluate(() => window.scrollTo(0, 1500));
  await page.waitForTimeout(300);
  const pageId = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const { tracker } = window as unknown as {
          tracker: {
            on(type: 'custom', handler: (event: { pageId: string }) => void): () => void;
            track(name: string): void;
          };
        };
        const off = tracker.on('custom', (event) => {
          off();
          resolve(event.pageId);
        });
        tracker.track('about_to_leave');
      }),
  );
  return { context, page, pageId };
}

describe('delivery at page exit (Chromium)', () => {
  it('delivers the last page:leave when the visitor navigates away', async () => {
    const { context, page, pageId } = await openTrackedPage();
    expect(collector.requests).toHaveLength(0);
    await page.goto(`${collector.url}/away`);
    await expect
      .poll(() => storedOfType(collector, 'page:leave').filter((e) => e.pageId === pageId), {
        timeout: 10_000,
      })
      .toHaveLength(1);
    const stored = [...collector.stored.values()].filter((e) => e.pageId === pageId).map((e) => e.type);
    expect(stored).toEqual(expect.arrayContaining(['page:view', 'click', 'custom', 'page:leave']));
    // Sent as page-exit requests: the site key rides in the query string.
    expect(collector.requests.every((r) => r.keepalive && r.key === 'site-1')).toBe(true);
    await context.close();
  });

  it('delivers a click on a link that leaves the page at once, before its paint', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${collector.url}/link`);
    await Promise.all([page.waitForURL('**/away'), page.click('#away')]);
    await expect
      .poll(
        () =>
          storedOfType(collector, 'click').filter(
            (e) => (e as { target?: { selector?: string } }).target?.selector === '#away',
          ),
        {
          timeout: 10_000,
        },
      )
      .toHaveLength(1);
    await context.close();
  });

  it('delivers the last page:leave when the tab is closed', async () => {
    const { context, page, pageId } = await openTrackedPage();
    const before = collector.requests.length;
    await page.close();
    await expect
      .poll(() => storedOfType(collector, 'page:leave').filter((e) => e.pageId === pageId), {
        timeout: 10_000,
      })
      .toHaveLength(1);
    expect(collector.requests.length).toBeGreaterThan(before);
    await context.close();
  });

  it('hands what the exit could not deliver to the next page at once, not after the lease', async () => {
    const { context, page, pageId } = await openTrackedPage();
    // The exit requests fail: the batches stay stored, owned by the page being left.
    collector.answer = ({ keepalive }) => ({ status: keepalive ? 503 : 204 });
    try {
      const left = Date.now();
      await page.goto(`${collector.url}/`);
      await expect
        .poll(() => storedOfType(collector, 'custom').filter((e) => e.pageId === pageId), { timeout: 10_000 })
        .toHaveLength(1);
      // The lease is 15 s; the next page sent them after its first backoff wait (at most 1 s).
      expect(Date.now() - left).toBeLessThan(5_000);
    } finally {
      collector.answer = () => ({ status: 204 });
      await context.close();
    }
  });

  it("keeps the server's Retry-After across a reload", async () => {
    const { context, page, pageId } = await openTrackedPage();
    collector.answer = () => ({ status: 429, headers: { 'Retry-After': '3' } });
    try {
      await page.evaluate(() =>
        (window as unknown as { tracker: { flush(): Promise<void> } }).tracker.flush(),
      );
      const refused = collector.requests.length;
      expect(refused).toBeGreaterThan(0);
      const reloaded = Date.now();
      await page.reload();
      // The new page honours the wait the old one was given: nothing before it is over.
      await page.waitForTimeout(2_000);
      const early = collector.requests.slice(refused).filter((r) => !r.keepalive && r.at - reloaded < 2_500);
      expect(early).toEqual([]);
      collector.answer = () => ({ status: 204 });
      await expect
        .poll(() => storedOfType(collector, 'custom').filter((e) => e.pageId === pageId), { timeout: 10_000 })
        .toHaveLength(1);
    } finally {
      collector.answer = () => ({ status: 204 });
      await context.close();
    }
  });
});
