import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type Collector, type CollectorOptions, createCollector, type StoredEvent } from '../src/index';
import { batch, storages, visit, wireEvent } from './fixtures';
import { request } from './http';

const KEY = 'shop-key';
const TOKEN = 'test-token';
const opened: Collector[] = [];

async function open(options: CollectorOptions = {}): Promise<{ collector: Collector; url: string }> {
  const collector = await createCollector({
    dataDir: `/tmp/spoor-test-${randomUUID()}`,
    sites: [{ id: 'shop', key: KEY, origins: ['*'] }],
    dashboardToken: TOKEN,
    dashboardDir: false,
    rateLimit: false,
    ...options,
  });
  opened.push(collector);
  return { collector, url: await collector.listen({ port: 0 }) };
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
});

/** Opens a raw connection, writes `parts` (pausing `gapMs` between them), and reports what came back. */
function trickle(
  url: string,
  parts: string[],
  gapMs: number,
): Promise<{ answer: string; closedAfterMs: number }> {
  const { hostname, port } = new URL(url);
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let answer = '';
    let index = 0;
    const timer = setInterval(() => {
      if (index < parts.length && !socket.destroyed) socket.write(parts[index++] as string);
    }, gapMs);
    socket.on('data', (chunk) => {
      answer += chunk.toString();
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ answer, closedAfterMs: Date.now() - started });
    });
  });
}

describe('timeouts', () => {
  const timeouts = { headersMs: 300, requestMs: 600, keepAliveMs: 200, idleMs: 5_000 };

  it('answers 408 and closes a connection whose headers never end', async () => {
    const { url } = await open({ timeouts });
    const parts = Array.from({ length: 50 }, (_, i) =>
      i === 0 ? 'POST /v1/collect HTTP/1.1\r\n' : `X-${i}: a\r\n`,
    );
    const { answer, closedAfterMs } = await trickle(url, parts, 100);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeLessThan(2_500);
  });

  it('answers 408 and closes a connection that trickles its body', async () => {
    const { url } = await open({ timeouts });
    const head = `POST /v1/collect?key=${KEY} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n`;
    const { answer, closedAfterMs } = await trickle(url, [head, ...Array(50).fill('{')], 100);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeLessThan(2_500);
  });

  it('closes an idle keep-alive connection', async () => {
    const { url } = await open({ timeouts });
    const { answer, closedAfterMs } = await trickle(url, ['GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'], 10);
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(closedAfterMs).toBeLessThan(1_500);
  });
});

describe('caps per session', () => {
  it('stores up to the cap and names the refused events', async () => {
    const { url } = await open({ limits: { maxSessionEvents: 7 } });
    const send = () =>
      request(url, {
        method: 'POST',
        path: `/v1/collect?key=${KEY}`,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(batch(visit('s-cap', Date.now() - 10_000))),
      });
    expect((await send()).status).toBe(200);
    const second = await send();
    expect(second.status).toBe(400);
    expect(JSON.parse(second.body)).toMatchObject({ error: 'session-full', stored: 2 });
  });
});

describe.each(storages)('replay pages (%s)', (_name, openStorage) => {
  const replay = (sessionId: string, n: number, size = 10): StoredEvent => ({
    ...(wireEvent('replay', {}, { sessionId, ts: Date.now() - 1000 + n, seq: n }) as unknown as StoredEvent),
    path: '/',
    payload: { full: n === 0, events: [{ n, pad: 'x'.repeat(size) }] },
  });
  const pages = async (url: string, first: string) => {
    const seen: number[][] = [];
    let next: string | undefined = first;
    while (next !== undefined) {
      const answer = await request(url, { path: next, headers: { authorization: `Bearer ${TOKEN}` } });
      expect(answer.status).toBe(200);
      const body = JSON.parse(answer.body) as { chunks: StoredEvent[]; next?: string };
      seen.push(body.chunks.map((c) => (c.payload.events as { n: number }[])[0]?.n ?? -1));
      next = body.next ? `${first.split('?')[0]}?cursor=${body.next}&limit=2` : undefined;
    }
    return seen;
  };

  it('pages through the chunks in order, each once', async () => {
    const { collector, url } = await open({ storage: openStorage() });
    await collector.storage.ingest(
      { site: 'shop' },
      [0, 1, 2, 3, 4].map((n) => replay('s-r', n)),
    );
    expect(await pages(url, '/v1/sessions/s-r/replay?limit=2')).toEqual([[0, 1], [2, 3], [4]]);
  });

  it('ends a page at about 4 MB, with at least one chunk', async () => {
    const { collector, url } = await open({ storage: openStorage() });
    await collector.storage.ingest(
      { site: 'shop' },
      [0, 1, 2].map((n) => replay('s-big', n, 3_000_000)),
    );
    const first = await request(url, {
      path: '/v1/sessions/s-big/replay',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const body = JSON.parse(first.body) as { chunks: unknown[]; next?: string };
    expect(body.chunks).toHaveLength(1);
    expect(body.next).toBeDefined();
  });

  it('refuses a forged cursor with 400', async () => {
    const { url } = await open({ storage: openStorage() });
    const answer = await request(url, {
      path: '/v1/sessions/s/replay?cursor=bm90LWpzb24',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ error: 'invalid-query' });
  });
});
