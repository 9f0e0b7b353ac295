// Spoor bundled several ways, with source files swapped at bundle time, round-robin with the
// baseline on the main workload: script time over the baseline of the same repetition, and the
// processing time of clicks and key presses (Event Timing and the page's own timing). Use it to
// compare code before and after a change in one run (`git show <rev>:<path> > file`), or a change
// proposed for a file. Spoor + replay is bundled as one script here (recorder included).
//
// Usage: node bench/variants.mjs [--reps 3] <variants.json>
//   variants.json: { "<id>": { "entry"?: "spoor.js", "<repo path>": "<file that replaces it>", … }, … }
//   The baseline is added first; `entry` is a file of bench/configs (default spoor.js).
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildVariantBundles, readVariantArgs } from './lib/variantBundles.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const { reps, variants } = readVariantArgs(process.argv.slice(2), 'variants', 3);
const { startBenchServer } = await import('./lib/server.mjs');
const { runOnce } = await import('./lib/workload.mjs');
const { renderShop } = await import('./page/shop.mjs');
const { launchChromium } = await import('./lib/chromium.mjs');
const { summariseTiming } = await import('./lib/eventTiming.mjs');
const { stat } = await import('./lib/stats.mjs');
const bundles = await buildVariantBundles(variants, benchDir, 'variants');

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
