import { renderToString } from '@vue/server-renderer';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSSRApp, defineComponent, h, resolveDirective, withDirectives } from 'vue';
import { SpoorPlugin, useConsent } from '../src';
import { clearBrowserStorage, createTestTracker } from './helpers';

const Page = defineComponent({
  setup() {
    const { state } = useConsent();
    return () => {
      const mask = resolveDirective('spoor-mask');
      if (!mask) throw new Error('v-spoor-mask not registered');
      return h('main', [
        h('p', `consent: ${state.value}`),
        withDirectives(h('input', { name: 'card' }), [[mask]]),
      ]);
    };
  },
});

afterEach(() => {
  document.body.innerHTML = '';
  clearBrowserStorage();
});

describe('hydration', () => {
  it('hydrates server-rendered HTML without mismatches and starts tracking in the browser', async () => {
    const server = createTestTracker({ consent: { mode: 'opt-in' } });
    const html = await renderToString(createSSRApp(Page).use(SpoorPlugin, { tracker: server.tracker }));
    server.tracker.stop();
    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');

    const { tracker } = createTestTracker({ consent: { mode: 'opt-in' } });
    const app = createSSRApp(Page).use(SpoorPlugin, { tracker });
    app.mount(container);

    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
    expect(container.querySelector('input')?.hasAttribute('data-spoor-mask')).toBe(true);
    expect(tracker.getSnapshot().status).toBe('running');
    app.unmount();
    expect(tracker.getSnapshot().status).toBe('idle');
  });
});
