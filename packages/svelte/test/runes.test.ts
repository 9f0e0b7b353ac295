import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { fromTracker } from '../src';
import { cleanUpAfterEach, createTestTracker } from './helpers';
import Root from './Root.svelte';
import Shop from './Shop.svelte';

cleanUpAfterEach();

describe('fromTracker', () => {
  it('updates the template when the selected value changes', async () => {
    const { tracker } = createTestTracker();
    const view = render(Root, { tracker, child: Shop });
    expect(await screen.findByText('status: running')).toBeTruthy();

    tracker.destroy();
    expect(await screen.findByText('status: destroyed')).toBeTruthy();
    view.unmount();
  });

  it('reads the current snapshot outside of a reactive context', () => {
    const { tracker } = createTestTracker({ consent: { mode: 'opt-in' } });
    const snapshot = fromTracker(tracker);
    expect(snapshot.current).toBe(tracker.getSnapshot());
    expect(fromTracker(tracker, (s) => s.consent).current).toBe('pending');
  });
});
