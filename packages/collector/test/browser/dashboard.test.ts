import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, repoRoot } from '../../../../test-utils/chromium';
import { type Collector, createCollector, type SessionSummary } from '../../src/index';

// The whole loop in real Chromium: the React example (built, served by the collector) sends to the
// collector; the dashboard, logged in with the token, lists the session, shows its timeline and
// plays its replay. A screenshot of each dashboard page goes to test-results/dashboard/, or to
// docs/dashboard/ (linked from the docs) with SPOOR_UPDATE_SCREENSHOTS=1, so a test run leaves the
// checkout as it found it.

const TOKEN = 'e2e-dashboard-token';
const shots = join(
  repoRoot,
  process.env.SPOOR_UPDATE_SCREENSHOTS === '1' ? 'docs/dashboard' : 'test-results/dashboard',
);

describe('collector + dashboard in Chromium', () => {
  let collector: Collector;
  let base = '';
  let browser: Browser;
  let session: SessionSummary | undefined;

  beforeAll(async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'spoor-e2e-'));
    const dashboardDir = join(tmp, 'dashboard');
    await build({
      configFile: join(repoRoot, 'packages/collector/dashboard/vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: dashboardDir, emptyOutDir: true },
    });
    const demo = (await import(new URL('../../../../scripts/start-demo.mjs', import.meta.url).href)) as {
      buildExample(outDir: string, env: Record<string, string>): Promise<string>;
    };
    const appDir = await demo.buildExample(join(tmp, 'example'), {
      VITE_SPOOR_ENDPOINT: '/v1/collect',
      VITE_SPOOR_SITE_KEY: 'demo',
    });
    collector = await createCollector({
      dataDir: join(tmp, 'data'),
      dashboardDir,
      appDir,
      sites: [{ key: 'demo', origins: ['http://127.0.0.1:*'] }],
      dashboardToken: TOKEN,
      rateLimit: false,
    });
    base = await collector.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
    mkdirSync(shots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await collector?.close();
  });

  it('stores a visit of the example, with its replay', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.getByRole('link', { name: 'Browse products' }).click();
    await page.getByRole('link', { name: 'Trail mug' }).click();
    const add = page.getByRole('button', { name: 'Add to cart' });
    await add.click();
    // Four quick clicks in one spot: a rage click.
    await add.click({ clickCount: 4, delay: 40 });
    await page.waitForTimeout(1200);
    await page.getByRole('link', { name: 'Go to checkout' }).click();
    await page.getByRole('textbox', { name: /name/i }).first().fill('Ada Lovelace');
    // Leaving the field commits it: an input event, named by its label.
    await page.getByRole('textbox', { name: /name/i }).first().press('Tab');
    await page.waitForTimeout(1500);
    // Leaving the page flushes what is queued (keepalive fetch / beacon).
    await page.close({ runBeforeUnload: true });
    await expect
      .poll(
        async () => {
          session = (await collector.storage.listSessions({ site: 'demo' })).sessions[0];
          if (!session || session.pageViews < 3 || !session.hasReplay) return false;
          // The replay reaches past the rage click (its last chunks come with the page's exit), so
          // the next test can seek to it.
          const events = await collector.storage.getEvents('demo', session.id);
          const rage = events.find((e) => e.type === 'click:rage');
          return !!rage && events.some((e) => e.type === 'replay' && e.ts > rage.ts);
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);
    await context.close();
    expect(session?.rageClicks).toBeGreaterThanOrEqual(1);
  });

  async function shot(page: Page, name: string) {
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  }

  it('lists the session, shows its timeline and plays its replay', async () => {
    expect(session).toBeDefined();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto(`${base}/dashboard/`);
    await page.getByLabel('Dashboard token').fill('wrong');
    await page.getByRole('button', { name: 'Open the dashboard' }).click();
    await expect.poll(() => page.getByText('The token was refused.').count()).toBe(1);
    await page.getByLabel('Dashboard token').fill(TOKEN);
    await page.getByRole('button', { name: 'Open the dashboard' }).click();

    const row = page.locator('table.sessions tbody tr').first();
    await row.waitFor();
    expect(await page.locator('table.sessions tbody tr').count()).toBe(1);
    expect(await row.textContent()).toContain('replay');
    await shot(page, 'sessions');

    await row.getByRole('link').click();
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await timeline.waitFor();
    const text = await timeline.textContent();
    for (const type of ['session:start', 'page:view', 'click', 'click:rage', 'custom'])
      expect(text).toContain(type);
    // A field is named by its label, and what was typed in it stays masked.
    expect(text).toContain('“Full name” (text)');
    expect(text).not.toContain('#root > main > form');
    expect(text).not.toContain('Ada Lovelace');
    // Browser, OS and device read from the user agent, not the raw string.
    const summary = await page.locator('dl.summary').textContent();
    expect(summary).toMatch(/BrowserChrome \d+OSLinuxDeviceDesktop/);
    expect(summary).not.toContain('Mozilla/5.0');
    // The player rebuilds the recorded page in a sandboxed iframe.
    await page.locator('.replay iframe').waitFor({ timeout: 20_000 });
    const frame = page.frames().find((f) => f !== page.mainFrame());
    await expect
      .poll(
        async () =>
          (await frame
            ?.locator('body')
            .textContent()
            .catch(() => '')) ?? '',
      )
      .toContain('Spoor shop');
    // A timeline row seeks the replay there, and the row under the playhead is marked.
    const rageRow = timeline.locator('li.ev-click-rage').first();
    await rageRow.getByRole('button').click();
    await expect.poll(() => rageRow.getAttribute('aria-current'), { timeout: 5_000 }).toBe('true');
    const play = page.locator('.replay').getByRole('button').first();
    await play.click();
    await page.waitForTimeout(1500);
    // Playing on, the marked row moves with the playhead.
    await expect
      .poll(() => timeline.locator('li[aria-current="true"]').getAttribute('class'), { timeout: 15_000 })
      .not.toContain('ev-click-rage');
    await shot(page, 'session');

    await page.getByRole('link', { name: 'Pages' }).click();
    await page.getByRole('img', { name: 'Page views by path' }).waitFor();
    expect(await page.locator('table').textContent()).toContain('/products/trail-mug');
    await page.waitForTimeout(300);
    // With one day of data the daily chart still draws something: bars and marked points.
    const daily = page.getByRole('img', { name: /^Daily views and engaged time of/ });
    await daily.waitFor();
    const painted = await daily.evaluate((canvas) => {
      const c = canvas as HTMLCanvasElement;
      const pixels =
        c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
      let coloured = 0;
      // Count saturated pixels (bars and points), not grey axes or text.
      for (let i = 0; i < pixels.length; i += 4) {
        const [r = 0, g = 0, b = 0, a = 0] = pixels.subarray(i, i + 4);
        if (a > 0 && Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured += 1;
      }
      return coloured;
    });
    expect(painted).toBeGreaterThan(400);
    await shot(page, 'pages');

    await page.getByRole('link', { name: 'Heatmap' }).click();
    await page.locator('select').first().selectOption('/products/trail-mug');
    await page.locator('canvas.spoor-heatmap').waitFor();
    // The backdrop is the page the clicks were on (not the next one), on a desktop screen as the
    // clicks were, settled after its page view, and the page says where it comes from.
    const source = page.locator('.backdrop-source');
    await source.waitFor();
    expect(await source.textContent()).toMatch(
      /session of .+, \d+\.\d s after its view of \/products\/trail-mug, on a 1280 px wide screen \(desktop\)/,
    );
    expect(await page.getByLabel('Device').inputValue()).toBe('desktop');
    const backdrop = page.frameLocator('.snapshot iframe');
    await expect.poll(() => backdrop.locator('h1').textContent(), { timeout: 15_000 }).toBe('Trail mug');
    expect(await backdrop.getByRole('button', { name: 'Add to cart' }).count()).toBe(1);
    expect(await page.locator('.snapshot canvas.spoor-heatmap').count()).toBe(1);
    await shot(page, 'heatmap');

    await page.getByRole('link', { name: 'Rage & dead clicks' }).click();
    await page.getByRole('link', { name: 'Watch a session' }).first().waitFor();
    expect(await page.locator('table').textContent()).toContain('rage');
    await shot(page, 'clicks');

    // "Watch a session" opens the replay at the reported click, not at 0:00.
    const rageReport = page.locator('tr', { hasText: 'rage' }).getByRole('link', { name: 'Watch a session' });
    await rageReport.first().click();
    await page.locator('.replay iframe').waitFor({ timeout: 20_000 });
    await expect
      .poll(() => page.locator('.timeline li[aria-current="true"]').getAttribute('class'), {
        timeout: 15_000,
      })
      .toContain('ev-click-rage');
    await shot(page, 'session-at-rage-click');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens from the printed link with #token= and erases a session from its page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('dialog', (dialog) => dialog.accept());
    await page.goto(`${base}/dashboard/#token=${TOKEN}`);
    const row = page.locator('table.sessions tbody tr').first();
    await row.waitFor();
    // The token leaves the address bar once it is kept.
    expect(new URL(page.url()).hash).toBe('');
    await row.getByRole('link').click();
    await page.getByRole('button', { name: 'Delete this session' }).click();
    await page.getByText('No sessions yet for these filters.').waitFor();
    expect((await collector.storage.listSessions({ site: 'demo' })).sessions).toEqual([]);
    await context.close();
  });
});
