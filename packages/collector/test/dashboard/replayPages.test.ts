import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { loadReplayChunks, type ReplayPage } from '../../dashboard/src/replayPages';
import { type Collector, createCollector } from '../../src/index';
import { batch, replayChunks, visit } from '../fixtures';

const KEY = 'shop-key';
const opened: Collector[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
});

describe('loadReplayChunks', () => {
  it('reads every page of a long recording, in order, from the collector', async () => {
    const collector = await createCollector({
      dataDir: `/tmp/spoor-test-${randomUUID()}`,
      sites: [{ id: 'shop', key: KEY, origins: ['*'] }],
      dashboardDir: false,
      rateLimit: false,
    });
    opened.push(collector);
    const now = Date.now();
    // 250 chunks: three pages of the replay route (100 a page).
    const chunks = replayChunks('s-1', now, 250);
    for (let at = 0; at < chunks.length; at += 50) {
      const response = await collector.app.inject({
        method: 'POST',
        url: `/v1/collect?key=${KEY}`,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(
          batch([...(at === 0 ? visit('s-1', now) : []), ...chunks.slice(at, at + 50)]),
        ),
      });
      expect(response.statusCode).toBeLessThan(300);
    }
    const pages: (string | undefined)[] = [];
    const load = async (cursor: string | undefined): Promise<ReplayPage> => {
      pages.push(cursor);
      const url = `/v1/sessions/s-1/replay${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`;
      const response = await collector.app.inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${collector.token}` },
      });
      return response.json() as ReplayPage;
    };

    const all = await loadReplayChunks(load);
    expect(all.state).toBe('complete');
    expect(pages).toHaveLength(3);
    const ys = all.chunks.map((c) => (c.payload.events as { data: { y: number } }[])[0]?.data.y);
    expect(ys).toEqual(chunks.map((_, n) => n));

    // The cap stops a recording too long for a browser tab, and says so.
    const capped = await loadReplayChunks(load, 2);
    expect(capped.state).toBe('capped');
    expect(capped.chunks).toHaveLength(200);
  });

  it('stops on a cursor that does not move', async () => {
    let calls = 0;
    const result = await loadReplayChunks(async () => {
      calls += 1;
      return { chunks: [], next: 'same' };
    });
    expect(result.state).toBe('complete');
    expect(calls).toBe(2);
  });
});
