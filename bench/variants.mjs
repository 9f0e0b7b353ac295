// Spoor bundled several ways, with source files swapped at bundle time, round-robin with the
// baseline on the main workload: script time over the baseline of the same repetition, and the
// processing time of clicks and key presses (Event Timing and the page's own timing). Use it to
// compare code before and after a change in one run (`git show <rev>:<path> > file`), or a change
// proposed for a file. Spoor + replay is bundled as one script here (recorder included).
//
// Usage: node bench/variants.mjs [--reps 3] <variants.json>
//   variants.json: { "<id>": { "entry"?: "spoor.js", "<repo path>": "<file that replaces it>", … }, … }
//   The baseline is added first; `entry` is a file of bench/configs (default spoor.js).
import { summariseTiming } from './lib/eventTiming.mjs';
import { stat } from './lib/stats.mjs';
import { measureVariants } from './lib/variantBundles.mjs';
import { runOnce } from './lib/workload.mjs';

const runs = [];
const ids = await measureVariants('variants', 3, async (id, rep, { browser, server, benchDir }) => {
  const run = await runOnce(browser, { ...server, benchDir }, { id, entry: '' }, 20260101);
  runs.push(run);
  console.log(
    `rep ${rep + 1} ${id}: script ${run.scriptMs.toFixed(0)} ms${run.check.ok ? '' : ', NOT RUNNING'}`,
  );
});

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
