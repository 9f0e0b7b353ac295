// docs/internals/benchmarks.md and docs/internals/benchmarks-chart.svg from one run's summary.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderChart } from './chart.mjs';
import { summariseTiming, timingSection, timingTargets } from './eventTiming.mjs';

import { stat } from './stats.mjs';

export { summarise } from './stats.mjs';

const n0 = (v) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '–');
const n1 = (v) => (Number.isFinite(v) ? v.toFixed(1) : '–');
const range = (s, f = n0) => `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
const kb = (bytes) => (Number.isFinite(bytes) ? (bytes / 1024).toFixed(1) : '–');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '–');

function table(summary) {
  const head =
    '| Configuration | Script ms over baseline | × baseline script | Long tasks > 50 ms | Long frames with > 50 ms of tracker script | Longest tracker script in one frame, ms | JS heap growth KB | Sent KB/min (as sent) | Sent KB/min (raw) | **Sent KB/min (gzip)** | Import min / min+gzip KB | Ran |\n' +
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |\n';
  return (
    head +
    summary
      .map((r) => {
        const name = r.group === 'spoor' ? `**${r.label}**` : r.label;
        const script =
          r.id === 'baseline'
            ? `${n0(r.scriptMs.median)} ms total (${n0(r.scriptMs.min)}–${n0(r.scriptMs.max)})`
            : range(r.scriptDelta);
        const size =
          r.id === 'baseline'
            ? '–'
            : `${kb(r.minBytes)} / ${kb(r.gzipBytes)}${r.lazyGzipBytes > 0 ? ` (+${kb(r.lazyGzipBytes)} gz loaded later)` : ''}`;
        return `| ${name} | ${script} | ${r.id === 'baseline' ? '1.00×' : `${r.ratio.toFixed(2)}×`} | ${range(r.longTasks)} | ${r.id === 'baseline' ? '–' : range(r.trackerLongFrames)} | ${r.id === 'baseline' ? '–' : range(r.longestTrackerScriptMs)} | ${range(r.heapGrowthKB)} | ${n1(r.wireKBmin.median)} | ${n1(r.rawKBmin.median)} | ${range(r.gzipKBmin, n1)} | ${size} | ${r.running ? 'yes' : '**no**'} |`;
      })
      .join('\n')
  );
}

function comparisons(summary) {
  const get = (id) => summary.find((r) => r.id === id);
  const lines = [];
  const pairs = [
    ['spoor', ['posthog', 'snowplow', 'sentry']],
    ['spoor-replay', ['posthog-replay', 'sentry-replay', 'rrweb', 'clarity']],
    ['spoor-replay-full', ['rrweb']],
  ];
  for (const [ours, peers] of pairs) {
    const a = get(ours);
    if (!a) continue;
    lines.push(
      `\n**${a.label}** (${n0(a.scriptDelta.median)} ms over baseline, ${n1(a.gzipKBmin.median)} KB/min gzip, ${kb(a.gzipBytes)} KB min+gzip):\n`,
    );
    lines.push(
      '| against | its script ms over baseline | Spoor ÷ peer, script | its gzip KB/min | Spoor ÷ peer, gzip bytes | its min+gzip KB | Spoor ÷ peer, size |',
    );
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const id of peers) {
      const b = get(id);
      if (!b) continue;
      lines.push(
        `| ${b.label}${b.running ? '' : ' (did not run)'} | ${n0(b.scriptDelta.median)} | ${ratio(a.scriptDelta.median, b.scriptDelta.median)} | ${n1(b.gzipKBmin.median)} | ${ratio(a.gzipKBmin.median, b.gzipKBmin.median)} | ${kb(b.gzipBytes)} | ${ratio(a.gzipBytes, b.gzipBytes)} |`,
      );
    }
  }
  return lines.join('\n');
}

function targets(summary, timing) {
  const get = (id) => summary.find((r) => r.id === id);
  const base = get('baseline');
  const spoor = get('spoor');
  const replay = get('spoor-replay');
  const rrweb = get('rrweb');
  const mark = (ok) => (ok ? '✅ met' : '❌ not yet');
  const rows = [];
  if (spoor)
    rows.push(
      `| Spoor tracking-only adds ≤ 50 ms of main-thread script time | ${n0(spoor.scriptDelta.median)} ms (${n0(spoor.scriptDelta.min)}–${n0(spoor.scriptDelta.max)}) | ${mark(spoor.scriptDelta.median <= 50)} |`,
    );
  if (replay && rrweb) {
    rows.push(
      `| Spoor + replay costs no more main-thread time than rrweb alone | ${range(replay.scriptDelta)} ms vs ${range(rrweb.scriptDelta)} ms | ${mark(replay.scriptDelta.median <= rrweb.scriptDelta.median)} |`,
    );
    rows.push(
      `| Spoor + replay sends fewer gzip bytes per minute than rrweb alone | ${range(replay.gzipKBmin, n1)} vs ${range(rrweb.gzipKBmin, n1)} KB/min | ${mark(replay.gzipKBmin.median < rrweb.gzipKBmin.median)} |`,
    );
  }
  const full = get('spoor-replay-full');
  if (full && rrweb) {
    rows.push(
      `| … like for like (Spoor + replay with no budget pause vs rrweb alone), main-thread time | ${range(full.scriptDelta)} ms vs ${range(rrweb.scriptDelta)} ms | ${mark(full.scriptDelta.median <= rrweb.scriptDelta.median)} |`,
    );
    rows.push(
      `| … like for like, gzip bytes per minute | ${range(full.gzipKBmin, n1)} vs ${range(rrweb.gzipKBmin, n1)} KB/min | ${mark(full.gzipKBmin.median < rrweb.gzipKBmin.median)} |`,
    );
  }
  rows.push(...timingTargets(timing, mark));
  for (const r of [spoor, replay].filter(Boolean)) {
    rows.push(
      `| No long task over 50 ms attributable to ${r.label} | in ${n0(r.trackerLongFrames.max)} frame(s) at most, its own script ran > 50 ms (its longest: ${n0(r.longestTrackerScriptMs.median)} ms, max ${n0(r.longestTrackerScriptMs.max)}); ${n0(r.longTasks.median)} long tasks in all vs ${n0(base.longTasks.median)} with no tracker | ${mark(r.trackerLongFrames.max === 0)} |`,
    );
  }
  return `Medians decide; min–max in brackets. With the budget guard on, Spoor + replay stops recording
