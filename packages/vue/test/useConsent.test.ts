import { cleanup, fireEvent, render } from '@testing-library/vue';
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { SpoorPlugin, useConsent } from '../src';
import { clearBrowserStorage, createTestTracker } from './helpers';

const Banner = defineComponent({
  setup() {
    const { state, mode, grant, deny } = useConsent();
    return () =>
      state.value === 'pending'
        ? h('div', { role: 'dialog', 'aria-label': `consent (${mode})` }, [
            h('button', { onClick: grant }, 'Accept'),
            h('button', { onClick: deny }, 'Decline'),
          ])
        : h('p', `consent: ${state.value}`);
  },
});

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  clearBrowserStorage();
});

describe('useConsent', () => {
  it('sends nothing until the visitor accepts, then starts the session', async () => {
    const { tracker, sent } = createTestTracker({ consent: { mode: 'opt-in' } });
    const view = render(Banner, { global: { plugins: [[SpoorPlugin, { tracker }]] } });

    expect(view.getByRole('dialog', { name: 'consent (opt-in)' })).toBeTruthy();
    expect(await sent()).toEqual([]);

    await fireEvent.click(view.getByRole('button', { name: 'Accept' }));
    expect(view.getByText('consent: granted')).toBeTruthy();
    const types = (await sent()).map((event) => event.type);
    expect(types).toContain('session:start');
  });

  it('keeps sending nothing when the visitor declines', async () => {
    const { tracker, sent } = createTestTracker({ consent: { mode: 'opt-in' } });
    const view = render(Banner, { global: { plugins: [[SpoorPlugin, { tracker }]] } });

    await fireEvent.click(view.getByRole('button', { name: 'Decline' }));
    expect(view.getByText('consent: denied')).toBeTruthy();
    tracker.track('ignored');
    expect(await sent()).toEqual([]);
    expect(tracker.getSnapshot().sessionId).toBeNull();
  });
});
