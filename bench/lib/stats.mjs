// Medians and ranges of the runs, per configuration, with the baseline of the same repetition subtracted.

export function stat(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, n: 0 };
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}

/**
 * @param {import('./configs.mjs').BenchConfig[]} configs
 * @param {Array<Record<string, any>>} runs in the order they ran; repetition r holds one run per configuration
 */
export function summarise(configs, runs, bundles) {
  const byConfig = (id) => runs.filter((r) => r.config === id);
  const baselineRuns = byConfig('baseline');
  const baselineScript = stat(baselineRuns.map((r) => r.scriptMs)).median;
  const baselineLong = stat(baselineRuns.map((r) => r.longTasks)).median;
  return configs.map((config) => {
    const own = byConfig(config.id);
    // Pair each run with the baseline of the same repetition: drift on a shared machine cancels out.
    const deltas = own.map((r, i) => r.scriptMs - (baselineRuns[i]?.scriptMs ?? baselineScript));
    const bundle = bundles.get(config.id) ?? {};
    const lazy = stat(own.map((r) => r.lazyScriptGzipBytes)).median;
    const notRunning = own.filter(
      (r) => !r.check.ok || (config.id !== 'baseline' && !config.quiet && r.requests === 0),
    );
    const paths = {};
    const stray = {};
    for (const r of own) {
      for (const [p, n] of Object.entries(r.paths)) paths[p] = (paths[p] ?? 0) + n;
      for (const [h, n] of Object.entries(r.strayHosts)) stray[h] = (stray[h] ?? 0) + n;
    }
    return {
      id: config.id,
      label: config.label,
      group: config.group,
      replay: config.replay,
      packages: config.packages,
      runs: own.length,
      scriptMs: stat(own.map((r) => r.scriptMs)),
      scriptDelta: stat(deltas),
      ratio: stat(own.map((r) => r.scriptMs)).median / baselineScript,
      taskMs: stat(own.map((r) => r.taskMs)),
      longTasks: stat(own.map((r) => r.longTasks)),
      extraLongTasks: stat(own.map((r) => r.longTasks)).median - baselineLong,
      longestTaskMs: stat(own.map((r) => r.longestTaskMs)),
      trackerLongFrames: stat(own.map((r) => r.trackerLongFrames)),
      longestTrackerScriptMs: stat(own.map((r) => r.longestTrackerScriptMs)),
      heapGrowthKB: stat(own.map((r) => r.heapGrowthKB)),
      wireKBmin: stat(own.map((r) => r.wireKBmin)),
      rawKBmin: stat(own.map((r) => r.rawKBmin)),
      gzipKBmin: stat(own.map((r) => r.gzipKBmin)),
      requests: stat(own.map((r) => r.requests)),
      workloadMs: stat(own.map((r) => r.workloadMs)),
      elements: own[0]?.elements ?? 0,
      minBytes: bundle.minBytes ?? Number.NaN,
      gzipBytes: bundle.gzipBytes ?? Number.NaN,
      lazyGzipBytes: lazy,
      running: own.length > 0 && notRunning.length === 0,
      checkDetail: own[own.length - 1]?.check.detail ?? '',
      errors: [...new Set(own.flatMap((r) => r.errors))],
      delivered: {
        pointermove: stat(own.map((r) => r.delivered?.pointermove)),
        click: stat(own.map((r) => r.delivered?.click)),
        keydown: stat(own.map((r) => r.delivered?.keydown)),
        wheel: stat(own.map((r) => r.delivered?.wheel)),
      },
      paths,
      stray,
    };
  });
}
