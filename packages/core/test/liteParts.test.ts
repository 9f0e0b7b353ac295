import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TrackerEvent } from '../src/events';
import { createCoreTracker, createHttpTransport, type Tracker } from '../src/lite';
import { clearCookies } from './helpers';

interface Sent {
  url: string;
  body: { batchId: string; events: Array<Record<string, unknown> & { type: string }> };
}

/** A collector answering each request with the next status of `statuses` (204 once they run out). */
function collector(statuses: number[] = []) {
  const requests: Sent[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    requests.push({ url: String(url), body: JSON.parse(init.body as string) });
    return new Response(null, { status: statuses.shift() ?? 204 });
  }) as unknown as typeof globalThis.fetch;
  const events = () => requests.flatMap((request) => request.body.events);
  return { fetch, requests, events };
}

const trackers: Tracker[] = [];
function make(server = collector(), options: Parameters<typeof createCoreTracker>[0] = {}) {
  // compress: false keeps bodies readable; the gzip path is the full transport's, tested there.
  const transport = createHttpTransport({ url: '/collect', fetch: server.fetch, compress: false });
  const tracker = createCoreTracker({ transport, ...options });
  const local: TrackerEvent[] = [];
  tracker.on('*', (event) => local.push(event));
  trackers.push(tracker);
  return { tracker, server, local };
}

const sessionCookie = () => /(?:^|; )spoor_sid=([^;.]+)/.exec(document.cookie)?.[1];

beforeEach(() => {
  history.replaceState({}, '', '/');
});

afterEach(() => {
  for (const tracker of trackers.splice(0)) tracker.destroy();
  vi.useRealTimers();
  clearCookies();
  document.title = '';
});

