// CPU profile of @spoor/core's capture: the benchmark's page and workload with the tracker, profiled
// through CDP (Profiler.start/stop), with the tracker's own functions ranked by self and total time.
// The tracker is bundled unminified (test-utils bundleScript) so functions keep their names.
//
// Usage: node bench/capture/profile.mjs [--top 30] [--out profile.cpuprofile]
// Also prints the per-click dispatch median of the profiled run (with the profiler's overhead).
import { writeFileSync } from 'node:fs';
import { loadHelpers, pageHtml, workload } from './shared.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const TOP = Number(arg('--top', 30));
const OUT = arg('--out', undefined);

const { launchChromium, startServer, bundleScript } = await loadHelpers();
const core = await bundleScript();
const server = await startServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
  if (url.pathname === '/spoor.js') {
    res.setHeader('Content-Type', 'text/javascript');
    res.end(core);
  } else if (url.pathname === '/collect') {
    res.statusCode = 204;
    res.end();
  } else if (url.pathname.startsWith('/app')) {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(pageHtml(true));
  } else {
    res.statusCode = 404;
    res.end();
  }
});
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(`${server.url}/app/with`);
  await page.waitForFunction(() => window.__ready === true);
  await page.waitForTimeout(300);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await workload(page);
  await page.waitForTimeout(1200);
  const { profile } = await cdp.send('Profiler.stop');
  const clicks = await page.evaluate(() => window.__click);
  await context.close();
  if (OUT) writeFileSync(OUT, JSON.stringify(profile));

  // Self time per node from the samples, then per function (name + line), and total time as the
  // self time of the function and everything it called (counted once per sample).
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  });
  const key = (n) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.endsWith('/spoor.js') ? 'spoor' : n.callFrame.url ? 'page' : 'native'}:${n.callFrame.lineNumber + 1}`;
  const self = new Map();
  const total = new Map();
  let spoorTotal = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    self.set(key(node), (self.get(key(node)) ?? 0) + us);
    const seen = new Set();
    let inSpoor = false;
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur);
      if (n.callFrame.url.endsWith('/spoor.js')) inSpoor = true;
      const k = key(n);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + us);
    }
    if (inSpoor) spoorTotal += us;
  }
  const rank = (map, filter) =>
    [...map]
      .filter(([k]) => filter(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([k, us]) => `${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`)
      .join('\n');
  const sorted = [...clicks].sort((a, b) => a - b);
  console.log(`time under tracker frames (incl. natives they call): ${(spoorTotal / 1000).toFixed(1)} ms`);
  console.log(
    `clicks: ${clicks.length}, dispatch median ${sorted[sorted.length >> 1]?.toFixed(3)} ms (profiler on)`,
  );
  console.log('\n== self time, every function ==');
  console.log(rank(self, (k) => !k.startsWith('(idle)') && !k.startsWith('(program)')));
  console.log('\n== total time, tracker functions ==');
  console.log(rank(total, (k) => k.includes(' spoor:')));
} finally {
  await browser.close();
  await server.close();
}
