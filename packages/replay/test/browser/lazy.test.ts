import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer } from '../../../../test-utils/chromium';
import { waitForFullSnapshot } from './harness';

const entry = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'lazy-entry.ts');

let browser: Browser;
let server: Awaited<ReturnType<typeof startServer>>;
let outdir: string;
/** The file holding `@rrweb/record`, as the app's bundler split it off. */
let recorderChunk: string;
/** Paths requested so far, in order. */
const requests: string[] = [];
/** How the server answers a request for the recorder chunk. */
let chunkMode: 'serve' | 'fail' | 'hold' = 'serve';
let releaseChunk = () => {};
let chunkRequested = () => {};
let chunkRequest = Promise.resolve();

beforeAll(async () => {
  outdir = await mkdtemp(join(tmpdir(), 'spoor-lazy-'));
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir,
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    target: 'es2020',
    conditions: ['@spoor/source'],
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = Object.entries(result.metafile.outputs);
  const recorder = outputs.find(([, output]) =>
    Object.keys(output.inputs).some((input) => input.includes('@rrweb/record')),
  );
  if (!recorder) throw new Error('esbuild put no @rrweb/record chunk');
  recorderChunk = `/${basename(recorder[0])}`;
  server = await startServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    requests.push(path);
    if (path === '/lazy.html') {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(
        '<!doctype html><title>Lazy</title><h1>Lazy</h1><script type="module" src="/lazy-entry.js"></script>',
      );
      return;
    }
    if (path === recorderChunk) {
      chunkRequested();
      if (chunkMode === 'fail') {
        res.statusCode = 404;
        res.end();
        return;
      }
      if (chunkMode === 'hold') await new Promise<void>((resolve) => (releaseChunk = resolve));
    }
    const body = /^\/[\w-]+\.js$/.test(path)
      ? await readFile(join(outdir, path.slice(1)), 'utf8').catch(() => undefined)
      : undefined;
    if (body === undefined) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    res.end(body);
  });
  browser = await launchChromium();
});

afterEach(() => {
  chunkMode = 'serve';
  releaseChunk();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outdir) await rm(outdir, { recursive: true, force: true });
});

/** Opens the page in a fresh context (no cookies, no module cache) and collects its errors. */
async function open(query = '') {
  const context = await browser.newContext();
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  const from = requests.length;
  chunkRequest = new Promise<void>((resolve) => (chunkRequested = resolve));
  await page.goto(`${server.url}/lazy.html${query}`);
  await page.waitForFunction(() => '__tracker' in window);
  return {
    page,
    pageErrors,
    requested: () => requests.slice(from),
    close: () => context.close(),
  };
}

/** Flushes, lets the page settle and returns what it did: delivered and local events, rejections. */
async function settle(page: Page) {
  await page.waitForTimeout(500);
  return page.evaluate(async () => {
    const win = window as unknown as {
      __tracker: { flush(): Promise<void> };
      __memory: { events: Array<{ type: string }> };
      __localEvents: Array<{ type: string; code?: string; message?: string }>;
      __rejections: string[];
    };
    await win.__tracker.flush();
    return {
      replays: win.__memory.events.filter((event) => event.type === 'replay').length,
      errors: win.__localEvents.filter((event) => event.type === 'tracker:error'),
      rejections: win.__rejections,
    };
  });
}

describe('createRrwebRecorder (loaded on demand)', () => {
  it('never fetches the recorder for a session that is sampled out', async () => {
    const { page, pageErrors, requested, close } = await open('?sampleRate=0');
    const state = await settle(page);
    expect(requested()).toContain('/lazy-entry.js');
    expect(requested()).not.toContain(recorderChunk);
    expect(state).toEqual({ replays: 0, errors: [], rejections: [] });
    expect(pageErrors).toEqual([]);
    await close();
  });

  it('never fetches the recorder while consent is pending, and fetches it once granted', async () => {
    const { page, requested, close } = await open('?optIn');
    const before = await settle(page);
    expect(requested()).not.toContain(recorderChunk);
    expect(before.replays).toBe(0);

    await page.evaluate(() =>
      (window as unknown as { __tracker: { consent: { grant(): void } } }).__tracker.consent.grant(),
    );
    await waitForFullSnapshot(page);
    expect(requested().filter((path) => path === recorderChunk)).toHaveLength(1);
    await close();
  });

  it('fetches the recorder once for a recorded session and records a full snapshot', async () => {
    const { page, pageErrors, requested, close } = await open();
    await waitForFullSnapshot(page);
    // A new session starts a new recording: rrweb is already there, nothing is fetched again.
    await page.evaluate(() => (window as unknown as { __tracker: { reset(): void } }).__tracker.reset());
    await page.waitForFunction(async () => {
      const win = window as unknown as {
        __tracker: { flush(): Promise<void> };
        __memory: { events: Array<{ type: string; full?: boolean; sessionId?: string }> };
      };
      await win.__tracker.flush();
      const sessions = win.__memory.events.filter((event) => event.type === 'replay' && event.full);
      return new Set(sessions.map((event) => event.sessionId)).size === 2;
    });
    const state = await settle(page);
    expect(requested().filter((path) => path === recorderChunk)).toHaveLength(1);
    expect(state.errors).toEqual([]);
    expect(pageErrors).toEqual([]);
    await close();
  });

  it('starts nothing when the tracker stops before the recorder has arrived', async () => {
    chunkMode = 'hold';
    const { page, pageErrors, close } = await open();
    await chunkRequest;
    await page.evaluate(() => (window as unknown as { __tracker: { stop(): void } }).__tracker.stop());
    releaseChunk();
    await page.waitForTimeout(300);
    await page.evaluate(() => {
      document.body.insertAdjacentHTML('beforeend', '<p>after stop</p>');
    });
    const state = await settle(page);
    const local = await page.evaluate(() =>
      (window as unknown as { __localEvents: Array<{ type: string }> }).__localEvents.map(
        (event) => event.type,
      ),
    );
    expect(local).not.toContain('replay');
    expect(state).toEqual({ replays: 0, errors: [], rejections: [] });
    expect(pageErrors).toEqual([]);
    await close();
  });

  it('reports a recorder that cannot be loaded, records nothing and throws nothing into the page', async () => {
    chunkMode = 'fail';
    const { page, pageErrors, requested, close } = await open();
    await page.waitForFunction(() =>
      (window as unknown as { __localEvents: Array<{ type: string }> }).__localEvents.some(
        (event) => event.type === 'tracker:error',
      ),
    );
    const state = await settle(page);
    expect(requested()).toContain(recorderChunk);
    expect(state.replays).toBe(0);
    expect(state.errors).toEqual([expect.objectContaining({ code: 'plugin-failed' })]);
    expect(state.errors[0]?.message).toMatch(/^replay: /);
    expect(state.rejections).toEqual([]);
    expect(pageErrors).toEqual([]);
    await close();
  });
});
