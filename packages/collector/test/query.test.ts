import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { type Collector, type CollectorOptions, createCollector, type StoredEvent } from '../src/index';
import { batch, target, visit, wireEvent } from './fixtures';

const KEY = 'shop-key';
const DAY = 86_400_000;
const opened: Collector[] = [];

async function open(options: CollectorOptions = {}): Promise<Collector> {
  const collector = await createCollector({
    dataDir: `/tmp/spoor-test-${randomUUID()}`,
    sites: [{ id: 'shop', key: KEY, origins: ['*'] }],
    dashboardDir: false,
    rateLimit: false,
    ...options,
  });
  opened.push(collector);
  return collector;
}

afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(opened.splice(0).map((c) => c.close()));
});

const ingest = (
  collector: Collector,
  events: Record<string, unknown>[],
  extra: Record<string, unknown> = {},
) =>
  collector.app.inject({
    method: 'POST',
    url: `/v1/collect?key=${KEY}`,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify(batch(events, extra)),
  });

const get = (collector: Collector, url: string, token = collector.token) =>
  collector.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

describe('query API', () => {
  it('needs the dashboard token; an ingest key cannot read', async () => {
    const collector = await open({ dashboardToken: 'secret-token' });
    await ingest(collector, visit('s-1', Date.now()));
    expect((await collector.app.inject({ method: 'GET', url: '/v1/sessions' })).statusCode).toBe(401);
    expect((await get(collector, '/v1/sessions', 'wrong')).statusCode).toBe(401);
    expect((await get(collector, '/v1/sessions', KEY)).statusCode).toBe(401);
    expect((await get(collector, `/v1/sessions?key=${KEY}`, KEY)).statusCode).toBe(401);
    const ok = await get(collector, '/v1/sessions');
    expect(ok.statusCode).toBe(200);
    expect(ok.json().sessions.map((s: { id: string }) => s.id)).toEqual(['s-1']);
  });

  it('generates a token on first start and keeps it across restarts', async () => {
    const dataDir = `/tmp/spoor-test-${randomUUID()}`;
    const first = await open({ dataDir });
    expect(first.tokenGenerated).toBe(true);
    expect(first.token.length).toBeGreaterThanOrEqual(24);
    await first.close();
    const second = await open({ dataDir });
    expect(second.tokenGenerated).toBe(false);
    expect(second.token).toBe(first.token);
  });

  it('lists sessions with filters and shows one with its timeline and replay', async () => {
    const collector = await open();
    const now = Date.now();
    await ingest(collector, [
      ...visit('s-1', now),
      wireEvent('click:rage', { target: target(), count: 3 }, { sessionId: 's-1', ts: now + 600 }),
      wireEvent(
        'replay',
        { events: [{ type: 4, timestamp: now + 2, data: {} }], full: true },
        { sessionId: 's-1', ts: now + 2 },
      ),
      wireEvent(
        'replay',
        { events: [{ type: 3, timestamp: now + 900, data: {} }], full: false },
        { sessionId: 's-1', ts: now + 900 },
      ),
    ]);
    await ingest(collector, visit('s-2', now - DAY, '/cart'));
    const list = (await get(collector, '/v1/sessions?rage=1')).json();
    expect(list.sessions).toEqual([
      expect.objectContaining({
        id: 's-1',
        pageViews: 1,
        engagedMs: 4000,
        durationMs: 5000,
        rageClicks: 1,
        hasReplay: true,
      }),
    ]);
    expect(
      (await get(collector, '/v1/sessions?path=/cart')).json().sessions.map((s: { id: string }) => s.id),
    ).toEqual(['s-2']);
    const detail = (await get(collector, '/v1/sessions/s-1')).json();
    expect(detail.session.id).toBe('s-1');
    expect(detail.events.map((e: { type: string }) => e.type)).toEqual([
      'session:start',
      'page:view',
      'click',
      'click:rage',
      'scroll',
      'page:leave',
    ]);
    const replay = (await get(collector, '/v1/sessions/s-1/replay')).json();
    expect(
      replay.chunks.map((c: { payload: { events: { type: number }[] } }) => c.payload.events[0]?.type),
    ).toEqual([4, 3]);
    expect((await get(collector, '/v1/sessions/nope')).statusCode).toBe(404);
  });

  it('reports pages, heatmap clicks and click issues', async () => {
    const collector = await open();
    const now = Date.now();
    await ingest(collector, [
      ...visit('s-1', now, '/home'),
      wireEvent(
        'click:dead',
        { target: target('a.more', 'More') },
        { sessionId: 's-1', url: 'https://shop.example/home' },
      ),
    ]);
    expect((await get(collector, '/v1/pages')).json().pages).toEqual([
      { path: '/home', views: 1, sessions: 1, clicks: 1, avgEngagedMs: 4000, avgScrollPct: 60 },
    ]);
    const detail = (await get(collector, '/v1/pages/detail?path=/home')).json();
    expect(detail.days).toHaveLength(1);
    expect((await get(collector, '/v1/heatmap?path=/home')).json().clicks).toHaveLength(1);
    expect((await get(collector, '/v1/clicks/issues')).json().issues).toEqual([
      expect.objectContaining({ type: 'click:dead', selector: 'a.more', count: 1, sampleSessionId: 's-1' }),
    ]);
  });

  it('answers 400 for bad query parameters and 404 for unknown sites', async () => {
    const collector = await open();
    expect((await get(collector, '/v1/sessions?from=yesterday')).statusCode).toBe(400);
    expect((await get(collector, '/v1/heatmap')).statusCode).toBe(400);
    expect((await get(collector, '/v1/sessions?site=nope')).statusCode).toBe(404);
  });

  it('erases a session, or everything of a visitor, through the API', async () => {
    const collector = await open();
    const now = Date.now();
    await ingest(collector, visit('a-1', now), { visitorId: 'alice' });
    await ingest(collector, visit('a-2', now + 1), { visitorId: 'alice' });
    await ingest(collector, visit('b-1', now + 2), { visitorId: 'bob' });
    const del = (url: string, token = collector.token) =>
      collector.app.inject({ method: 'DELETE', url, headers: { authorization: `Bearer ${token}` } });
    expect((await del('/v1/sessions/b-1', KEY)).statusCode).toBe(401);
    expect((await del('/v1/sessions/b-1')).json()).toEqual({ deleted: { sessions: 1, events: 5 } });
    expect((await del('/v1/visitors/alice')).json()).toEqual({ deleted: { sessions: 2, events: 10 } });
    expect((await get(collector, '/v1/sessions')).json().sessions).toEqual([]);
    expect((await get(collector, '/v1/sessions/a-1')).statusCode).toBe(404);
  });

  it('deletes sessions past the retention period on start and on its schedule', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const dataDir = `/tmp/spoor-test-${randomUUID()}`;
    const first = await open({ dataDir, retentionDays: 30 });
    const received = (sessionId: string, daysAgo: number) =>
      first.storage.ingest(
        { site: 'shop', receivedAt: Date.now() - daysAgo * DAY },
        visit(sessionId, Date.now()).map((e) => ({
          ...(e as unknown as StoredEvent),
          path: '/products',
          payload: {},
        })),
      );
    await received('old', 40);
    await received('recent', 1);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect((await get(first, '/v1/sessions')).json().sessions.map((s: { id: string }) => s.id)).toEqual([
      'recent',
    ]);
    await received('old-2', 31);
    await first.close();
    const second = await open({ dataDir, retentionDays: 30 });
    expect((await get(second, '/v1/sessions')).json().sessions.map((s: { id: string }) => s.id)).toEqual([
      'recent',
    ]);
  });
});

