// The page, the bundles and a sink on 127.0.0.1. The sink accepts anything (any method, any path),
// counts the bytes each configuration sends (as sent, decoded, and gzip of the decoded payload) and
// answers the few requests peers need answered to run: PostHog's remote config and lazy scripts.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

/** Counts what one run sent. */
export function createCounter() {
  return {
    requests: 0,
    wireBytes: 0,
    rawBytes: 0,
    gzipBytes: 0,
    lazyScriptBytes: 0,
    paths: new Map(),
    stray: new Map(),
  };
}

/** Adds one request body to a counter: as sent, decoded (gzip bodies are unpacked) and re-gzipped. */
export function countBody(counter, path, body, headers = {}) {
  counter.requests += 1;
  const key = path.split('?')[0].replace(/\/\d+\/?$/, '/:n');
  counter.paths.set(key, (counter.paths.get(key) ?? 0) + 1);
  if (!body || body.length === 0) return;
  counter.wireBytes += body.length;
  let raw = body;
  const gzipped =
    String(headers['content-encoding'] ?? '').includes('gzip') || (body[0] === 0x1f && body[1] === 0x8b);
  if (gzipped) {
    try {
      raw = gunzipSync(body);
    } catch {
      raw = body;
    }
  }
  counter.rawBytes += raw.length;
  counter.gzipBytes += gzipSync(raw, { level: 6 }).length;
}

const POSTHOG_CONFIG = {
  // What PostHog's /flags and remote config answer for a project with recording enabled; the
  // client's own `disable_session_recording` still wins.
  supportedCompression: ['gzip', 'gzip-js'],
  featureFlags: {},
  flags: {},
  sessionRecording: { endpoint: '/s/', recorderVersion: 'v2' },
  autocapture_opt_out: false,
  autocaptureExceptions: false,
  capturePerformance: false,
  heatmaps: false,
  surveys: false,
  toolbarParams: {},
  isAuthenticated: false,
  siteApps: [],
  errorsWhileComputingFlags: false,
};

/**
 * Answers a request to a tracker endpoint, whether it came to our sink or to a peer's own host.
 * @returns {{ status: number, type: string, body: string | Buffer, lazy: boolean }}
 */
export function answer(path, benchDir) {
  const p = path.split('?')[0];
  const asset = /\/static\/(?:[\d.]+\/)?([\w.-]+\.js)$/.exec(p);
  if (asset) {
    const file = join(benchDir, 'node_modules/posthog-js/dist', asset[1]);
    if (existsSync(file))
      return { status: 200, type: 'text/javascript', body: readFileSync(file), lazy: true };
    return { status: 404, type: 'text/plain', body: 'not found', lazy: false };
  }
  if (/\/array\/[^/]+\/config\.js$/.exec(p))
    return {
      status: 200,
      type: 'text/javascript',
      body: `(window._POSTHOG_REMOTE_CONFIG=window._POSTHOG_REMOTE_CONFIG||{}).phc_bench={config:${JSON.stringify(POSTHOG_CONFIG)},siteApps:[]};`,
      lazy: false,
    };
  if (/\/array\/[^/]+\/config$/.exec(p) || /\/(flags|decide)\/?$/.exec(p))
    return { status: 200, type: 'application/json', body: JSON.stringify(POSTHOG_CONFIG), lazy: false };
  if (p.includes('/envelope/')) return { status: 200, type: 'application/json', body: '{}', lazy: false };
  return { status: 200, type: 'text/plain', body: '', lazy: false };
}

/**
 * @param {{ page: () => string, bundles: Map<string, { code?: string }>, benchDir: string }} options
 */
export async function startBenchServer({ page, bundles, benchDir }) {
  const state = { counter: null, late: createCounter() };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const url = req.url ?? '/';
      const path = url.split('?')[0];
      if (req.method === 'GET' && (path === '/' || path.startsWith('/category/'))) {
        // Cross-origin isolated, so timers tick in 5 µs steps, not 100 µs: the Event Timing figures are
        // fractions of a millisecond. `credentialless` still lets the page load other hosts' scripts.
        res.writeHead(200, {
          'Content-Type': 'text/html; charset=utf-8',
          'Cache-Control': 'no-store',
          'Cross-Origin-Opener-Policy': 'same-origin',
          'Cross-Origin-Embedder-Policy': 'credentialless',
        });
        res.end(page());
        return;
      }
      const bundle = /^\/bundles\/([\w-]+)\.js$/.exec(path);
      const chunk = bundle
        ? [...bundles.values()].find((b) => b.chunks?.has(`${bundle[1]}.js`))?.chunks?.get(`${bundle[1]}.js`)
        : undefined;
      if (chunk !== undefined) {
        // A chunk a split bundle loads on demand: counted like other trackers' lazily loaded scripts.
        if (chunk.lazy)
          (state.counter ?? state.late).lazyScriptBytes += gzipSync(chunk.code, { level: 9 }).length;
        res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' });
        res.end(chunk.code);
        return;
      }
      if (bundle) {
        const code = bundles.get(bundle[1])?.code;
        res.writeHead(code ? 200 : 404, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' });
        res.end(code ?? '');
        return;
      }
      if (path === '/favicon.ico') {
        res.writeHead(204);
        res.end();
        return;
      }
      const counter = state.counter ?? state.late;
      const body = Buffer.concat(chunks);
      const reply = answer(url, benchDir);
      if (reply.lazy) counter.lazyScriptBytes += gzipSync(reply.body, { level: 6 }).length;
      else countBody(counter, path, body, req.headers);
      res.writeHead(reply.status, {
        'Content-Type': reply.type,
        'Access-Control-Allow-Origin': req.headers.origin ?? '*',
        'Access-Control-Allow-Credentials': 'true',
      });
      res.end(reply.body);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    state,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