part of this workload (see "Did each peer really run?"), so its figures against rrweb are not like for like.

| target | measured, median (min–max) | status |\n| --- | --- | --- |\n${rows.join('\n')}`;
}

function peerNotes(summary, failedBuilds) {
  const lines = summary
    .filter((r) => r.id !== 'baseline')
    .map((r) => {
      const paths =
        Object.entries(r.paths)
          .map(([p, c]) => `\`${p}\` ×${c}`)
          .join(', ') || 'nothing';
      const stray = Object.entries(r.stray)
        .map(([h, c]) => `\`${h}\` ×${c}`)
        .join(', ');
      const errors = r.errors.length
        ? ` Page errors seen: ${r.errors.map((e) => `\`${e}\``).join('; ')}.`
        : '';
      return `- **${r.label}** (${r.packages.map((p) => `\`${p}\``).join(', ')}): ${r.running ? 'ran in every repetition' : '**did not run in every repetition**'} (check: ${r.checkDetail}); requests to the local sink over all runs: ${paths}${stray ? `; answered in the browser for other hosts: ${stray}` : ''}.${errors}`;
    });
  for (const c of failedBuilds) lines.push(`- **${c.label}**: could not be built, so it was left out.`);
  return lines.join('\n');
}

export function writeReport({
  repoRoot,
  summary,
  machine,
  versions,
  workload,
  reps,
  runtimeS,
  failedBuilds,
  runs,
}) {
  writeFileSync(join(repoRoot, 'docs/internals/benchmarks-chart.svg'), renderChart(summary));
  const base = summary.find((r) => r.id === 'baseline');
  const timing = summariseTiming(summary, runs ?? []);
  const all = (key) => stat(runs.map((r) => r.delivered?.[key]));
  const deliveredText = ['pointermove', 'click', 'keydown', 'wheel']
    .map((key) => `${range(all(key))} \`${key}\``)
    .join(', ');
  const md = `# Benchmarks

Spoor against no tracker and the trackers people use today, in real headless Chromium, on one
shop page and one scripted workload. Regenerate with \`npm run bench\` (about ${Math.ceil(runtimeS / 60)} minutes here);
\`npm run bench -- --quick\` is a one-repetition smoke run that does not rewrite this page, and
\`node bench/run.mjs --rerender\` rewrites it from the last full run's saved figures.

Measured ${machine.date} UTC on ${machine.cpus} CPU cores, ${machine.memoryGB} GB of memory, Chromium ${machine.chromium}
(Debian), Node ${machine.node}; Spoor built from source at commit \`${machine.commit}\`${machine.dirty ? ' with uncommitted changes in the working tree (other work in progress)' : ''}. The machine is shared and was busy, so absolute times are noisy: read
the figures against the baseline measured in the same run (each run is paired with the baseline run
of its own repetition).

Versions: ${Object.entries(versions)
    .map(([k, v]) => `\`${k}\` ${v}`)
    .join(', ')}.

