// Hostile requests, as an attacker holding the public site key would send them, on both storages.
// Each row asserts the answer (status and error code), that the process still serves every
// report, and that the valid events sent alongside (in the same batch and in a concurrent
// request) are stored exactly once.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Collector, createCollector } from '../src/index';
import { batch, gzipJson, storages, visit, wireEvent } from './fixtures';
import { type Answer, request } from './http';

const ORIGIN = 'https://shop.example';
const KEY = 'shop-key';
const TOKEN = 'test-token';
const HOUR = 3_600_000;

type Json = Record<string, unknown>;
type Served = Collector & { url: string };

interface Hostile {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

interface Row {
  name: string;
  /** Builds the request; `companions` are valid events to put in the same batch when it has one. */
  send: (companions: Json[]) => Hostile;
  status: number;
  error?: string;
  /** How many of the companions must be stored (0 when the request is refused whole). */
  stored: 'all' | 0;
  check?: (collector: Served, answer: Answer) => Promise<void>;
}

const post = (
  body: string | Buffer,
  headers: Record<string, string> = {},
  query = `?key=${KEY}`,
): Hostile => ({
  method: 'POST',
  path: `/v1/collect${query}`,
  headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
  body,
});
const postBatch = (events: Json[], extra: Json = {}) => post(JSON.stringify(batch(events, extra)));
const withBad = (bad: Json) => (companions: Json[]) => postBatch([...companions, bad]);
const get = (path: string, headers: Record<string, string> = {}): Hostile => ({
  method: 'GET',
  path,
  headers: { authorization: `Bearer ${TOKEN}`, ...headers },
});
const nested = (depth: number, leaf: unknown = 1): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};
const deepArrayJson = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const custom = (props: Json, envelope: Json = {}) => wireEvent('custom', { name: 'n', props }, envelope);
const title = (text: string) =>
  wireEvent('page:view', { path: '/t', title: text, referrer: '', navigation: 'load' });

async function storedPayloadOf(collector: Collector, sessionId: string): Promise<Json[]> {
  return (await collector.storage.getEvents('shop', sessionId)).map((e) => e.payload);
}

