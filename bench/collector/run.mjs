#!/usr/bin/env node
// Ingest throughput of the collector: autocannon on loopback posts version-1 batches of 50 events
// (every event id unique, so nothing is skipped as a duplicate) to one collector process, once
// with SQLite and once with PostgreSQL. Prints events/s and p50/p99 latency, and writes
// bench/collector/results.json.
//
//   node bench/collector/run.mjs [--duration 20] [--connections 10] [--only sqlite|postgres] [--gzip]
//                                [--processes 2]   (collector processes sharing PostgreSQL in the last run)
//                                [--replay-kb 256] (size of each replay chunk in the replay-ingest run; --only replay)
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string' },
    gzip: { type: 'boolean', default: false },
    processes: { type: 'string', default: '2' },
    'replay-kb': { type: 'string', default: '256' },
  },
});
const BATCH = 50;
const TOKEN = 'bench-token';

const { ensureCollectorBuilt } = await import(join(root, 'scripts/start-demo.mjs'));
const { startPgTestServer } = await import(join(root, 'scripts/pg-test-server.mjs'));
ensureCollectorBuilt();

// A realistic mix for one page: a view, pointer moves, clicks, scrolls, an input, a custom event.
const TYPES = [
  ['page:view', { path: '/products/trail-mug', title: 'Trail mug', referrer: '', navigation: 'push' }],
  [
    'pointer:move',
    {
      points: [
        [10, 20, 0],
        [30, 40, 50],
        [60, 80, 100],
        [90, 120, 150],
      ],
    },
  ],
  [
    'pointer:move',
    {
      points: [
        [100, 200, 0],
        [130, 240, 50],
        [160, 280, 100],
      ],
    },
  ],
  [
    'click',
    {
      x: 420,
      y: 310,
      vw: 1280,
      vh: 800,
      rx: 0.4,
      ry: 0.6,
      target: { selector: '#root > main > button', tag: 'button', text: 'Add to cart' },
    },
  ],
  ['scroll', { x: 0, y: 640, depthPct: 55 }],
  [
    'input',
    {
      target: { selector: 'input[name=email]', tag: 'input' },
      fieldType: 'email',
      value: '********',
      length: 8,
    },
  ],
  ['custom', { name: 'add_to_cart', props: { sku: 'trail-mug', price: 18 } }],
  ['page:leave', { durationMs: 12000, engagedMs: 9000, maxScrollPct: 70 }],
];

let counter = 0;
function makeBody() {
  const run = (counter++).toString(36);
  const session = `bench-session-${counter % 500}`;
  const now = Date.now();
  const events = [];
  for (let i = 0; i < BATCH; i++) {
    const [type, payload] = TYPES[i % TYPES.length];
    events.push({
      id: `${run}-${i}-${process.pid}`,
      type,
      ts: now + i,
      sessionId: session,
      tabId: 'tab-1',
      pageId: `page-${counter % 500}`,
      seq: i,
      url: 'https://shop.example/products/trail-mug',
      ...payload,
    });
  }
  const json = JSON.stringify({ v: 1, batchId: `batch-${run}`, sentAt: now, events });
  return values.gzip ? gzipSync(json) : json;
}

// A replay chunk as rrweb sends it: mostly incremental snapshots (mutations with text and
// attributes), about --replay-kb kilobytes as JSON; every request a new chunk of a rotating session.
const REPLAY_NODE = {
  type: 3,
  data: {
    source: 0,
    adds: [
      {
        parentId: 12,
        nextId: null,
        node: {
          type: 2,
          tagName: 'div',
          attributes: { class: 'card product-tile', 'data-sku': 'trail-mug' },
          childNodes: [],
          id: 40,
        },
      },
    ],
    removes: [],
    texts: [{ id: 41, value: 'Trail mug, enamel, 350 ml — in stock' }],
    attributes: [],
  },
  timestamp: 0,
};
const REPLAY_EVENTS = (() => {
  const target = Number(values['replay-kb']) * 1024;
  const events = [];
  let size = 0;
  for (let i = 0; size < target; i++) {
    const event = { ...REPLAY_NODE, timestamp: 1_700_000_000_000 + i * 16 };
    size += JSON.stringify(event).length + 1;
    events.push(event);
  }
  return events;
})();
function makeReplayBody() {
  const run = (counter++).toString(36);
  const now = Date.now();
  const event = {
    id: `${run}-r-${process.pid}`,
    type: 'replay',
    ts: now,
    sessionId: `bench-replay-${counter % 200}`,
    tabId: 'tab-1',
    pageId: 'page-1',
    seq: counter,
    url: 'https://shop.example/products/trail-mug',
    full: false,
    events: REPLAY_EVENTS,
  };
  return JSON.stringify({ v: 1, batchId: `batch-${run}`, sentAt: now, events: [event] });
}
const REPLAY_BYTES = Buffer.byteLength(makeReplayBody());

