// @vitest-environment node
import { renderToString } from '@vue/server-renderer';
import { describe, expect, it } from 'vitest';
import { createSSRApp, defineComponent, h, resolveDirective, withDirectives } from 'vue';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import { SpoorPlugin, useConsent, useSessionTracker, useTrackerSnapshot } from '../src';
import { createTestTracker } from './helpers';

const Home = defineComponent({
  setup() {
    const { snapshot } = useSessionTracker();
    const sessionId = useTrackerSnapshot((s) => s.sessionId);
    const { state } = useConsent();
    return () => {
      const mask = resolveDirective('spoor-mask');
      const track = resolveDirective('spoor-track');
      if (!mask || !track) throw new Error('directives not registered');
      return h('main', [
        h(
          'p',
          `status: ${snapshot.value.status}; session: ${sessionId.value ?? 'none'}; consent: ${state.value}`,
        ),
        withDirectives(h('input', { name: 'card' }), [[mask]]),
        withDirectives(h('button', 'Buy'), [[track, 'buy']]),
      ]);
    };
  },
});

describe('server rendering', () => {
  it('renders with the server snapshot, keeps mask attributes and captures nothing', async () => {
    const { tracker, sent } = createTestTracker();
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: Home }] });
    const app = createSSRApp(defineComponent({ render: () => h(RouterView) }));
    app.use(router).use(SpoorPlugin, { tracker, router });
    await router.push('/');
    await router.isReady();

    const html = await renderToString(app);

    expect(html).toContain('status: idle; session: none; consent: granted');
    expect(html).toMatch(/<input name="card" data-spoor-mask(="")?>/);
    expect(tracker.getSnapshot().status).toBe('idle');
    expect(await sent()).toEqual([]);
  });

  it('works with a tracker the plugin creates from options', async () => {
    const app = createSSRApp(Home).use(SpoorPlugin, { options: { consent: { mode: 'opt-in' } } });

    expect(await renderToString(app)).toContain('status: idle; session: none; consent: pending');
  });
});
