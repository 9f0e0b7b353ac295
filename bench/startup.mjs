// Start-up only: main-thread script time (thread ticks, as the benchmark counts it) of injecting a
// tracker's bundle into the shop page, and of the 3 s after it (session lock, stored batches,
// first timers), median per variant. No workload, so a variant's start-up cost shows within
// a tenth of a millisecond or so where `variants.mjs` needs many minutes to see 5 ms.
//
// Usage: node bench/startup.mjs [--reps 8] <variants.json>
//   variants.json: as for variants.mjs ({ "<id>": { "entry"?: "spoor.js", "<repo path>": "<file>" } });
//   the baseline is added first.
import { measureVariants } from './lib/variantBundles.mjs';

const figures = new Map();
await measureVariants('startup', 8, async (id, _rep, { browser, server }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(`${server.origin}/`, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  const scriptMs = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
  };
  const before = await scriptMs();
  await page.addScriptTag({ url: `/bundles/${id}.js` });
  const injected = await scriptMs();
  await page.waitForTimeout(3000);
  const after = await scriptMs();
  if (!figures.has(id)) figures.set(id, { inject: [], after: [] });
  figures.get(id).inject.push(injected - before);
  figures.get(id).after.push(after - injected);
  await context.close();
});

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const runs = (values) => values.map((v) => v.toFixed(1)).join(' ');
console.log('\n| variant | injecting the bundle, ms (runs) | the next 3 s, ms (runs) | sum of medians |');
console.log('| --- | --- | --- | ---: |');
for (const [id, { inject, after }] of figures) {
  console.log(
    `| ${id} | ${median(inject).toFixed(2)} (${runs(inject)}) | ${median(after).toFixed(2)} (${runs(after)}) | ${(median(inject) + median(after)).toFixed(2)} |`,
  );
}
