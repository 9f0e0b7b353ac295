import { act, fireEvent, screen } from '@testing-library/react';
import { expect, it, vi } from 'vitest';
import { SessionTrackerProvider, useConsent } from '../src';
import { createTestTracker, delivered, describeEachReactMode } from './helpers';

function ConsentBanner() {
  const { state, mode, grant, deny } = useConsent();
  if (state !== 'pending') return <p>consent: {state}</p>;
  return (
    <div role="dialog" aria-label={`cookie consent (${mode})`}>
      <button type="button" onClick={grant}>
        Accept
      </button>
      <button type="button" onClick={deny}>
        Decline
      </button>
    </div>
  );
}

describeEachReactMode('useConsent', ({ render }) => {
  it('drives a consent banner: nothing is captured until the visitor accepts', async () => {
    const { tracker, memory } = createTestTracker({ consent: { mode: 'opt-in' } });
    render(
      <SessionTrackerProvider tracker={tracker}>
        <ConsentBanner />
      </SessionTrackerProvider>,
    );
    expect(screen.getByRole('dialog', { name: 'cookie consent (opt-in)' })).toBeTruthy();
    act(() => tracker.track('before_consent'));
    expect(await delivered(tracker, memory)).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Accept' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('consent: granted')).toBeTruthy();
    act(() => tracker.track('after_consent'));
    const types = await delivered(tracker, memory);
    expect(types.filter((type) => type === 'session:start')).toHaveLength(1);
    expect(memory.events.filter((event) => event.type === 'custom').map((event) => event.name)).toEqual([
      'after_consent',
    ]);
  });

  it('records a refusal and sends nothing', async () => {
    const { tracker, memory } = createTestTracker({ consent: { mode: 'opt-in' } });
    render(
      <SessionTrackerProvider tracker={tracker}>
        <ConsentBanner />
      </SessionTrackerProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    expect(screen.getByText('consent: denied')).toBeTruthy();
    act(() => tracker.track('after_refusal'));
    expect(await delivered(tracker, memory)).toEqual([]);
    expect(tracker.getSnapshot().sessionId).toBeNull();
  });

  it('throws an error naming the provider when used outside it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<ConsentBanner />)).toThrow(
      /useConsent\(\) must be used inside <SessionTrackerProvider>/,
    );
  });
});
