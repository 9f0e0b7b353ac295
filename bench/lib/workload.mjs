// One measured run: a fresh browser context, the shop page, the tracker under test injected, then the
// scripted workload with trusted input, then the figures.
import { renderProducts } from '../page/shop.mjs';
import { answer, countBody, createCounter } from './server.mjs';

/** mulberry32: a small seeded PRNG, so every run replays the same workload. */
function createRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEGMENTS = 20; // one SPA navigation closes each segment
const TARGETS_PER_SEGMENT = 10; // 10 pointer moves on the way to each, then a click
const STEPS = 10;
const MUTATIONS_PER_BATCH = 20;
const FIELDS = ['#name', '#email', '#phone', '#street', '#city', '#zip', '#notes', '#q'];
const WORDS = 'the quick brown fox jumps over lazy dogs near the river bank ';
const SETTLE_MS = 1500;
const EXIT_MS = 600;

/** Totals the workload produces, stated in the report. */
export const WORKLOAD = {
  pointerMoves: SEGMENTS * TARGETS_PER_SEGMENT * STEPS,
  clicks: SEGMENTS * TARGETS_PER_SEGMENT,
  wheels: (SEGMENTS / 2) * 3 + (SEGMENTS / 2) * 2,
  typed: SEGMENTS * 25,
  mutations: ((SEGMENTS / 2) * 3 + (SEGMENTS / 2) * 2) * MUTATIONS_PER_BATCH,
  mutationBatches: (SEGMENTS / 2) * 3 + (SEGMENTS / 2) * 2,
  navigations: SEGMENTS,
  settleMs: SETTLE_MS,
};

/**
 * Trusted input through the DevTools protocol (what page.mouse and page.keyboard use underneath),
 * sent as a stream: a path's moves, the press and the release go out together, as from a fast mouse,
 * and Chromium coalesces moves within a frame as it does for any real mouse. Awaiting every move
 * would pin the workload to one move per frame (33 s for 2,000 moves) and break the 10-minute budget.
 */
function createInput(cdp) {
  let x = 640;
  let y = 400;
  const mouse = (type, extra = {}) =>
    cdp.send('Input.dispatchMouseEvent', {
      type,
      x: Math.round(x),
      y: Math.round(y),
      button: 'none',
      ...extra,
    });
  return {
    /** Moves along a slightly curved path in `steps` moves, then clicks; resolves when delivered. */
    moveAndClick(tx, ty, steps, bend) {
      const fx = x;
      const fy = y;
      const sent = [];
      for (let i = 1; i <= steps; i++) {
        const t = i / steps;
        x = fx + (tx - fx) * t + Math.sin(Math.PI * t) * bend;
        y = fy + (ty - fy) * t;
        sent.push(mouse('mouseMoved'));
      }
      x = tx;
      y = ty;
      sent.push(mouse('mousePressed', { button: 'left', buttons: 1, clickCount: 1 }));
      sent.push(mouse('mouseReleased', { button: 'left', buttons: 0, clickCount: 1 }));
      return Promise.all(sent);
    },
    wheel(deltaY) {
      return cdp.send('Input.dispatchMouseEvent', {
        type: 'mouseWheel',
        x: Math.round(x),
        y: Math.round(y),
        deltaX: 0,
        deltaY,
      });
    },
    async type(text) {
      const sent = [];
      for (const char of text) {
        const key = char === ' ' ? ' ' : char;
        const code = char === ' ' ? 'Space' : `Key${char.toUpperCase()}`;
        sent.push(
          cdp.send('Input.dispatchKeyEvent', {
            type: 'keyDown',
            key,
            code,
            text: char,
            unmodifiedText: char,
          }),
        );
        sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code }));
      }
      await Promise.all(sent);
    },
  };
}

async function workload(page, cdp, seed) {
  const random = createRandom(seed);
  const input = createInput(cdp);
  for (let s = 0; s < SEGMENTS; s++) {
    const batches = s % 2 === 0 ? 3 : 2;
    const wheels = [];
    for (let w = 0; w < batches; w++) wheels.push(input.wheel(random() < 0.7 ? 420 : -300));
    await Promise.all(wheels);
    const targets = (await page.evaluate(() => window.__bench.targets())).filter((t) => t.tag !== 'SUMMARY');
    // Half the segment's paths, a batch of mutations, the other half: five paths go out as one stream.
    for (let half = 0; half < 2; half++) {
      const paths = [];
      for (let k = 0; k < TARGETS_PER_SEGMENT / 2; k++) {
        const target = targets[Math.floor(random() * targets.length)] ?? {
          x: 100 + random() * 1000,
          y: 200 + random() * 500,
        };
        paths.push(input.moveAndClick(target.x, target.y, STEPS, (random() - 0.5) * 80));
      }
      await Promise.all(paths);
      if (half === 0) await page.evaluate((n) => window.__bench.mutate(n), MUTATIONS_PER_BATCH);
    }
    for (let b = 1; b < batches; b++)
      await page.evaluate((n) => window.__bench.mutate(n), MUTATIONS_PER_BATCH);
    await page.evaluate((selector) => document.querySelector(selector).focus(), FIELDS[s % FIELDS.length]);
    const start = Math.floor(random() * (WORDS.length - 25));
    await input.type(WORDS.slice(start, start + 25));
    const category = (s + 1) % 8;
    await page.evaluate(
      ([c, html]) => window.__bench.navigate(c, html),
      [category, renderProducts(category)],
    );
  }
}

