import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { block, mask, track } from '../src';
import { cleanUpAfterEach, createTestTracker } from './helpers';
import Root from './Root.svelte';
import Shop from './Shop.svelte';

cleanUpAfterEach();

describe('mask', () => {
  it('marks the element as masked, and unmarks it when its parameter turns false', () => {
    const input = document.createElement('input');
    const handle = mask(input);
    expect(input.hasAttribute('data-spoor-mask')).toBe(true);
    handle?.update?.(false);
    expect(input.hasAttribute('data-spoor-mask')).toBe(false);
  });

  it('is applied by use:mask in a component', () => {
    const { tracker } = createTestTracker();
    render(Root, { tracker, child: Shop });
    expect(screen.getByLabelText('Card').hasAttribute('data-spoor-mask')).toBe(true);
  });
});

describe('block', () => {
  it('marks the element as blocked', () => {
    const section = document.createElement('section');
    block(section);
    expect(section.hasAttribute('data-spoor-block')).toBe(true);
  });
});

describe('track', () => {
  it('records a custom event on each click, with the latest parameters, until destroyed', async () => {
    const { tracker, sent } = createTestTracker();
    tracker.start();
    const button = document.createElement('button');
    document.body.append(button);
    const handle = track(button, { name: 'add_to_cart', props: { sku: 'a' }, tracker });

    button.click();
    handle?.update?.({ name: 'add_to_cart', props: { sku: 'b' }, tracker });
    button.click();
    handle?.destroy?.();
    button.click();

    const custom = (await sent()).filter((event) => event.type === 'custom');
    expect(custom.map((event) => event.props)).toEqual([{ sku: 'a' }, { sku: 'b' }]);
    tracker.stop();
  });

  it('uses the tracker from setTrackerContext in a component', async () => {
    const { tracker, sent } = createTestTracker();
    render(Root, { tracker, child: Shop });

    await fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Ping' }));

    const custom = (await sent()).filter((event) => event.type === 'custom');
    expect(custom.map((event) => [event.name, event.props])).toEqual([
      ['add_to_cart', { sku: 'sku-1' }],
      ['add_to_cart', { sku: 'sku-2' }],
      ['ping', {}],
    ]);
  });
});
