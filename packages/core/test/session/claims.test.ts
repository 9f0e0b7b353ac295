import { describe, expect, it, vi } from 'vitest';
import type { TrackerEvent } from '../../src/index';
import type { TabMessage } from '../../src/session/crossTab';
import { clearCookies, destroyTrackers, setup } from '../helpers';
import { installBroadcastChannel } from './channel';
import { useFreshPage } from './page';

/** Another tab of the site on the cross-tab channel: what it hears, its claims and announcements. */
function otherTab() {
  const channel = new BroadcastChannel('spoor:spoor_sid');
  const heard: TabMessage[] = [];
  channel.onmessage = (event) => heard.push(event.data);
  const session = (id: string) => ({ id, startedAt: Date.now(), lastActivity: Date.now(), ended: false });
  return {
    heard,
    claim: (id: string) => channel.postMessage({ c: session(id) }),
    announce: (id: string) => channel.postMessage({ s: session(id) }),
  };
}

const idsOf = (events: TrackerEvent[]) => new Set(events.map((e) => e.sessionId));

useFreshPage();

describe('one session for tabs that start at the same instant (BroadcastChannel, no Web Locks)', () => {
  it('emits one session:start when two tabs start together, and both use its id', async () => {
    installBroadcastChannel();
    const tabs = [setup(), setup()];
    for (const { tracker } of tabs) tracker.start();
    for (const { tracker } of tabs) tracker.track('opened');
    // Nothing carries a session id during the claim window.
    await vi.advanceTimersByTimeAsync(40);
    expect(tabs.flatMap((t) => t.events).filter((e) => e.type !== 'tracker:error')).toEqual([]);
    await vi.advanceTimersByTimeAsync(60);
    const all = tabs.flatMap((t) => t.events);
    expect(all.filter((e) => e.type === 'session:start')).toHaveLength(1);
    expect(idsOf(all).size).toBe(1);
    expect(tabs.map((t) => t.tracker.getSnapshot().sessionId)).toEqual([
      all[0]?.sessionId,
      all[0]?.sessionId,
    ]);
    expect(document.cookie).toContain(`spoor_sid=${all[0]?.sessionId}`);
  });

  it('agrees on one session when the second tab starts after the first one claimed, messages slow', async () => {
    for (let round = 0; round < 20; round++) {
      installBroadcastChannel(15);
      clearCookies();
      const first = setup();
      first.tracker.start();
      first.tracker.track('opened');
      // The second tab's channel opens after the first claim was posted: it never hears it.
      vi.advanceTimersByTime(5);
      const second = setup();
      second.tracker.start();
      second.tracker.track('opened');
      await vi.advanceTimersByTimeAsync(1200);
      const all = [...first.events, ...second.events];
      expect(all.filter((e) => e.type === 'session:start')).toHaveLength(1);
      expect(idsOf(all).size).toBe(1);
      destroyTrackers();
    }
  });

  it('joins the session of the claim it gave way to, even before its write reached the store', async () => {
    installBroadcastChannel();
    const other = otherTab();
    const { tracker, ofType } = setup();
    tracker.start();
    tracker.track('here');
    await vi.advanceTimersByTimeAsync(1);
    // The other tab's claim outranks this one; this tab waits past its window for the winner's word.
    other.claim('0');
    await vi.advanceTimersByTimeAsync(80);
    expect(ofType('custom')).toEqual([]);
    other.announce('0');
    await vi.advanceTimersByTimeAsync(1);
    expect(ofType('session:start')).toEqual([]);
    expect(ofType('custom')[0]?.sessionId).toBe('0');
    expect(tracker.getSnapshot().sessionId).toBe('0');
  });

  it('answers a claim that loses, then announces the session it started', async () => {
    installBroadcastChannel();
    const { tracker, ofType } = setup();
    tracker.start();
    // This tab opens after the first claim was said: it hears only the answer.
    const other = otherTab();
    await vi.advanceTimersByTimeAsync(1);
    other.claim('zzzz');
    await vi.advanceTimersByTimeAsync(100);
    const id = ofType('session:start')[0]?.sessionId;
    expect(other.heard.map((m) => [m?.c?.id, m?.s?.id])).toEqual([
      [id, undefined],
      [undefined, id],
    ]);
  });

  it('decides alone after a second when the tab it gave way to never decides', async () => {
    installBroadcastChannel();
    const other = otherTab();
    const { tracker, ofType } = setup();
    tracker.start();
    tracker.track('waiting');
    other.claim('0');
    await vi.advanceTimersByTimeAsync(900);
    expect(ofType('custom')).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(ofType('session:start')).toHaveLength(1);
    expect(ofType('custom')[0]?.sessionId).toBe(ofType('session:start')[0]?.sessionId);
  });

  it('keeps one session when one of the tabs is left during the window, winner or not', async () => {
    // Claims rank by random ids: over twenty rounds the tab left is sometimes the winner, sometimes not.
    for (let round = 0; round < 20; round++) {
      installBroadcastChannel();
      clearCookies();
      const tabs = [setup(), setup()];
      for (const { tracker } of tabs) tracker.start();
      for (const { tracker } of tabs) tracker.track('opened');
      await vi.advanceTimersByTimeAsync(5);
      const leaving = tabs[round % 2];
      // A stop decides at once, as a page exit does: its events must be ready for the exit flush.
      leaving?.tracker.stop();
      expect(leaving?.events.filter((e) => e.type === 'custom')).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(100);
      const all = tabs.flatMap((t) => t.events);
      expect(all.filter((e) => e.type === 'session:start')).toHaveLength(1);
      expect(idsOf(all).size).toBe(1);
      destroyTrackers();
    }
  });

  it('keeps its live session when another tab claims a new one', async () => {
    installBroadcastChannel();
    const { tracker, ofType } = setup();
    tracker.start();
    await vi.advanceTimersByTimeAsync(100);
    const id = tracker.getSnapshot().sessionId;
    otherTab().claim('0');
    await vi.advanceTimersByTimeAsync(10);
    tracker.track('later');
    expect(ofType('custom')[0]?.sessionId).toBe(id);
    expect(tracker.getSnapshot().sessionId).toBe(id);
  });
});
