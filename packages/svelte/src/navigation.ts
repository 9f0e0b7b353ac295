import type { NavigationKind, Tracker } from '@spoor/core';

/** What SvelteKit's `afterNavigate` passes: only the navigation type matters here. */
export interface NavigationLike {
  type?: string;
}

/**
 * Where navigations come from: a function that registers a callback (SvelteKit's `afterNavigate`,
 * a router's `onChange`) and may return an unsubscribe, or a store (SvelteKit's `page` store).
 */
export type NavigationSource =
  // biome-ignore lint/suspicious/noConfusingVoidType: SvelteKit's afterNavigate returns void
  | ((onNavigate: (navigation?: NavigationLike) => void) => (() => void) | void)
  | { subscribe(run: (value: unknown) => void): () => void };

const kinds: Record<string, NavigationKind> = { enter: 'load', popstate: 'pop' };

/**
 * Records a page view after each navigation of a client-side router; the tracker drops a
 * repeated URL. Returns a function that stops listening.
 *
 * @example
 * // SvelteKit, in +layout.svelte:
 * trackNavigation(tracker, afterNavigate);
 * // Any router with a change callback:
 * const stop = trackNavigation(tracker, (onNavigate) => router.onChange(onNavigate));
 */
export function trackNavigation(tracker: Tracker, source: NavigationSource): () => void {
  const onNavigate = (navigation?: NavigationLike) => tracker.page(kinds[navigation?.type ?? ''] ?? 'push');
  const stop = typeof source === 'function' ? source(onNavigate) : source.subscribe(() => onNavigate());
  return () => stop?.();
}
