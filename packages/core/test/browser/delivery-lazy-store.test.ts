// The stored backends (IndexedDB, and localStorage as its fallback or where IndexedDB is missing)
// are a chunk the tracker loads on demand (`@spoor/core/idb`). These pages load
// the tracker as an app's bundler would ship it: ES modules split into chunks, the store's chunk
// served on its own, so it can be held back or refused.
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, repoRoot, startServer } from '../../../../test-utils/chromium';

let browser: Browser;
/** The site: the page, the chunks, and a collector at `/collect` storing event ids. */
let app: {
  url: string;
  stored: Set<string>;
  answer: () => { status: number };
  close(): Promise<void>;
};
let chunks: Map<string, string>;
let storeChunk: string;
/** What the server does with a request for the store's chunk. */
let serveStoreChunk: () => Promise<'serve' | 'refuse'> = async () => 'serve';
let storeChunkRequests = 0;

const PAGE = `<!doctype html><html><head><meta charset="utf-8">
<title>Lazy store</title></head><body><h1>Lazy store</h1><script type="module">
import { createHttpTransport, createTracker } from '/esm/stdin.js';
window.errors = [];
window.tracker = createTracker({
  transport: createHttpTransport({ url: '/collect', siteKey: 'site-1' }),
  batch: { maxEvents: 1, flushIntervalMs: 200 },
  delivery: { backoff: { baseMs: 300, maxMs: 600 } },
});
window.tracker.on('tracker:error', (e) => window.errors.push(e.code));
window.tracker.start();
</script></body></html>`;

beforeAll(async () => {
  const result = await build({
    stdin: {
      contents: "export { createTracker, createHttpTransport } from './packages/core/src/index.ts'",
      resolveDir: repoRoot,
      loader: 'ts',
    },
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: join(repoRoot, 'esm'),
    write: false,
    target: 'es2020',
    conditions: ['@spoor/source'],
    logLevel: 'silent',
  });
  chunks = new Map(result.outputFiles.map((file) => [basename(file.path), file.text]));
  storeChunk = [...chunks.keys()].find((name) => name.startsWith('storedBackend-')) ?? '';
  expect(storeChunk).not.toBe('');
  browser = await launchChromium();
  const stored = new Set<string>();
  const server = await startServer(async (req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunk = url.pathname.startsWith('/esm/') ? chunks.get(url.pathname.slice(5)) : undefined;
    if (req.method === 'GET' && url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    } else if (req.method === 'GET' && chunk !== undefined) {
      if (url.pathname === `/esm/${storeChunk}`) {
        storeChunkRequests += 1;
        if ((await serveStoreChunk()) === 'refuse') {
          res.writeHead(404).end();
          return;
        }
      }
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(chunk);
    } else if (req.method === 'POST' && url.pathname === '/collect') {
      const { status } = app.answer();
      if (status < 300) {
        const json = req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body;
        const batch = JSON.parse(json.toString('utf8')) as { events: { id: string }[] };
        for (const event of batch.events) stored.add(event.id);
      }
      res.writeHead(status).end();
    } else {
      res.writeHead(404).end();
    }
  });
  app = { url: server.url, stored, answer: () => ({ status: 204 }), close: server.close };
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function trackedIds(p: Page, count: number, name: string): Promise<string[]> {
  return p.evaluate(
    ({ count, name }) => {
      const ids: string[] = [];
      const tracker = (
        window as unknown as {
          tracker: { on(type: 'custom', h: (e: { id: string }) => void): () => void; track(n: string): void };
        }
      ).tracker;
      const off = tracker.on('custom', (e) => ids.push(e.id));
      for (let i = 0; i < count; i++) tracker.track(name);
      off();
      return ids;
    },
    { count, name },
  );
}

/** Batches in the tracker's IndexedDB store (0 before the store created its database). */
function storedBatches(p: Page): Promise<number> {
  return p.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('spoor-delivery')) return 0;
    return new Promise<number>((resolve, reject) => {
      const req = indexedDB.open('spoor-delivery', 1);
      req.onsuccess = () => {
        const db = req.result;
        const count = db.transaction('batches').objectStore('batches').count();
        count.onsuccess = () => {
          resolve(count.result);
          db.close();
        };
        count.onerror = () => reject(count.error);
      };
      req.onerror = () => reject(req.error);
    });
  });
}

