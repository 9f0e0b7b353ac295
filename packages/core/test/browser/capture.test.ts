import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleScript, launchChromium, startServer } from '../../../../test-utils/chromium';

/** The fields of tracker events these tests read. */
interface SeenEvent {
  type: string;
  ts: number;
  pageId: string;
  path?: string;
  navigation?: string;
  durationMs?: number;
  engagedMs?: number;
  maxScrollPct?: number;
  depthPct?: number;
  count?: number;
  state?: string;
  target?: { selector: string };
}

const PAGE_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>Capture</title>
<style>body{margin:0;font:16px sans-serif} button,a{display:block;margin:8px;padding:8px;width:160px}</style>
</head><body>
<button id="noop">Does nothing</button>
<button id="change" onclick="document.getElementById('out').textContent += 'changed '">Changes the page</button>
<a id="frag" href="#sec">To the section</a>
<p id="out"></p>
<div style="height:5000px"></div>
<p id="sec">Section</p>
<script src="/spoor.js"></script>
<script>
  window.__events = [];
  const tracker = Spoor.createTracker({
    transport: Spoor.createMemoryTransport(),
    batch: { flushIntervalMs: 100 },
  });
  tracker.on('*', (event) => window.__events.push(event));
  tracker.start();
  window.__tracker = tracker;
