// Capture benchmark: the main-thread cost of @spoor/core's capture in Chromium.
//
// Drives the same fixed, trusted-input workload (page.mouse / page.keyboard) on the same page with
// and without the tracker, alternating the order on each repetition, and compares what CDP's
// Performance.getMetrics says the page's main thread spent, the long tasks it saw and the time
// spent inside each click's event dispatch.
//
// Usage: node bench/capture/run.mjs [--reps 5]
// Writes the figures to stdout and to bench/capture/results.md.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const repsArg = process.argv.indexOf('--reps');
const REPS = Math.max(1, Number(repsArg > 0 ? process.argv[repsArg + 1] : process.env.BENCH_REPS || 5));

const WORKLOAD = { moves: 2000, clicks: 200, scrolls: 50, chars: 500, navigations: 20 };
const ROUNDS = 10;
const MOVE_BURST = 8;
const INTERACTIONS = Object.values(WORKLOAD).reduce((sum, n) => sum + n, 0);

// The shared test helpers are TypeScript: bundle them (dependencies stay external) next to
// node_modules so their imports resolve, then load them.
async function loadHelpers() {
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

async function bundleCore() {
  const result = await build({
    entryPoints: [join(root, 'packages/core/src/index.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    globalName: 'Spoor',
    write: false,
    target: 'es2020',
    conditions: ['@spoor/source'],
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

const BUTTONS = 24;
const FIELDS = 5;

function pageHtml(withTracker) {
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
async function workload(page) {
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

const metric = (metrics, name) => metrics.metrics.find((m) => m.name === name)?.value ?? 0;

async function runOnce(browser, baseUrl, withTracker) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${baseUrl}/app/${withTracker ? 'with' : 'without'}`);
  await page.waitForFunction(() => window.__ready === true);
  await page.waitForTimeout(300);
  const load = await cdp.send('Performance.getMetrics');
  const before = await page.evaluate(() => ({
    long: window.__long.length,
    clicks: window.__click.length,
    moves: window.__moves,
  }));

  await workload(page);
  // Let trailing work (throttled scroll, pointer batches, dead-click timers, batch timers) run.
  await page.waitForTimeout(1200);

  const after = await cdp.send('Performance.getMetrics');
  const probes = await page.evaluate(
    ({ long, clicks, moves }) => ({
      long: window.__long.slice(long),
      clicks: window.__click.slice(clicks),
      moves: window.__moves - moves,
    }),
    before,
  );
  await context.close();
  return {
    withTracker,
    loadScriptMs: metric(load, 'ScriptDuration') * 1000,
    scriptMs: (metric(after, 'ScriptDuration') - metric(load, 'ScriptDuration')) * 1000,
    taskMs: (metric(after, 'TaskDuration') - metric(load, 'TaskDuration')) * 1000,
    longTasks: probes.long,
    clickMs: probes.clicks,
    pointerEvents: probes.moves,
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fmt = (n, digits = 1) => n.toFixed(digits);
const range = (values, digits = 1) =>
  `${fmt(Math.min(...values), digits)}–${fmt(Math.max(...values), digits)}`;

async function main() {
  const started = Date.now();
  const loadBefore = loadavg()[0];
  const [{ launchChromium, startServer }, core] = await Promise.all([loadHelpers(), bundleCore()]);
  let collected = 0;
  const server = await startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Cross-origin isolation gives performance.now() its fine (5 µs) resolution.
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    if (url.pathname === '/spoor.js') {
      res.setHeader('Content-Type', 'text/javascript');
      res.end(core);
    } else if (url.pathname === '/collect') {
      collected++;
      res.statusCode = 204;
      res.end();
    } else if (url.pathname.startsWith('/app')) {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(pageHtml(url.pathname === '/app/with'));
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  const browser = await launchChromium();
  const version = browser.version();
  const runs = [];
  try {
    for (let rep = 0; rep < REPS; rep++) {
      const order = rep % 2 === 0 ? [false, true] : [true, false];
      for (const withTracker of order) {
        const run = await runOnce(browser, server.url, withTracker);
        runs.push({ rep, ...run });
        process.stderr.write(
          `rep ${rep + 1}/${REPS} ${withTracker ? 'with   ' : 'without'} script ${fmt(run.scriptMs)} ms, task ${fmt(run.taskMs)} ms, long tasks ${run.longTasks.length}\n`,
        );
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const side = (withTracker) => runs.filter((r) => r.withTracker === withTracker);
  const on = side(true);
  const off = side(false);
  const per1k = (ms) => (ms / INTERACTIONS) * 1000;
  // Paired by repetition: each tracker run against the run without it next to it.
  const overhead = on.map((r) => per1k(r.scriptMs - off.find((o) => o.rep === r.rep).scriptMs));
  const taskOverhead = on.map((r) => per1k(r.taskMs - off.find((o) => o.rep === r.rep).taskMs));
  const clicksOn = on.flatMap((r) => r.clickMs);
  const clicksOff = off.flatMap((r) => r.clickMs);
  const longOn = on.flatMap((r) => r.longTasks);
  const longOff = off.flatMap((r) => r.longTasks);
  const p95 = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)] ?? 0;

  const lines = [
    `# Capture benchmark`,
    '',
    `${new Date().toISOString()} · Chromium ${version} (headless) · Node ${process.version} · ${platform()}/${arch()}, ${cpus().length} CPU(s), load average ${fmt(loadBefore)} → ${fmt(loadavg()[0])} · ${REPS} repetitions per variant, alternating · ${fmt((Date.now() - started) / 1000, 0)} s`,
    '',
    `Workload per run (trusted input through CDP): ${WORKLOAD.moves} pointer moves, ${WORKLOAD.clicks} clicks, ${WORKLOAD.scrolls} scrolls, ${WORKLOAD.chars} typed characters, ${WORKLOAD.navigations} SPA navigations (history.pushState) = ${INTERACTIONS} interactions, in ${ROUNDS} rounds. Tracker: default options (all capture on, masking on) with the HTTP transport to a local endpoint (${collected} batches received over the whole run).`,
    '',
    '| figure | with tracker | without | tracker cost |',
    '| --- | --- | --- | --- |',
    `| main-thread script time per 1,000 interactions (CDP ScriptDuration), median (min–max) | ${fmt(median(on.map((r) => per1k(r.scriptMs))))} ms (${range(on.map((r) => per1k(r.scriptMs)))}) | ${fmt(median(off.map((r) => per1k(r.scriptMs))))} ms (${range(off.map((r) => per1k(r.scriptMs)))}) | **${fmt(median(overhead))} ms** (${range(overhead)}) |`,
    `| main-thread task time per 1,000 interactions (CDP TaskDuration), median (min–max) | ${fmt(median(on.map((r) => per1k(r.taskMs))))} ms | ${fmt(median(off.map((r) => per1k(r.taskMs))))} ms | ${fmt(median(taskOverhead))} ms (${range(taskOverhead)}) |`,
    `| script time ratio with / without (median of runs) | ${fmt(median(on.map((r) => r.scriptMs)) / Math.max(1e-9, median(off.map((r) => r.scriptMs))), 2)}× | 1× | |`,
    `| long tasks > 50 ms during the workload (all runs) | ${longOn.length}${longOn.length ? ` (max ${fmt(Math.max(...longOn))} ms)` : ''} | ${longOff.length}${longOff.length ? ` (max ${fmt(Math.max(...longOff))} ms)` : ''} | |`,
    `| per-click dispatch time (pointerdown…click, all listeners), median / p95 | ${fmt(median(clicksOn), 3)} / ${fmt(p95(clicksOn), 3)} ms | ${fmt(median(clicksOff), 3)} / ${fmt(p95(clicksOff), 3)} ms | **${fmt(median(clicksOn) - median(clicksOff), 3)} ms** median |`,
    `| pointermove events the page dispatched per run (after Chromium's per-frame coalescing), median | ${fmt(median(on.map((r) => r.pointerEvents)), 0)} | ${fmt(median(off.map((r) => r.pointerEvents)), 0)} | |`,
    `| script time spent loading the page (parse + start) | ${fmt(median(on.map((r) => r.loadScriptMs)))} ms | ${fmt(median(off.map((r) => r.loadScriptMs)))} ms | ${fmt(median(on.map((r) => r.loadScriptMs)) - median(off.map((r) => r.loadScriptMs)))} ms |`,
    '',
    'Per-click figures include the 200 workload clicks and the clicks that focus fields and follow SPA links. Timed work the tracker defers (dead-click checks, pointer batches, delivery) is in the ScriptDuration figures, not in the per-click ones.',
    '',
    '| run | variant | script ms | task ms | long tasks | median click ms | pointermove events |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...runs.map(
      (r) =>
        `| ${r.rep + 1} | ${r.withTracker ? 'with' : 'without'} | ${fmt(r.scriptMs)} | ${fmt(r.taskMs)} | ${r.longTasks.length} | ${fmt(median(r.clickMs), 3)} | ${r.pointerEvents} |`,
    ),
    '',
  ];
  const report = lines.join('\n');
  process.stdout.write(`${report}\n`);
  writeFileSync(join(here, 'results.md'), report);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
