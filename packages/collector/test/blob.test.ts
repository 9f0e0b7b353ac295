// Replay in the blob store: on disk (the default) and in S3-compatible object storage (a local
// s3rver the suite starts itself), each under both SQL storages.
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BlobStore, createCollector, createDiskBlobStore, createS3BlobStore } from '../src/index';
import { batch, storages, visit, wireEvent } from './fixtures';

let s3: S3rver | undefined;
let s3Endpoint = '';

beforeAll(async () => {
  const directory = `/tmp/spoor-s3-${randomUUID()}`;
  await mkdir(directory, { recursive: true });
  s3 = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: 'spoor' }],
  });
  const address: AddressInfo = await s3.run();
  s3Endpoint = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await s3?.close();
});

const blobStores: [name: string, open: () => Promise<BlobStore>][] = [
  ['disk', async () => createDiskBlobStore(`/tmp/spoor-blobs-${randomUUID()}`)],
  [
    's3',
    () =>
      createS3BlobStore({
        bucket: 'spoor',
        prefix: `t-${randomUUID()}/`,
        endpoint: s3Endpoint,
        region: 'us-east-1',
        forcePathStyle: true,
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      }),
  ],
];

const KEY = 'k';
const DAY = 86_400_000;
const chunk = (sessionId: string, n: number) =>
  wireEvent(
    'replay',
    { full: n === 0, events: [{ type: 2, data: { n, text: 'é🙂'.repeat(50) } }] },
    { sessionId, seq: 100 + n },
  );

describe.each(blobStores)('replay in the %s blob store', (_blobName, openBlobs) => {
  describe.each(storages)('with %s', (_storageName, openStorage) => {
    it('keeps chunks out of the events table, plays them back, and erases them with the session', async () => {
      const blobs = await openBlobs();
      const tables = openStorage();
      const collector = await createCollector({
        storage: tables,
        blobStore: blobs,
        sites: [{ id: 'shop', key: KEY }],
        dashboardDir: false,
        rateLimit: false,
      });
      const auth = { authorization: `Bearer ${collector.token}` };
      try {
        const send = (events: Record<string, unknown>[], extra = {}) =>
          collector.app.inject({
            method: 'POST',
            url: `/v1/collect?key=${KEY}`,
            headers: { 'content-type': 'application/json' },
            payload: JSON.stringify(batch(events, extra)),
          });
        const sent = [chunk('s-1', 0), chunk('s-1', 1)];
        expect(
          (await send([...visit('s-1', Date.now() - 5000), ...sent], { visitorId: 'v' })).statusCode,
        ).toBe(200);
        expect((await send([...visit('s-2', Date.now() - 5000), chunk('s-2', 0)])).statusCode).toBe(200);
        // Sent again (a retry): stored once, blob rewritten with the same bytes.
        expect((await send(sent, { visitorId: 'v' })).json()).toMatchObject({ stored: 0, duplicates: 2 });

        const rows = await tables.getEvents('shop', 's-1', { types: ['replay'] });
        expect(rows.map((r) => Object.keys(r.payload).sort())).toEqual([
          ['blob', 'bytes', 'full'],
          ['blob', 'bytes', 'full'],
        ]);
        const replay = await collector.app.inject({
          method: 'GET',
          url: '/v1/sessions/s-1/replay',
          headers: auth,
        });
        expect(replay.json().chunks.map((c: { payload: unknown }) => c.payload)).toEqual(
          sent.map(({ full, events }) => ({ full, events })),
        );

        const key = String(rows[0]?.payload.blob);
        expect(await blobs.get(key)).not.toBeNull();
        const erased = await collector.app.inject({ method: 'DELETE', url: '/v1/visitors/v', headers: auth });
        expect(erased.json()).toEqual({ deleted: { sessions: 1, events: 7 } });
        expect(await blobs.get(key)).toBeNull();

        // Erasure by the app's user id takes the blobs too.
        const userEvents = [...visit('s-3', Date.now() - 5000), chunk('s-3', 0)].map((e) => ({
          ...e,
          userId: 'u',
        }));
        expect((await send(userEvents)).statusCode).toBe(200);
        const s3 = String((await tables.getEvents('shop', 's-3', { types: ['replay'] }))[0]?.payload.blob);
        expect(await blobs.get(s3)).not.toBeNull();
        const byUser = await collector.app.inject({ method: 'DELETE', url: '/v1/users/u', headers: auth });
        expect(byUser.json()).toMatchObject({ deleted: { sessions: 1 } });
        expect(await blobs.get(s3)).toBeNull();

        // Retention takes the blobs of the sessions it deletes.
        const s2 = String((await tables.getEvents('shop', 's-2', { types: ['replay'] }))[0]?.payload.blob);
        expect(await blobs.get(s2)).not.toBeNull();
        await collector.storage.deleteOlderThan(Date.now() + DAY);
        expect(await blobs.get(s2)).toBeNull();
      } finally {
        await collector.close();
      }
    });
  });
});

describe('the disk blob store', () => {
  it('keeps recordings beside the SQLite file by default, and keys cannot climb out of it', async () => {
    const dataDir = `/tmp/spoor-test-${randomUUID()}`;
    const collector = await createCollector({
      dataDir,
      sites: [{ id: 'shop', key: KEY }],
      dashboardDir: false,
      rateLimit: false,
    });
    try {
      const answer = await collector.app.inject({
        method: 'POST',
        url: `/v1/collect?key=${KEY}`,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(batch([chunk('../../../escape', 0), chunk('..', 1)])),
      });
      expect(answer.statusCode).toBe(200);
      expect(readdirSync(dataDir).sort()).toEqual(['replay', 'spoor.db', 'spoor.db-shm', 'spoor.db-wal']);
      expect(readdirSync(`${dataDir}/replay/shop`).sort()).toEqual([
        '%2E%2E',
        '%2E%2E%2F%2E%2E%2F%2E%2E%2Fescape',
      ]);
      expect(existsSync('/tmp/escape')).toBe(false);
    } finally {
      await collector.close();
    }
  });
});
