import { afterEach, describe, expect, it } from 'vitest';
import { createHandoff } from '../../src/delivery/handoff';
import { createMemoryBackend } from '../../src/delivery/storageBackends';
import { createBatchStore, type StoreBackend, type StoredBatch } from '../../src/delivery/store';
import { makeEvent } from './helpers';

const options = { maxBytes: 1_000_000, maxAgeMs: 3_600_000, leaseMs: 15_000 };

/** IndexedDB as a page being unloaded sees it: once `gone`, no transaction commits. */
function unloading(shared: StoreBackend) {
  const state = { gone: false };
  const backend: StoreBackend = {
    kind: 'indexeddb',
    transact: (fn, reads) => (state.gone ? new Promise(() => undefined) : shared.transact(fn, reads)),
    clear: () => shared.clear(),
  };
  return { backend, state };
}

const batch = (owner: string): StoredBatch => ({
  id: `batch-${owner}`,
  transport: 'http',
  owner,
  createdAt: Date.now(),
  attempt: 1,
  bytes: 100,
  events: [makeEvent()],
});

afterEach(() => localStorage.clear());

describe('handing stored batches to the next page at exit', () => {
  it('lets the next page take over at once although the release never committed', async () => {
    const shared = createMemoryBackend();
    const old = unloading(shared);
    const first = createBatchStore(old.backend, { ...options, handoff: createHandoff(localStorage, 'k') });
    await first.claim('page-1', 'http', Date.now());
    await first.put(batch('page-1'));
    old.state.gone = true;
    void first.release('page-1');

    const next = createBatchStore(shared, { ...options, handoff: createHandoff(localStorage, 'k') });
    const { claimed } = await next.claim('page-2', 'http', Date.now());
    expect(claimed.map((b) => b.id)).toEqual(['batch-page-1']);
    // The hand-over is read once.
    expect(Object.keys(localStorage).filter((key) => key.includes(':released:'))).toEqual([]);
  });

  it('keeps waiting for the lease without the hand-over (the page was killed)', async () => {
    const shared = createMemoryBackend();
    const first = createBatchStore(shared, options);
    await first.claim('page-1', 'http', Date.now());
    await first.put(batch('page-1'));
    const next = createBatchStore(shared, { ...options, handoff: createHandoff(localStorage, 'k') });
    const { claimed } = await next.claim('page-2', 'http', Date.now());
    expect(claimed).toEqual([]);
  });

  it('does not take over from a page that came back from the back/forward cache', async () => {
    const shared = createMemoryBackend();
    const handoff = createHandoff(localStorage, 'k');
    const first = createBatchStore(shared, { ...options, handoff });
    await first.claim('page-1', 'http', Date.now() - 10);
    await first.put(batch('page-1'));
    handoff.release('page-1', Date.now() - 5);
    // Restored: it renews its claim after the release it wrote.
    await shared.transact((draft) => draft.beat('page-1', Date.now()), []);
    const next = createBatchStore(shared, { ...options, handoff: createHandoff(localStorage, 'k') });
    expect((await next.claim('page-2', 'http', Date.now())).claimed).toEqual([]);
  });
});
