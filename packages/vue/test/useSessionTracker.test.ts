import { cleanup, render } from '@testing-library/vue';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, defineComponent, h, isReadonly } from 'vue';
import { SpoorPlugin, useSessionTracker } from '../src';
import { clearBrowserStorage, createTestTracker } from './helpers';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  clearBrowserStorage();
});

describe('useSessionTracker', () => {
  it('gives components the installed tracker and its live state', async () => {
    const { tracker, sent } = createTestTracker({ consent: { mode: 'opt-in' } });
    const Session = defineComponent({
      setup() {
        const { tracker: injected, consent, sessionId } = useSessionTracker();
        return () =>
          h('div', [
            h('p', `consent: ${consent.value}`),
            h('p', `session: ${sessionId.value ? 'yes' : 'none'}`),
            h('button', { onClick: () => injected.track('hello', { from: 'vue' }) }, 'Say hello'),
          ]);
      },
    });
    const view = render(Session, { global: { plugins: [[SpoorPlugin, { tracker }]] } });

    expect(view.getByText('consent: pending')).toBeTruthy();
    expect(view.getByText('session: none')).toBeTruthy();
    tracker.consent.grant();
    expect(await view.findByText('consent: granted')).toBeTruthy();
    expect(view.getByText('session: yes')).toBeTruthy();

    await view.getByRole('button', { name: 'Say hello' }).click();
    const custom = (await sent()).find((event) => event.type === 'custom');
    expect(custom).toMatchObject({
      name: 'hello',
      props: { from: 'vue' },
      sessionId: tracker.getSnapshot().sessionId,
    });
  });

  it('returns refs that components cannot write', () => {
    const { tracker } = createTestTracker();
    let context: ReturnType<typeof useSessionTracker> | undefined;
    render(
      defineComponent({
        setup() {
          context = useSessionTracker();
          return () => h('p', 'x');
        },
      }),
      { global: { plugins: [[SpoorPlugin, { tracker }]] } },
    );

    for (const key of ['snapshot', 'sessionId', 'consent', 'status'] as const) {
      expect(isReadonly(context?.[key])).toBe(true);
    }
    expect(context?.snapshot.value).toBe(tracker.getSnapshot());
    expect(context?.status.value).toBe('running');
  });

  it('throws an error naming SpoorPlugin when the plugin is not installed', () => {
    const app = createApp(
      defineComponent({
        setup() {
          useSessionTracker();
          return () => h('p');
        },
      }),
    );
    let caught: unknown;
    app.config.errorHandler = (error) => {
      caught = error;
    };
    app.mount(document.createElement('div'));

    expect(String(caught)).toMatch(/SpoorPlugin/);
    app.unmount();
  });

  it('throws outside of setup()', () => {
    expect(() => useSessionTracker()).toThrow(/SpoorPlugin/);
  });
});
