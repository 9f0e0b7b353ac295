import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpTransport, type WireBatch } from '../../src/transports/http';
import { makeEvent } from '../delivery/helpers';

interface Request {
  url: string;
  init: RequestInit;
}

function fakeFetch(
  answer: (req: Request) => Response | Promise<Response> = () => new Response(null, { status: 204 }),
) {
  const requests: Request[] = [];
  const fetch = vi.fn(async (url: string | URL | globalThis.Request, init?: RequestInit) => {
    const req = { url: String(url), init: init ?? {} };
    requests.push(req);
    return answer(req);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, requests };
}

async function bodyOf(req: Request): Promise<WireBatch> {
  const body = req.init.body;
  if (typeof body === 'string') return JSON.parse(body) as WireBatch;
  const bytes = Buffer.from(body as Uint8Array);
  return JSON.parse(gunzipSync(bytes).toString('utf8')) as WireBatch;
}

const batch = (count: number, pad = 10) => ({
  batchId: 'batch-1',
  attempt: 0,
  events: Array.from({ length: count }, () => makeEvent({ text: 'x'.repeat(pad) })),
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createHttpTransport', () => {
  it('posts wire format v1 with the configured headers and site key', async () => {
    const { fetch, requests } = fakeFetch();
    const transport = createHttpTransport({
      url: '/collect',
      headers: { 'X-App': 'demo' },
      siteKey: 'pk_1',
      credentials: 'include',
      fetch,
    });
    const sent = batch(2);
    expect(await transport.send(sent, { keepalive: false })).toEqual({ status: 'ok' });
    const [req] = requests;
    expect(req?.url).toBe('/collect');
    expect(req?.init).toMatchObject({ method: 'POST', credentials: 'include' });
    expect(req?.init.headers).toMatchObject({
      'X-App': 'demo',
      'X-Spoor-Key': 'pk_1',
      'Content-Type': 'application/json',
    });
    const body = await bodyOf(req!);
    expect(body).toMatchObject({ v: 1, batchId: 'batch-1', events: sent.events });
    expect(typeof body.sentAt).toBe('number');
  });

  it('gzips bodies above the threshold and says so with Content-Encoding', async () => {
    const { fetch, requests } = fakeFetch();
    const transport = createHttpTransport({ url: '/collect', compressThreshold: 500, fetch });
    await transport.send(batch(1, 10), { keepalive: false });
    await transport.send(batch(20, 200), { keepalive: false });
    expect(requests[0]?.init.headers).not.toHaveProperty('Content-Encoding');
    expect(requests[1]?.init.headers).toMatchObject({ 'Content-Encoding': 'gzip' });
    const zipped = requests[1]?.init.body as Uint8Array;
    expect(zipped.byteLength).toBeLessThan(JSON.stringify(batch(20, 200)).length / 3);
    expect((await bodyOf(requests[1]!)).events).toHaveLength(20);
  });

  it('sends plain JSON when compress is false', async () => {
    const { fetch, requests } = fakeFetch();
    const transport = createHttpTransport({ url: '/collect', compress: false, fetch });
    await transport.send(batch(20, 200), { keepalive: false });
    expect(typeof requests[0]?.init.body).toBe('string');
  });

  it.each([
    [200, { status: 'ok' }],
    [204, { status: 'ok' }],
    [408, { status: 'retry', reason: 'HTTP 408' }],
    [500, { status: 'retry', reason: 'HTTP 500' }],
    [503, { status: 'retry', reason: 'HTTP 503' }],
    [413, { status: 'split' }],
    [400, { status: 'drop', reason: 'HTTP 400 from /collect', httpStatus: 400 }],
    [401, { status: 'drop', reason: 'HTTP 401 from /collect', httpStatus: 401 }],
  ])('answers %i with %o', async (status, expected) => {
    const { fetch } = fakeFetch(() => new Response(null, { status }));
    const transport = createHttpTransport({ url: '/collect', fetch });
    expect(await transport.send(batch(1), { keepalive: false })).toEqual(expected);
  });

  it("gives a refusal's reason in the server's own words", async () => {
    const body = JSON.stringify({ error: 'missing-site-key', message: 'send the site key as ?key=' });
    const { fetch } = fakeFetch(() => new Response(body, { status: 401 }));
    const transport = createHttpTransport({ url: 'https://c.example/v1/collect', fetch });
    expect(await transport.send(batch(1), { keepalive: false })).toEqual({
      status: 'drop',
      reason: 'HTTP 401 missing-site-key from /v1/collect: send the site key as ?key=',
      httpStatus: 401,
    });
  });

  it('reads Retry-After in seconds and as a date', async () => {
    const answers = [
      new Response(null, { status: 429, headers: { 'Retry-After': '7' } }),
      new Response(null, {
        status: 503,
        headers: { 'Retry-After': new Date(Date.now() + 20_000).toUTCString() },
      }),
    ];
    const { fetch } = fakeFetch(() => answers.shift()!);
    const transport = createHttpTransport({ url: '/collect', fetch });
    expect(await transport.send(batch(1), { keepalive: false })).toEqual({
      status: 'retry',
      reason: 'HTTP 429',
      retryAfterMs: 7000,
    });
    const second = await transport.send(batch(1), { keepalive: false });
    expect(second.status === 'retry' && second.retryAfterMs).toBeGreaterThan(18_000);
  });

  it('turns network errors and a throwing fetch into retries, never rejecting', async () => {
    vi.spyOn(navigator, 'sendBeacon').mockReturnValue(false);
    const rejecting = createHttpTransport({
      url: '/collect',
      fetch: (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch,
    });
    expect(await rejecting.send(batch(1), { keepalive: false })).toEqual({
      status: 'retry',
      reason: 'Failed to fetch',
    });
    const throwing = createHttpTransport({
      url: '/collect',
      fetch: (() => {
        throw new Error('no fetch');
      }) as typeof fetch,
    });
    await expect(throwing.send(batch(1), { keepalive: true })).resolves.toMatchObject({ status: 'retry' });
    await expect(throwing.send(batch(1), { keepalive: false })).resolves.toMatchObject({ status: 'retry' });
  });

  it('aborts a request that takes longer than timeoutMs and asks for a retry', async () => {
    vi.useFakeTimers();
    try {
      const hanging = ((_url: string, init: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        })) as unknown as typeof fetch;
      const transport = createHttpTransport({
        url: '/collect',
        timeoutMs: 5000,
        compress: false,
        fetch: hanging,
      });
      const result = transport.send(batch(1), { keepalive: false });
      await vi.advanceTimersByTimeAsync(5000);
      expect(await result).toEqual({ status: 'retry', reason: 'aborted' });
      const controller = new AbortController();
      const stopped = transport.send(batch(1), { keepalive: false, signal: controller.signal });
      controller.abort();
      expect(await stopped).toMatchObject({ status: 'retry' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('at page exit fills the 64 KB keepalive budget in several requests, then uses sendBeacon', async () => {
    const beacons: { url: string; body: string }[] = [];
    vi.spyOn(navigator, 'sendBeacon').mockImplementation(
      (url, body) => beacons.push({ url: String(url), body: String(body) }) > 0,
    );
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const { fetch, requests } = fakeFetch(async () => {
      await released;
      return new Response(null, { status: 200 });
    });
    const transport = createHttpTransport({ url: '/collect', siteKey: 'pk 1', fetch });
    const first = transport.send(batch(20, 2000), { keepalive: true });
    const second = transport.send(batch(20, 2000), { keepalive: true });
    // Every request starts synchronously: the page may be gone after this task.
    expect(requests).toHaveLength(2);
    expect(beacons.length).toBeGreaterThan(0);
    let inFlight = 0;
    let events = 0;
    for (const req of requests) {
      expect(req.url).toBe('/collect?key=pk%201');
      expect(req.init.keepalive).toBe(true);
      expect(typeof req.init.body).toBe('string');
      inFlight += (req.init.body as string).length;
      events += (await bodyOf(req)).events.length;
    }
    expect(inFlight).toBeLessThanOrEqual(60_000);
    for (const sent of beacons) {
      expect(sent.url).toBe('/collect?key=pk%201');
      events += (JSON.parse(sent.body) as WireBatch).events.length;
    }
    expect(events).toBe(40);
    release();
    expect(await first).toEqual({ status: 'ok' });
    // Part of it went by beacon, whose answer is unknown: it stays queued.
    expect(await second).toMatchObject({ status: 'retry' });
  });

  it('falls back to sendBeacon when keepalive fetch is refused, keeping the batch queued as unconfirmed', async () => {
    const beacons: { url: string; body: unknown }[] = [];
    let accept = true;
    vi.spyOn(navigator, 'sendBeacon').mockImplementation((url, body) => {
      beacons.push({ url: String(url), body });
      return accept;
    });
    const transport = createHttpTransport({
      url: '/collect',
      siteKey: 'pk_1',
      fetch: (() => {
        throw new TypeError('keepalive quota');
      }) as typeof fetch,
    });
    expect(await transport.send(batch(3), { keepalive: true })).toEqual({
      status: 'retry',
      reason: 'sent by beacon, unconfirmed',
    });
    expect(beacons).toHaveLength(1);
    expect(beacons[0]?.url).toBe('/collect?key=pk_1');
    expect(JSON.parse(beacons[0]?.body as string)).toMatchObject({ v: 1, batchId: 'batch-1' });
    accept = false;
    expect(await transport.send(batch(3), { keepalive: true })).toEqual({
      status: 'retry',
      reason: 'page-exit budget exhausted',
    });
  });
});

describe('createConsoleTransport', async () => {
  const { createConsoleTransport } = await import('../../src/transports/console');
  it('logs each batch and reports success', async () => {
    const lines: unknown[][] = [];
    const transport = createConsoleTransport({ logger: { log: (...args: unknown[]) => lines.push(args) } });
    expect(await transport.send(batch(2), { keepalive: false })).toEqual({ status: 'ok' });
    expect(String(lines[0]?.[0])).toContain('2 events');
  });
});
