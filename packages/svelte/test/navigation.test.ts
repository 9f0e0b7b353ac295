import { writable } from 'svelte/store';
import { afterEach, describe, expect, it } from 'vitest';
import { type NavigationLike, type TrackerEvent, trackNavigation } from '../src';
import { clearBrowserStorage, createTestTracker } from './helpers';

afterEach(() => {
  clearBrowserStorage();
  window.history.replaceState(null, '', '/');
});

async function pageViews(sent: () => Promise<readonly TrackerEvent[]>) {
  return (await sent()).flatMap((event) =>
    event.type === 'page:view' ? [`${event.navigation} ${event.path}`] : [],
  );
}

describe('trackNavigation', () => {
  it('records a page view for each navigation a callback source reports, until stopped', async () => {
    // Automatic page views off: what arrives comes from trackNavigation alone.
    const { tracker, sent } = createTestTracker({ capture: { pageViews: false } });
    tracker.start();
    const listeners = new Set<(navigation?: NavigationLike) => void>();
    const navigate = (path: string, type?: string) => {
      window.history.pushState(null, '', path);
      for (const listener of listeners) listener(type ? { type } : undefined);
    };
    const stop = trackNavigation(tracker, (onNavigate) => {
      listeners.add(onNavigate);
      return () => listeners.delete(onNavigate);
    });

    navigate('/products');
    navigate('/products');
    navigate('/cart', 'popstate');
    stop();
    navigate('/checkout');

    expect(await pageViews(sent)).toEqual(['push /products', 'pop /cart']);
    tracker.stop();
  });

  it('records a page view each time a store changes (like SvelteKit’s page store)', async () => {
    const { tracker, sent } = createTestTracker({ capture: { pageViews: false } });
    tracker.start();
    const page = writable(window.location.pathname);
    const stop = trackNavigation(tracker, page);
    window.history.pushState(null, '', '/about');
    page.set('/about');
    stop();

    expect(await pageViews(sent)).toEqual(['push /', 'push /about']);
    tracker.stop();
  });
});
