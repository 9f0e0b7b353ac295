// What the capture benchmark and the capture profile share: the page, the workload and the loaders.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..', '..');

export const WORKLOAD = { moves: 2000, clicks: 200, scrolls: 50, chars: 500, navigations: 20 };
export const ROUNDS = 10;
const MOVE_BURST = 8;
export const INTERACTIONS = Object.values(WORKLOAD).reduce((sum, n) => sum + n, 0);

// The shared test helpers are TypeScript: bundle them (dependencies stay external) next to
// node_modules so their imports resolve, then load them.
export async function loadHelpers() {
  const dir = join(root, 'node_modules', '.cache', 'spoor-bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `chromium-${process.pid}.mjs`);
  await build({
    entryPoints: [join(root, 'test-utils', 'chromium.ts')],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    outfile: file,
    logLevel: 'silent',
    // The helpers compute the repository root from their own location.
    define: {
      'import.meta.url': JSON.stringify(pathToFileURL(join(root, 'test-utils', 'chromium.ts')).href),
    },
  });
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(file, { force: true });
  }
}

/**
 * BENCH_REPLACE="packages/core/src/session.ts=/tmp/session.ts" bundles the tracker with that
 * source file swapped for another, to measure a change proposed for a file without editing it in
 * the shared checkout. Several pairs are separated by commas.
 */
function replacePlugin() {
  const pairs = (process.env.BENCH_REPLACE ?? '')
    .split(',')
    .filter(Boolean)
    .map((pair) => pair.split('='));
  const swaps = new Map(pairs.map(([from, to]) => [join(root, from), to]));
  return {
    name: 'bench-replace',
    setup(b) {
      if (swaps.size === 0) return;
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        const to = swaps.get(args.path);
        if (!to) return undefined;
        process.stderr.write(`bench: ${args.path} replaced by ${to}\n`);
        return { contents: readFileSync(to, 'utf8'), loader: 'ts', resolveDir: dirname(args.path) };
      });
    },
  };
}

export async function bundleCore({ minify = true } = {}) {
  const result = await build({
    plugins: [replacePlugin()],
    entryPoints: [join(root, 'packages/core/src/index.ts')],
    bundle: true,
    minify,
    format: 'iife',
    globalName: 'Spoor',
    write: false,
    target: 'es2020',
    conditions: ['@spoor/source'],
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/**
 * The capture page's server: the tracker bundle at `/spoor.js`, a sink at `/collect` (204,
 * `onCollect` counts), and the HTML `page(url)` returns (404 when it returns nothing).
 * Cross-origin isolation gives performance.now() its fine (5 µs) resolution.
 */
export function startCaptureServer(startServer, core, { page, onCollect = () => {} }) {
  return startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    if (url.pathname === '/spoor.js') {
      res.setHeader('Content-Type', 'text/javascript');
      return res.end(core);
    }
    if (url.pathname === '/collect') {
      onCollect();
      res.statusCode = 204;
      return res.end();
    }
    const html = page(url);
    if (html === undefined) {
      res.statusCode = 404;
      return res.end();
    }
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(html);
  });
}

const BUTTONS = 24;
const FIELDS = 5;

export function pageHtml(withTracker) {
  const buttons = Array.from(
    { length: BUTTONS },
    (_, i) => `<button class="b" data-i="${i}">Add item ${i + 1} to basket</button>`,
  ).join('');
  const fields = Array.from(
    { length: FIELDS },
    (_, i) => `<input class="f" name="field${i}" placeholder="Field ${i + 1}">`,
  ).join('');
  const links = Array.from(
    { length: 4 },
    (_, i) => `<a class="nav" href="/app/section-${i}">Section ${i}</a>`,
  ).join(' ');
  const rows = Array.from(
    { length: 120 },
    (_, i) => `<li>Product ${i} — <span>€${(i * 3.7).toFixed(2)}</span></li>`,
  ).join('');
  const tracker = withTracker
    ? `<script src="/spoor.js"></script>
<script>
  window.__tracker = Spoor.createTracker({ transport: Spoor.createHttpTransport({ url: '/collect' }) });
  window.__tracker.start();
</script>`
    : '';
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Bench shop</title>
<style>
  body { font: 14px sans-serif; margin: 0; }
  header { position: sticky; top: 0; background: #eee; padding: 4px; }
  .grid { display: grid; grid-template-columns: repeat(6, 1fr); gap: 4px; padding: 4px; }
  .b, .f { height: 32px; }
  ul { columns: 3; }
</style>
<script>
  // Probes, installed before anything else: long tasks, and the time each click's event sequence
  // spends in dispatch (window capture phase → window bubble phase).
  window.__long = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });
  window.__moves = 0;
  addEventListener('pointermove', () => { window.__moves++; }, true);
  window.__click = [];
  window.__start = {};
  window.__acc = 0;
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
    addEventListener(type, () => { window.__start[type] = performance.now(); }, true);
  }
