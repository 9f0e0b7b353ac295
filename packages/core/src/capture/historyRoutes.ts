import type { RouteWatcher } from './context';
import { guard, listen } from './listen';

type HistoryMethod = 'pushState' | 'replaceState';

/**
 * Wraps `history[method]` so `onCall` runs after each successful call. Stopping restores the
 * original when nobody wrapped it after us; otherwise our wrapper stays in their chain as a
 * plain pass-through, so their patch keeps working.
 */
function patchHistory(history: History, method: HistoryMethod, onCall: () => void): () => void {
  const hadOwn = Object.hasOwn(history, method);
  const original = history[method];
  let active = true;
  const patched: History[HistoryMethod] = function (this: History, ...args) {
    const result = original.apply(this, args);
    if (active) onCall();
    return result;
  };
  try {
    history[method] = patched;
  } catch {
    // A frozen or proxied history object: popstate and hashchange still work.
    return () => {};
  }
  return () => {
    active = false;
    if (history[method] !== patched) return;
    if (hadOwn) history[method] = original;
    else delete (history as Partial<Pick<History, HistoryMethod>>)[method];
  };
}

/** Single-page navigations seen through `history.pushState`/`replaceState`, `popstate` and `hashchange`. */
export const watchHistory: RouteWatcher = (ctx, onRoute, lastHref) => {
  const win = ctx.window;
  return [
    patchHistory(
      win.history,
      'pushState',
      guard(ctx, () => onRoute('push')),
    ),
    patchHistory(
      win.history,
      'replaceState',
      guard(ctx, () => onRoute('replace')),
    ),
    listen(ctx, win, 'popstate', () => {
      // A followed `#fragment` link fires popstate before hashchange: name it by what changed.
      const hashOnly = lastHref().split('#')[0] === win.location.href.split('#')[0];
      onRoute(hashOnly ? 'hash' : 'pop');
    }),
    listen(ctx, win, 'hashchange', () => onRoute('hash')),
  ];
};
