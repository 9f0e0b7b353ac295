'use client';
import { useEffect } from 'react';
import { useTrackerContext } from './context';
import { useTrackerSnapshot } from './useTrackerSnapshot';

/** A router's location: React Router's `useLocation()`, or a pathname string (Next's `usePathname()`). */
export type PageLocation = string | { pathname: string; search?: string; hash?: string };

/**
 * Records a page view whenever the router's location changes, by calling `tracker.page()`. Feed
 * it the location from your router; `@spoor/react` depends on no router. The core drops a page
 * view of the URL it has just counted, so this never double counts with StrictMode or with the
 * core's own history capture.
 *
 * @param location the router's current location.
 * @param searchParams the query, when the router keeps it apart (Next's `useSearchParams()`).
 * @default undefined
 *
 * @example
 * // React Router, inside <BrowserRouter>:
 * usePageViews(useLocation());
 * // Next.js App Router, in a 'use client' component under <Suspense>:
 * usePageViews(usePathname(), useSearchParams());
 */
export function usePageViews(
  location: PageLocation,
  searchParams?: { toString(): string } | string | null,
): void {
  const tracker = useTrackerContext('usePageViews');
  const key =
    typeof location === 'string'
      ? `${location}?${searchParams ?? ''}`
      : `${location.pathname}${location.search ?? ''}${location.hash ?? ''}`;
  // Also re-run when capture starts or consent changes, so the first view is not lost when the
  // router renders before the tracker has started.
  const status = useTrackerSnapshot((snapshot) => snapshot.status);
  const consent = useTrackerSnapshot((snapshot) => snapshot.consent);

  // biome-ignore lint/correctness/useExhaustiveDependencies: key and consent are the triggers, not inputs.
  useEffect(() => {
    if (status === 'running') tracker.page();
  }, [tracker, key, status, consent]);
}
