// @spoor/svelte/kit: the SvelteKit integration, apart from the main entry so that plain Svelte
// apps never import `$app/*` (which only SvelteKit can resolve).
import type { Tracker } from '@spoor/core';
import { afterNavigate } from '$app/navigation';
import { getTrackerContext } from './context';
import { trackNavigation } from './navigation';

/**
 * Records a page view after each SvelteKit navigation (`afterNavigate`), with the given tracker or
 * the one from `setTrackerContext`. Call it during component initialisation, in `+layout.svelte`.
 * The first navigation (`enter`) counts as the page load; on the server it does nothing.
 *
 * @example
 * <script lang="ts">
 *   import { createHttpTransport, createTracker, setTrackerContext } from '@spoor/svelte';
 *   import { trackPageViews } from '@spoor/svelte/kit';
 *   let { children } = $props();
 *   trackPageViews(setTrackerContext(createTracker({ transport: createHttpTransport({ url: '/v1/collect' }) })));
 * </script>
 * {@render children()}
 */
export function trackPageViews(tracker: Tracker = getTrackerContext()): void {
  trackNavigation(tracker, afterNavigate);
}