</script>
</head><body>
<header>${links} <span id="count">0</span> items</header>
<main>
  <h1 id="title">Home</h1>
  <div class="grid">${buttons}</div>
  <div class="grid">${fields}</div>
  <ul>${rows}</ul>
</main>
${tracker}
<script>
  // The app: a counter and a tiny client-side router.
  let count = 0;
  document.querySelector('.grid').addEventListener('click', (event) => {
    if (event.target.closest('.b')) document.getElementById('count').textContent = String(++count);
  });
  document.querySelector('header').addEventListener('click', (event) => {
    const link = event.target.closest('a.nav');
    if (!link) return;
    event.preventDefault();
    history.pushState({}, '', link.getAttribute('href') + '?n=' + count);
    document.getElementById('title').textContent = link.textContent;
    document.title = link.textContent + ' — Bench shop';
  });
  // Registered last, so they run after every other listener of the same phase and target.
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
    addEventListener(type, () => {
      window.__acc += performance.now() - window.__start[type];
      if (type === 'click') { window.__click.push(window.__acc); window.__acc = 0; }
    });
  }
  window.__ready = true;
</script>
</body></html>`;
}

async function centers(page, selector) {
  return page.$$eval(selector, (elements) =>
    elements.map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }),
  );
}

/** The fixed workload, in ROUNDS equal rounds, all trusted input. */
export async function workload(page) {
  const per = Object.fromEntries(Object.entries(WORKLOAD).map(([k, n]) => [k, n / ROUNDS]));
  const text = 'The quick brown fox jumps over the lazy dog 0123456789 '.repeat(20);
  let typed = 0;
  for (let round = 0; round < ROUNDS; round++) {
    // The page may have been scrolled: everything below works on positions measured now.
    await page.mouse.wheel(0, -100_000);
    await page.waitForTimeout(30);
    const buttons = await centers(page, '.b');
    const fields = await centers(page, '.f');
    const links = await centers(page, 'a.nav');
    // Chromium dispatches mouse moves once per frame (~17 ms each here), so 2,000 moves one at a time
    // would take 35 s a run. They go in bursts of MOVE_BURST, the way a fast mouse delivers several
    // moves per frame; Chromium coalesces each frame's moves as it does for a real mouse, and the
    // report says how many pointermove events the page actually dispatched.
    for (let i = 0; i < per.moves; i += MOVE_BURST) {
      const burst = [];
      for (let j = i; j < Math.min(per.moves, i + MOVE_BURST); j++) {
        const t = (round * per.moves + j) / 37;
        burst.push(
          page.mouse.move(640 + Math.round(400 * Math.sin(t)), 360 + Math.round(250 * Math.cos(t * 1.3))),
        );
      }
      await Promise.all(burst);
    }
    for (let i = 0; i < per.clicks; i++) {
      const { x, y } = buttons[(round * per.clicks + i) % buttons.length];
      await page.mouse.click(x, y);
    }
    const field = fields[round % fields.length];
    await page.mouse.click(field.x, field.y);
    await page.keyboard.type(text.slice(typed, typed + per.chars));
    typed += per.chars;
    await page.keyboard.press('Tab');
    for (let i = 0; i < per.navigations; i++) {
      const { x, y } = links[(round * per.navigations + i) % links.length];
      await page.mouse.click(x, y);
    }
    for (let i = 0; i < per.scrolls; i++) {
      await page.mouse.move(640, 400);
      await page.mouse.wheel(0, 300);
    }
  }
}
