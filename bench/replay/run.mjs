// Replay benchmark: main-thread time and payload of core + replay against rrweb's recorder alone
// and against no recorder, on the same page and workload, in one run; and the min+gzip size of
// core + replay. Run from the repository root: `node bench/replay/run.mjs` (about a minute).
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { launchChromium } from '../lib/chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const WORKLOAD_MS = Number(process.env.BENCH_WORKLOAD_MS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);

const bundle = async (contents, { minify = false, format = 'iife', globalName } = {}) => {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    format,
    globalName,
    minify,
    write: false,
    target: 'es2020',
    conditions: ['@spoor/source'],
    logLevel: 'silent',
    metafile: true,
  });
  return { text: result.outputFiles[0].text, inputs: Object.keys(result.metafile.inputs) };
};

const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;
const gz = (text) => gzipSync(Buffer.from(text)).length;

// --- Sizes (esbuild minify + zlib gzip), as an app would bundle them ---
const sizes = {};
for (const [name, code] of Object.entries({
  'core + replay':
    "export { createTracker, createHttpTransport } from '@spoor/core'; export { createReplayPlugin } from './packages/replay/src/index.ts';",
  'core alone': "export { createTracker, createHttpTransport } from '@spoor/core';",
  '@rrweb/record alone': "export { record } from '@rrweb/record';",
  '@spoor/replay/player': "export { createPlayer } from './packages/replay/src/player/index.ts';",
  '@spoor/replay/heatmap': "export * from './packages/replay/src/heatmap/index.ts';",
})) {
  const { text, inputs } = await bundle(code, { minify: true, format: 'esm' });
  sizes[name] = {
    minKB: kb(text.length),
    gzipKB: kb(gz(text)),
    rrweb: inputs.some((input) => input.includes('rrweb')),
  };
}

