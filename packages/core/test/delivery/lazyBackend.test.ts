import { describe, expect, it } from 'vitest';
import { createLazyBackend } from '../../src/delivery/lazyBackend';
import { createMemoryBackend } from '../../src/delivery/storageBackends';
import type { StoredBatch } from '../../src/delivery/store';

const batch = (id: string): StoredBatch => ({
  id,
  transport: 'http',
  owner: 'tab-1',
  createdAt: 1,
  attempt: 0,
  bytes: 10,
  events: [],
});

const ids = (backend: ReturnType<typeof createMemoryBackend>) =>
  backend.transact((draft) => draft.batches.map((b) => b.id));

describe('createLazyBackend', () => {
  it('keeps what is written while its chunk loads, in order, once the chunk arrives', async () => {
    const real = createMemoryBackend();
    let arrive: (backend: typeof real) => void = () => {};
    const reports: unknown[] = [];
    const lazy = createLazyBackend(
      'indexeddb',
      () => new Promise((resolve) => (arrive = resolve)),
      createMemoryBackend(),
      (error) => reports.push(error),
    );
    const first = lazy.transact((draft) => draft.put(batch('a')), []);
    const second = lazy.transact((draft) => {
      draft.put(batch('b'));
      draft.remove('a');
    }, []);
    arrive(real);
    await Promise.all([first, second]);
    expect(await ids(real)).toEqual(['b']);
    expect(lazy.kind).toBe('indexeddb');
    expect(reports).toEqual([]);
  });

  it('falls back when its chunk cannot load, and reports it once', async () => {
    const fallback = createMemoryBackend();
    const reports: unknown[] = [];
    let loads = 0;
    const lazy = createLazyBackend(
      'indexeddb',
      () => {
        loads += 1;
        return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      },
      fallback,
      (error) => reports.push(error),
    );
    await lazy.transact((draft) => draft.put(batch('a')), []);
    await lazy.transact((draft) => draft.put(batch('b')), []);
    expect((await ids(fallback)).sort()).toEqual(['a', 'b']);
    await lazy.clear();
    expect(await ids(fallback)).toEqual([]);
    expect(loads).toBe(1);
    expect(reports).toMatchObject([{ name: 'TypeError' }]);
  });
});
