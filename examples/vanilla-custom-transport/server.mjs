// Stands in for an app's existing backend: its own event schema, its own bearer token, and no
// knowledge of Spoor. It also serves the demo page, bundling it with esbuild at startup.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.PORT ?? 5174);
const TOKEN = 'demo-token';

// Inside the Spoor repository: the core's source (always current). Elsewhere: the installed build.
const fromSource = existsSync(join(here, '../../packages/core/src/index.ts'));
const bundle = await build({
  entryPoints: [join(here, 'src/main.ts')],
  bundle: true,
  format: 'iife',
  write: false,
  target: 'es2020',
  conditions: fromSource ? ['@spoor/source'] : [],
  logLevel: 'silent',
});
const app = bundle.outputFiles[0].text;
const page = readFileSync(join(here, 'index.html'), 'utf8');

/** Stored events, de-duplicated by id (a retried batch is never stored twice). */
const events = new Map();
/** Every request to the events endpoint, for the demo and its test. */
const requests = [];
let failNext = { count: 0, status: 503 };

function isEvent(value) {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof value.id === 'string' &&
    typeof value.name === 'string' &&
    typeof value.at === 'string' &&
    typeof value.user === 'string'
  );
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res, status, value, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(value));
}

const server = createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (req.method === 'GET' && path === '/app.js') {
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(app);
    return;
  }
  if (req.method === 'GET' && path === '/api/events') return json(res, 200, [...events.values()]);
  if (req.method === 'GET' && path === '/api/requests') return json(res, 200, requests);
  if (req.method === 'POST' && path === '/api/fail-next') {
    const body = JSON.parse((await readBody(req)) || '{}');
    failNext = { count: Number(body.count ?? 1), status: Number(body.status ?? 503) };
    return json(res, 200, failNext);
  }
  if (req.method === 'POST' && path === '/api/events') {
    const text = await readBody(req);
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const ids = Array.isArray(parsed?.events) ? parsed.events.map((e) => e?.id) : [];
    const record = (status) => requests.push({ at: Date.now(), status, ids });
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      record(401);
      return json(res, 401, { error: 'invalid token' });
    }
    if (failNext.count > 0) {
      failNext.count -= 1;
      record(failNext.status);
      return json(res, failNext.status, { error: 'temporarily unavailable' }, { 'Retry-After': '1' });
    }
    if (!Array.isArray(parsed?.events) || !parsed.events.every(isEvent)) {
      record(400);
      return json(res, 400, { error: 'expected { events: [{ id, name, at, user }] }' });
    }
    for (const event of parsed.events) if (!events.has(event.id)) events.set(event.id, event);
    record(200);
    return json(res, 200, { stored: parsed.events.length });
  }
  if (req.method === 'GET' && (path === '/' || path === '/index.html')) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    return;
  }
  res.writeHead(404).end();
});

server.listen(port, '127.0.0.1', () => {
  console.log(`\n  Spoor custom-transport example: http://127.0.0.1:${port}/\n  Ctrl+C to stop.\n`);
});
