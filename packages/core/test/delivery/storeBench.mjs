// Micro-benchmark of delivery storage and byte counting in Chromium, old code against new.
// Usage: node packages/core/test/delivery/storeBench.mjs [--rev <git rev>] [--reps 4]
// Bundles packages/core/src/delivery/{store,indexedDb,storageBackends,backoff}.ts as they are now
// and as they were at --rev (default HEAD), then alternates the two: with 40 stored batches of
// 40 KB (1.6 MB) from another tab, 40 cycles of storing a 2 KB batch and removing it (wall and
// main-thread task time per cycle), and byteLength(JSON.stringify(event)) for a click and a 50 KB event.
import { arg, openRevisions } from './revisions.mjs';

const rev = arg('--rev', 'HEAD');
const reps = Number(arg('--reps', 4));
const { codes, url, browser, close } = await openRevisions(rev);
const rows = [];
for (let r = 0; r < reps; r++)
  for (const which of r % 2 ? ['new', 'old'] : ['old', 'new']) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url);
    await page.addScriptTag({ content: codes[which] });
    await page.evaluate(async (name) => {
      const store = D.createBatchStore(D.createIndexedDbBackend(indexedDB, name, D.createMemoryBackend()), {
        maxBytes: 2_000_000,
        maxAgeMs: 7 * 864e5,
        leaseMs: 15000,
      });
      window.__store = store;
      const ev = (i, pad) => ({
        id: `e${i}`,
        type: 'replay',
        ts: Date.now(),
        sessionId: 's',
        tabId: 't',
        pageId: 'p',
        seq: i,
        url: 'https://x.test/',
        data: 'x'.repeat(pad),
      });
      window.__ev = ev;
      // 40 stored replay-like batches of 40 KB each (1.6 MB), owned by another live tab.
      for (let i = 0; i < 40; i++)
        await store.put({
          id: `old${i}`,
          transport: 'http',
          owner: 'other',
          createdAt: Date.now() + i,
          attempt: 0,
          bytes: 40_000,
          events: [ev(i, 39_800)],
        });
      return true;
    }, `bench-${which}-${r}`);
    const m0 = await cdp.send('Performance.getMetrics');
    const res = await page.evaluate(async () => {
      const store = window.__store;
      const t0 = performance.now();
      for (let i = 0; i < 40; i++) {
        const b = {
          id: `b${i}`,
          transport: 'http',
          owner: 'me',
          createdAt: Date.now() + 100 + i,
          attempt: 0,
          bytes: 2000,
          events: [window.__ev(1000 + i, 1800)],
        };
        await store.put(b);
        await store.remove([b.id]);
      }
      const storeMs = (performance.now() - t0) / 40;
      const click = {
        id: '01JDX8Q2K3M4N5P6Q7R8S9T0UV',
        type: 'click',
        ts: 1764190000000,
        sessionId: 's_01JDX8Q2K3M4N5P6Q7R8S9T0',
        tabId: 't_01JDX8Q2K3M4N5',
        pageId: 'p_01JDX8Q2K3M4N5',
        seq: 123,
        url: 'https://shop.example.com/products/blue-widget?ref=home',
        x: 512,
        y: 300,
        selector: 'main > section.products > div:nth-child(3) > button.add-to-cart',
        text: 'Add to cart',
        tag: 'button',
      };
      let t = performance.now();
      let s = 0;
      for (let i = 0; i < 100000; i++) s += D.byteLength(JSON.stringify(click));
      const clickUs = (performance.now() - t) / 100;
      const big = window.__ev(1, 50_000);
      t = performance.now();
      for (let i = 0; i < 500; i++) s += D.byteLength(JSON.stringify(big));
      const replayUs = (performance.now() - t) * 2;
      return { storeMs, clickUs, replayUs, s };
    });
    const m1 = await cdp.send('Performance.getMetrics');
    const metric = (m, n) => m.metrics.find((x) => x.name === n).value;
    rows.push({
      which,
      storeCycleMs: res.storeMs.toFixed(2),
      storeTaskMsPerCycle: (((metric(m1, 'TaskDuration') - metric(m0, 'TaskDuration')) * 1000) / 40).toFixed(
        2,
      ),
      clickEventUs: res.clickUs.toFixed(2),
      replay50kUs: res.replayUs.toFixed(1),
    });
    await context.close();
  }
console.table(rows);
await close();
