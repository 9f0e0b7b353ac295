// Capture benchmark: the main-thread cost of @spoor/core's capture in Chromium.
//
// Drives the same fixed, trusted-input workload (page.mouse / page.keyboard) on the same page with
// and without the tracker, alternating the order on each repetition, and compares what CDP's
// Performance.getMetrics says the page's main thread spent, the long tasks it saw and the time
// spent inside each click's event dispatch.
//
// Usage: node bench/capture/run.mjs [--reps 5]
// Writes the figures to stdout and to bench/capture/results.md.
import { writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bundleCore,
  INTERACTIONS,
  loadHelpers,
  pageHtml,
  ROUNDS,
  startCaptureServer,
  WORKLOAD,
  workload,
} from './shared.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repsArg = process.argv.indexOf('--reps');
const REPS = Math.max(1, Number(repsArg > 0 ? process.argv[repsArg + 1] : process.env.BENCH_REPS || 5));

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
  const server = await startCaptureServer(startServer, core, {
    page: (url) => (url.pathname.startsWith('/app') ? pageHtml(url.pathname === '/app/with') : undefined),
    onCollect: () => {
      collected++;
    },
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
