import { createMemoryTransport, type MemoryTransport, type Tracker } from '@spoor/core';
import { act, screen } from '@testing-library/react';
import { useState } from 'react';
import { expect, it } from 'vitest';
import { SessionTrackerProvider, useSessionTracker } from '../src';
import { createTestTracker, delivered, describeEachReactMode, TrackerProbe, testOptions } from './helpers';

function Status() {
  const { status, sessionId } = useSessionTracker();
  return (
    <p>
      status: {status}, session: {sessionId ?? 'none'}
    </p>
  );
}

function CounterApp({
  memory,
  onTracker,
}: {
  memory: MemoryTransport;
  onTracker: (tracker: Tracker) => void;
}) {
  const [count, setCount] = useState(0);
  return (
    <SessionTrackerProvider options={testOptions(memory)}>
      <button type="button" onClick={() => setCount(count + 1)}>
        clicked {count}
      </button>
      <TrackerProbe onTracker={onTracker} />
    </SessionTrackerProvider>
  );
}

function NestedApp({ tracker, inner }: { tracker: Tracker; inner: boolean }) {
  return (
    <SessionTrackerProvider tracker={tracker}>
      {inner && (
        <SessionTrackerProvider tracker={tracker}>
          <Status />
        </SessionTrackerProvider>
      )}
    </SessionTrackerProvider>
  );
}

describeEachReactMode('SessionTrackerProvider', ({ render }) => {
  it('starts the given tracker while mounted and stops it on unmount', async () => {
    const { tracker } = createTestTracker();
    const { unmount } = render(
      <SessionTrackerProvider tracker={tracker}>
        <Status />
      </SessionTrackerProvider>,
    );
    expect(tracker.getSnapshot().status).toBe('running');
    expect(screen.getByText(/status: running/)).toBeTruthy();
    unmount();
    await Promise.resolve();
    expect(tracker.getSnapshot().status).toBe('idle');
  });

  it('records exactly one session:start and one page:view for the first render', async () => {
    const { tracker, memory } = createTestTracker();
    render(
      <SessionTrackerProvider tracker={tracker}>
        <Status />
      </SessionTrackerProvider>,
    );
    expect(await delivered(tracker, memory)).toEqual(['session:start', 'page:view /']);
  });

  it('creates a tracker from options once and keeps it across re-renders', async () => {
    const memory = createMemoryTransport();
    const seen = new Set<Tracker>();
    render(<CounterApp memory={memory} onTracker={(tracker) => seen.add(tracker)} />);
    act(() => screen.getByRole('button').click());
    act(() => screen.getByRole('button').click());
    expect(screen.getByRole('button').textContent).toBe('clicked 2');
    expect(seen.size).toBe(1);
    const [tracker] = seen;
    expect(tracker?.getSnapshot().status).toBe('running');
    expect(
      (await delivered(tracker as Tracker, memory)).filter((type) => type === 'session:start'),
    ).toHaveLength(1);
  });

  it('shares one started tracker between nested providers and stops it when the last one unmounts', async () => {
    const { tracker } = createTestTracker();
    const { rerender, unmount } = render(<NestedApp tracker={tracker} inner />);
    rerender(<NestedApp tracker={tracker} inner={false} />);
    await Promise.resolve();
    expect(tracker.getSnapshot().status).toBe('running');
    unmount();
    await Promise.resolve();
    expect(tracker.getSnapshot().status).toBe('idle');
  });
});
