import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { getTrackerContext } from '../src';
import { cleanUpAfterEach, createTestTracker } from './helpers';
import Root from './Root.svelte';
import Shop from './Shop.svelte';

cleanUpAfterEach();

describe('setTrackerContext', () => {
  it('starts the tracker when the component mounts and stops it when it is destroyed', async () => {
    const { tracker } = createTestTracker();
    const view = render(Root, { tracker, child: Shop });

    expect(await screen.findByText('status: running')).toBeTruthy();
    view.unmount();
    expect(tracker.getSnapshot().status).toBe('idle');
  });
});

describe('getTrackerContext', () => {
  it('throws an error naming setTrackerContext when no parent set a tracker', () => {
    expect(() => render(Shop)).toThrow(/setTrackerContext/);
  });

  it('throws outside of a component', () => {
    expect(() => getTrackerContext()).toThrow();
  });
});