const ROWS: Row[] = [
  // Encodings
  {
    name: 'invalid JSON',
    send: () => post('{"v":1,"events":['),
    status: 400,
    error: 'invalid-json',
    stored: 0,
  },
  { name: 'an empty body', send: () => post(''), status: 400, error: 'invalid-json', stored: 0 },
  {
    name: 'UTF-16 text',
    send: (c) => post(Buffer.from(`\ufeff${JSON.stringify(batch(c))}`, 'utf16le')),
    status: 400,
    error: 'invalid-json',
    stored: 0,
  },
  {
    name: 'a UTF-8 byte-order mark',
    send: (c) => post(`\ufeff${JSON.stringify(batch(c))}`),
    status: 200,
    stored: 'all',
  },
  {
    name: 'invalid UTF-8 bytes inside a string',
    send: (c) => {
      const text = JSON.stringify(batch([...c, title('XXXX')]));
      const bytes = Buffer.from(text);
      bytes.set([0xff, 0xfe, 0xc0, 0x80], bytes.indexOf('XXXX'));
      return post(bytes);
    },
    status: 200,
    stored: 'all',
  },
  {
    name: 'corrupt gzip',
    send: () => post(Buffer.from([0x1f, 0x8b, 1, 2, 3]), { 'content-encoding': 'gzip' }),
    status: 400,
    error: 'invalid-gzip',
    stored: 0,
  },
  {
    name: 'a gzip bomb',
    send: () => post(gzipJson({ pad: ' '.repeat(50 * 1024 * 1024) }), { 'content-encoding': 'gzip' }),
    status: 413,
    error: 'body-too-large',
    stored: 0,
  },
  {
    name: 'an unknown content encoding',
    send: () => post('{}', { 'content-encoding': 'br' }),
    status: 415,
    error: 'unsupported-encoding',
    stored: 0,
  },
  {
    name: 'a doubled content encoding',
    send: (c) => post(gzipJson(batch(c)), { 'content-encoding': 'gzip, gzip' }),
    status: 415,
    error: 'unsupported-encoding',
    stored: 0,
  },
  {
    name: 'the beacon encoding given twice in the query',
    send: (c) => post(gzipJson(batch(c)), { 'content-type': 'text/plain' }, `?key=${KEY}&enc=gzip&enc=gzip`),
    status: 200,
    stored: 'all',
  },
  {
    name: 'a form body',
    send: () => post('a=1', { 'content-type': 'application/x-www-form-urlencoded' }),
    status: 415,
    error: 'unsupported-media-type',
    stored: 0,
  },
  {
    name: 'a multipart body',
    send: () => post('--x--', { 'content-type': 'multipart/form-data; boundary=x' }),
    status: 415,
    error: 'unsupported-media-type',
    stored: 0,
  },
  {
    name: 'no content type (a beacon)',
    send: (c) => post(JSON.stringify(batch(c)), { 'content-type': '' }),
    status: 200,
    stored: 'all',
  },
  // Sizes
  {
    name: 'a body over the size limit',
    send: (c) => postBatch([...c, custom({ blob: 'x'.repeat(1_100_000) })]),
    status: 413,
    error: 'body-too-large',
    stored: 0,
  },
  {
    name: 'more events than one batch may hold (the tracker splits on 413)',
    send: () => postBatch(Array.from({ length: 1001 }, () => custom({}))),
    status: 413,
    error: 'too-many-events',
    stored: 0,
  },
  {
    name: 'an event payload over 64 KB',
    send: withBad(custom({ blob: 'x'.repeat(70_000) })),
    status: 400,
    error: 'event-too-large',
    stored: 'all',
  },
  {
    name: 'a title over 2048 characters',
    send: withBad(title('t'.repeat(3000))),
    status: 400,
    error: 'invalid-event',
    stored: 'all',
  },
  {
    name: 'an id over 128 characters',
    send: withBad(custom({}, { id: 'i'.repeat(129) })),
    status: 400,
    error: 'invalid-event',
    stored: 'all',
  },
  {
    name: 'a 10 000-point pointer trail',
    send: withBad(wireEvent('pointer:move', { points: Array.from({ length: 10_001 }, () => [1, 2]) })),
    status: 400,
    error: 'invalid-event',
    stored: 'all',
  },
  // Keys
  {
    name: 'an event with a __proto__ key',
    send: (c) =>
      post(
        JSON.stringify(batch(c)).replace(
          '"events":[',
          `"events":[${JSON.stringify(custom({})).replace('{', '{"__proto__":{"admin":true},')},`,
        ),
      ),
    status: 400,
    error: 'reserved-key',
    stored: 'all',
  },
  {
    name: 'a __proto__ key nested in custom props',
    send: (c) =>
      post(
        JSON.stringify(batch(c)).replace(
          '"events":[',
          `"events":[${JSON.stringify(custom({ a: { b: 1 } })).replace('"b":1', '"__proto__":{"polluted":1}')},`,
        ),
      ),
    status: 400,
    error: 'reserved-key',
    stored: 'all',
    check: async () => {
      expect(({} as Json).polluted).toBeUndefined();
    },
  },
  {
    name: 'the event type "constructor" (unknown types are kept)',
    send: (c) => postBatch([...c, wireEvent('constructor', {})]),
    status: 200,
    stored: 'all',
  },
  {
    name: 'custom props named after Object.prototype',
    send: (c) =>
      postBatch([...c, custom({ constructor: 1, toString: 'x', hasOwnProperty: null, valueOf: [] })]),
    status: 200,
    stored: 'all',
  },
  {
    name: 'a batch with a __proto__ key hiding the version',
    send: (c) => post(`{"__proto__":{"v":1},${JSON.stringify(batch(c)).slice(1).replace('"v":1,', '')}`),
    status: 400,
    error: 'unsupported-version',
    stored: 0,
  },
  {
    name: 'the site key given twice',
    send: (c) => post(JSON.stringify(batch(c)), {}, `?key=${KEY}&key=${KEY}`),
    status: 401,
    error: 'missing-site-key',
    stored: 0,
  },
  {
    name: 'the site key "__proto__"',
    send: (c) => post(JSON.stringify(batch(c)), {}, '?key=__proto__'),
    status: 403,
    error: 'unknown-site-key',
    stored: 0,
  },
  {
    name: 'the site key "constructor"',
    send: (c) => post(JSON.stringify(batch(c)), {}, '?key=constructor'),
    status: 403,
    error: 'unknown-site-key',
    stored: 0,
  },
  {
    name: 'the site key as key[]=',
    send: (c) => post(JSON.stringify(batch(c)), {}, `?key[]=${KEY}`),
    status: 401,
    error: 'missing-site-key',
    stored: 0,
  },
  // Types
  { name: 'a JSON array', send: () => post('[]'), status: 400, error: 'invalid-batch', stored: 0 },
  { name: 'JSON null', send: () => post('null'), status: 400, error: 'invalid-batch', stored: 0 },
  { name: 'a JSON string', send: () => post('"v"'), status: 400, error: 'invalid-batch', stored: 0 },
  {
    name: 'version "1" as a string',
    send: (c) => postBatch(c, { v: '1' }),
    status: 400,
    error: 'unsupported-version',
    stored: 0,
  },
  {
    name: 'version 2',
    send: (c) => postBatch(c, { v: 2 }),
    status: 400,
    error: 'unsupported-version',
    stored: 0,
  },
  {
    name: 'a version nested 100 000 deep',
    send: () => post(`{"v":${deepArrayJson(100_000)}}`),
    status: 400,
    error: 'unsupported-version',
    stored: 0,
  },
  {
    name: 'events as an object',
    send: () => postBatch([], { events: { 0: {} } }),
    status: 400,
    error: 'invalid-batch',
    stored: 0,
  },
  { name: 'no events', send: () => postBatch([]), status: 400, error: 'invalid-batch', stored: 0 },
  {
    name: 'sentAt as a string',
    send: (c) => postBatch(c, { sentAt: 'now' }),
    status: 400,
    error: 'invalid-batch',
    stored: 0,
  },
  {
    name: 'a missing batchId',
    send: (c) => postBatch(c, { batchId: undefined }),
    status: 400,
    error: 'invalid-batch',
    stored: 0,
  },
  {
    name: 'an event that is a number',
    send: withBad(42 as unknown as Json),
    status: 400,
    error: 'invalid-event',
    stored: 'all',
  },
  {
    name: 'an event that is null',
    send: withBad(null as unknown as Json),
    status: 400,
    error: 'invalid-event',
    stored: 'all',
  },
  {
    name: 'an event without id',
    send: withBad(custom({}, { id: undefined })),
    status: 400,
    error: 'invalid-event',
    stored: 'all',
  },
  {
    name: 'an event without sessionId',
    send: withBad(custom({}, { sessionId: undefined })),
    status: 400,
    error: 'invalid-event',
    stored: 'all',
  },
  {
    name: 'ts as a date string',
    send: withBad(custom({}, { ts: '2025-01-01' })),
    status: 400,
    error: 'invalid-event',
    stored: 'all',
  },
  {
    name: 'ts with a fraction',
    send: withBad(custom({}, { ts: Date.now() + 0.5 })),
    status: 400,
    error: 'invalid-event',
    stored: 'all',
  },
  {
    name: 'a negative seq',
    send: withBad(custom({}, { seq: -1 })),
    status: 400,
    error: 'invalid-event',
    stored: 'all',
  },
  {
    name: 'seq 1e300',
    send: withBad(custom({}, { seq: 1e300 })),
    status: 400,
    error: 'invalid-event',
    stored: 'all',
  },
  {
    name: 'a click at x = 1e308',
    send: withBad(
      wireEvent('click', { x: 1e308, y: 1, vw: 1, vh: 1, rx: 0, ry: 0, target: { selector: 'a', tag: 'a' } }),
    ),
    status: 400,
    error: 'invalid-event',
    stored: 'all',
  },
  {
    name: 'engagedMs 1e300 (past BIGINT)',
    send: withBad(wireEvent('page:leave', { durationMs: 1, engagedMs: 1e300, maxScrollPct: 1 })),
    status: 400,
    error: 'invalid-event',
    stored: 'all',
  },
  {
    name: 'a scroll depth of 1e9 %',
    send: withBad(wireEvent('page:leave', { durationMs: 1, engagedMs: 1, maxScrollPct: 1e9 })),
    status: 400,
    error: 'invalid-event',
    stored: 'all',
  },
  {
    name: 'a rage click count of -1',
    send: withBad(wireEvent('click:rage', { count: -1, target: { selector: 'a', tag: 'a' } })),
    status: 400,
    error: 'invalid-event',
    stored: 'all',
  },
  {
    name: 'a page:view without path',
    send: withBad(wireEvent('page:view', { title: '', referrer: '', navigation: 'load' })),
    status: 400,
    error: 'invalid-event',
    stored: 'all',
  },
  {
    name: 'a numeric title',
    send: withBad(title(42 as unknown as string)),
    status: 400,
    error: 'invalid-event',
    stored: 'all',
  },
  {
    name: 'custom props as an array',
    send: withBad(wireEvent('custom', { name: 'n', props: [1] })),
    status: 400,
    error: 'invalid-event',
    stored: 'all',
  },
  // Time
  {
    name: 'an event in the year 3000',
    send: withBad(custom({}, { ts: Date.UTC(3000, 0) })),
    status: 400,
    error: 'ts-out-of-range',
    stored: 'all',
  },
  {
    name: 'an event at the epoch',
    send: withBad(custom({}, { ts: 0 })),
    status: 400,
    error: 'ts-out-of-range',
    stored: 'all',
  },
  {
    name: 'an event at MAX_SAFE_INTEGER',
    send: withBad(custom({}, { ts: Number.MAX_SAFE_INTEGER })),
    status: 400,
    error: 'ts-out-of-range',
    stored: 'all',
  },
  {
    name: 'an event nine days old',
    send: withBad(custom({}, { ts: Date.now() - 9 * 24 * HOUR })),
    status: 400,
    error: 'ts-out-of-range',
    stored: 'all',
  },
  {
    name: 'a visitor clock two hours fast (moved to the collector clock)',
    send: (c) =>
      postBatch(
        c.map((e) => ({ ...e, ts: (e.ts as number) + 2 * HOUR })),
        { sentAt: Date.now() + 2 * HOUR },
      ),
    status: 200,
    stored: 'all',
    check: async (collector) => {
      const session = (await collector.storage.listSessions({ site: 'shop' })).sessions.find((s) =>
        s.id.startsWith('fast-'),
      );
      expect(session?.lastSeenAt).toBeLessThan(Date.now() + 60_000);
    },
  },
  {
    name: 'sentAt at the epoch (the events land in the future)',
    send: (c) => postBatch(c, { sentAt: 0 }),
    status: 400,
    error: 'ts-out-of-range',
    stored: 0,
  },
  // Unicode PostgreSQL refuses, and other text
  {
    name: 'NUL in a title',
    send: withBad(title('a\u0000b')),
    status: 200,
    stored: 'all',
    check: async (collector) => {
      const titles = (await collector.storage.pageStats({ site: 'shop' })).map((p) => p.path);
      expect(titles).toContain('/t');
    },
  },
  {
    name: 'a lone surrogate in custom props',
    send: withBad(custom({ s: '\ud800x', t: 'y\udfff' })),
    status: 200,
    stored: 'all',
  },
  { name: 'NUL in a custom prop key', send: withBad(custom({ 'k\u0000': 1 })), status: 200, stored: 'all' },
  {
    name: 'NUL in a session id',
    send: withBad(custom({}, { sessionId: 'nul\u0000session' })),
    status: 200,
    stored: 'all',
  },
  {
    name: 'a lone surrogate in the URL',
    send: withBad(custom({}, { url: 'https://shop.example/\ud83d' })),
    status: 200,
    stored: 'all',
  },
  {
    name: 'NUL in the visitor id',
    send: (c) => postBatch(c, { visitorId: 'v\u0000' }),
    status: 200,
    stored: 'all',
  },
  {
    name: 'bidi overrides and emoji in a title',
    send: withBad(title('\u202e🙂\u200b')),
    status: 200,
    stored: 'all',
  },
  // Injection
  {
    name: 'SQL in a session id and a path',
    send: withBad(
      wireEvent(
        'page:view',
        { path: "/'; DROP TABLE events;--", title: "' OR 1=1 --", referrer: '', navigation: 'load' },
        { sessionId: "'); DELETE FROM sessions;--" },
      ),
    ),
    status: 200,
    stored: 'all',
    check: async (collector) => {
      expect(await collector.storage.getSession('shop', "'); DELETE FROM sessions;--")).not.toBeNull();
    },
  },
  {
    name: 'SQL in an event type',
    send: withBad(custom({}, { type: 'x"); DROP TABLE events;--' })),
    status: 400,
    error: 'invalid-event',
    stored: 'all',
  },
  {
    name: 'JSON-path text in prop keys',
    send: withBad(custom({ "$.a'": 1, '$[0]': 2, "'||'": 3 })),
    status: 200,
    stored: 'all',
  },
  {
    name: 'a selector made of quotes',
    send: withBad(wireEvent('click:rage', { count: 3, target: { selector: `'"\\'); --`, tag: 'a' } })),
    status: 200,
    stored: 'all',
  },
  // Nesting
  {
    name: 'custom props nested 10 000 deep',
    send: (c) =>
      post(
        JSON.stringify(batch(c)).replace(
          '"events":[',
          `"events":[${JSON.stringify(custom({ deep: 0 })).replace('"deep":0', `"deep":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`)},`,
        ),
      ),
    status: 400,
    error: 'too-deep',
    stored: 'all',
  },
  {
    name: 'custom props nested 40 deep',
    send: withBad(custom(nested(40) as Json)),
    status: 400,
    error: 'too-deep',
    stored: 'all',
  },
  {
    name: 'custom props nested 25 deep (kept, reports still answer)',
    send: withBad(custom(nested(25) as Json)),
    status: 200,
    stored: 'all',
  },
  {
    name: 'a rage click target nested 40 deep',
    send: withBad(
      wireEvent('click:rage', { count: 3, target: { selector: 'a', tag: 'a', extra: nested(40) } }),
    ),
    status: 400,
    error: 'too-deep',
    stored: 'all',
  },
  {
    name: 'a replay chunk with a DOM 150 levels deep (kept)',
    send: withBad(wireEvent('replay', { full: true, events: [nested(300)] })),
    status: 200,
    stored: 'all',
  },
  {
    name: 'a replay chunk nested 1 000 deep',
    send: withBad(wireEvent('replay', { full: true, events: [nested(1000)] })),
    status: 400,
    error: 'too-deep',
    stored: 'all',
  },
  {
    name: 'a body of arrays nested 100 000 deep',
    send: () => post(deepArrayJson(100_000)),
    status: 400,
    error: 'invalid-batch',
    stored: 0,
  },
  // Duplicates
  {
    name: 'one event twice in a batch',
    send: (c) => postBatch([...c, c[0] as Json]),
    status: 200,
    stored: 'all',
  },
  {
    name: 'a duplicated JSON key (the last one counts)',
    send: (c) => post(JSON.stringify(batch(c)).replace('"v":1', '"v":7,"v":1')),
    status: 200,
    stored: 'all',
  },
  // Routes, methods and paths
  {
    name: 'GET on the ingest route',
    send: () => ({ method: 'GET', path: `/v1/collect?key=${KEY}` }),
    status: 404,
    stored: 0,
  },
  {
    name: 'PUT on the ingest route',
    send: (c) => ({ ...postBatch(c), method: 'PUT' }),
    status: 404,
    stored: 0,
  },
  {
    name: 'path traversal out of the dashboard',
    send: () => ({ method: 'GET', path: '/dashboard/../../package.json' }),
    status: 404,
    stored: 0,
  },
  {
    name: 'encoded path traversal',
    send: () => ({ method: 'GET', path: '/dashboard/%2e%2e/%2e%2e/package.json' }),
    status: 404,
    stored: 0,
  },
  {
    name: 'traversal in a session id',
    send: () => get('/v1/sessions/..%2F..%2Fsettings'),
    status: 404,
    error: 'not-found',
    stored: 0,
  },
  {
    name: 'a headers block over 16 KB',
    send: (c) => ({ ...postBatch(c), headers: { 'x-pad': 'p'.repeat(20_000) } }),
    status: 431,
    stored: 0,
  },
  // CORS and origins
  {
    name: 'a disallowed origin',
    send: (c) => post(JSON.stringify(batch(c)), { origin: 'https://evil.example' }),
    status: 403,
    error: 'origin-not-allowed',
    stored: 0,
  },
  {
    name: 'the origin "null"',
    send: (c) => post(JSON.stringify(batch(c)), { origin: 'null' }),
    status: 403,
    error: 'origin-not-allowed',
    stored: 0,
  },
  {
    name: 'an origin that only starts like an allowed one',
    send: (c) => post(JSON.stringify(batch(c)), { origin: `${ORIGIN}.evil.example` }),
    status: 403,
    error: 'origin-not-allowed',
    stored: 0,
  },
  {
    name: 'a preflight from a disallowed origin',
    send: () => ({
      method: 'OPTIONS',
      path: '/v1/collect',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    }),
    status: 404,
    stored: 0,
    check: async (_collector, answer) => {
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    },
  },
  // Stored XSS: kept as text, answered as JSON that a browser will not sniff into HTML.
  {
    name: 'script in a title, a selector and an href',
    send: withBad(
      wireEvent('click:dead', {
        target: {
          selector: '<img src=x onerror=alert(1)>',
          tag: 'a',
          text: '<script>alert(1)</script>',
          href: 'javascript:alert(1)',
        },
      }),
    ),
    status: 200,
    stored: 'all',
    check: async (collector) => {
      const answer = await request(collector.url, get('/v1/clicks/issues?site=shop'));
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.body).toContain('<script>alert(1)</script>');
    },
  },
  // The query API
  {
    name: 'from beyond what Date holds',
    send: () => get('/v1/sessions?from=100000000000000000000'),
    status: 400,
    error: 'invalid-query',
    stored: 0,
  },
  {
    name: 'from given twice',
    send: () => get('/v1/sessions?from=1&from=2'),
    status: 400,
    error: 'invalid-query',
    stored: 0,
  },
  {
    name: 'a limit of 1e400',
    send: () => get('/v1/sessions?limit=1e400'),
    status: 400,
    error: 'invalid-query',
    stored: 0,
  },
  {
    name: 'NUL in a path query',
    send: () => get('/v1/pages/detail?path=%2F%00'),
    status: 400,
    error: 'invalid-query',
    stored: 0,
  },
  {
    name: 'a lone surrogate in a session id',
    send: () => get('/v1/sessions/%ED%A0%80'),
    status: 400,
    error: 'bad-url',
    stored: 0,
  },
  {
    name: 'NUL in a session id',
    send: () => get('/v1/sessions/a%00b'),
    status: 400,
    error: 'invalid-query',
    stored: 0,
  },
  {
    name: 'a forged cursor',
    send: () => get(`/v1/sessions?cursor=${Buffer.from('1e999:\u0000').toString('base64url')}`),
    status: 200,
    stored: 0,
  },
  {
    name: 'the site "__proto__"',
    send: () => get('/v1/sessions?site=__proto__'),
    status: 404,
    error: 'unknown-site',
    stored: 0,
  },
  {
    name: 'a wrong token',
    send: () => get('/v1/sessions', { authorization: 'Bearer wrong' }),
    status: 401,
    error: 'unauthorized',
    stored: 0,
  },
  {
    name: 'the ingest key as the token',
    send: () => get('/v1/sessions', { authorization: `Bearer ${KEY}` }),
    status: 401,
    error: 'unauthorized',
    stored: 0,
  },
];

