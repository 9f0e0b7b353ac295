// The click-through every framework example shares: build the example with Vite, serve the
// build from a local sink that also receives its batches (same origin, like the collector
// serving the example), then browse the shop in Chromium before and after consent.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, repoRoot, startServer } from './chromium';

interface WireEvent {
  type: string;
  sessionId: string;
  path?: string;
  name?: string;
  props?: Record<string, unknown>;
  value?: string;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};
const PLANTED = { name: 'Ada Lovelace', email: 'ada.lovelace@example.com', card: '4242 4242 4242 4242' };

function setEnv(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

export interface ShopExampleOptions {
  /** Folder name under examples/, for example `react-vite`. */
  example: string;
  /** The example records a DOM replay too. */
  replay?: boolean;
}

/** Declares the example's Chromium suite. */
export function describeShopExample({ example, replay = false }: ShopExampleOptions): void {
  const exampleDir = join(repoRoot, 'examples', example);

  describe(`examples/${example} in Chromium`, () => {
    const bodies: string[] = [];
    const events: WireEvent[] = [];
    let outDir = '';
    let server: Awaited<ReturnType<typeof startServer>> | undefined;
    let browser: Browser | undefined;

    beforeAll(async () => {
      outDir = mkdtempSync(join(tmpdir(), `spoor-${example}-`));
      server = await startServer((req, res, body) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (req.method === 'POST' && url.pathname === '/v1/collect') {
          const raw = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8');
          bodies.push(raw);
          events.push(...(JSON.parse(raw) as { events: WireEvent[] }).events);
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
          return;
        }
        // Files from the build; every other path is a client-side route: index.html.
        const file = normalize(join(outDir, url.pathname));
        const found = file.startsWith(outDir) && existsSync(file) && statSync(file).isFile();
        const served = found ? file : join(outDir, 'index.html');
        res.writeHead(200, { 'content-type': MIME[extname(served)] ?? 'application/octet-stream' });
        res.end(readFileSync(served));
      });

      // A production build, as users ship it (vitest runs with NODE_ENV=test, which would pick
      // development runtimes).
      const previous = { endpoint: process.env.VITE_SPOOR_ENDPOINT, nodeEnv: process.env.NODE_ENV };
      process.env.VITE_SPOOR_ENDPOINT = `${server.url}/v1/collect`;
      process.env.NODE_ENV = 'production';
      try {
        await build({
          root: exampleDir,
          configFile: join(exampleDir, 'vite.config.ts'),
          mode: 'production',
          logLevel: 'warn',
          build: { outDir, emptyOutDir: true },
        });
      } finally {
        setEnv('VITE_SPOOR_ENDPOINT', previous.endpoint);
        setEnv('NODE_ENV', previous.nodeEnv);
      }
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
      if (outDir) rmSync(outDir, { recursive: true, force: true });
    });

    const waitFor = (predicate: () => boolean, what: string) =>
      expect.poll(predicate, { timeout: 30_000, interval: 200, message: `waiting for ${what}` }).toBe(true);

    async function clickLink(page: Page, name: string, heading: string) {
      await page.getByRole('link', { name, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    }

    it('sends one masked session with a view per route and the custom events, and nothing before consent', async () => {
      if (!browser || !server) throw new Error('setup failed');
      const context = await browser.newContext();
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(message.text());
      });
      await page.goto(`${server.url}/`);
      const banner = page.getByRole('dialog', { name: 'Cookie consent' });
      await banner.waitFor().catch((error: Error) => {
        throw new Error(`${error.message}\npage errors: ${pageErrors.join('\n')}`);
      });

      // Before consent: browse around, then wait well past a flush interval. Nothing may arrive or be stored.
      await clickLink(page, 'Products', 'Products');
      await clickLink(page, 'Home', 'Gear for the trail');
      await page.waitForTimeout(6_000);
      expect(bodies).toEqual([]);
      expect(await context.cookies()).toEqual([]);
      expect(await page.evaluate(() => localStorage.length)).toBe(0);

      await banner.getByRole('button', { name: 'Accept' }).click();
      await banner.waitFor({ state: 'detached' });

      await clickLink(page, 'Products', 'Products');
      await clickLink(page, 'Trail mug', 'Trail mug');
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await clickLink(page, 'Go to checkout', 'Checkout');

      const form = page.getByRole('form', { name: 'Checkout' });
      await form.getByLabel('Full name').fill(PLANTED.name);
      await form.getByLabel('E-mail').fill(PLANTED.email);
      await form.getByLabel('Card number').fill(PLANTED.card);
      await form.getByLabel('Quantity').fill('3');
      await form.getByLabel('How did you hear about us?').selectOption('podcast');
      await form.getByRole('button', { name: 'Place order' }).click();
      await page.getByRole('heading', { level: 1, name: 'Thank you!' }).waitFor();

      await waitFor(
        () => events.some((event) => event.type === 'custom' && event.name === 'checkout_completed'),
        'the checkout_completed event',
      );
      await waitFor(() => events.some((event) => event.type === 'form:submit'), 'the form:submit event');
      await context.close();
      expect(pageErrors).toEqual([]);

      expect(new Set(events.map((event) => event.sessionId)).size).toBe(1);
      expect(events.filter((event) => event.type === 'session:start')).toHaveLength(1);
      expect(events.filter((event) => event.type === 'page:view').map((event) => event.path)).toEqual([
        '/',
        '/products',
        '/products/trail-mug',
        '/checkout',
        '/thanks',
      ]);

      const custom = events.filter((event) => event.type === 'custom');
      expect(custom.find((event) => event.name === 'add_to_cart')?.props).toMatchObject({ sku: 'trail-mug' });
      expect(custom.find((event) => event.name === 'checkout_completed')?.props).toMatchObject({
        source: 'podcast',
      });

      const inputValues = events.filter((event) => event.type === 'input').map((event) => event.value);
      expect(inputValues).toContain('3');
      expect(inputValues).toContain('podcast');
      // Name and e-mail were recorded as filled in, with every character masked.
      expect(inputValues.filter((value) => value && /^[*\s@.]+$/.test(value)).length).toBeGreaterThanOrEqual(
        2,
      );
      // With replay on, the check below covers the DOM recording as well as the events.
      if (replay) expect(events.some((event) => event.type === 'replay')).toBe(true);
      const everything = bodies.join('\n');
      for (const planted of [
        PLANTED.name,
        'Lovelace',
        PLANTED.email,
        PLANTED.card,
        PLANTED.card.replaceAll(' ', ''),
      ]) {
        expect(everything).not.toContain(planted);
      }
    });
  });
}
