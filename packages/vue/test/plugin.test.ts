import { cleanup, render } from '@testing-library/vue';
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { createRouter, createWebHistory, RouterView } from 'vue-router';
import { SpoorPlugin, useSessionTracker } from '../src';
import { clearBrowserStorage, createTestTracker } from './helpers';

const Status = defineComponent({
  setup() {
    const { snapshot } = useSessionTracker();
    return () => h('p', `status: ${snapshot.value.status}`);
  },
});

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  clearBrowserStorage();
  window.history.replaceState(null, '', '/');
});

describe('SpoorPlugin', () => {
  it('starts the tracker when the app mounts and stops it when the app unmounts', async () => {
    const { tracker } = createTestTracker();
    const view = render(Status, { global: { plugins: [[SpoorPlugin, { tracker }]] } });

    expect(await view.findByText('status: running')).toBeTruthy();
    view.unmount();
    expect(tracker.getSnapshot().status).toBe('idle');
  });

  it('shares a tracker that is also started elsewhere without stopping it', () => {
    const { tracker } = createTestTracker();
    tracker.start();
    const view = render(Status, { global: { plugins: [[SpoorPlugin, { tracker }]] } });
    view.unmount();

    expect(tracker.getSnapshot().status).toBe('running');
    tracker.stop();
  });

  it('creates a tracker from options and destroys it when the app unmounts', async () => {
    let seen: ReturnType<typeof useSessionTracker>['tracker'] | undefined;
    const Probe = defineComponent({
      setup() {
        seen = useSessionTracker().tracker;
        return () => h('p', 'probe');
      },
    });
    const view = render(Probe, {
      global: { plugins: [[SpoorPlugin, { options: { consent: { mode: 'opt-in' } } }]] },
    });

    expect(seen?.getSnapshot()).toMatchObject({ status: 'running', consent: 'pending' });
    view.unmount();
    expect(seen?.getSnapshot().status).toBe('destroyed');
  });

  it('records a page view for each completed vue-router navigation', async () => {
    // Automatic page views off: what arrives here comes from the router integration alone.
    const { tracker, sent } = createTestTracker({ capture: { pageViews: false } });
    const page = (name: string) => defineComponent({ render: () => h('h1', name) });
    const router = createRouter({
      history: createWebHistory(),
      routes: [
        { path: '/', component: page('home') },
        { path: '/products', component: page('products') },
        { path: '/cart', component: page('cart') },
        { path: '/admin', component: page('admin'), beforeEnter: () => false },
      ],
    });
    const App = defineComponent({ render: () => h(RouterView) });
    const view = render(App, { global: { plugins: [router, [SpoorPlugin, { tracker, router }]] } });

    await router.isReady();
    await view.findByText('home');
    await router.push('/products');
    await router.push('/admin');
    await router.push('/cart');
    await router.push('/cart');
    await view.findByText('cart');

    const paths = (await sent()).flatMap((event) => (event.type === 'page:view' ? [event.path] : []));
    expect(paths).toEqual(['/', '/products', '/cart']);
  });

  it('stops recording router navigations after the app unmounts', async () => {
    const { tracker, sent } = createTestTracker({ capture: { pageViews: false } });
    tracker.start();
    const router = createRouter({
      history: createWebHistory(),
      routes: [
        { path: '/', component: { render: () => h('h1', 'home') } },
        { path: '/later', component: { render: () => h('h1', 'later') } },
      ],
    });
    const App = defineComponent({ render: () => h(RouterView) });
    const view = render(App, { global: { plugins: [router, [SpoorPlugin, { tracker, router }]] } });
    await router.isReady();
    view.unmount();
    await router.push('/later');

    const paths = (await sent()).flatMap((event) => (event.type === 'page:view' ? [event.path] : []));
    expect(paths).toEqual(['/']);
    tracker.stop();
  });
});
