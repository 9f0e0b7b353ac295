import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { inject } from 'vitest';
import { createPostgresStorage } from '../src/storage/postgres';
import { createSqliteStorage } from '../src/storage/sqlite';
import type { Storage } from '../src/storage/storage';

type Json = Record<string, unknown>;

let seq = 0;

/** An event in the wire format: the envelope plus a payload. */
export function wireEvent(type: string, payload: Json = {}, envelope: Json = {}): Json {
  seq += 1;
  return {
    id: randomUUID(),
    type,
    ts: Date.now(),
    sessionId: 'session-1',
    tabId: 'tab-1',
    pageId: 'page-1',
    seq,
    url: 'https://shop.example/products?id=1',
    ...envelope,
    ...payload,
  };
}

export const target = (selector = 'button#buy', text = 'Buy') => ({ selector, tag: 'button', text });

/** A realistic visit: load, click, scroll, leave. */
export function visit(sessionId: string, ts: number, path = '/products'): Json[] {
  const url = `https://shop.example${path}`;
  const env = { sessionId, url };
  return [
    wireEvent('session:start', { reason: 'new' }, { ...env, ts }),
    wireEvent(
      'page:view',
      { path, title: 'Products', referrer: '', navigation: 'load' },
      { ...env, ts: ts + 1 },
    ),
    wireEvent(
      'click',
      { x: 100, y: 200, vw: 1280, vh: 720, target: target(), rx: 0.5, ry: 0.5 },
      { ...env, ts: ts + 500 },
    ),
    wireEvent('scroll', { x: 0, y: 400, depthPct: 60 }, { ...env, ts: ts + 800 }),
    wireEvent(
      'page:leave',
      { durationMs: 5000, engagedMs: 4000, maxScrollPct: 60 },
      { ...env, ts: ts + 5000 },
    ),
  ];
}

/**
 * `count` replay chunks of one session, one mouse move each (its `y` is the chunk's index), from
 * `ts + 10` on a millisecond apart; the first is the full snapshot chunk.
 */
export function replayChunks(sessionId: string, ts: number, count: number): Json[] {
  return Array.from({ length: count }, (_, n) =>
    wireEvent(
      'replay',
      {
        events: [{ type: 3, data: { source: 3, id: 1, x: 0, y: n }, timestamp: ts + 10 + n }],
        full: n === 0,
      },
      { sessionId, ts: ts + 10 + n },
    ),
  );
}

export function batch(events: Json[], extra: Json = {}): Json {
  return { v: 1, batchId: randomUUID(), sentAt: Date.now(), events, ...extra };
}

export const gzipJson = (value: unknown) => gzipSync(Buffer.from(JSON.stringify(value)));

/** Both real storages, each opened fresh (its own file or its own PostgreSQL schema). */
export const storages: [name: string, open: () => Storage][] = [
  ['sqlite', () => createSqliteStorage({ filename: `/tmp/spoor-test-${randomUUID()}/spoor.db` })],
  [
    'postgres',
    () =>
      createPostgresStorage({
        connectionString: inject('databaseUrl'),
        schema: `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
        poolSize: 4,
      }),
  ],
];
