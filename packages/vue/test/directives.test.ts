import { cleanup, fireEvent, render } from '@testing-library/vue';
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h, ref, resolveDirective, withDirectives } from 'vue';
import { SpoorPlugin } from '../src';
import { clearBrowserStorage, createTestTracker } from './helpers';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  clearBrowserStorage();
});

const Form = defineComponent({
  props: { masked: { type: Boolean, default: true } },
  setup(props) {
    const sku = ref('sku-1');
    return () => {
      const mask = resolveDirective('spoor-mask');
      const block = resolveDirective('spoor-block');
      const track = resolveDirective('spoor-track');
      if (!mask || !block || !track) throw new Error('directives not registered');
      return h('form', [
        withDirectives(h('input', { 'aria-label': 'Card' }), [[mask, props.masked]]),
        withDirectives(h('section', { 'aria-label': 'Secret' }), [[block]]),
        withDirectives(h('button', { type: 'button', onClick: () => (sku.value = 'sku-2') }, 'Add'), [
          [track, { name: 'add_to_cart', props: { sku: sku.value } }],
        ]),
        withDirectives(h('button', { type: 'button' }, 'Ping'), [[track, 'ping']]),
      ]);
    };
  },
});

describe('v-spoor-mask', () => {
  it('marks the element as masked, and unmarks it when its value turns false', async () => {
    const { tracker } = createTestTracker();
    const view = render(Form, { global: { plugins: [[SpoorPlugin, { tracker }]] } });
    const card = view.getByLabelText('Card');

    expect(card.hasAttribute('data-spoor-mask')).toBe(true);
    await view.rerender({ masked: false });
    expect(card.hasAttribute('data-spoor-mask')).toBe(false);
  });
});

describe('v-spoor-block', () => {
  it('marks the element as blocked', () => {
    const { tracker } = createTestTracker();
    const view = render(Form, { global: { plugins: [[SpoorPlugin, { tracker }]] } });

    expect(view.getByLabelText('Secret').hasAttribute('data-spoor-block')).toBe(true);
  });
});

describe('v-spoor-track', () => {
  it('records the named custom event with its current properties on each click', async () => {
    const { tracker, sent } = createTestTracker();
    const view = render(Form, { global: { plugins: [[SpoorPlugin, { tracker }]] } });

    await fireEvent.click(view.getByRole('button', { name: 'Add' }));
    await fireEvent.click(view.getByRole('button', { name: 'Add' }));
    await fireEvent.click(view.getByRole('button', { name: 'Ping' }));

    const custom = (await sent()).filter((event) => event.type === 'custom');
    expect(custom.map((event) => [event.name, event.props])).toEqual([
      ['add_to_cart', { sku: 'sku-1' }],
      ['add_to_cart', { sku: 'sku-2' }],
      ['ping', {}],
    ]);
  });

  it('stops listening when the element unmounts', async () => {
    const { tracker, sent } = createTestTracker();
    tracker.start();
    const view = render(Form, { global: { plugins: [[SpoorPlugin, { tracker }]] } });
    const button = view.getByRole('button', { name: 'Ping' });
    view.unmount();
    button.click();

    expect((await sent()).filter((event) => event.type === 'custom')).toEqual([]);
    tracker.stop();
  });
});
