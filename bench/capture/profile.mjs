// CPU profile of @spoor/core's capture: the benchmark's page and workload with the tracker, profiled
// through CDP (Profiler.start/stop), with the tracker's own functions ranked by self and total time.
// The tracker is bundled unminified so functions keep their names.
//
// Usage: node bench/capture/profile.mjs [--top 30] [--out profile.cpuprofile]
// Also prints the per-click dispatch median of the profiled run (with the profiler's overhead).
import { writeFileSync } from 'node:fs';
import { analyseProfile, rank } from '../lib/cpuProfile.mjs';
import { bundleCore, loadHelpers, pageHtml, startCaptureServer, workload } from './shared.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const TOP = Number(arg('--top', 30));
const OUT = arg('--out', undefined);

// Unminified, so functions keep their names; BENCH_REPLACE applies as in the other two scripts.
const [{ launchChromium, startServer }, core] = await Promise.all([
  loadHelpers(),
  bundleCore({ minify: false }),
]);
const server = await startCaptureServer(startServer, core, {
  page: (url) => (url.pathname.startsWith('/app') ? pageHtml(true) : undefined),
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

  const spent = analyseProfile(profile, {
    url: (url) => url.endsWith('/spoor.js'),
    code: core,
    label: 'spoor',
  });
  const sorted = [...clicks].sort((a, b) => a - b);
  console.log(`time under tracker frames (incl. natives they call): ${(spent.underUs / 1000).toFixed(1)} ms`);
  console.log(
    `clicks: ${clicks.length}, dispatch median ${sorted[sorted.length >> 1]?.toFixed(3)} ms (profiler on)`,
  );
  console.log('\n== self time, every function ==');
  console.log(rank(spent.self, TOP, (k) => !k.startsWith('(idle)') && !k.startsWith('(program)')));
  console.log('\n== total time, tracker functions ==');
  console.log(rank(spent.total, TOP));
  console.log('\n== by source module ==');
  console.log(rank(spent.modules, TOP));
} finally {
  await browser.close();
  await server.close();
}