// --- Pages ---
const recordJs = (
  await bundle(
    "export { createTracker, createHttpTransport } from '@spoor/core'; export { createReplayPlugin } from './packages/replay/src/index.ts'; export { record } from '@rrweb/record';",
    { globalName: 'Bench' },
  )
).text;

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench</title>
<style>.row{display:flex;gap:8px;padding:2px}.hot{background:#fee}.card{border:1px solid #ccc;margin:4px;padding:4px}</style>
</head><body>
<header><h1>Dashboard</h1><nav>${Array.from({ length: 12 }, (_, i) => `<a href="/p${i}">Link ${i}</a>`).join(' ')}</nav></header>
<form><input id="q" name="q"><input id="email" type="email"><textarea id="t"></textarea></form>
<main id="list">${Array.from({ length: 400 }, (_, i) => `<div class="row card" id="r${i}"><span>Item ${i}</span><b>${i * 3}</b><em>note ${i}</em></div>`).join('')}</main>
<script src="/bench.js"></script><script src="/boot.js"></script></body></html>`;

const BOOT = `
window.__mode = new URLSearchParams(location.search).get('mode');
window.__rr = [];
if (__mode === 'rrweb') window.__stop = Bench.record({ emit: (e) => window.__rr.push(e), maskAllInputs: true });
if (__mode === 'spoor' || __mode === 'core') {
  const plugins = __mode === 'spoor' ? [Bench.createReplayPlugin()] : [];
  const tracker = Bench.createTracker({ transport: Bench.createHttpTransport({ url: '/collect' }), plugins });
  tracker.start();
  window.__stop = () => { tracker.stop(); return tracker.flush(); };
}
window.__since = window.__since ?? Infinity;
window.__work = (ms) => new Promise((resolve) => {
  let n = 0;
  window.__since = performance.now();
  const list = document.getElementById('list');
  const timer = setInterval(() => {
    n++;
    // A live list: text changes, a class toggles, rows are added and removed, a style changes.
    for (let i = 0; i < 5; i++) list.children[(n * 7 + i * 13) % list.children.length].querySelector('b').textContent = String(n * i);
    list.children[n % list.children.length].classList.toggle('hot');
    if (n % 4 === 0) { const row = document.createElement('div'); row.className = 'row card'; row.innerHTML = '<span>New ' + n + '</span><b>0</b>'; list.prepend(row); }
    if (n % 4 === 2) list.lastElementChild.remove();
    if (n % 20 === 0) document.body.style.setProperty('--tick', String(n));
  }, 50);
  setTimeout(() => { clearInterval(timer); resolve(n); }, ms);
});`;

let wire = 0;
let collected = [];
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/collect') {
      const body = Buffer.concat(chunks);
      wire += body.length;
      const json = req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body;
      collected.push(...JSON.parse(json.toString()).events);
      res.writeHead(204).end();
    } else if (url.pathname === '/bench.js')
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(recordJs);
    else if (url.pathname === '/boot.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(BOOT);
    else if (url.pathname === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    else res.writeHead(404).end();
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await launchChromium();

/**
 * From a Chromium trace of the page's main thread: tasks over 50 ms of thread time (CPU time of
 * the main thread, so other processes on a busy machine do not inflate it), and those of them
 * that ran code of the recorder bundle (rrweb + Spoor, `/bench.js`), i.e. caused by recording.
 */
function longTasks(trace) {
  const events = JSON.parse(trace.toString()).traceEvents;
  const main = events.find((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
  const onMain = events.filter((event) => main && event.pid === main.pid && event.tid === main.tid);
  const tasks = onMain.filter(
    (event) => event.name === 'RunTask' && event.ph === 'X' && typeof event.tdur === 'number',
  );
  const calls = onMain.filter(
    (event) =>
      event.ph === 'X' &&
      (event.name === 'FunctionCall' || event.name === 'TimerFire') &&
      String(event.args?.data?.url ?? '').endsWith('/bench.js'),
  );
  const recorderTasks = tasks.filter((task) =>
    calls.some((call) => call.ts >= task.ts && call.ts < task.ts + task.dur),
  );
  const ms = (task) => Math.round(task.tdur / 100) / 10;
  const recorderMs = Math.round(calls.reduce((sum, call) => sum + (call.tdur ?? call.dur ?? 0), 0) / 1000);
  return {
    longTasks: tasks.filter((task) => task.tdur > 50_000).length,
    longestTaskMs: Math.max(0, ...tasks.map(ms)),
    recorderLongTasks: recorderTasks.filter((task) => task.tdur > 50_000).length,
    longestRecorderTaskMs: Math.max(0, ...recorderTasks.map(ms)),
    recorderMs,
  };
}

async function runMode(mode) {
  wire = 0;
  collected = [];
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(`${base}/?mode=${mode}`);
  await page.waitForTimeout(500);
  const metric = async () =>
    Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
  });
  const before = await metric();
  const work = page.evaluate((ms) => window.__work(ms), WORKLOAD_MS);
  // The visitor: moves the pointer, scrolls and types while the page updates itself.
  const end = Date.now() + WORKLOAD_MS - 500;
  let step = 0;
  while (Date.now() < end) {
    step++;
    await page.mouse.move(100 + ((step * 37) % 1000), 100 + ((step * 53) % 600));
    if (step % 10 === 0) await page.mouse.wheel(0, step % 20 === 0 ? 400 : -300);
    if (step % 25 === 0) await page.type('#q', 'abc', { delay: 20 });
    await page.waitForTimeout(40);
  }
  await work;
  const after = await metric();
  const trace = await browser.stopTracing();
  const result = await page.evaluate(async () => {
    await window.__stop?.();
    return {
      rr: window.__mode === 'rrweb' ? JSON.stringify(window.__rr) : null,
    };
  });
  await page.waitForTimeout(300);
  await page.close();
  const minutes = WORKLOAD_MS / 60_000;
  // What Spoor sends for replay: codec 2 chunks carry their encoding in `data`, codec 1 the events.
  const replayPayloads = collected
    .filter((event) => event.type === 'replay')
    .map((event) => (event.codec === 2 ? event.data : event.events));
  const recorded = mode === 'rrweb' ? result.rr : mode === 'spoor' ? JSON.stringify(replayPayloads) : '';
  return {
    mode,
    scriptMs: Math.round((after.ScriptDuration - before.ScriptDuration) * 1000),
    taskMs: Math.round((after.TaskDuration - before.TaskDuration) * 1000),
    ...longTasks(trace),
    recordedGzipKBPerMin: recorded ? kb(gz(recorded) / minutes) : 0,
    wireKBPerMin: mode === 'spoor' || mode === 'core' ? kb(wire / minutes) : null,
  };
}

const rows = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const mode of ['none', 'rrweb', 'core', 'spoor']) rows.push(await runMode(mode));
}
await browser.close();
server.close();

const label = {
  none: 'no recorder',
  rrweb: '@rrweb/record alone',
  core: 'core alone (no replay)',
  spoor: 'core + replay',
};
console.log(
  `Workload: ${WORKLOAD_MS / 1000} s per variant, 400-row live list (text, class, add/remove every 50 ms), pointer, scroll, typing.\n`,
);
console.log(
  '| variant | main-thread script ms (CDP ScriptDuration) | in recorder/tracker code ms | tasks > 50 ms CPU (longest task ms) | tasks running recorder/tracker code: > 50 ms (longest ms) | recorded gzip KB/min | on the wire KB/min |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) {
  console.log(
    `| ${label[row.mode]} | ${row.scriptMs} | ${row.recorderMs} | ${row.longTasks} (${row.longestTaskMs}) | ${row.recorderLongTasks} (${row.longestRecorderTaskMs}) | ${row.recordedGzipKBPerMin || '—'} | ${row.wireKBPerMin ?? '—'} |`,
  );
}
console.log('\n| bundle (esbuild --minify, gzip) | min KB | min+gzip KB | includes rrweb |');
console.log('| --- | --- | --- | --- |');
for (const [name, size] of Object.entries(sizes))
  console.log(`| ${name} | ${size.minKB} | ${size.gzipKB} | ${size.rrweb ? 'yes' : 'no'} |`);
