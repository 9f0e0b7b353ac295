import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Collector, createCollector } from '../src/index';
import { batch, gzipJson, storages, visit, wireEvent } from './fixtures';

const ORIGIN = 'https://shop.example';
const KEY = 'shop-key';
const TOKEN = 'test-token';

async function open(options: Parameters<typeof createCollector>[0] = {}): Promise<Collector> {
  return createCollector({
    dataDir: `/tmp/spoor-test-${randomUUID()}`,
    sites: [{ id: 'shop', key: KEY, origins: [ORIGIN] }],
    dashboardToken: TOKEN,
    dashboardDir: false,
    rateLimit: false,
    ...options,
  });
}

interface Send {
  body?: string | Buffer;
  headers?: Record<string, string>;
  query?: string;
}

function post(collector: Collector, { body, headers = {}, query = `?key=${KEY}` }: Send) {
  return collector.app.inject({
    method: 'POST',
    url: `/v1/collect${query}`,
    headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
    payload: body,
  });
}

const sessionEvents = async (collector: Collector) =>
  (await collector.storage.listSessions({ site: 'shop' })).sessions.reduce((sum, s) => sum + s.eventCount, 0);

// The whole table runs against both storages: a refused request must never touch what is stored.
describe.each(storages)('POST /v1/collect (%s)', (_name, openStorage) => {
  let collector: Collector;
  beforeEach(async () => {
    collector = await open({ storage: openStorage() });
  });
  afterEach(async () => {
    await collector.close();
  });

  it('stores a batch and answers 200 with what it stored', async () => {
    const res = await post(collector, { body: JSON.stringify(batch(visit('s-1', Date.now()))) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, stored: 5, duplicates: 0 });
    expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(await collector.storage.getSession('shop', 's-1')).toMatchObject({ eventCount: 5, pageViews: 1 });
  });

  it('accepts gzip bodies (header) and the beacon form (text/plain, key and encoding in the query)', async () => {
    const gz = await post(collector, {
      body: gzipJson(batch(visit('s-gzip', Date.now()))),
      headers: { 'content-encoding': 'gzip' },
    });
    expect(gz.statusCode).toBe(200);
    const beacon = await post(collector, {
      body: gzipJson(batch(visit('s-beacon', Date.now()))),
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      query: `?key=${KEY}&enc=gzip`,
    });
    expect(beacon.statusCode).toBe(200);
    const plain = await post(collector, {
      body: JSON.stringify(batch(visit('s-plain', Date.now()))),
      headers: { 'content-type': 'text/plain;charset=UTF-8', 'x-spoor-key': KEY },
      query: '',
    });
    expect(plain.statusCode).toBe(200);
    const ids = (await collector.storage.listSessions({ site: 'shop' })).sessions.map((s) => s.id).sort();
    expect(ids).toEqual(['s-beacon', 's-gzip', 's-plain']);
  });

  it('stores a retried batch once', async () => {
    const body = JSON.stringify(batch(visit('s-1', Date.now())));
    expect((await post(collector, { body })).json()).toMatchObject({ stored: 5, duplicates: 0 });
    expect((await post(collector, { body })).json()).toMatchObject({ stored: 0, duplicates: 5 });
    expect(await sessionEvents(collector)).toBe(5);
  });

  it('answers a CORS preflight for allowed origins only', async () => {
    const preflight = (origin: string) =>
      collector.app.inject({
        method: 'OPTIONS',
        url: '/v1/collect',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-spoor-key',
        },
      });
    const allowed = await preflight(ORIGIN);
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(String(allowed.headers['access-control-allow-headers']).toLowerCase()).toContain('x-spoor-key');
    const denied = await preflight('https://evil.example');
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
  });

  const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20));
  const huge = JSON.stringify(
    batch([wireEvent('custom', { name: 'big', props: { blob: 'x'.repeat(1_100_000) } })]),
  );
  const valid = () => batch(visit('s-bad', Date.now()));
  const withEvent = (change: Record<string, unknown>) => {
    const b = valid();
    (b.events as Record<string, unknown>[])[1] = { ...(b.events as Record<string, unknown>[])[1], ...change };
    return JSON.stringify(b);
  };

  const badInputs: [name: string, send: () => Send, status: number, error: string | RegExp][] = [
    ['invalid JSON', () => ({ body: '{"v":1,"events":[' }), 400, 'invalid-json'],
    ['an empty body', () => ({ body: '' }), 400, 'invalid-json'],
    ['a JSON array', () => ({ body: '[]' }), 400, 'invalid-batch'],
    ['wrong version', () => ({ body: JSON.stringify({ ...valid(), v: 2 }) }), 400, 'unsupported-version'],
    [
      'missing version',
      () => ({ body: JSON.stringify({ ...valid(), v: undefined }) }),
      400,
      'unsupported-version',
    ],
    ['oversized body', () => ({ body: huge }), 413, 'body-too-large'],
    ['zip bomb', () => ({ body: bomb, headers: { 'content-encoding': 'gzip' } }), 413, 'body-too-large'],
    [
      'corrupt gzip',
      () => ({ body: Buffer.from([0x1f, 0x8b, 1, 2, 3]), headers: { 'content-encoding': 'gzip' } }),
      400,
      'invalid-gzip',
    ],
    [
      'unknown content encoding',
      () => ({ body: '{}', headers: { 'content-encoding': 'br' } }),
      415,
      'unsupported-encoding',
    ],
    [
      'a form body',
      () => ({ body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      415,
      'unsupported-media-type',
    ],
    ['missing site key', () => ({ body: JSON.stringify(valid()), query: '' }), 401, 'missing-site-key'],
    [
      'wrong site key',
      () => ({ body: JSON.stringify(valid()), query: '?key=nope' }),
      403,
      'unknown-site-key',
    ],
    [
      'disallowed origin',
      () => ({ body: JSON.stringify(valid()), headers: { origin: 'https://evil.example' } }),
      403,
      'origin-not-allowed',
    ],
    [
      'missing events',
      () => ({ body: JSON.stringify({ ...valid(), events: undefined }) }),
      400,
      'invalid-batch',
    ],
    ['no events', () => ({ body: JSON.stringify({ ...valid(), events: [] }) }), 400, 'invalid-batch'],
    [
      'missing batchId',
      () => ({ body: JSON.stringify({ ...valid(), batchId: undefined }) }),
      400,
      'invalid-batch',
    ],
  ];

  it.each(badInputs)(
    'refuses %s with a clear 4xx and loses nothing stored',
    async (_name, send, status, error) => {
      const first = await post(collector, { body: JSON.stringify(batch(visit('kept', Date.now()))) });
      expect(first.statusCode).toBe(200);
      const res = await post(collector, send());
      expect(res.statusCode).toBe(status);
      const body = res.json() as { error: string; message: string };
      expect(body.error).toMatch(error);
      expect(body.message.length).toBeGreaterThan(5);
      expect(await sessionEvents(collector)).toBe(5);
      expect(await collector.storage.getSession('shop', 's-bad')).toBeNull();
      // The process still serves.
      expect(
        (await post(collector, { body: JSON.stringify(batch(visit('after', Date.now()))) })).statusCode,
      ).toBe(200);
    },
  );

  it('says which field is wrong', async () => {
    const res = await post(collector, { body: withEvent({ ts: 'soon' }) });
    expect(res.json()).toMatchObject({ issues: [{ path: 'events.1.ts' }] });
    expect(res.json().message).toContain('events.1.ts');
  });

  it("keeps a field's label on input events, and refuses one that is not short text", async () => {
    const field = (label: unknown) =>
      wireEvent(
        'input',
        {
          target: { selector: 'form > input', tag: 'input', label },
          fieldType: 'text',
          value: '***',
          length: 3,
        },
        { sessionId: 's-1' },
      );
    const res = await post(collector, {
      body: JSON.stringify(batch([...visit('s-1', Date.now()), field('Full name')])),
    });
    expect(res.statusCode).toBe(200);
    const stored = await collector.storage.getEvents('shop', 's-1', { types: ['input'] });
    expect(stored[0]?.payload.target).toMatchObject({ label: 'Full name' });
    for (const bad of ['x'.repeat(3000), 42]) {
      const refused = await post(collector, { body: JSON.stringify(batch([field(bad)])) });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().message).toContain('target.label');
    }
  });

  it('accepts event types it does not know yet, with a valid envelope', async () => {
    const res = await post(collector, {
      body: JSON.stringify(batch([wireEvent('future:thing', { anything: [1, 2] })])),
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After per site and client', async () => {
    const collector = await open({ rateLimit: { max: 3, timeWindowMs: 60_000 } });
    try {
      const send = (ip: string) =>
        collector.app.inject({
          method: 'POST',
          url: `/v1/collect?key=${KEY}`,
          remoteAddress: ip,
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify(batch(visit(randomUUID(), Date.now()))),
        });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await send('10.0.0.1')).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = await send('10.0.0.1');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.json()).toMatchObject({ error: 'rate-limited' });
      expect((await send('10.0.0.2')).statusCode).toBe(200);
      expect(await sessionEvents(collector)).toBe(20);
    } finally {
      await collector.close();
    }
  });
});

describe('when the database fails', () => {
  it('answers 503 with Retry-After (the tracker retries) and keeps serving', async () => {
    const { createSqliteStorage } = await import('../src/index');
    const real = createSqliteStorage({ filename: `/tmp/spoor-test-${randomUUID()}/spoor.db` });
    let down = true;
    const flaky = {
      ...real,
      ingest: (...args: Parameters<typeof real.ingest>) =>
        down ? Promise.reject(new Error('connection refused')) : real.ingest(...args),
    };
    const collector = await open({ storage: flaky });
    try {
      const body = JSON.stringify(batch(visit('s-1', Date.now())));
      const failed = await post(collector, { body });
      expect(failed.statusCode).toBe(503);
      expect(failed.headers['retry-after']).toBeDefined();
      down = false;
      expect((await post(collector, { body })).json()).toMatchObject({ stored: 5 });
    } finally {
      await collector.close();
    }
  });
});
