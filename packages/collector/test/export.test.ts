import { randomUUID } from 'node:crypto';
import { encodeEvents } from '@spoor/replay/codec';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiskBlobStore } from '../src/blob/disk';
import { type Collector, createCollector } from '../src/index';
import { exportRoutes } from '../src/routes/export';
import { resolveSites } from '../src/sites';
import { createSqliteStorage } from '../src/storage/sqlite';
import { batch, replayChunks, visit, wireEvent } from './fixtures';

const KEY = 'shop-key';
const opened: Collector[] = [];

async function open(extra: Parameters<typeof createCollector>[0] = {}): Promise<Collector> {
  const collector = await createCollector({
    dataDir: `/tmp/spoor-test-${randomUUID()}`,
    ...extra,
    sites: [{ id: 'shop', key: KEY, origins: ['*'] }],
    dashboardDir: false,
    rateLimit: false,
  });
  opened.push(collector);
  return collector;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
});

const ingest = (collector: Collector, events: Record<string, unknown>[]) =>
  collector.app.inject({
    method: 'POST',
    url: `/v1/collect?key=${KEY}`,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify(batch(events)),
  });

const get = (collector: Collector, url: string, token = collector.token) =>
  collector.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

describe('GET /v1/sessions/:id/replay/export', () => {
  it('returns the replay as standard rrweb events, from codec 1 and codec 2 chunks alike', async () => {
    const collector = await open();
    const now = Date.now();
    const snapshot = [
      { type: 4, data: { href: 'https://shop.example/', width: 800, height: 600 }, timestamp: now + 1 },
      {
        type: 2,
        data: {
          node: {
            type: 0,
            childNodes: [{ type: 2, tagName: 'html', attributes: {}, childNodes: [], id: 2 }],
            id: 1,
          },
          initialOffset: { top: 0, left: 0 },
        },
        timestamp: now + 2,
      },
    ];
    const later = [
      {
        type: 3,
        data: { source: 1, positions: [{ x: 10, y: 20, id: 2, timeOffset: -5 }] },
        timestamp: now + 900,
      },
      {
        type: 3,
        data: { source: 0, texts: [{ id: 2, value: 'hi' }], attributes: [], removes: [], adds: [] },
        timestamp: now + 950,
      },
    ];
    const other = [{ type: 3, data: { source: 3, id: 1, x: 0, y: 5 }, timestamp: now + 500 }];
    await ingest(collector, [
      ...visit('s-1', now),
      wireEvent(
        'replay',
        { codec: 2, data: encodeEvents(later), full: false },
        { sessionId: 's-1', ts: now + 990 },
      ),
      wireEvent('replay', { codec: 1, events: snapshot, full: true }, { sessionId: 's-1', ts: now + 3 }),
      wireEvent(
        'replay',
        { events: other, full: false },
        { sessionId: 's-1', tabId: 'other-tab', ts: now + 600 },
      ),
    ]);

    const response = await get(collector, '/v1/sessions/s-1/replay/export');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('spoor-replay-s-1.json');
    expect(response.headers['x-spoor-unreadable-chunks']).toBe('0');
    // One tab's recording, in time order: rrweb's tools take it as it is.
    expect(response.json()).toEqual([...snapshot, ...later]);

    const otherTab = await get(collector, '/v1/sessions/s-1/replay/export?tabId=other-tab');
    expect(otherTab.json()).toEqual(other);
  });

  it('reads a long recording from the blob store, every chunk, and caps what it returns', async () => {
    const dir = `/tmp/spoor-test-${randomUUID()}`;
    const tables = createSqliteStorage({ filename: `${dir}/spoor.db` });
    const collector = await open({ storage: tables, blobStore: createDiskBlobStore(`${dir}/replay`) });
    const now = Date.now();
    // 250 chunks: more than one read page, each kept in the blob store (the table holds a pointer).
    const chunks = replayChunks('s-1', now, 250);
    await ingest(collector, visit('s-1', now));
    for (let at = 0; at < chunks.length; at += 50) await ingest(collector, chunks.slice(at, at + 50));
    const row = (await tables.getEvents('shop', 's-1', { types: ['replay'], limit: 1 }))[0];
    expect(Object.keys(row?.payload ?? {}).sort()).toEqual(['blob', 'bytes', 'full']);

    const response = await get(collector, '/v1/sessions/s-1/replay/export');
    expect(response.headers['x-spoor-truncated']).toBe('false');
    const ys = (response.json() as { data: { y: number } }[]).map((e) => e.data.y);
    expect(ys).toEqual(chunks.map((_, n) => n));

    // Past the cap, the first part of the recording, marked as cut.
    const capped = Fastify();
    await capped.register(exportRoutes, {
      storage: collector.storage,
      sites: resolveSites([{ id: 'shop', key: KEY, origins: ['*'] }]),
      token: collector.token,
      maxChunks: 120,
    });
    const cut = await capped.inject({
      method: 'GET',
      url: '/v1/sessions/s-1/replay/export',
      headers: { authorization: `Bearer ${collector.token}` },
    });
    expect(cut.headers['x-spoor-truncated']).toBe('true');
    expect((cut.json() as unknown[]).length).toBe(120);
    await capped.close();
  });

  it('needs the dashboard token and names what is missing', async () => {
    const collector = await open();
    await ingest(collector, visit('s-1', Date.now()));
    expect((await get(collector, '/v1/sessions/s-1/replay/export', 'wrong')).statusCode).toBe(401);
    const missing = await get(collector, '/v1/sessions/nope/replay/export');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'not-found' });
    expect((await get(collector, '/v1/sessions/s-1/replay/export?site=elsewhere')).json()).toMatchObject({
      error: 'unknown-site',
    });
    expect((await get(collector, '/v1/sessions/s-1/replay/export')).json()).toEqual([]);
  });

  it('rejects a replay chunk of an unknown codec at ingest', async () => {
    const collector = await open();
    const response = await ingest(collector, [
      ...visit('s-1', Date.now()),
      wireEvent('replay', { codec: 2, events: [], full: false }, { sessionId: 's-1' }),
    ]);
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
  });
});
