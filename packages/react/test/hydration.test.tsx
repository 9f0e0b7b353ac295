import { act } from '@testing-library/react';
import { StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { expect, it, vi } from 'vitest';
import { SessionTrackerProvider, useSessionTracker } from '../src';
import { createTestTracker, delivered, describeEachReactMode } from './helpers';

function SessionBadge() {
  const { sessionId, status } = useSessionTracker();
  return <p>{`${status}: ${sessionId ?? 'no session'}`}</p>;
}

describeEachReactMode('hydration', ({ strict }) => {
  it('hydrates server HTML without a mismatch, then starts in the browser', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { tracker, memory } = createTestTracker();
    const app = (
      <SessionTrackerProvider tracker={tracker}>
        <SessionBadge />
      </SessionTrackerProvider>
    );
    const ui = strict ? <StrictMode>{app}</StrictMode> : app;
    const container = document.createElement('div');
    container.innerHTML = renderToString(ui);
    document.body.append(container);
    expect(container.textContent).toBe('idle: no session');

    const root = await act(async () => hydrateRoot(container, ui));
    expect(container.textContent).toBe(`running: ${tracker.getSnapshot().sessionId}`);
    expect(tracker.getSnapshot().sessionId).toEqual(expect.any(String));
    expect(errors).not.toHaveBeenCalled();
    expect(await delivered(tracker, memory)).toEqual(['session:start', 'page:view /']);
    act(() => root.unmount());
  });
});