</script>
</body></html>`;

let browser: Browser;
let server: Awaited<ReturnType<typeof startServer>>;
let context: BrowserContext | undefined;

beforeAll(async () => {
  const script = await bundleScript();
  server = await startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/spoor.js') {
      res.setHeader('Content-Type', 'text/javascript');
      res.end(script);
    } else if (url.pathname === '/favicon.ico') {
      res.statusCode = 404;
      res.end();
    } else {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(PAGE_HTML);
    }
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

/** A fresh page at `path` with a started tracker; `initScript` runs before any page script. */
async function openPage(path = '/start', initScript?: () => void): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  if (initScript) await page.addInitScript(initScript);
  await page.goto(`${server.url}${path}`);
  await waitForEvents(page, (events) => events.some((event) => event.type === 'page:view'));
  expect(errors).toEqual([]);
  return page;
}

function events(page: Page): Promise<SeenEvent[]> {
  return page.evaluate(() => (window as unknown as { __events: SeenEvent[] }).__events);
}

async function waitForEvents(page: Page, done: (events: SeenEvent[]) => boolean): Promise<SeenEvent[]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const seen = await events(page);
    if (done(seen) || Date.now() > deadline) return seen;
    await page.waitForTimeout(25);
  }
}

const pageViews = (seen: SeenEvent[]) => seen.filter((event) => event.type === 'page:view');
const ofType = (seen: SeenEvent[], type: string) => seen.filter((event) => event.type === type);

async function waitForViews(page: Page, count: number): Promise<SeenEvent[]> {
  return waitForEvents(page, (seen) => pageViews(seen).length >= count);
}

function pushState(page: Page, url: string): Promise<void> {
  return page.evaluate((to) => history.pushState({}, '', to), url);
}

/**
 * Drives SPA navigations (push, replace, a followed fragment link, back, back, forward, then a
 * push to the current URL and a repeated push) and returns the page events that followed.
 */
async function navigateAround(page: Page): Promise<SeenEvent[]> {
  await pushState(page, '/p1');
  await waitForViews(page, 2);
  await page.evaluate(() => history.replaceState({}, '', '/p1?r=1'));
  await waitForViews(page, 3);
  await page.click('#frag');
  await waitForViews(page, 4);
  await page.goBack();
  await waitForViews(page, 5);
  await page.goBack();
  await waitForViews(page, 6);
  await page.goForward();
  await waitForViews(page, 7);
  // The same URL again, then a new one twice: only the new one is a page view, once.
  await pushState(page, '/p1?r=1');
  await pushState(page, '/p2');
  await pushState(page, '/p2');
  await waitForViews(page, 8);
  // Give a wrongly counted duplicate time to show up.
  await page.waitForTimeout(200);
  return (await events(page)).filter((event) => event.type === 'page:view' || event.type === 'page:leave');
}

function expectNavigationSequence(seen: SeenEvent[]): void {
  const views = pageViews(seen);
  expect(views.map((view) => [view.navigation, view.path])).toEqual([
    ['load', '/start'],
    ['push', '/p1'],
    ['replace', '/p1?r=1'],
    ['hash', '/p1?r=1#sec'],
    ['hash', '/p1?r=1'],
    ['pop', '/start'],
    ['pop', '/p1?r=1'],
    ['push', '/p2'],
  ]);
  // view, then (leave of that view, next view) for every navigation.
  expect(seen.map((event) => event.type)).toEqual([
    'page:view',
    ...views.slice(1).flatMap(() => ['page:leave', 'page:view']),
  ]);
  for (let i = 1; i < seen.length; i += 2) {
    const [before, leave, after] = [seen[i - 1], seen[i], seen[i + 1]];
    expect(leave?.pageId).toBe(before?.pageId);
    expect(after?.pageId).not.toBe(leave?.pageId);
  }
  expect(new Set(views.map((view) => view.pageId)).size).toBe(views.length);
}

describe('capture in Chromium', () => {
  it('records SPA page views through the Navigation API, each after the leave of the previous one', async () => {
    const page = await openPage();
    expect(await page.evaluate(() => typeof (window as { navigation?: unknown }).navigation)).toBe('object');
    expectNavigationSequence(await navigateAround(page));
  });

  it('records the same page views by patching history without the Navigation API, and unpatches on stop', async () => {
    const page = await openPage('/start', () => {
      Object.defineProperty(window, 'navigation', { configurable: true, value: undefined });
      (window as unknown as { __originalPush: unknown }).__originalPush = history.pushState;
    });
    expect(await page.evaluate(() => typeof (window as { navigation?: unknown }).navigation)).toBe(
      'undefined',
    );
    expect(await page.evaluate(() => Object.hasOwn(history, 'pushState'))).toBe(true);
    expectNavigationSequence(await navigateAround(page));

    await page.evaluate(() => (window as unknown as { __tracker: { stop(): void } }).__tracker.stop());
    const restored = await page.evaluate(() => ({
      same: history.pushState === (window as unknown as { __originalPush: unknown }).__originalPush,
      own: Object.hasOwn(history, 'replaceState') || Object.hasOwn(history, 'pushState'),
    }));
    expect(restored).toEqual({ same: true, own: false });
    const before = (await events(page)).length;
    await pushState(page, '/after-stop');
    await page.waitForTimeout(200);
    expect((await events(page)).length).toBe(before);
  });

  it('reports one rage click and a dead click for a button that does nothing, and no dead click for one that changes the page', async () => {
    const page = await openPage();
    const box = await page.locator('#noop').boundingBox();
    if (!box) throw new Error('#noop has no box');
    for (let i = 0; i < 4; i++) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const afterRage = await waitForEvents(
      page,
      (seen) => ofType(seen, 'click:rage').length > 0 && ofType(seen, 'click:dead').length > 0,
    );
    await page.click('#change');
    await page.waitForTimeout(1300);
    const seen = await events(page);

    expect(ofType(afterRage, 'click').length).toBe(4);
    const rages = ofType(seen, 'click:rage');
    expect(rages.map((event) => [event.count, event.target?.selector])).toEqual([[4, '#noop']]);
    expect(ofType(seen, 'click:dead').map((event) => event.target?.selector)).toEqual(['#noop']);
    expect(ofType(seen, 'click').filter((event) => event.target?.selector === '#change')).toHaveLength(1);
    expect(await page.locator('#out').textContent()).toContain('changed');
  });

  it('counts engaged time within the page time and leaves hidden time out', async () => {
    const page = await openPage();
    const setHidden = (hidden: boolean) =>
      page.evaluate((isHidden) => {
        Object.defineProperty(document, 'visibilityState', {
          configurable: true,
          get: () => (isHidden ? 'hidden' : 'visible'),
        });
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => isHidden });
        document.dispatchEvent(new Event('visibilitychange'));
      }, hidden);

    await page.mouse.move(100, 100);
    await page.waitForTimeout(300);
    await setHidden(true);
    await page.waitForTimeout(1500);
    await setHidden(false);
    await page.mouse.move(120, 140);
    await page.waitForTimeout(300);
    // The window loses focus for a while (as when the visitor switches to another app).
    const blurredMs = await page.evaluate(async () => {
      const setFocus = (focused: boolean) => {
        Object.defineProperty(document, 'hasFocus', { configurable: true, value: () => focused });
        window.dispatchEvent(new FocusEvent(focused ? 'focus' : 'blur'));
      };
      const from = Date.now();
      setFocus(false);
      await new Promise((resolve) => setTimeout(resolve, 600));
      setFocus(true);
      return Date.now() - from;
    });
    await page.mouse.move(140, 160);
    await page.waitForTimeout(200);
    await pushState(page, '/next');
    const seen = await waitForViews(page, 2);

    const [view, next] = pageViews(seen);
    const leaves = ofType(seen, 'page:leave');
    const [hidden, shown] = ofType(seen, 'visibility');
    expect(view && next && hidden && shown).toBeTruthy();
    if (!view || !next || !hidden || !shown) return;
    expect([hidden.state, shown.state]).toEqual(['hidden', 'visible']);
    // One segment up to the hide, one from the show to the navigation; both belong to the first view.
    expect(leaves).toHaveLength(2);
    for (const leave of leaves) {
      expect(leave.pageId).toBe(view.pageId);
      expect(leave.engagedMs).toBeGreaterThan(0);
      expect(leave.engagedMs).toBeLessThanOrEqual(leave.durationMs ?? 0);
    }
    // The unfocused stretch is page time but not engaged time.
    const second = leaves[1];
    expect((second?.durationMs ?? 0) - (second?.engagedMs ?? 0)).toBeGreaterThanOrEqual(blurredMs - 50);
    const hiddenMs = shown.ts - hidden.ts;
    expect(hiddenMs).toBeGreaterThanOrEqual(1400);
    const total = leaves.reduce((sum, leave) => sum + (leave.durationMs ?? 0), 0);
    const wall = next.ts - view.ts;
    expect(total).toBeLessThanOrEqual(wall - hiddenMs + 50);
    expect(total).toBeGreaterThanOrEqual(500);
  });

  it('reports scroll depth near 100 after wheeling to the bottom, in scroll and in page:leave', async () => {
    const page = await openPage();
    await page.mouse.move(400, 300);
    await page.mouse.wheel(0, 8000);
    const seen = await waitForEvents(page, (events) =>
      events.some((event) => event.type === 'scroll' && (event.depthPct ?? 0) >= 98),
    );
    const scrolls = ofType(seen, 'scroll');
    expect(Math.max(...scrolls.map((event) => event.depthPct ?? 0))).toBeGreaterThanOrEqual(98);

    await pushState(page, '/next');
    const leave = ofType(await waitForViews(page, 2), 'page:leave')[0];
    expect(leave?.maxScrollPct).toBeGreaterThanOrEqual(98);
  });
});
