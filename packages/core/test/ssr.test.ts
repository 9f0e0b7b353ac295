// @vitest-environment node
import { describe, expect, it } from 'vitest';

describe('server rendering', () => {
  it('imports the package and creates, starts and reads a tracker without a window', async () => {
    const { createTracker, createMemoryTransport } = await import('../src/index');
    const transport = createMemoryTransport();
    const tracker = createTracker({ transport, consent: { mode: 'opt-in' } });
    tracker.start();
    tracker.track('server');
    tracker.consent.grant();
    await tracker.flush();
    expect(tracker.getSnapshot()).toEqual({
      sessionId: null,
      tabId: null,
      consent: 'pending',
      status: 'idle',
      lastError: null,
      visitorId: null,
      userId: null,
      visitCount: 0,
      firstSeenAt: null,
      returning: false,
      sessionPageViews: 0,
      sessionEngagedMs: 0,
      entryReferrer: null,
      utm: null,
    });
    expect(tracker.getServerSnapshot()).toBe(tracker.getSnapshot());
    expect(transport.events).toHaveLength(0);
    tracker.stop();
    tracker.destroy();
  });
});
