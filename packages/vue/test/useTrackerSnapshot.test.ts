import { cleanup, render } from '@testing-library/vue';
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import { SpoorPlugin, useTrackerSnapshot } from '../src';
import { clearBrowserStorage, createTestTracker } from './helpers';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  clearBrowserStorage();
});

describe('useTrackerSnapshot', () => {
  it('re-renders only when the selected value changes', async () => {
    const { tracker } = createTestTracker({ consent: { mode: 'opt-in' } });
    let renders = 0;
    const Consent = defineComponent({
      setup() {
        const consent = useTrackerSnapshot((snapshot) => snapshot.consent);
        return () => {
          renders += 1;
          return h('p', `consent: ${consent.value}`);
        };
      },
    });
    const view = render(Consent, { global: { plugins: [[SpoorPlugin, { tracker }]] } });
    const before = renders;

    tracker.track('unrelated');
    await nextTick();
    expect(renders).toBe(before);

    tracker.consent.deny();
    expect(await view.findByText('consent: denied')).toBeTruthy();
    expect(renders).toBe(before + 1);
  });

  it('stops following the tracker when the component unmounts', async () => {
    const { tracker } = createTestTracker({ consent: { mode: 'opt-in' } });
    tracker.start();
    let value: { value: string } | undefined;
    const view = render(
      defineComponent({
        setup() {
          value = useTrackerSnapshot((snapshot) => snapshot.consent);
          return () => h('p', 'x');
        },
      }),
      { global: { plugins: [[SpoorPlugin, { tracker }]] } },
    );
    view.unmount();
    tracker.consent.grant();

    expect(value?.value).toBe('pending');
    tracker.stop();
  });
});
