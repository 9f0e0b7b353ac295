import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Attached from './Attached.svelte';
import { cleanUpAfterEach, createTestTracker } from './helpers';
import Root from './Root.svelte';

cleanUpAfterEach();

describe('attachments', () => {
  it('mask and block with {@attach}, and unmask when the parameter turns false', async () => {
    const { tracker } = createTestTracker();
    render(Root, { tracker, child: Attached });
    const card = screen.getByLabelText('Card');
    expect(card.hasAttribute('data-spoor-mask')).toBe(true);
    expect(screen.getByLabelText('Private').hasAttribute('data-spoor-block')).toBe(true);

    await fireEvent.click(screen.getByRole('button', { name: 'Unmask' }));
    expect(card.hasAttribute('data-spoor-mask')).toBe(false);
  });

  it('record a custom event per click with the tracker from setTrackerContext and the latest props', async () => {
    const { tracker, sent } = createTestTracker();
    render(Root, { tracker, child: Attached });

    await fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Add' }));

    const custom = (await sent()).filter((event) => event.type === 'custom');
    expect(custom.map((event) => [event.name, event.props])).toEqual([
      ['add_to_cart', { sku: 'sku-1' }],
      ['add_to_cart', { sku: 'sku-2' }],
    ]);
  });
});
