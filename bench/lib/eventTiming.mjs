// Processing time of clicks and key presses, the part of a tracker's cost the visitor feels: each
// configuration's runs pooled, median and p95, and the difference from the baseline in the same run.
// Two sources (bench/page/app.js): the Event Timing API (`processingEnd - processingStart`), which
// reports only events whose duration reaches 16 ms, and the page's own timing of every event's
// dispatch (its first window capture listener to its window bubble listener).

const TYPES = ['click', 'keydown'];

function quantiles(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return { median: Number.NaN, p95: Number.NaN, n: 0 };
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), n: sorted.length };
}

/** Per configuration id: `{ click: { dispatch, eventTiming }, keydown: … }`, each `{ median, p95, n }`. */
export function summariseTiming(configs, runs) {
  const out = {};
  for (const config of configs) {
    const own = runs.filter((r) => r.config === config.id && r.timing);
    out[config.id] = {};
    for (const type of TYPES) {
      out[config.id][type] = {
        dispatch: quantiles(own.flatMap((r) => r.timing.dispatch[type] ?? [])),
        eventTiming: quantiles(own.flatMap((r) => r.timing.eventTiming[type] ?? [])),
      };
    }
    out[config.id].isolated = own.length > 0 && own.every((r) => r.timing.isolated);
  }
  return out;
}

const ms = (v) => (Number.isFinite(v) ? v.toFixed(3) : '–');
const delta = (v, base) =>
  Number.isFinite(v) && Number.isFinite(base) ? `${v - base >= 0 ? '+' : ''}${(v - base).toFixed(3)}` : '–';

/** One row per configuration for the console: medians and p95s in ms, with the delta to the baseline. */
export function timingRows(summary, timing) {
  const base = timing.baseline;
  return summary.map((s) => {
    const row = { config: s.id };
    for (const type of TYPES) {
      const d = timing[s.id]?.[type].dispatch;
      const b = base?.[type].dispatch;
      row[`${type} med (Δ)`] = `${ms(d?.median)} (${delta(d?.median, b?.median)})`;
      row[`${type} p95 (Δ)`] = `${ms(d?.p95)} (${delta(d?.p95, b?.p95)})`;
    }
    return row;
  });
}

/** The report's section: a table per source, and the target rows for Spoor, tracking only. */
export function timingSection(summary, timing) {
  if (!timing?.baseline) return 'Not measured in this run.';
  const base = timing.baseline;
  const cell = (t, b) =>
    t.n === 0
      ? '–'
      : `${ms(t.median)} / ${ms(t.p95)} (${delta(t.median, b.median)} / ${delta(t.p95, b.p95)}), n = ${t.n}`;
  const table = (source) =>
    `| Configuration | click: median / p95 ms (Δ baseline) | keydown: median / p95 ms (Δ baseline) |\n| --- | --- | --- |\n${summary
      .filter((s) => timing[s.id])
      .map(
        (s) =>
          `| ${s.label} | ${TYPES.map((type) => cell(timing[s.id][type][source], base[type][source])).join(' | ')} |`,
      )
      .join('\n')}`;
  const isolated = summary.every((s) => !timing[s.id] || timing[s.id].isolated);
  return `Every click and key press, timed by the page itself (its first window capture listener to its
window bubble listener: every handler of the event, the tracker's included), all runs of a
configuration pooled; Δ is the difference from the baseline's figure in the same run:

${table('dispatch')}

The Event Timing API's processing time (\`processingEnd - processingStart\`) of the same events, the
figure the targets use. The browser reports only events whose duration (input to next paint) reaches
16 ms (the smallest \`durationThreshold\`); the workload sends its input in streams, so that is most
of them (n says how many):

${table('eventTiming')}

${isolated ? 'The page is cross-origin isolated (COOP and COEP `credentialless`), so its timers tick in 5 µs steps.' : 'The page was not cross-origin isolated in every run: timers ticked in 100 µs steps, so the medians are coarse.'}`;
}

/** Target rows for the report's table: Spoor, tracking only, against the baseline's processing time. */
export function timingTargets(timing, mark) {
  const spoor = timing?.spoor;
  const base = timing?.baseline;
  if (!spoor || !base) return [];
  // Event Timing decides (the issue's measure); the page's own timing of every event is the fallback.
  const source = spoor.click.eventTiming.n > 0 && base.click.eventTiming.n > 0 ? 'eventTiming' : 'dispatch';
  const d = (type, q) => spoor[type][source][q] - base[type][source][q];
  const worst = (q) => Math.max(d('click', q), d('keydown', q));
  const text = (q) =>
    `click ${delta(spoor.click[source][q], base.click[source][q])} ms, keydown ${delta(spoor.keydown[source][q], base.keydown[source][q])} ms`;
  return [
    `| Spoor tracking-only adds ≤ 0.1 ms to the median processing time (Event Timing) of clicks and key presses | ${text('median')} | ${mark(worst('median') <= 0.1)} |`,
    `| … and ≤ 1 ms to the p95 | ${text('p95')} | ${mark(worst('p95') <= 1)} |`,
  ];
}
