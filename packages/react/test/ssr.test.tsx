// @vitest-environment node
import { createMemoryTransport, createTracker } from '@spoor/core';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  SessionTrackerProvider,
  useConsent,
  usePageViews,
  useSessionTracker,
  useTrackEvent,
  useTrackerSnapshot,
} from '../src';

function Page() {
  const { sessionId, status } = useSessionTracker();
  const { state } = useConsent();
  const consent = useTrackerSnapshot((snapshot) => snapshot.consent);
  usePageViews('/pricing');
  useTrackEvent('click', () => {});
  return <p>{`session ${sessionId ?? 'none'}, status ${status}, consent ${state}/${consent}`}</p>;
}

describe('server rendering', () => {
  for (const strict of [false, true]) {
    const wrap = (ui: React.ReactElement) => (strict ? <StrictMode>{ui}</StrictMode> : ui);

    it(`renders with options and captures nothing${strict ? ' (StrictMode)' : ''}`, async () => {
      expect(typeof window).toBe('undefined');
      const memory = createMemoryTransport();
      const html = renderToString(
        wrap(
          <SessionTrackerProvider options={{ transport: memory, consent: { mode: 'opt-in' } }}>
            <Page />
          </SessionTrackerProvider>,
        ),
      );
      expect(html).toContain('session none, status idle, consent pending/pending');
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(memory.events).toEqual([]);
    });

    it(`leaves a given tracker idle and captures nothing${strict ? ' (StrictMode)' : ''}`, async () => {
      const memory = createMemoryTransport();
      const tracker = createTracker({ transport: memory });
      const html = renderToString(
        wrap(
          <SessionTrackerProvider tracker={tracker}>
            <Page />
          </SessionTrackerProvider>,
        ),
      );
      expect(html).toContain('session none, status idle');
      expect(tracker.getSnapshot().status).toBe('idle');
      await tracker.flush();
      expect(memory.events).toEqual([]);
      tracker.destroy();
    });
  }
});