async function metrics(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const get = (name) => list.find((m) => m.name === name)?.value ?? 0;
  return { script: get('ScriptDuration'), task: get('TaskDuration'), heap: get('JSHeapUsedSize') };
}

let defaultUserAgent;
async function browserUserAgent(browser) {
  if (!defaultUserAgent) {
    const page = await browser.newPage();
    defaultUserAgent = await page.evaluate(() => navigator.userAgent);
    await page.close();
  }
  return defaultUserAgent;
}

/**
 * @param {import('playwright-core').Browser} browser
 * @param {{ origin: string, state: { counter: unknown }, benchDir: string }} server
 * @param {import('./configs.mjs').BenchConfig} config
 * @param {{ beforeTracker?: (cdp: unknown) => Promise<void>, afterWorkload?: (cdp: unknown) => Promise<void> }} [hooks]
 *   profiling hooks (bench/profile.mjs): called right before the tracker loads and after the workload settles
 */
export async function runOnce(browser, server, config, seed, hooks = {}) {
  // A desktop Chrome user agent: PostHog drops events from user agents that say "Headless".
  const userAgent = (await browserUserAgent(browser)).replace('HeadlessChrome', 'Chrome');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, userAgent });
  const stray = createCounter();
  // Nothing leaves the machine: any request to another host is answered here and counted.
  await context.route('**/*', async (route) => {
    const request = route.request();
    if (request.url().startsWith(server.origin)) return route.continue();
    const url = new URL(request.url());
    stray.stray.set(url.host, (stray.stray.get(url.host) ?? 0) + 1);
    const reply = answer(url.pathname + url.search, server.benchDir);
    if (!reply.lazy)
      countBody(stray, url.pathname, request.postDataBuffer() ?? Buffer.alloc(0), await request.allHeaders());
    return route.fulfill({
      status: reply.status,
      contentType: reply.type,
      body: reply.body,
      headers: {
        'Access-Control-Allow-Origin': request.headers().origin ?? '*',
        'Access-Control-Allow-Credentials': 'true',
      },
    });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error.message).slice(0, 160)));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(`${server.origin}/`, { waitUntil: 'load' });
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);

  const counter = createCounter();
  server.state.counter = counter;
  const before = await metrics(cdp);
  const pageStart = await page.evaluate(() => performance.now());
  const wallStart = Date.now();
  await hooks.beforeTracker?.(cdp);
  await page.addScriptTag({ url: `/bundles/${config.id}.js`, ...(config.split ? { type: 'module' } : {}) });
  await workload(page, cdp, seed);
  const workloadMs = Date.now() - wallStart;
  await page.waitForTimeout(SETTLE_MS);
  await hooks.afterWorkload?.(cdp);
  const after = await metrics(cdp);
  const activeMs = Date.now() - wallStart;
  const check = await page.evaluate(() => {
    try {
      return window.__benchCheck ? window.__benchCheck() : { ok: false, detail: 'no check' };
    } catch (error) {
      return { ok: false, detail: String(error) };
    }
  });
  const delivered = await page.evaluate(() => window.__bench.delivered);
  const timing = await page.evaluate(() => ({
    eventTiming: window.__bench.eventTiming,
    dispatch: window.__bench.dispatch,
    isolated: window.crossOriginIsolated,
  }));
  const longTasks = (await page.evaluate(() => window.__bench.longTasks)).filter((t) => t.start >= pageStart);
  // A long frame is the tracker's when its own bundle's scripts ran for over 50 ms of it.
  const trackerMs = (frame) =>
    frame.scripts.filter((s) => s.src.includes('/bundles/')).reduce((sum, s) => sum + s.duration, 0);
  const longFrames = (await page.evaluate(() => window.__bench.longFrames)).filter(
    (f) => f.start >= pageStart,
  );
  // Leaving the page lets every tracker run its own exit flush (beacons, keepalive requests).
  await page.goto('about:blank');
  await page.waitForTimeout(EXIT_MS);
  server.state.counter = null;
  await context.close();

  const minutes = activeMs / 60_000;
  return {
    config: config.id,
    seed,
    elements,
    workloadMs,
    activeMs,
    scriptMs: (after.script - before.script) * 1000,
    taskMs: (after.task - before.task) * 1000,
    heapGrowthKB: (after.heap - before.heap) / 1024,
    longTasks: longTasks.length,
    longTaskMs: longTasks.reduce((sum, t) => sum + t.duration, 0),
    longestTaskMs: longTasks.reduce((max, t) => Math.max(max, t.duration), 0),
    trackerLongFrames: longFrames.filter((f) => trackerMs(f) > 50).length,
    longestTrackerScriptMs: longFrames.reduce((max, f) => Math.max(max, trackerMs(f)), 0),
    requests: counter.requests + stray.requests,
    wireKBmin: (counter.wireBytes + stray.wireBytes) / 1024 / minutes,
    rawKBmin: (counter.rawBytes + stray.rawBytes) / 1024 / minutes,
    gzipKBmin: (counter.gzipBytes + stray.gzipBytes) / 1024 / minutes,
    lazyScriptGzipBytes: counter.lazyScriptBytes + stray.lazyScriptBytes,
    paths: Object.fromEntries(counter.paths),
    strayHosts: Object.fromEntries(stray.stray),
    delivered,
    timing,
    check,
    errors,
  };
}
