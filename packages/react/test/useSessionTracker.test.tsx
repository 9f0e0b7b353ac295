import { act, screen } from '@testing-library/react';
import { expect, it, vi } from 'vitest';
import { SessionTrackerProvider, useSessionTracker } from '../src';
import { createTestTracker, delivered, describeEachReactMode, TrackerProbe } from './helpers';

function Session() {
  const { sessionId, consent, status } = useSessionTracker();
  return (
    <dl>
      <dt>session</dt>
      <dd data-testid="session">{sessionId ?? 'none'}</dd>
      <dt>consent</dt>
      <dd data-testid="consent">{consent}</dd>
      <dt>status</dt>
      <dd data-testid="status">{status}</dd>
    </dl>
  );
}

describeEachReactMode('useSessionTracker', ({ render }) => {
  it('throws an error naming the provider when used outside it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Session />)).toThrow(
      /useSessionTracker\(\) must be used inside <SessionTrackerProvider>/,
    );
  });

  it('returns the tracker and re-renders when the session state changes', async () => {
    const { tracker, memory } = createTestTracker({ consent: { mode: 'opt-in' } });
    let fromHook: unknown;
    render(
      <SessionTrackerProvider tracker={tracker}>
        <Session />
        <TrackerProbe
          onTracker={(value) => {
            fromHook = value;
          }}
        />
      </SessionTrackerProvider>,
    );
    expect(fromHook).toBe(tracker);
    expect(screen.getByTestId('consent').textContent).toBe('pending');
    expect(screen.getByTestId('session').textContent).toBe('none');
    expect(screen.getByTestId('status').textContent).toBe('running');

    act(() => tracker.consent.grant());
    expect(screen.getByTestId('consent').textContent).toBe('granted');
    expect(screen.getByTestId('session').textContent).toBe(tracker.getSnapshot().sessionId);
    expect(screen.getByTestId('session').textContent).not.toBe('none');
    expect(await delivered(tracker, memory)).toContain('session:start');
  });
});
