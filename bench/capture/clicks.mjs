// Per-click dispatch cost only: the benchmark's page, N trusted clicks on its buttons, for several
// tracker configurations in one browser, alternating. Faster and less noisy than the full run
// when working on the click path.
//
// Usage: node bench/capture/clicks.mjs [--clicks 300] [--reps 3]
import { bundleCore, loadHelpers, pageHtml, startCaptureServer } from './shared.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const CLICKS = arg('--clicks', 300);
const REPS = arg('--reps', 3);
const DEFAULT = "Spoor.createTracker({ transport: Spoor.createHttpTransport({ url: '/collect' }) })";
const VARIANTS = {
  'no tracker': null,
  'tracker, default options': DEFAULT,
  'tracker, clicks off': DEFAULT.replace('})', '}, capture: { clicks: false } })'),
  'tracker, memory transport': 'Spoor.createTracker({ transport: Spoor.createMemoryTransport() })',
};

const [{ launchChromium, startServer }, core] = await Promise.all([loadHelpers(), bundleCore()]);
const server = await startCaptureServer(startServer, core, {
  page: (url) => {
    const setup = VARIANTS[decodeURIComponent(url.searchParams.get('v') ?? '')];
    return setup ? pageHtml(true).replace(DEFAULT, setup) : pageHtml(false);
  },
});
const browser = await launchChromium();
const results = Object.fromEntries(Object.keys(VARIANTS).map((k) => [k, []]));
try {
  for (let rep = 0; rep < REPS; rep++) {
    const names = Object.keys(VARIANTS);
    if (rep % 2) names.reverse();
    for (const name of names) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/app/x?v=${encodeURIComponent(name)}`);
      await page.waitForFunction(() => window.__ready === true);
      await page.waitForTimeout(300);
      const buttons = await page.$$eval('.b', (els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }),
      );
      for (let i = 0; i < CLICKS; i++) {
        const { x, y } = buttons[i % buttons.length];
        await page.mouse.click(x, y);
      }
      results[name].push(...(await page.evaluate(() => window.__click)));
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const base = median(results['no tracker']);
for (const [name, values] of Object.entries(results)) {
  const m = median(values);
  console.log(
    `${name.padEnd(28)} median ${m.toFixed(3)} ms  (+${(m - base).toFixed(3)})  n=${values.length}`,
  );
}
