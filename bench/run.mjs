#!/usr/bin/env node
// `npm run bench`: Spoor against no tracker and the trackers people use today, in real headless
// Chromium, on one shop page and one scripted workload. Writes docs/internals/benchmarks.md and its chart.
// Flags: --quick (one repetition, fewer configurations), --reps N, --only id,id (with the baseline),
// --no-report, --report (write the report even from a partial run), --rerender (rewrite the report
// from the last full run, bench/results/raw/last-run.json, without measuring).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(benchDir, '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

if (!existsSync(join(benchDir, 'node_modules'))) {
  // The peers are installed for the benchmark only, from its own lockfile.
  console.log('bench: installing the benchmark dependencies (npm ci in bench/)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: benchDir, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const { CONFIGS } = await import('./lib/configs.mjs');
const { buildBundles } = await import('./lib/build.mjs');
const { startBenchServer } = await import('./lib/server.mjs');
const { runOnce, WORKLOAD } = await import('./lib/workload.mjs');
const { summarise, writeReport } = await import('./lib/report.mjs');
const { summariseTiming, timingRows } = await import('./lib/eventTiming.mjs');
const { renderShop } = await import('./page/shop.mjs');
const { launchChromium } = await import('./lib/chromium.mjs');

const lastRunFile = join(benchDir, 'results', 'raw', 'last-run.json');
if (flag('--rerender')) {
  // Rewrites the report from the last full run without measuring again (after editing lib/report.mjs).
  const last = JSON.parse(readFileSync(lastRunFile, 'utf8'));
  writeReport({ repoRoot, workload: WORKLOAD, ...last });
  console.log(
    'bench: rewrote docs/internals/benchmarks.md and docs/internals/benchmarks-chart.svg from',
    lastRunFile,
  );
  process.exit(0);
}

const quick = flag('--quick');
const reps = Number(value('--reps') ?? (quick ? 1 : 5));
const only = value('--only')?.split(',');
const SEED = 20260101;
let configs = CONFIGS.filter((c) => (only ? only.includes(c.id) || c.id === 'baseline' : !quick || c.quick));

const t0 = Date.now();
const log = (message) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${message}`);

log(`building ${configs.length} bundles`);
const bundles = await buildBundles(configs, benchDir);
for (const [id, b] of bundles) if ('error' in b) log(`  ${id}: build failed: ${b.error}`);
const failedBuilds = configs.filter((c) => 'error' in bundles.get(c.id));
configs = configs.filter((c) => !('error' in bundles.get(c.id)));

const html = renderShop();
const server = await startBenchServer({ page: () => html, bundles, benchDir });
const browser = await launchChromium();
const runs = [];
try {
  for (let rep = 0; rep < reps; rep++) {
    // Round-robin, rotating the starting configuration so no one always runs first (or last).
    const order = configs.map((_, i) => configs[(i + rep) % configs.length]);
    for (const config of order) {
      let result;
      try {
        result = await runOnce(browser, { ...server, benchDir }, config, SEED);
      } catch (error) {
        server.state.counter = null;
        log(
          `rep ${rep + 1}/${reps} ${config.id}: run failed: ${String(error?.message ?? error).split('\n')[0]}`,
        );
        continue;
      }
      runs.push(result);
      log(
        `rep ${rep + 1}/${reps} ${config.id.padEnd(15)} script ${result.scriptMs.toFixed(0).padStart(5)} ms, ` +
          `long tasks ${result.longTasks}, ${result.gzipKBmin.toFixed(1)} KB/min gz, ` +
          `${result.check.ok ? 'ok' : `NOT RUNNING (${result.check.detail})`}${result.errors.length ? `, ${result.errors.length} page errors` : ''}`,
      );
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const runtimeS = (Date.now() - t0) / 1000;
const resultsDir = join(benchDir, 'results');
mkdirSync(join(resultsDir, 'raw'), { recursive: true });
writeFileSync(
  join(resultsDir, 'raw', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
  JSON.stringify(runs, null, 2),
);

const summary = summarise(configs, runs, bundles);
const versions = packageVersions(benchDir, repoRoot);
const machine = {
  cpus: execFileSync('nproc').toString().trim(),
  memoryGB: (
    Number(execFileSync('sh', ['-c', "awk '/MemTotal/ {print $2}' /proc/meminfo"]).toString()) /
    1024 /
    1024
  ).toFixed(1),
  chromium: browser.version(),
  node: process.version,
  date: new Date().toISOString().slice(0, 16).replace('T', ' '),
  commit: git(['rev-parse', '--short', 'HEAD']),
  // Spoor is built from the working tree: say so when it differs from the commit.
  dirty: git(['status', '--porcelain', '--', 'packages/core/src', 'packages/replay/src']) !== '',
};
console.table(
  summary.map((s) => ({
    config: s.id,
    'script ms Δ': s.scriptDelta.median.toFixed(0),
    'long tasks': s.longTasks.median,
    'heap KB': s.heapGrowthKB.median.toFixed(0),
    'gzip KB/min': s.gzipKBmin.median.toFixed(1),
    'size gz KB': (s.gzipBytes / 1024).toFixed(1),
    running: s.running,
  })),
);
// Processing time of every click and key press (ms), and its difference from the baseline's.
console.table(timingRows(summary, summariseTiming(configs, runs)));
if (flag('--report') || (!flag('--no-report') && !quick && !only)) {
  const failedConfigs = failedBuilds.map((c) => ({ id: c.id, label: c.label }));
  writeFileSync(
    lastRunFile,
    JSON.stringify({ summary, machine, versions, reps, runtimeS, failedBuilds: failedConfigs, runs }),
  );
  writeReport({
    repoRoot,
    summary,
    machine,
    versions,
    workload: WORKLOAD,
    reps,
    runtimeS,
    failedBuilds,
    runs,
  });
  log('wrote docs/internals/benchmarks.md and docs/internals/benchmarks-chart.svg');
} else {
  writeFileSync(
    join(resultsDir, 'raw', 'last-summary.json'),
    JSON.stringify({ machine, versions, summary }, null, 2),
  );
  log('smoke run: report not written (bench/results/raw/last-summary.json instead)');
}
log(`done in ${runtimeS.toFixed(0)} s`);

function git(gitArgs) {
  try {
    return execFileSync('git', gitArgs, { cwd: repoRoot }).toString().trim();
  } catch {
    return '';
  }
}

function packageVersions(dir, root) {
  const read = (p) => {
    try {
      return JSON.parse(execFileSync('cat', [p]).toString()).version;
    } catch {
      return 'n/a';
    }
  };
  const names = ['posthog-js', '@snowplow/browser-tracker', '@sentry/browser', '@rrweb/record', 'clarity-js'];
  const out = {
    '@spoor/core': read(join(root, 'packages/core/package.json')),
    '@spoor/replay': read(join(root, 'packages/replay/package.json')),
  };
  for (const name of names) out[name] = read(join(dir, 'node_modules', name, 'package.json'));
  out['playwright-core'] = read(join(root, 'node_modules/playwright-core/package.json'));
  out.esbuild = read(join(root, 'node_modules/esbuild/package.json'));
  return out;
}
