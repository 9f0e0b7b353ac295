import { describe, expect, it, vi } from 'vitest';
import { setup } from '../helpers';
import { installBroadcastChannel } from '../session/channel';
import { useFreshPage } from '../session/page';

// Two tabs of one site: two trackers in one document, whose channels reach each other.
useFreshPage();

const customNames = (tab: ReturnType<typeof setup>) =>
  tab.transport.events.flatMap((e) => (e.type === 'custom' ? [e.name] : []));

describe("the visitor's decision in one tab holds in every open tab at once", () => {
  it('a grant in one tab starts capture in the other, whose banner was still asking', async () => {
    installBroadcastChannel();
    const [a, b] = [setup({ consent: { mode: 'opt-in' } }), setup({ consent: { mode: 'opt-in' } })];
    for (const tab of [a, b]) tab?.tracker.start();
    a?.tracker.consent.grant();
    await vi.advanceTimersByTimeAsync(100);
    expect(b?.tracker.getSnapshot()).toMatchObject({ consent: 'granted', status: 'running' });
    b?.tracker.track('in-b');
    await b?.tracker.flush();
    expect(b && customNames(b)).toEqual(['in-b']);
  });

  it('a refusal in one tab stops the other, which then sends nothing and forgets what it queued', async () => {
    installBroadcastChannel();
    const [a, b] = [setup(), setup()];
    for (const tab of [a, b]) tab?.tracker.start();
    b?.tracker.track('queued-in-b');
    a?.tracker.consent.deny();
    await vi.advanceTimersByTimeAsync(100);
    expect(b?.tracker.getSnapshot()).toMatchObject({ consent: 'denied', sessionId: null });
    b?.tracker.track('after-refusal');
    await b?.tracker.flush();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(b && customNames(b)).toEqual([]);
  });

  it('a tab destroyed meanwhile hears nothing, and nothing throws', async () => {
    installBroadcastChannel();
    const [a, b] = [setup({ consent: { mode: 'opt-in' } }), setup({ consent: { mode: 'opt-in' } })];
    b?.tracker.destroy();
    expect(() => a?.tracker.consent.grant()).not.toThrow();
    await vi.advanceTimersByTimeAsync(100);
    expect(b?.tracker.getSnapshot().consent).toBe('pending');
  });
});
