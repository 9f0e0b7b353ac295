// CPU profile of one configuration on the benchmark's page and workload (the same run as
// `npm run bench`, unminified so functions keep their names), through the DevTools Protocol.
// Prints the time under the tracker's own bundle, split by the tracker function that was entered
// from the page or the browser (the listener, timer or callback that did the work), and the
// functions with the most self time. Use it to find what to make faster; the benchmark decides.
//
// Usage: node bench/profile.mjs [--config spoor] [--top 25] [--out x.cpuprofile] [--seed N]
import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const value = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const id = value('--config') ?? 'spoor';
const top = Number(value('--top') ?? 25);
const out = value('--out');
const seed = Number(value('--seed') ?? 20260101);

const { CONFIGS } = await import('./lib/configs.mjs');
const { buildBundles } = await import('./lib/build.mjs');
const { startBenchServer } = await import('./lib/server.mjs');
const { runOnce } = await import('./lib/workload.mjs');
const { renderShop } = await import('./page/shop.mjs');
const { launchChromium } = await import('./lib/chromium.mjs');

// `--config .abl-x` profiles bench/configs/.abl-x.js (an ad-hoc variant not in the report).
const config = id.startsWith('.') ? { id: id.slice(1), entry: `${id}.js` } : CONFIGS.find((c) => c.id === id);
if (!config)
  throw new Error(`bench/profile: unknown --config ${id} (one of ${CONFIGS.map((c) => c.id).join(', ')})`);
const bundles = await buildBundles([config], benchDir, { minify: false });
const bundle = bundles.get(config.id);
if ('error' in bundle) throw new Error(`bench/profile: ${config.id} failed to build: ${bundle.error}`);
const html = renderShop();
const server = await startBenchServer({ page: () => html, bundles, benchDir });
const browser = await launchChromium();
let profile;
let result;
try {
  result = await runOnce(browser, server, config, seed, {
    async beforeTracker(cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    },
    async afterWorkload(cdp) {
      ({ profile } = await cdp.send('Profiler.stop'));
    },
  });
} finally {
  await browser.close();
  await server.close?.();
}
if (out) writeFileSync(out, JSON.stringify(profile));

const { analyseProfile, rank } = await import('./lib/cpuProfile.mjs');
const spent = analyseProfile(profile, {
  url: (url) => url.includes('/bundles/'),
  code: bundle.code,
  label: 'bundle',
});
console.log(
  `${id}: ${(spent.underUs / 1000).toFixed(1)} ms under the tracker's bundle (profiler on), script ${result.scriptMs.toFixed(0)} ms in all`,
);
console.log('\n== by entry point (the tracker function the page or browser called) ==');
console.log(rank(spent.entries, top));
console.log('\n== by source module (self time of its functions and the natives they call) ==');
console.log(rank(spent.modules, top));
console.log('\n== self time (tracker frames and the natives they call) ==');
console.log(rank(spent.selfUnder, top));
