// Spoor bundled several ways, with source files swapped at bundle time, round-robin with the
// baseline on the main workload: script time over the baseline of the same repetition, and the
// processing time of clicks and key presses (Event Timing and the page's own timing). Use it to
// compare code before and after a change in one run (`git show <rev>:<path> > file`), or a change
// proposed for a file. Spoor + replay is bundled as one script here (recorder included).
//
// Usage: node bench/variants.mjs [--reps 3] <variants.json>
//   variants.json: { "<id>": { "entry"?: "spoor.js", "<repo path>": "<file that replaces it>", … }, … }
//   The baseline is added first; `entry` is a file of bench/configs (default spoor.js).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(benchDir, '..');
const args = process.argv.slice(2);
const at = args.indexOf('--reps');
const reps = at >= 0 ? Number(args[at + 1]) : 3;
const file = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--reps')[0];
if (!file) throw new Error('bench/variants: give a variants.json file (see the usage at the top)');
const variants = { baseline: { entry: 'baseline.js' }, ...JSON.parse(readFileSync(file, 'utf8')) };

const { startBenchServer } = await import('./lib/server.mjs');
const { runOnce } = await import('./lib/workload.mjs');
const { renderShop } = await import('./page/shop.mjs');
const { launchChromium } = await import('./lib/chromium.mjs');
const { summariseTiming } = await import('./lib/eventTiming.mjs');
const { stat } = await import('./lib/stats.mjs');
const { buildBundles } = await import('./lib/build.mjs');

// Each variant is built like a bench configuration, with its swapped files loaded in their place.
const swapFiles = (swaps) => {
  const map = new Map(Object.entries(swaps).map(([from, to]) => [join(repoRoot, from), to]));
  return {
    name: 'swap',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) =>
        map.has(args.path)
          ? {
              contents: readFileSync(map.get(args.path), 'utf8'),
              loader: 'ts',
              resolveDir: dirname(args.path),
            }
          : undefined,
      );
    },
  };
};
const bundles = await buildBundles(
  Object.entries(variants).map(([id, { entry = 'spoor.js', ...swaps }]) => ({
    id,
    entry,
    plugins: [swapFiles(swaps)],
  })),
  benchDir,
);
for (const [id, bundle] of bundles) {
  if ('error' in bundle) throw new Error(`bench/variants: ${id} did not build: ${bundle.error}`);
}

const server = await startBenchServer({ page: () => renderShop(), bundles, benchDir });
const browser = await launchChromium();
const ids = [...bundles.keys()];
const runs = [];
try {
  for (let rep = 0; rep < reps; rep++) {
    for (let i = 0; i < ids.length; i++) {
      const id = ids[(i + rep) % ids.length];
      const run = await runOnce(browser, { ...server, benchDir }, { id, entry: '' }, 20260101);
      runs.push(run);
      console.log(
        `rep ${rep + 1}/${reps} ${id}: script ${run.scriptMs.toFixed(0)} ms${run.check.ok ? '' : ', NOT RUNNING'}`,
      );
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const timing = summariseTiming(
  ids.map((id) => ({ id })),
  runs,
);
const base = runs.filter((r) => r.config === 'baseline');
const ms = (v) => `${v >= 0 ? '+' : ''}${v.toFixed(3)}`;
console.log(
  '\n| variant | script ms over baseline, median (runs) | click: Event Timing Δ median / p95 ms | keydown: Event Timing Δ median / p95 ms |',
);
console.log('| --- | --- | --- | --- |');
for (const id of ids.slice(1)) {
  const deltas = runs.filter((r) => r.config === id).map((r, i) => r.scriptMs - base[i].scriptMs);
  const cell = (type) => {
    const own = timing[id][type].eventTiming;
    const b = timing.baseline[type].eventTiming;
    return `${ms(own.median - b.median)} / ${ms(own.p95 - b.p95)} (n ${own.n})`;
  };
  console.log(
    `| ${id} | ${stat(deltas).median.toFixed(0)} (${deltas.map((d) => d.toFixed(0)).join(' ')}) | ${cell('click')} | ${cell('keydown')} |`,
  );
}
