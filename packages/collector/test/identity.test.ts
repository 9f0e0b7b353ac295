// @vitest-environment happy-dom
import { randomUUID } from 'node:crypto';
import { createHttpTransport, createTracker, type Tracker } from '@spoor/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Collector, createCollector } from '../src/index';
import { batch, storages, visit, wireEvent } from './fixtures';

const KEY = 'shop-key';
const NO_CAPTURE = {
  clicks: false,
  pointer: false,
  scroll: false,
  pageViews: false,
  inputs: false,
  visibility: false,
  errors: false,
};

function clearBrowser() {
  for (const part of document.cookie.split(';')) {
    const name = part.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; Max-Age=0; Path=/`;
  }
  localStorage.clear();
  sessionStorage.clear();
}

/** A tracker whose HTTP transport posts straight into the collector, in process. */
function trackerFor(collector: Collector): Tracker {
  const transport = createHttpTransport({
    url: '/v1/collect',
    siteKey: KEY,
    compress: false,
    fetch: async (_url, init) => {
      const res = await collector.app.inject({
        method: 'POST',
        url: '/v1/collect',
        headers: init?.headers as Record<string, string>,
        payload: String(init?.body),
      });
      return new Response(res.body, { status: res.statusCode });
    },
  });
  return createTracker({ transport, capture: NO_CAPTURE, delivery: { persist: false } });
}

describe.each(storages)('visitor and user ids end to end (%s)', (_name, openStorage) => {
  let collector: Collector;
  beforeEach(async () => {
    clearBrowser();
    collector = await createCollector({
      dataDir: `/tmp/spoor-test-${randomUUID()}`,
      sites: [{ id: 'shop', key: KEY, origins: ['*'] }],
      dashboardToken: 'token',
      dashboardDir: false,
      rateLimit: false,
      storage: openStorage(),
    });
  });
  afterEach(async () => {
    await collector.close();
    clearBrowser();
  });

  const sessions = async () => (await collector.storage.listSessions({ site: 'shop' })).sessions;
  const erase = (url: string) =>
    collector.app.inject({ method: 'DELETE', url, headers: { authorization: 'Bearer token' } });

  it('stores the visitor and user of each session and erases by either', async () => {
    const tracker = trackerFor(collector);
    tracker.start();
    tracker.track('browsing');
    await tracker.flush();
    tracker.identify('user-42', { plan: 'pro' });
    tracker.track('signed-in');
    tracker.reset();
    tracker.track('after-logout');
    await tracker.flush();
    tracker.destroy();

    const stored = await sessions();
    expect(stored).toHaveLength(2);
    const first = stored.find((s) => s.userId === 'user-42');
    const second = stored.find((s) => s.userId === null);
    expect(first?.visitorId).toMatch(/^[\da-f-]{36}$/);
    expect(second?.visitorId).toMatch(/^[\da-f-]{36}$/);
    expect(second?.visitorId).not.toBe(first?.visitorId);
    const events = await collector.storage.getEvents('shop', first!.id);
    expect(events.find((e) => e.type === 'identify')?.payload).toMatchObject({
      traits: { plan: 'pro' },
    });

    expect((await erase(`/v1/users/user-42?site=shop`)).json().deleted.sessions).toBe(1);
    expect((await sessions()).map((s) => s.id)).toEqual([second?.id]);
    expect((await erase(`/v1/visitors/${second?.visitorId}?site=shop`)).json().deleted.sessions).toBe(1);
    expect(await sessions()).toEqual([]);
  });

  it('erases by user the anonymous sessions of the visitor the user was seen as', async () => {
    const now = Date.now();
    const send = (events: Record<string, unknown>[]) =>
      collector.app.inject({
        method: 'POST',
        url: `/v1/collect?key=${KEY}`,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(batch(events)),
      });
    const as = (events: Record<string, unknown>[], ids: Record<string, string>) =>
      events.map((e) => ({ ...e, ...ids }));
    await send(as(visit('anon', now), { visitorId: 'v-1' }));
    await send(as(visit('known', now + 10), { visitorId: 'v-1', userId: 'u-1' }));
    await send(as(visit('other', now + 20), { visitorId: 'v-2' }));
    expect((await erase('/v1/users/u-1?site=shop')).json()).toEqual({ deleted: { sessions: 2, events: 10 } });
    expect((await sessions()).map((s) => s.id)).toEqual(['other']);
  });

  it('never lets a later writer change the ids of a session', async () => {
    const at = (ids: Record<string, string>, n: number) =>
      batch([wireEvent('custom', { name: `e${n}`, props: {} }, { sessionId: 's-1', ...ids })]);
    const post = (body: unknown) =>
      collector.app.inject({
        method: 'POST',
        url: `/v1/collect?key=${KEY}`,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
    await post(at({ visitorId: 'v-1' }, 1));
    await post(at({ visitorId: 'v-1', userId: 'u-1' }, 2));
    const evil = await post(at({ visitorId: 'v-evil', userId: 'u-evil' }, 3));
    await post(at({ userId: 'u-evil' }, 4));
    await post(at({}, 5));
    // Another visitor's event is refused; a later user id does not replace the first.
    expect(evil.json().issues).toEqual([expect.objectContaining({ code: 'visitor-mismatch' })]);
    expect((await sessions())[0]).toMatchObject({ visitorId: 'v-1', userId: 'u-1', eventCount: 4 });
  });
});
