import { describe, expect, it, vi } from 'vitest';
import { setup } from '../helpers';
import { installBroadcastChannel } from '../session/channel';
import { useFreshPage } from '../session/page';

// Two tabs of one site: two trackers in one document, whose channels reach each other.
useFreshPage();

type Tab = ReturnType<typeof setup>;
const sentBy = (tab: Tab, name: string) =>
  tab.transport.events.find((e) => e.type === 'custom' && e.name === name);

async function twoTabs() {
  installBroadcastChannel();
  const [a, b] = [setup(), setup()];
  for (const tab of [a, b]) tab.tracker.start();
  // Both tabs have read the visitor record for the session before anyone identifies.
  for (const tab of [a, b]) tab.tracker.track('before');
  await vi.advanceTimersByTimeAsync(100);
  return [a, b] as const;
}

describe("the visitor's identity in one tab holds in every open tab at once", () => {
  it("a sign-in in one tab puts the user on the other tab's next events", async () => {
    const [a, b] = await twoTabs();
    a.tracker.identify('user-42');
    await vi.advanceTimersByTimeAsync(100);
    expect(b.tracker.getSnapshot().userId).toBe('user-42');
    b.tracker.track('in-b');
    await b.tracker.flush();
    expect(sentBy(b, 'in-b')).toMatchObject({ userId: 'user-42', visitorId: sentBy(b, 'before')?.visitorId });
  });

  it('a later sign-in in another tab replaces the user this tab named', async () => {
    const [a, b] = await twoTabs();
    b.tracker.identify('user-1');
    await vi.advanceTimersByTimeAsync(100);
    a.tracker.identify('user-2');
    await vi.advanceTimersByTimeAsync(100);
    b.tracker.track('in-b');
    a.tracker.track('in-a');
    await Promise.all([a.tracker.flush(), b.tracker.flush()]);
    expect(sentBy(b, 'in-b')?.userId).toBe('user-2');
    expect(sentBy(a, 'in-a')?.userId).toBe('user-2');
  });

  it('a reset (sign-out) in one tab signs out the tab that signed in: the new visitor and no user', async () => {
    const [a, b] = await twoTabs();
    // The user was named in the other tab, which keeps it in memory too.
    b.tracker.identify('user-42');
    await vi.advanceTimersByTimeAsync(100);
    a.tracker.reset();
    await vi.advanceTimersByTimeAsync(100);
    a.tracker.track('in-a');
    b.tracker.track('in-b');
    await Promise.all([a.tracker.flush(), b.tracker.flush()]);
    const [inA, inB] = [sentBy(a, 'in-a'), sentBy(b, 'in-b')];
    expect(inB?.userId).toBeUndefined();
    expect(inB?.visitorId).toBe(inA?.visitorId);
    expect(inB?.visitorId).not.toBe(sentBy(b, 'before')?.visitorId);
    expect(inB?.sessionId).toBe(inA?.sessionId);
  });

  it('a tab destroyed meanwhile hears nothing, and nothing throws', async () => {
    const [a, b] = await twoTabs();
    b.tracker.destroy();
    expect(() => a.tracker.identify('user-42')).not.toThrow();
    await vi.advanceTimersByTimeAsync(100);
    expect(b.tracker.getSnapshot().userId).toBeNull();
  });
});
