import { fireEvent, screen } from '@testing-library/vue';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, defineComponent, h } from 'vue';
import { NO_CAPTURE } from '../../../test-utils/dom';
import { SpoorPlugin } from '../src';
import { clearBrowserStorage, createTestTracker } from './helpers';

const Checkout = defineComponent({
  setup() {
    const pay = () => {
      throw new TypeError('card 4111 1111 1111 1111 declined');
    };
    return () => h('button', { onClick: pay }, 'Pay');
  },
});

afterEach(() => {
  document.body.innerHTML = '';
  clearBrowserStorage();
});

function mountCheckout(setOwnHandler: 'before' | 'after' | 'none') {
  const { tracker, sent } = createTestTracker({ capture: { ...NO_CAPTURE, errors: true } });
  const own = vi.fn();
  const app = createApp(Checkout);
  if (setOwnHandler === 'before') app.config.errorHandler = own;
  app.use(SpoorPlugin, { tracker });
  if (setOwnHandler === 'after') app.config.errorHandler = own;
  const root = document.createElement('div');
  document.body.append(root);
  app.mount(root);
  return { app, own, sent };
}

describe('SpoorPlugin and errors Vue catches', () => {
  it.each(['before', 'after'] as const)(
    'records a throw in a @click handler, scrubbed, and still calls the handler the app set %s app.use',
    async (order) => {
      const { app, own, sent } = mountCheckout(order);
      await fireEvent.click(screen.getByRole('button', { name: 'Pay' }));

      const errors = (await sent()).filter((event) => event.type === 'error');
      expect(errors.map((event) => event.message)).toEqual(['TypeError: card [card] declined']);
      expect(own).toHaveBeenCalledOnce();
      expect(own.mock.calls[0]?.[0]).toBeInstanceOf(TypeError);
      expect(own.mock.calls[0]?.[2]).toMatch(/handler/);
      app.unmount();
      expect(app.config.errorHandler).toBe(own);
    },
  );

  it('logs the error to the console, as Vue does, when the app has no handler of its own', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { app, sent } = mountCheckout('none');
    await fireEvent.click(screen.getByRole('button', { name: 'Pay' }));

    expect((await sent()).filter((event) => event.type === 'error')).toHaveLength(1);
    expect(log).toHaveBeenCalledWith(expect.any(TypeError));
    app.unmount();
    expect(app.config.errorHandler).toBeUndefined();
  });
});