describe.each(storages)('hostile requests (%s)', (_name, openStorage) => {
  let collector: Served;

  beforeAll(async () => {
    const opened = await createCollector({
      storage: openStorage(),
      sites: [{ id: 'shop', key: KEY, origins: [ORIGIN] }],
      dashboardToken: TOKEN,
      dashboardDir: false,
      rateLimit: false,
    });
    collector = Object.assign(opened, { url: await opened.listen({ port: 0 }) });
  });
  afterAll(async () => {
    await collector.close();
  });

  const countOf = async (sessionId: string) =>
    (await collector.storage.getSession('shop', sessionId))?.eventCount ?? 0;

  it.each(ROWS.map((row) => [row.name, row] as const))('%s', async (_label, row) => {
    const tag = row.name.includes('fast') ? 'fast' : 'inline';
    const inline = `${tag}-${randomUUID()}`;
    const beside = `beside-${randomUUID()}`;
    const companions = visit(inline, Date.now() - 10_000);
    const [answer, besideAnswer] = await Promise.all([
      request(collector.url, row.send(companions)),
      request(collector.url, postBatch(visit(beside, Date.now() - 10_000))),
    ]);
    expect(answer.status, answer.body).toBe(row.status);
    if (row.error) expect(JSON.parse(answer.body)).toMatchObject({ error: row.error });
    if (answer.status >= 400 && answer.status < 500 && answer.headers['content-type']?.includes('json')) {
      expect(JSON.parse(answer.body).message.length).toBeGreaterThan(5);
    }
    expect(besideAnswer.status).toBe(200);
    expect(await countOf(beside)).toBe(5);
    expect(await countOf(inline)).toBe(row.stored === 'all' ? companions.length : 0);
    await row.check?.(collector, answer);
    // Still alive, and nothing accepted breaks a report.
    for (const path of [
      '/healthz',
      '/v1/sessions?site=shop',
      '/v1/pages?site=shop',
      '/v1/pages/detail?site=shop&path=%2Fproducts',
      '/v1/heatmap?site=shop&path=%2Fproducts',
      '/v1/clicks/issues?site=shop',
      `/v1/sessions/${beside}?site=shop`,
    ]) {
      const report = await request(collector.url, get(path));
      expect(report.status, `${path}: ${report.body}`).toBe(200);
    }
  });

  it('stores a batch sent ten times at once exactly once', async () => {
    const id = `race-${randomUUID()}`;
    const body = JSON.stringify(batch(visit(id, Date.now() - 1000)));
    const answers = await Promise.all(Array.from({ length: 10 }, () => request(collector.url, post(body))));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(await countOf(id)).toBe(5);
  });

  it('keeps NUL and lone surrogates as U+FFFD, the same on both storages', async () => {
    const id = `text-${randomUUID()}`;
    await request(collector.url, postBatch([custom({ s: 'a\u0000b\ud800' }, { sessionId: id })]));
    expect(await storedPayloadOf(collector, id)).toEqual([{ name: 'n', props: { s: 'a\uFFFDb\uFFFD' } }]);
  });
});
