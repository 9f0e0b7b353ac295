import { getNavigator, getWindow } from '../env';

/** A Web Lock is kept this long after the work in it, for the next tab to hear what it announced. */
const HOLD_MS = 25;

/** Runs `fn` inside the site's session lock; `fn` must be safe to run twice (see `siteLock`). */
export type SiteLock = (fn: () => void) => void;

/**
 * The lock every tab of the site takes to read and write the session cookie one at a time, or
 * undefined where the browser has no Web Locks (an `http://` origin, Safari before 15.4). The lock
 * passes on once this page's cookie write is applied: `cookieStore` answers after the page's
 * earlier cookie calls, while `document.cookie` writes land unawaited. A request that cannot be
 * made (an opaque origin) rejects, and `fn` then runs at once (again, should it have thrown).
 */
export function siteLock(name: string): SiteLock | undefined {
  const locks = getNavigator()?.locks;
  if (typeof locks?.request !== 'function') return undefined;
  return (fn) => {
    locks
      .request(`spoor:${name}`, () => {
        fn();
        return Promise.all([
          new Promise((resolve) => setTimeout(resolve, HOLD_MS)),
          (getWindow() as { cookieStore?: { get(n: string): Promise<unknown> } } | undefined)?.cookieStore
            ?.get(name)
            .catch(() => {}),
        ]);
      })
      .catch(fn);
  };
}
