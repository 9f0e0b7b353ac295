// What each part of Spoor's tracking costs on the benchmark's page and workload: Spoor with every
// capture source, then with one source turned off at a time, with the memory transport instead of
// HTTP, with no transport at all, with no capture at all, and a floor that is not Spoor (the same listeners, each keeping a
// tiny record, one JSON POST per 5 s), round-robin with the baseline in one browser. Each variant's
// script time over the baseline of its own repetition, median and all runs. The difference
// between "all" and a variant is what that part costs (within the noise the runs show).
//
// Usage: node bench/ablate.mjs [--reps 5]
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const at = process.argv.indexOf('--reps');
const reps = at > 0 ? Number(process.argv[at + 1]) : 5;

const { buildBundles } = await import('./lib/build.mjs');
const { startBenchServer } = await import('./lib/server.mjs');
const { runOnce } = await import('./lib/workload.mjs');
const { renderShop } = await import('./page/shop.mjs');
const { launchChromium } = await import('./lib/chromium.mjs');

const http = "createHttpTransport({ url: '/spoor/collect' })";
const off =
  'clicks: false, pointer: false, scroll: false, inputs: false, errors: false, pageViews: false, visibility: false';
const VARIANTS = {
  all: [http, ''],
  'no clicks': [http, 'clicks: false'],
  'no pointer': [http, 'pointer: false'],
  'no scroll': [http, 'scroll: false'],
  'no inputs': [http, 'inputs: false'],
  'no page views': [http, 'pageViews: false'],
  'memory transport': ['createMemoryTransport()', ''],
  // Events built and put on the bus, then nothing: no JSON, no batches, no storage.
  'no transport': ['undefined', ''],
  'no capture, memory transport': ['createMemoryTransport()', off],
};

// What listening alone costs: the events Spoor's capture listens to, with a trivial handler each.
const FLOOR = `const records = [];
const keep = (e) => records.push({ t: e.type, ts: Date.now(), x: e.clientX, y: e.clientY });
for (const t of ['change', 'click', 'focusin', 'focusout', 'pointermove', 'submit', 'visibilitychange'])
  document.addEventListener(t, keep, true);
for (const t of ['blur', 'focus', 'hashchange', 'pagehide', 'pageshow', 'popstate', 'scroll', 'pointerdown', 'keydown', 'wheel', 'touchstart'])
  window.addEventListener(t, keep, { passive: true });
const send = () => {
  if (records.length === 0) return;
  const body = JSON.stringify(records.splice(0));
  fetch('/floor/collect', { method: 'POST', body, keepalive: body.length < 60000 }).catch(() => {});
};
setInterval(send, 5000);
window.__benchCheck = () => ({ ok: true, detail: '' });
window.__benchFlush = send;
`;

const configs = [{ id: 'baseline', entry: 'baseline.js' }];
const written = [];
for (const [name, [transport, capture]] of Object.entries(VARIANTS)) {
  const id = name.replace(/\W+/g, '-');
  const entry = `.ablate-${id}.js`;
  const file = join(benchDir, 'configs', entry);
  writeFileSync(
    file,
    `import { createHttpTransport, createMemoryTransport, createTracker } from '@spoor/core';
const tracker = createTracker({ transport: ${transport}, capture: { ${capture} } });
tracker.start();
window.__benchCheck = () => ({ ok: tracker.getSnapshot().status === 'running', detail: '' });
window.__benchFlush = () => tracker.flush();
`,
  );
  written.push(file);
  configs.push({ id, entry, name });
}
{
  const file = join(benchDir, 'configs', '.ablate-floor.js');
  writeFileSync(file, FLOOR);
  written.push(file);
  configs.push({
    id: 'floor',
    entry: '.ablate-floor.js',
    name: 'not Spoor: the same listeners, trivial handlers',
  });
}

try {
  const bundles = await buildBundles(configs, benchDir);
  const server = await startBenchServer({ page: () => renderShop(), bundles, benchDir });
  const browser = await launchChromium();
  const over = new Map(configs.map((c) => [c.id, []]));
  try {
    for (let rep = 0; rep < reps; rep++) {
      const order = configs.map((_, i) => configs[(i + rep) % configs.length]);
      const script = {};
      for (const config of order)
        script[config.id] = (await runOnce(browser, server, config, 20260101)).scriptMs;
      for (const config of configs) over.get(config.id).push(script[config.id] - script.baseline);
      console.log(`rep ${rep + 1}/${reps} done (baseline ${script.baseline.toFixed(0)} ms)`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const all = median(over.get('all'));
  console.log('\n| variant | script ms over baseline, median | runs | all minus this |');
  console.log('| --- | ---: | --- | ---: |');
  for (const config of configs.slice(1)) {
    const m = median(over.get(config.id));
    const runs = over
      .get(config.id)
      .map((v) => v.toFixed(0))
      .join(' ');
    console.log(
      `| ${config.name} | ${m.toFixed(0)} | ${runs} | ${config.id === 'all' || config.id === 'floor' ? '' : (all - m).toFixed(0)} |`,
    );
  }
} finally {
  for (const file of written) rmSync(file, { force: true });
}
