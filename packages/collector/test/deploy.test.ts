import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { helpText, readConfig, SETTINGS } from '../src/config';
import { type Collector, createCollector } from '../src/index';
import { batch, storages, visit } from './fixtures';

describe('configuration by flag and environment variable', () => {
  it('has one flag and one variable per option, all different, all in the help', () => {
    expect(new Set(SETTINGS.map((s) => s.flag)).size).toBe(SETTINGS.length);
    expect(new Set(SETTINGS.map((s) => s.env)).size).toBe(SETTINGS.length);
    for (const s of SETTINGS) expect(helpText()).toContain(`--${s.flag}`);
  });

  it.each([
    ['a PostgreSQL URL', {}, { DATABASE_URL: 'postgres://db/spoor' }, { databaseUrl: 'postgres://db/spoor' }],
    [
      'sites from the variable',
      {},
      { SPOOR_SITES: 'a=https://a.example;b=*' },
      {
        sites: [
          { key: 'a', origins: ['https://a.example'] },
          { key: 'b', origins: ['*'] },
        ],
      },
    ],
    [
      'sites from repeated flags',
      { site: ['a=https://a.example', 'b=*'] },
      {},
      {
        sites: [
          { key: 'a', origins: ['https://a.example'] },
          { key: 'b', origins: ['*'] },
        ],
      },
    ],
    [
      'a flag over its variable',
      { 'retention-days': '7' },
      { SPOOR_RETENTION_DAYS: '30' },
      { retentionDays: 7 },
    ],
    ['rate limiting off', { 'rate-limit': '0' }, {}, { rateLimit: false }],
    [
      'a rate limit with its window',
      {},
      { SPOOR_RATE_LIMIT: '100/1000' },
      { rateLimit: { max: 100, timeWindowMs: 1000 } },
    ],
    ['trust in any proxy', {}, { SPOOR_TRUST_PROXY: 'true' }, { trustProxy: true }],
    ['trust in given proxies', {}, { SPOOR_TRUST_PROXY: '10.0.0.0/8' }, { trustProxy: '10.0.0.0/8' }],
    ['no dashboard', {}, { SPOOR_DASHBOARD_DIR: 'false' }, { dashboardDir: false }],
    ['a log level', {}, { SPOOR_LOG_LEVEL: 'info' }, { logger: { level: 'info' } }],
    [
      'limits',
      { 'max-events-per-batch': '10' },
      { SPOOR_MAX_SESSION_MS: '1000' },
      { limits: { maxEventsPerBatch: 10, maxSessionMs: 1000 } },
    ],
    [
      'timeouts',
      {},
      { SPOOR_REQUEST_TIMEOUT_MS: '5000', SPOOR_HEADERS_TIMEOUT_MS: '2000' },
      { timeouts: { requestMs: 5000, headersMs: 2000 } },
    ],
  ])('reads %s', (_name, flags, env, options) => {
    expect(readConfig(flags, env).options).toEqual(options);
  });

  it('reads where to listen, with defaults', () => {
    expect(readConfig({}, {}).listen).toEqual({ port: 8787, host: '127.0.0.1' });
    expect(readConfig({ host: '0.0.0.0' }, { PORT: '9000' }).listen).toEqual({ port: 9000, host: '0.0.0.0' });
  });

  it.each([
    [{ 'retention-days': 'soon' }, {}, '--retention-days / SPOOR_RETENTION_DAYS: expected a number'],
    [{}, { PORT: '-1' }, '--port / PORT: expected a number'],
    [{}, { SPOOR_TRUST_PROXY: '' }, null],
    [{}, { SPOOR_LOG_LEVEL: 'loud' }, '--log-level / SPOOR_LOG_LEVEL: expected a log level'],
  ])('names the flag and the variable of a bad value (%o %o)', (flags, env, message) => {
    if (message) expect(() => readConfig(flags, env)).toThrow(message);
    else expect(() => readConfig(flags, env)).not.toThrow();
  });
});

describe.each(storages)('health and outages (%s)', (_name, openStorage) => {
  const KEY = 'k';
  const inject = (collector: Collector, method: 'GET' | 'POST', url: string, body?: string) =>
    collector.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${collector.token}`, 'content-type': 'application/json' },
      ...(body ? { payload: body } : {}),
    });

  it('is alive while its database is down, not ready, and answers 503 (not 500) meanwhile', async () => {
    const storage = openStorage();
    const collector = await createCollector({
      storage,
      sites: [{ id: 'shop', key: KEY }],
      dashboardDir: false,
      rateLimit: false,
      dataDir: `/tmp/spoor-test-${randomUUID()}`,
    });
    try {
      expect((await inject(collector, 'GET', '/readyz')).json()).toMatchObject({ ok: true });
      expect((await inject(collector, 'GET', '/v1/sessions')).statusCode).toBe(200);
      await storage.close(); // the database goes away under the running collector
      expect((await inject(collector, 'GET', '/healthz')).statusCode).toBe(200);
      const ready = await inject(collector, 'GET', '/readyz');
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ error: 'storage-unavailable' });
      for (const url of [
        '/v1/sessions',
        '/v1/pages',
        '/v1/clicks/issues',
        '/v1/sessions/x',
        '/v1/sessions/x/replay',
      ]) {
        const answer = await inject(collector, 'GET', url);
        expect(answer.statusCode, url).toBe(503);
        expect(answer.headers['retry-after']).toBe('5');
      }
      const ingest = await inject(
        collector,
        'POST',
        `/v1/collect?key=${KEY}`,
        JSON.stringify(batch(visit('s', Date.now()))),
      );
      expect(ingest.statusCode).toBe(503);
    } finally {
      await collector.close().catch(() => {});
    }
  });
});