// CPU seconds a process (and, for PostgreSQL, its backends) used: a figure that depends less on
// what else runs on the machine than throughput does.
const TICKS = 100;
function cpuOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}
function cpuOfTree(rootPid) {
  if (!rootPid) return 0;
  let total = cpuOf(rootPid);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
      if (Number(fields[1]) === rootPid) total += cpuOf(Number(entry));
    } catch {}
  }
  return total;
}
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);

function startCollector(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(root, 'packages/collector/dist/cli.js'), '--port', '0', '--rate-limit', '0', '--token', TOKEN],
      { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (match) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`collector exited (${code}): ${out}`)));
  });
}

async function stored(url) {
  let total = 0;
  let cursor;
  do {
    const res = await fetch(`${url}/v1/sessions?limit=500${cursor ? `&cursor=${cursor}` : ''}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const page = await res.json();
    total += page.sessions.reduce((sum, s) => sum + s.eventCount, 0);
    cursor = page.next;
  } while (cursor);
  return total;
}

function load(url, duration, connections = Number(values.connections), body = makeBody) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/v1/collect?key=demo`,
        method: 'POST',
        connections,
        duration,
        headers: {
          'content-type': 'application/json',
          ...(values.gzip ? { 'content-encoding': 'gzip' } : {}),
        },
        requests: [
          {
            setupRequest(request) {
              return { ...request, body: body() };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    autocannon.track(instance, {
      renderProgressBar: false,
      renderResultsTable: false,
      renderLatencyTable: false,
    });
  });
}

/** Runs the load against `processes` collectors at once (each gets its share of the connections). */
async function bench(name, env, dbPid, processes = 1) {
  const collectors = await Promise.all(Array.from({ length: processes }, () => startCollector(env)));
  const connections = Math.max(1, Math.round(Number(values.connections) / processes));
  try {
    await Promise.all(collectors.map((c) => load(c.url, 3, connections))); // warm-up (JIT, pools, caches)
    const before = await stored(collectors[0].url);
    const cpuOfCollectors = () => collectors.reduce((sum, c) => sum + cpuOf(c.child.pid), 0);
    const cpuBefore = { collector: cpuOfCollectors(), db: cpuOfTree(dbPid) };
    const runs = await Promise.all(collectors.map((c) => load(c.url, Number(values.duration), connections)));
    const cpu = { collector: cpuOfCollectors() - cpuBefore.collector, db: cpuOfTree(dbPid) - cpuBefore.db };
    const after = await stored(collectors[0].url);
    const sum = (pick) => runs.reduce((total, r) => total + pick(r), 0);
    const ok = sum((r) => r['2xx']);
    const seconds = Math.max(...runs.map((r) => r.duration));
    const summary = {
      storage: name,
      processes,
      batchSize: BATCH,
      gzip: values.gzip,
      connections: connections * processes,
      durationS: Number(values.duration),
      requests: sum((r) => r.requests.total),
      ok,
      non2xx: sum((r) => r.non2xx),
      errors: sum((r) => r.errors),
      timeouts: sum((r) => r.timeouts),
      eventsPerSecond: Math.round((ok * BATCH) / seconds),
      requestsPerSecond: Math.round(ok / seconds),
      // With several processes: the mean of their medians and the worst of their tails.
      latencyMs: {
        p50: Math.round(sum((r) => r.latency.p50) / runs.length),
        p90: Math.max(...runs.map((r) => r.latency.p90)),
        p99: Math.max(...runs.map((r) => r.latency.p99)),
        max: Math.max(...runs.map((r) => r.latency.max)),
      },
      eventsStoredDuringRun: after - before,
      cpuSeconds: { collector: Number(cpu.collector.toFixed(2)), database: Number(cpu.db.toFixed(2)) },
      // Events per CPU-second of the collector processes (plus PostgreSQL's backends): what one
      // free core would sustain, whatever else the machine was doing.
      eventsPerCpuSecond: Math.round((after - before) / (cpu.collector + cpu.db)),
      loadAverage: loadAverage(),
    };
    const label = processes > 1 ? `${name} ×${processes}` : name;
    console.log(
      `${label.padEnd(13)} ${String(summary.eventsPerSecond).padStart(7)} events/s  ` +
        `(${summary.requestsPerSecond} batches/s)  p50 ${summary.latencyMs.p50} ms  p99 ${summary.latencyMs.p99} ms  ` +
        `non-2xx ${summary.non2xx}  stored ${summary.eventsStoredDuringRun} events  ` +
        `${summary.eventsPerCpuSecond} events/CPU-s  load ${summary.loadAverage[0]}`,
    );
    return summary;
  } finally {
    for (const c of collectors) c.child.kill('SIGTERM');
    await Promise.all(collectors.map((c) => new Promise((resolve) => c.child.once('exit', resolve))));
  }
}

const results = [];
console.log(
  `collector ingest benchmark: batches of ${BATCH}, ${values.connections} connections, ${values.duration} s, ${cpus().length} cores`,
);
if (!values.only || values.only === 'sqlite') {
  const dir = mkdtempSync(join(tmpdir(), 'spoor-bench-'));
  try {
    results.push(await bench('sqlite', { SPOOR_DATA_DIR: dir, DATABASE_URL: '' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (!values.only || values.only === 'postgres') {
  // Durability like SQLite's WAL + synchronous=NORMAL: commits reach the OS at once and disk soon after.
  const pg = await startPgTestServer({
    settings: { fsync: 'on', full_page_writes: 'on', synchronous_commit: 'off' },
  });
  try {
    const pidFile = join(pg.dir, 'data', 'postmaster.pid');
    const postmaster = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
    results.push(await bench('postgres', { DATABASE_URL: pg.url }, postmaster));
    // Stateless collectors sharing one database, as behind a load balancer.
    results.push(await bench('postgres', { DATABASE_URL: pg.url }, postmaster, Number(values.processes)));
  } finally {
    pg.stop();
  }
}
if (values.only === 'replay') {
  // Replay ingest into the blob store (the default: files beside the SQLite database), in MB/s of
  // chunks accepted.
  const dir = mkdtempSync(join(tmpdir(), 'spoor-bench-'));
  const collector = await startCollector({ SPOOR_DATA_DIR: dir, DATABASE_URL: '' });
  try {
    const duration = Number(values.duration);
    await load(collector.url, 3, Number(values.connections), makeReplayBody);
    const run = await load(collector.url, duration, Number(values.connections), makeReplayBody);
    const ok = run['2xx'];
    const mbPerSecond = (ok * REPLAY_BYTES) / 1_048_576 / run.duration;
    results.push({
      storage: 'sqlite + disk blobs',
      kind: 'replay',
      chunkBytes: REPLAY_BYTES,
      connections: Number(values.connections),
      durationS: duration,
      ok,
      non2xx: run.non2xx,
      mbPerSecond: Math.round(mbPerSecond * 10) / 10,
      latencyMs: { p50: run.latency.p50, p99: run.latency.p99 },
    });
    console.log(
      `replay → disk blobs: ${mbPerSecond.toFixed(1)} MB/s (${ok} chunks of ${Math.round(REPLAY_BYTES / 1024)} KB, ${run.non2xx} non-2xx), p50 ${run.latency.p50} ms, p99 ${run.latency.p99} ms`,
    );
  } finally {
    collector.child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
writeFileSync(
  join(here, values.only === 'replay' ? 'results-replay.json' : 'results.json'),
  // Arrays of numbers on one line, as the repository's formatter writes them.
  `${JSON.stringify(
    { date: new Date().toISOString(), node: process.version, cores: cpus().length, results },
    null,
    2,
  ).replace(/\[\s+([\d.,\s]+?)\s+\]/g, (_, inner) => `[${inner.split(/,\s*/).join(', ')}]`)}\n`,
);