describe('createCoreTracker from small parts', () => {
  it('keeps the session in a first-party cookie that every tab shares', async () => {
    const first = make();
    first.tracker.start();
    const id = first.tracker.getSnapshot().sessionId;
    expect(id).toBeTruthy();
    expect(sessionCookie()).toBe(id);

    const second = make();
    second.tracker.start();
    expect(second.tracker.getSnapshot().sessionId).toBe(id);
  });

  it('rotates the session after 30 idle minutes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-06T10:00:00Z'));
    const { tracker, server } = make();
    tracker.start();
    const first = tracker.getSnapshot().sessionId;
    vi.setSystemTime(new Date('2026-12-06T10:31:00Z'));
    tracker.track('back');
    await tracker.flush();
    const second = tracker.getSnapshot().sessionId;
    expect(second).not.toBe(first);
    expect(server.events().filter((event) => event.type.startsWith('session:'))).toMatchObject([
      { type: 'session:start', reason: 'new', sessionId: first },
      { type: 'session:end', reason: 'idle', sessionId: first },
      { type: 'session:start', reason: 'idle', sessionId: second, previousSessionId: first },
    ]);
  });

  it('starts a new session on reset, and forgets the session cookie when consent is denied', async () => {
    const { tracker, server } = make();
    tracker.start();
    const first = tracker.getSnapshot().sessionId;
    tracker.reset();
    await tracker.flush();
    const second = tracker.getSnapshot().sessionId;
    expect(second).not.toBe(first);
    expect(server.events().filter((event) => event.type.startsWith('session:'))).toMatchObject([
      { type: 'session:start', reason: 'new', sessionId: first },
      { type: 'session:end', reason: 'reset', sessionId: first },
      { type: 'session:start', reason: 'reset', sessionId: second },
    ]);
    tracker.consent.deny();
    expect(sessionCookie()).toBeUndefined();
    expect(document.cookie).toContain('spoor_consent=denied');
  });

  it('sends a page view on load and on each single-page navigation', async () => {
    const { tracker, server } = make();
    tracker.start();
    history.pushState({}, '', '/pricing');
    await tracker.flush();
    expect(server.events().filter((event) => event.type === 'page:view')).toMatchObject([
      { navigation: 'load', path: '/' },
      { navigation: 'push', path: '/pricing' },
    ]);
  });

  it('follows history navigations where the browser also has the Navigation API', async () => {
    Object.defineProperty(window, 'navigation', { configurable: true, value: new EventTarget() });
    try {
      const { tracker, server } = make();
      tracker.start();
      history.pushState({}, '', '/docs');
      history.replaceState({}, '', '/docs?tab=api');
      await tracker.flush();
      expect(server.events().filter((event) => event.type === 'page:view')).toMatchObject([
        { navigation: 'load', path: '/' },
        { navigation: 'push', path: '/docs' },
        { navigation: 'replace', path: '/docs?tab=[redacted]' },
      ]);
    } finally {
      delete (window as unknown as { navigation?: unknown }).navigation;
    }
  });

  it('delivers custom events through the HTTP transport in wire format v1', async () => {
    const { tracker, server } = make();
    tracker.start();
    tracker.track('plan_chosen', { plan: 'pro', seats: 3 });
    await tracker.flush();
    expect(server.requests[0]?.url).toBe('/collect');
    expect(server.requests[0]?.body).toMatchObject({ v: 1 });
    expect(server.events().find((event) => event.type === 'custom')).toMatchObject({
      name: 'plan_chosen',
      props: { plan: 'pro', seats: 3 },
    });
  });

  it('retries a failed batch with the same id and reports what the server refuses', async () => {
    const { tracker, server, local } = make(collector([503]));
    tracker.start();
    tracker.track('first');
    await tracker.flush();
    expect(server.events()).toHaveLength(3);
    await tracker.flush();
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.body.batchId).toBe(server.requests[0]?.body.batchId);
    expect(local.some((event) => event.type === 'transport:error')).toBe(false);

    const refused = make(collector([400]));
    refused.tracker.start();
    await refused.tracker.flush();
    expect(refused.local.find((event) => event.type === 'transport:error')).toMatchObject({
      transport: 'http',
      status: 400,
      dropped: refused.server.requests[0]?.body.events.length,
    });
  });

  it('sends none of the personal data planted in the URL, the title and custom events', async () => {
    history.replaceState({}, '', '/account/ada@example.com?email=ada%40example.com&token=s3cr3t#code=4242');
    document.title = 'Call +44 20 7946 0958 or write to ada@example.com';
    const { tracker, server } = make();
    tracker.start();
    tracker.track('checkout', {
      contact: 'ada@example.com',
      card: '4242 4242 4242 4242',
      phone: '(555) 123-4567',
      nested: [{ note: 'my number is +1 555 123 4567' }],
    });
    await tracker.flush();
    const sent = JSON.stringify(server.requests);
    for (const planted of [
      'ada@example',
      'ada%40example',
      's3cr3t',
      '4242 4242',
      '7946',
      '123-4567',
      '555 123',
    ])
      expect(sent).not.toContain(planted);
    expect(sent).toContain('[email]');
    expect(sent).toContain('token=[redacted]');
  });

  it('names an option it does not accept, or a bad value, in its error', () => {
    expect(() => createCoreTracker({ session: { idleTimeoutMs: -1 } })).toThrow(
      'session.idleTimeoutMs must be a positive number, got -1',
    );
    expect(() => createCoreTracker({ debug: true } as never)).toThrow(
      'debug is not an option of createCoreTracker',
    );
    expect(() => createCoreTracker({ transports: [{}] as never })).toThrow(
      'transports[0] must be a transport',
    );
  });

  it('discloses no visitor id and no stored batches, which its parts do not keep', async () => {
    const { tracker } = make();
    const disclosure = await tracker.disclosure();
    const names = disclosure.storage.map((entry) => entry.name);
    expect(names).toContain('spoor_sid');
    expect(names).not.toContain('spoor_vid');
    expect(disclosure.storage.some((entry) => entry.kind === 'IndexedDB')).toBe(false);
  });
});
