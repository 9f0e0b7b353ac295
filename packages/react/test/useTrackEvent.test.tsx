import type { TrackerEvent } from '@spoor/core';
import { act } from '@testing-library/react';
import { expect, it, vi } from 'vitest';
import { SessionTrackerProvider, useTrackEvent } from '../src';
import { createTestTracker, describeEachReactMode } from './helpers';

function CustomNames({ into }: { into: string[] }) {
  useTrackEvent('custom', (event) => into.push(event.name));
  return null;
}

function AllTypes({ into }: { into: string[] }) {
  useTrackEvent('*', (event: TrackerEvent) => into.push(event.type));
  return null;
}

describeEachReactMode('useTrackEvent', ({ render }) => {
  it('calls the handler for each event of its type while mounted', () => {
    const { tracker } = createTestTracker();
    const names: string[] = [];
    const { unmount } = render(
      <SessionTrackerProvider tracker={tracker}>
        <CustomNames into={names} />
      </SessionTrackerProvider>,
    );
    act(() => tracker.track('plan_chosen', { plan: 'pro' }));
    act(() => tracker.track('signed_up'));
    expect(names).toEqual(['plan_chosen', 'signed_up']);
    unmount();
    tracker.start();
    tracker.track('after_unmount');
    tracker.stop();
    expect(names).toEqual(['plan_chosen', 'signed_up']);
  });

  it('receives every type with "*" and always calls the latest handler', () => {
    const { tracker } = createTestTracker();
    const first: string[] = [];
    const second: string[] = [];
    const { rerender } = render(
      <SessionTrackerProvider tracker={tracker}>
        <AllTypes into={first} />
      </SessionTrackerProvider>,
    );
    act(() => tracker.track('one'));
    rerender(
      <SessionTrackerProvider tracker={tracker}>
        <AllTypes into={second} />
      </SessionTrackerProvider>,
    );
    act(() => tracker.track('two'));
    expect(first.filter((type) => type === 'custom')).toHaveLength(1);
    expect(second.filter((type) => type === 'custom')).toHaveLength(1);
  });

  it('throws an error naming the provider when used outside it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<CustomNames into={[]} />)).toThrow(
      /useTrackEvent\(\) must be used inside <SessionTrackerProvider>/,
    );
  });
});
