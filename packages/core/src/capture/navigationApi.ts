import type { NavigationKind } from '../events';
import type { RouteWatcher } from './context';
import { watchHistory } from './historyRoutes';
import { listen } from './listen';

/** The parts of the Navigation API we read (not in TypeScript's DOM library yet). */
interface NavigateEventLike extends Event {
  readonly navigationType?: string;
  readonly hashChange?: boolean;
}

const KIND_OF_TYPE: Partial<Record<string, NavigationKind>> = {
  push: 'push',
  replace: 'replace',
  traverse: 'pop',
};

// A reload has no kind: it is no new page view.
const kindOfNavigateEvent = (event: NavigateEventLike): NavigationKind | null =>
  event.hashChange ? 'hash' : (KIND_OF_TYPE[event.navigationType ?? ''] ?? null);

/**
 * Single-page navigations seen through the Navigation API where the browser has it, else through
 * `history`. `navigate` says what kind of navigation it is; `navigatesuccess` fires once it
 * committed (after an intercepting router finished), when URL and title are final.
 */
export const watchNavigationApi: RouteWatcher = (ctx, onRoute, lastHref) => {
  const navigation = (ctx.window as unknown as { navigation?: EventTarget }).navigation;
  if (!navigation || typeof navigation.addEventListener !== 'function') {
    return watchHistory(ctx, onRoute, lastHref);
  }
  let pending: NavigationKind | null = null;
  return [
    listen(ctx, navigation, 'navigate', (event) => {
      pending = kindOfNavigateEvent(event as NavigateEventLike);
    }),
    listen(ctx, navigation, 'navigatesuccess', () => {
      const kind = pending;
      pending = null;
      if (kind) onRoute(kind);
    }),
    listen(ctx, navigation, 'navigateerror', () => {
      pending = null;
    }),
  ];
};