/** Batches the page's tracker keeps in localStorage. */
function localBatches(p: Page): Promise<number> {
  return p.evaluate(
    () => Object.keys(localStorage).filter((k) => k.startsWith('spoor-delivery:batch:')).length,
  );
}

/** The `tracker:error` codes the page's tracker reported. */
function pageErrors(p: Page): Promise<string[]> {
  return p.evaluate(() => (window as unknown as { errors: string[] }).errors);
}

describe('the stored backends loaded on demand (Chromium)', () => {
  it('keeps events tracked before its chunk arrives, stores them, and sends them after a reload', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    serveStoreChunk = async () => {
      await held;
      return 'serve';
    };
    storeChunkRequests = 0;
    app.answer = () => ({ status: 503 });
    const context = await browser.newContext();
    try {
      const p = await context.newPage();
      await p.goto(`${app.url}/`);
      const ids = await trackedIds(p, 3, 'before-the-chunk');
      // Past the second after which undelivered batches are written: the writes wait for the chunk.
      await p.waitForTimeout(1_500);
      expect(storeChunkRequests).toBe(1);
      expect(await storedBatches(p)).toBe(0);
      release();
      await expect.poll(() => storedBatches(p), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
      expect(await pageErrors(p)).toEqual([]);
      await p.reload();
      app.answer = () => ({ status: 204 });
      await expect.poll(() => ids.filter((id) => app.stored.has(id)), { timeout: 15_000 }).toEqual(ids);
    } finally {
      release();
      app.answer = () => ({ status: 204 });
      await context.close();
    }
  });

  it('keeps batches in memory when its chunk cannot load, reports it once and loses nothing', async () => {
    serveStoreChunk = async () => 'refuse';
    storeChunkRequests = 0;
    app.answer = () => ({ status: 503 });
    const context = await browser.newContext();
    try {
      const p = await context.newPage();
      await p.goto(`${app.url}/`);
      const ids = await trackedIds(p, 3, 'no-chunk');
      await expect.poll(() => pageErrors(p), { timeout: 10_000 }).toEqual(['storage-failed']);
      // Past the second after which undelivered batches are written: they go to memory.
      await p.waitForTimeout(1_500);
      app.answer = () => ({ status: 204 });
      await expect.poll(() => ids.filter((id) => app.stored.has(id)), { timeout: 15_000 }).toEqual(ids);
      expect(await pageErrors(p)).toEqual(['storage-failed']);
      expect(storeChunkRequests).toBe(1);
      expect(await localBatches(p)).toBe(0);
    } finally {
      app.answer = () => ({ status: 204 });
      await context.close();
    }
  });

  it('stores in localStorage with the same chunk where IndexedDB is missing, and sends after a reload', async () => {
    serveStoreChunk = async () => 'serve';
    storeChunkRequests = 0;
    app.answer = () => ({ status: 503 });
    const context = await browser.newContext();
    await context.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
    try {
      const p = await context.newPage();
      await p.goto(`${app.url}/`);
      const ids = await trackedIds(p, 3, 'no-indexeddb');
      await expect.poll(() => localBatches(p), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
      expect(storeChunkRequests).toBe(1);
      expect(await pageErrors(p)).toEqual([]);
      await p.reload();
      app.answer = () => ({ status: 204 });
      await expect.poll(() => ids.filter((id) => app.stored.has(id)), { timeout: 15_000 }).toEqual(ids);
      // Sent from the store, so removed from it (once the old page's lease is over, at the latest).
      await expect.poll(() => localBatches(p), { timeout: 30_000 }).toBe(0);
    } finally {
      app.answer = () => ({ status: 204 });
      await context.close();
    }
  });
});
