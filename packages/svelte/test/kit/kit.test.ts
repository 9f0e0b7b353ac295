import { cleanup, render } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_CAPTURE } from '../../../../test-utils/dom';
import { clearBrowserStorage, createTestTracker } from '../helpers';
import { callbacks } from './appNavigation';
import Layout from './Layout.svelte';

afterEach(() => {
  cleanup();
  callbacks.length = 0;
  clearBrowserStorage();
  window.history.replaceState(null, '', '/');
});

describe('@spoor/svelte/kit trackPageViews', () => {
  it('records a page view per SvelteKit navigation with the tracker from setTrackerContext', async () => {
    const { tracker, sent } = createTestTracker({ capture: { ...NO_CAPTURE, pageViews: true } });
    render(Layout, { tracker });
    expect(callbacks).toHaveLength(1);

    callbacks[0]?.({ type: 'enter' });
    window.history.pushState(null, '', '/products');
    callbacks[0]?.({ type: 'link' });

    const views = (await sent()).filter((event) => event.type === 'page:view');
    expect(views.map((event) => new URL(event.url).pathname)).toEqual(['/', '/products']);
  });
});
