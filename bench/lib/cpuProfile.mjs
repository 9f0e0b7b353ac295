// Reading a DevTools CPU profile (Profiler.stop) of a page running a tracker: the tracker's time
// by entry point, by source module and by function. Used by bench/profile.mjs (the main
// workload) and bench/capture/profile.mjs (the capture page).

/**
 * @param {{ nodes: any[], samples: number[], timeDeltas: number[] }} profile
 * @param {{ url: (url: string) => boolean, code?: string, label?: string }} tracker
 *   `url`: true for the tracker's script; `code`: its unminified source (esbuild's `// path`
 *   comments name each module); `label`: how its frames are named (default 'tracker')
 */
export function analyseProfile(profile, tracker) {
  const label = tracker.label ?? 'tracker';
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // A sample is charged the time to the next one, at most a few sampling intervals: on a loaded
  // machine the sampler itself can be held up for tens of ms, and the whole gap would land on
  // whatever function it last saw (a 1 µs listener once showed 85 ms).
  const deltas = [...profile.timeDeltas].sort((a, b) => a - b);
  const maxUs = 4 * (deltas[Math.floor(deltas.length / 2)] ?? 0);
  const selfUs = new Map();
  profile.samples.forEach((sample, i) => {
    selfUs.set(sample, (selfUs.get(sample) ?? 0) + Math.min(profile.timeDeltas[i + 1] ?? 0, maxUs));
  });
  const mine = (n) => tracker.url(n.callFrame.url);
  const name = (n) =>
    `${n.callFrame.functionName || '(anonymous)'} ${mine(n) ? label : n.callFrame.url ? 'page' : 'native'}:${n.callFrame.lineNumber + 1}`;

  const moduleAt = [];
  let current = '(bundle)';
  (tracker.code ?? '').split('\n').forEach((line, i) => {
    const match = /^ {2}\/\/ ((?:node_modules|packages)\/\S+)$/.exec(line);
    if (match) current = match[1].replace(/^node_modules\/(@[^/]+\/[^/]+|[^/]+)\/.*/, '$1 (dependency)');
    moduleAt[i + 1] = current;
  });

  const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);
  const self = new Map(); // every function, page and natives included
  const selfUnder = new Map(); // functions running under a tracker frame (its own and the natives it calls)
  const total = new Map(); // tracker functions: their self time and everything they called
  const entries = new Map(); // the outermost tracker frame: what the page or browser called
  const modules = new Map(); // the innermost tracker frame's source module
  let underUs = 0;
  for (const [id, us] of selfUs) {
    add(self, name(byId.get(id)), us);
    let outer;
    let inner;
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur);
      if (!mine(n)) continue;
      outer = n;
      inner ??= n;
      const key = name(n);
      if (!seen.has(key)) add(total, key, us);
      seen.add(key);
    }
    if (!outer) continue;
    underUs += us;
    add(selfUnder, name(byId.get(id)), us);
    add(entries, name(outer), us);
    add(modules, moduleAt[inner.callFrame.lineNumber + 1] ?? '(bundle)', us);
  }
  return { underUs, self, selfUnder, total, entries, modules };
}

/** The `top` largest entries of a map of microseconds, one line each. */
export function rank(map, top, filter = () => true) {
  return [...map]
    .filter(([key]) => filter(key))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, us]) => `${(us / 1000).toFixed(1).padStart(8)} ms  ${key}`)
    .join('\n');
}