![Main-thread script time over the baseline, and gzip bytes sent per minute](./benchmarks-chart.svg)

## Results

${reps} repetitions of each configuration, interleaved; medians with min–max in brackets. Between
full runs on this shared machine the medians moved by 10–20 %, so differences smaller than that
(Spoor + replay against rrweb's main-thread time, for one) are within the noise.

${table(summary)}

Baseline: the page and the workload alone used ${n0(base?.scriptMs.median)} ms of script time and
had ${n0(base?.longTasks.median)} long tasks (the SPA navigations swap about 720 elements; on a busy
machine some of those tasks pass 50 ms without any tracker).

## Spoor against each peer
${comparisons(summary)}

## Targets

${targets(summary, timing)}

## Processing time of clicks and key presses

${timingSection(summary, timing)}

## Did each peer really run?

${peerNotes(summary, failedBuilds)}

## Method

- **Page.** One shop page of ${n0(base?.elements)} elements (\`bench/page/\`): a sticky header, a filter
  sidebar, 60 product cards, a 100-row orders table, a checkout form (with card and password fields)
  and a live-updating list.
- **Workload** (\`bench/lib/workload.mjs\`), the same seed for every run, 20 segments each closed by
  an SPA navigation: ${workload.pointerMoves.toLocaleString('en-US')} pointer moves along curved paths to
  ${workload.clicks} targets picked among the visible buttons, links, fields and cells, a click on each;
  ${workload.wheels} wheel scrolls; ${workload.typed} typed characters into 8 fields; ${workload.mutations.toLocaleString('en-US')}
  DOM mutations in ${workload.mutationBatches} batches (list items added and removed, table text,
  classes, attributes); ${workload.navigations} SPA navigations (\`history.pushState\` and a swap of the
  product grid, then a \`bench:navigate\` event a router hook would give trackers that need one).
  Then ${workload.settleMs / 1000} s of quiet, and the page is left (so every tracker runs its own
  exit flush). Input is trusted: DevTools protocol \`Input.dispatchMouseEvent\`/\`dispatchKeyEvent\`,
  what Playwright's \`page.mouse\` and \`page.keyboard\` send. A path's moves and its click go out as
  one stream, as from a fast mouse, so Chromium coalesces moves within a frame the way it does for any
  real mouse (wheel events coalesce the same way). Over all runs the page received, median (min–max),
  ${deliveredText} events (clicks on labels add their control's). How many moves survive coalescing
  depends on frame timing, so it varies from run to run; waiting for each move instead would pin the
  workload to one move per frame (33 s for the moves alone) and break the 10-minute budget.
- **Each run** gets a fresh browser context (no cookies or storage), loads the page, then injects the
  configuration's bundle with a script tag: what is measured starts before the tracker is parsed and
  started. \`Performance.getMetrics\` (thread time) before and after gives main-thread script time
  (\`ScriptDuration\`) and \`JSHeapUsedSize\` growth (after a forced GC at both ends); a
  \`PerformanceObserver\` for \`longtask\` entries counts tasks over 50 ms from the tracker's start.
  \`longtask\` entries do not say whose script ran, so attribution comes from \`long-animation-frame\`
  entries, which list the scripts that ran in each frame over 50 ms with their durations: a long frame
  counts against a tracker when scripts from its bundle ran for over 50 ms of it. On this busy machine
  the page's own navigations make long tasks without any tracker, so the raw count is only context.
- **Spoor's replay budget.** \`@spoor/replay\` pauses recording for 30 s when a 10 s window sees more
  than 20,000 DOM changes or 2 MB of recording; this workload's 20 grid swaps in a few seconds trip it,
  so with defaults Spoor records less of the workload than rrweb ("Did each peer really run?" says when it paused).
  "Spoor + replay, no budget pause" lifts the limits to give the like-for-like comparison with rrweb.
- **Bytes.** Everything goes to 127.0.0.1: trackers that accept an endpoint are pointed at the local
  sink, and every request to any other host (clarity.ms here) is answered by a \`context.route\`
  handler, so nothing reaches the internet. Each request body is counted as sent, raw (gzip bodies
  unpacked) and as gzip level 6 of the raw body, the figure to compare: it puts trackers that compress
  and those that do not on one footing (Sentry's replay segments arrive deflated and are counted as
  sent). Per minute means per minute of the measured window (workload plus the quiet time).
  PostHog's remote config and its lazily loaded scripts (recorder, surveys) are answered from the
  same \`posthog-js\` package, as its CDN would serve them; the gzip size of those scripts is shown
  beside its import size.
- **Sizes.** Each configuration's entry (\`bench/configs/\`) bundled by esbuild as a user's bundler
  would (\`minify\`, production \`NODE_ENV\`, ES2020), then gzip level 9. Spoor is built from source.
- **Peers, as a user would set them up.** PostHog: autocapture on, page views on history changes,
  recording off / on (\`opt_out_useragent_filter\` is on because the automated browser sets
  \`navigator.webdriver\`, which PostHog otherwise treats as a bot and drops every event). Snowplow
  (4.6.8, the version its link-click and form plugins support; the tracker alone is at 4.10):
  page views (also on each navigation), page pings every 5 s, link-click and form tracking plugins,
  POST. Sentry: default integrations; with replay, \`replayIntegration()\` with its defaults and a
  session sample rate of 1. Sentry without replay sends nothing on an error-free page, so its bytes
  are 0. rrweb: \`@rrweb/record\` (the version \`@spoor/replay\` pins) with inputs masked and a minimal
  sender posting the JSON every 1.5 s. Clarity: \`clarity-js\` with \`track\` and \`content\` on. Spoor:
  \`createTracker\` with \`createHttpTransport\` and every default; with replay, \`createReplayPlugin()\`.
- The peers are installed for the benchmark only (\`bench/package.json\` and its own lockfile, outside
  the workspaces), so \`npm start\` and \`npm test\` do not pull them in. Raw runs are written to
  \`bench/results/raw/\` (ignored by git).

## What each change bought

Left for the performance pass: one row per change, with the figures of this benchmark before and after.

| change | Spoor script ms over baseline | Spoor + replay script ms | Spoor gzip KB/min | Spoor + replay gzip KB/min | min+gzip KB (Spoor / + replay) |
| --- | ---: | ---: | ---: | ---: | ---: |
| (this report: the starting point) | ${n0(summary.find((r) => r.id === 'spoor')?.scriptDelta.median)} | ${n0(summary.find((r) => r.id === 'spoor-replay')?.scriptDelta.median)} | ${n1(summary.find((r) => r.id === 'spoor')?.gzipKBmin.median)} | ${n1(summary.find((r) => r.id === 'spoor-replay')?.gzipKBmin.median)} | ${kb(summary.find((r) => r.id === 'spoor')?.gzipBytes)} / ${kb(summary.find((r) => r.id === 'spoor-replay')?.gzipBytes)} |
`;
  writeFileSync(join(repoRoot, 'docs/internals/benchmarks.md'), md);
}
