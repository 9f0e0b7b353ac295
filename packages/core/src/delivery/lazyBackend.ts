import type { StoreBackend } from './store';

/**
 * A backend whose code loads on first use (the IndexedDB backend is a chunk of its own: every
 * store call is asynchronous anyway). Calls made meanwhile wait for it; their batches stay in the
 * queue's memory until then. If the chunk cannot load (offline, a Content-Security-Policy), the
 * failure is reported once and `fallback` serves every call, this one included.
 */
export function createLazyBackend(
  kind: StoreBackend['kind'],
  load: () => Promise<StoreBackend>,
  fallback: StoreBackend,
  report: (error: unknown) => void,
): StoreBackend {
  let loading: Promise<StoreBackend> | undefined;
  const backend = () =>
    (loading ??= load().catch((error: unknown) => {
      report(error);
      // Its kind from now on: what the fallback holds (memory) is copied out at page exit.
      lazy.kind = fallback.kind;
      return fallback;
    }));
  const lazy: { -readonly [K in keyof StoreBackend]: StoreBackend[K] } = {
    kind,
    transact: (fn, reads) => backend().then((b) => b.transact(fn, reads)),
    clear: () => backend().then((b) => b.clear()),
  };
  return lazy;
}
