import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Storage, StoredEvent } from '../src/index';
import { storages, target, visit, wireEvent } from './fixtures';

const ENVELOPE = ['id', 'type', 'ts', 'sessionId', 'tabId', 'pageId', 'seq', 'url'];

/** Wire events as the ingest route hands them to storage. */
function stored(events: Record<string, unknown>[]): StoredEvent[] {
  return events.map((event) => {
    const payload = Object.fromEntries(Object.entries(event).filter(([key]) => !ENVELOPE.includes(key)));
    return {
      ...(event as unknown as StoredEvent),
      path:
        typeof payload.path === 'string'
          ? (payload.path.split('?')[0] ?? '/')
          : new URL(String(event.url)).pathname,
      payload,
    };
  });
}

const DAY = 86_400_000;

describe.each(storages)('storage: %s', (_name, open) => {
  let storage: Storage;
  const site = 'shop';

  beforeEach(async () => {
    storage = open();
    await storage.migrate();
  });
  afterEach(async () => {
    await storage.close();
  });

  it('stores a visit and sums it into its session', async () => {
    const now = Date.now();
    const result = await storage.ingest(
      { site, visitorId: 'v-1', userAgent: 'test' },
      stored(visit('s-1', now)),
    );
    expect(result).toEqual({ stored: 5, duplicates: 0 });
    const session = await storage.getSession(site, 's-1');
    expect(session).toMatchObject({
      id: 's-1',
      visitorId: 'v-1',
      startedAt: now,
      lastSeenAt: now + 5000,
      durationMs: 5000,
      eventCount: 5,
      pageViews: 1,
      engagedMs: 4000,
      errors: 0,
      hasReplay: false,
      entryUrl: 'https://shop.example/products',
      userAgent: 'test',
    });
    const events = await storage.getEvents(site, 's-1');
    expect(events.map((e) => e.type)).toEqual([
      'session:start',
      'page:view',
      'click',
      'scroll',
      'page:leave',
    ]);
    expect(events[2]?.payload).toMatchObject({ x: 100, target: { selector: 'button#buy' } });
  });

  it('drops events whose id is already stored, and counts them once', async () => {
    const events = stored(visit('s-1', Date.now()));
    await storage.ingest({ site }, events);
    expect(await storage.ingest({ site }, events)).toEqual({ stored: 0, duplicates: 5 });
    const extra = stored([
      wireEvent('error', { message: 'x', source: 'a.js', line: 1, col: 1 }, { sessionId: 's-1' }),
    ]);
    expect(await storage.ingest({ site }, [...events.slice(0, 2), ...extra])).toEqual({
      stored: 1,
      duplicates: 2,
    });
    expect(await storage.getSession(site, 's-1')).toMatchObject({ eventCount: 6, pageViews: 1, errors: 1 });
  });

  it('keeps sites apart', async () => {
    const events = stored(visit('s-1', Date.now()));
    await storage.ingest({ site }, events);
    expect(await storage.ingest({ site: 'other' }, events)).toEqual({ stored: 5, duplicates: 0 });
    expect((await storage.listSessions({ site: 'other' })).sessions).toHaveLength(1);
    await storage.deleteSession('other', 's-1');
    expect(await storage.getSession(site, 's-1')).not.toBeNull();
  });

  it('lists sessions newest first, filtered and paged', async () => {
    const now = Date.now();
    await storage.ingest({ site }, stored(visit('old', now - 3 * DAY, '/home')));
    await storage.ingest({ site }, stored(visit('mid', now - DAY, '/cart')));
    await storage.ingest({ site }, stored(visit('new', now, '/home')));
    await storage.ingest(
      { site },
      stored([
        wireEvent('click:rage', { target: target(), count: 4 }, { sessionId: 'mid', ts: now - DAY + 10 }),
        wireEvent(
          'error',
          { message: 'boom', source: 'app.js', line: 1, col: 2 },
          { sessionId: 'new', ts: now + 10 },
        ),
      ]),
    );
    const ids = async (q: Partial<Parameters<Storage['listSessions']>[0]>) =>
      (await storage.listSessions({ site, ...q })).sessions.map((s) => s.id);
    expect(await ids({})).toEqual(['new', 'mid', 'old']);
    expect(await ids({ path: '/home' })).toEqual(['new', 'old']);
    expect(await ids({ errors: true })).toEqual(['new']);
    expect(await ids({ rage: true })).toEqual(['mid']);
    expect(await ids({ dead: true })).toEqual([]);
    expect(await ids({ from: now - 2 * DAY })).toEqual(['new', 'mid']);
    expect(await ids({ to: now - 2 * DAY })).toEqual(['old']);
    const first = await storage.listSessions({ site, limit: 2 });
    expect(first.sessions.map((s) => s.id)).toEqual(['new', 'mid']);
    const second = await storage.listSessions({ site, limit: 2, cursor: first.next });
    expect(second.sessions.map((s) => s.id)).toEqual(['old']);
    expect(second.next).toBeUndefined();
  });

  it('reports page views, engaged time, scroll depth, clicks and click issues', async () => {
    const now = Date.now();
    await storage.ingest({ site }, stored(visit('a', now, '/home')));
    await storage.ingest({ site }, stored(visit('b', now + 10, '/home')));
    await storage.ingest({ site }, stored(visit('c', now + 20, '/cart')));
    await storage.ingest(
      { site },
      stored([
        wireEvent(
          'click:dead',
          { target: target('a.more', 'More') },
          { sessionId: 'c', url: 'https://shop.example/cart' },
        ),
        wireEvent(
          'click:dead',
          { target: target('a.more', 'More') },
          { sessionId: 'c', url: 'https://shop.example/cart' },
        ),
      ]),
    );
    const pages = await storage.pageStats({ site });
    expect(pages[0]).toEqual({
      path: '/home',
      views: 2,
      sessions: 2,
      clicks: 2,
      avgEngagedMs: 4000,
      avgScrollPct: 60,
    });
    expect(pages[1]).toMatchObject({ path: '/cart', views: 1 });
    const detail = await storage.pageDetail({ site, path: '/home' });
    expect(detail.days).toEqual([
      { day: new Date(now).toISOString().slice(0, 10), views: 2, avgEngagedMs: 4000 },
    ]);
    expect(detail.scrollDepth[6]).toBe(2);
    const clicks = await storage.heatmap({ site, path: '/home' });
    expect(clicks).toHaveLength(2);
    expect(clicks[0]).toEqual({
      x: 100,
      y: 200,
      vw: 1280,
      vh: 720,
      rx: 0.5,
      ry: 0.5,
      selector: 'button#buy',
    });
    const issues = await storage.clickIssues({ site });
    expect(issues).toEqual([
      expect.objectContaining({
        type: 'click:dead',
        path: '/cart',
        selector: 'a.more',
        text: 'More',
        count: 2,
        sessions: 1,
      }),
    ]);
  });

  it('files a page:leave under the page view it ends, even when sent with the next URL', async () => {
    const now = Date.now();
    const home = { sessionId: 'spa', pageId: 'p-home', url: 'https://shop.example/home' };
    const leftWithNextUrl = { sessionId: 'spa', pageId: 'p-home', url: 'https://shop.example/cart' };
    await storage.ingest(
      { site },
      stored([
        wireEvent(
          'page:view',
          { path: '/home', title: 'Home', referrer: '', navigation: 'load' },
          { ...home, ts: now },
        ),
      ]),
    );
    // The leave arrives in a later batch than its view.
    await storage.ingest(
      { site },
      stored([
        wireEvent(
          'page:leave',
          { durationMs: 3000, engagedMs: 2000, maxScrollPct: 40 },
          { ...leftWithNextUrl, ts: now + 3000 },
        ),
        wireEvent(
          'page:view',
          { path: '/cart?step=1', title: 'Cart', referrer: '', navigation: 'push' },
          { sessionId: 'spa', pageId: 'p-cart', url: 'https://shop.example/cart?step=1', ts: now + 3001 },
        ),
        wireEvent(
          'page:leave',
          { durationMs: 1000, engagedMs: 1000, maxScrollPct: 90 },
          { sessionId: 'spa', pageId: 'p-cart', url: 'https://shop.example/thanks', ts: now + 4001 },
        ),
      ]),
    );
    const pages = await storage.pageStats({ site });
    expect(pages).toEqual([
      expect.objectContaining({ path: '/cart', views: 1, avgEngagedMs: 1000, avgScrollPct: 90 }),
      expect.objectContaining({ path: '/home', views: 1, avgEngagedMs: 2000, avgScrollPct: 40 }),
    ]);
  });

  it('erases one session, or every session of a visitor', async () => {
    const now = Date.now();
    await storage.ingest({ site, visitorId: 'alice' }, stored(visit('a1', now)));
    await storage.ingest({ site, visitorId: 'alice' }, stored(visit('a2', now + 1)));
    await storage.ingest({ site, visitorId: 'bob' }, stored(visit('b1', now + 2)));
    expect(await storage.deleteSession(site, 'b1')).toMatchObject({ sessions: 1, events: 5 });
    expect(await storage.getEvents(site, 'b1')).toEqual([]);
    expect(await storage.deleteVisitor(site, 'alice')).toMatchObject({ sessions: 2, events: 10 });
    expect((await storage.listSessions({ site })).sessions).toEqual([]);
    expect((await storage.pageStats({ site })).length).toBe(0);
  });

  it('deletes sessions received before the retention cutoff with all their events', async () => {
    const now = Date.now();
    // Event times are the client's word: a session received 40 days ago goes, whatever its ts says.
    await storage.ingest({ site, receivedAt: now - 40 * DAY }, stored(visit('old', now + DAY)));
    await storage.ingest({ site, receivedAt: now - 2 * DAY }, stored(visit('recent', now - 2 * DAY)));
    expect(await storage.deleteOlderThan(now - 30 * DAY)).toMatchObject({ sessions: 1, events: 5 });
    expect((await storage.listSessions({ site })).sessions.map((s) => s.id)).toEqual(['recent']);
    expect(await storage.getEvents(site, 'recent')).toHaveLength(5);
    expect(await storage.deleteOlderThan(now - 30 * DAY)).toMatchObject({ sessions: 0, events: 0 });
  });

  it('does not extend a session past its maximum duration', async () => {
    const now = Date.now();
    await storage.ingest({ site, receivedAt: now - 27 * 3_600_000 }, stored(visit('long', now - DAY)));
    const late = await storage.ingest({ site, receivedAt: now }, stored(visit('long', now)));
    expect(late).toMatchObject({
      stored: 0,
      refused: expect.arrayContaining([expect.objectContaining({ code: 'session-closed' })]),
    });
    expect(late.refused).toHaveLength(5);
    expect(await storage.getSession(site, 'long')).toMatchObject({ eventCount: 5 });
    // So retention removes it on schedule.
    expect(await storage.deleteOlderThan(now - 26 * 3_600_000)).toMatchObject({ sessions: 1, events: 5 });
  });

  it('keeps the first visitor id: a later writer cannot take a session over', async () => {
    await storage.ingest({ site, visitorId: 'alice' }, stored(visit('s-v', Date.now())));
    const other = await storage.ingest({ site, visitorId: 'mallory' }, stored(visit('s-v', Date.now())));
    expect(other).toMatchObject({
      stored: 0,
      refused: expect.arrayContaining([expect.objectContaining({ code: 'visitor-mismatch' })]),
    });
    // Without a visitor id (sent before the app identified its visitor) it still adds.
    const anonymous = await storage.ingest({ site }, stored(visit('s-v', Date.now())));
    expect(anonymous).toEqual({ stored: 5, duplicates: 0 });
    expect(await storage.getSession(site, 's-v')).toMatchObject({ visitorId: 'alice', eventCount: 10 });
    expect(await storage.deleteVisitor(site, 'mallory')).toMatchObject({ sessions: 0, events: 0 });
  });

  it('caps the events one session holds', async () => {
    await storage.ingest({ site, rules: { maxSessionEvents: 7 } }, stored(visit('s-cap', Date.now())));
    const more = await storage.ingest(
      { site, rules: { maxSessionEvents: 7 } },
      stored(visit('s-cap', Date.now())),
    );
    expect(more).toMatchObject({
      stored: 2,
      refused: expect.arrayContaining([expect.objectContaining({ code: 'session-full' })]),
    });
    expect(await storage.getSession(site, 's-cap')).toMatchObject({ eventCount: 7 });
  });

  it('runs its migrations again without harm and keeps the data', async () => {
    await storage.ingest({ site }, stored(visit('s-1', Date.now())));
    await storage.migrate();
    await storage.migrate();
    expect(await storage.getSession(site, 's-1')).toMatchObject({ eventCount: 5 });
  });

  it('keeps the first value of a setting', async () => {
    expect(await storage.ensureSetting('token', 'first')).toBe('first');
    expect(await storage.ensureSetting('token', 'second')).toBe('first');
  });

  it('stores each event once when the same batches arrive concurrently', async () => {
    const sessions = Array.from({ length: 8 }, () => randomUUID());
    const batches = sessions.map((id) => stored(visit(id, Date.now())));
    // Every batch sent three times at once, like retries racing each other.
    const results = await Promise.all(
      [...batches, ...batches, ...batches].map((events) => storage.ingest({ site }, events)),
    );
    expect(results.reduce((sum, r) => sum + r.stored, 0)).toBe(40);
    const listed = (await storage.listSessions({ site })).sessions;
    expect(listed).toHaveLength(8);
    expect(listed.every((s) => s.eventCount === 5 && s.pageViews === 1)).toBe(true);
  });
});