describe('several collectors on one PostgreSQL database', () => {
  it('share the data, the schema and the generated token', async () => {
    const databaseUrl = inject('databaseUrl');
    const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const { createPostgresStorage } = await import('../src/index');
    const storage = () => createPostgresStorage({ connectionString: databaseUrl, schema, poolSize: 4 });
    // Both start (and migrate) at the same moment, like processes behind a load balancer.
    const [a, b] = await Promise.all([open({ storage: storage() }), open({ storage: storage() })]);
    expect(a.token).toBe(b.token);
    // Overlapping batches of one session through both at once, several sessions over: writers
    // that meet can deadlock in PostgreSQL, and the one it aborts must be run again, not refused.
    const ids = ['s-1', 's-2', 's-3', 's-4', 's-5', 's-6'];
    const results = await Promise.all(
      ids.flatMap((id) => {
        const events = visit(id, Date.now());
        return [ingest(a, events.slice(0, 3)), ingest(b, events.slice(2)), ingest(a, events)];
      }),
    );
    expect(results.map((r) => r.statusCode)).toEqual(ids.flatMap(() => [200, 200, 200]));
    for (const id of ids) {
      const session = (await get(b, `/v1/sessions/${id}`)).json();
      expect(session.session).toMatchObject({ eventCount: 5, pageViews: 1, engagedMs: 4000 });
    }
  });
});
