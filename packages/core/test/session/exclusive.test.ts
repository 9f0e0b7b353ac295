import { describe, expect, it, vi } from 'vitest';
import type { TrackerEvent } from '../../src/index';
import { setup } from '../helpers';
import { installBroadcastChannel } from './channel';
import { installWebLocks } from './locks';
import { useFreshPage } from './page';

const sessionIdOf = (events: TrackerEvent[]) => new Set(events.map((e) => e.sessionId));

useFreshPage();

describe('one session for tabs that start at the same instant (Web Locks)', () => {
  it('emits one session:start when two tabs start together, and both use its id', async () => {
    const granted = installWebLocks();
    const tabs = [setup(), setup()];
    for (const { tracker } of tabs) tracker.start();
    for (const { tracker } of tabs) tracker.track('opened');
    // Nothing carries a session id yet: the tabs wait for the lock.
    expect(tabs.flatMap((t) => t.events).filter((e) => e.type !== 'tracker:error')).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(granted).toEqual(['spoor:spoor_sid', 'spoor:spoor_sid']);
    const all = tabs.flatMap((t) => t.events);
    expect(all.filter((e) => e.type === 'session:start')).toHaveLength(1);
    expect(sessionIdOf(all).size).toBe(1);
    expect(tabs.map((t) => t.tracker.getSnapshot().sessionId)).toEqual([
      all[0]?.sessionId,
      all[0]?.sessionId,
    ]);
    expect(document.cookie).toContain(`spoor_sid=${all[0]?.sessionId}`);
  });

  // The same for both ways of waiting: the lock, and the claim window where there are no Web Locks.
  it.each([
    ['for the lock', installWebLocks],
    ['through the claim window', installBroadcastChannel],
  ])('keeps the order and the time of events recorded while it waits %s', async (_, install) => {
    install();
    const { tracker, events } = setup();
    tracker.start();
    const t0 = Date.now();
    tracker.track('first');
    vi.advanceTimersByTime(0);
    tracker.track('second');
    await vi.advanceTimersByTimeAsync(100);
    expect(events.map((e) => (e.type === 'custom' ? e.name : e.type))).toEqual([
      'session:start',
      'first',
      'second',
    ]);
    expect(events[1]?.ts).toBe(t0);
    expect(sessionIdOf(events).size).toBe(1);
  });

  it('joins the session another tab started while it waited, without a session:start of its own', async () => {
    installWebLocks();
    const { tracker, events } = setup();
    tracker.start();
    tracker.track('here');
    // Another tab, in the lock first, writes its session before this tab's turn comes.
    const at = Date.now();
    document.cookie = `spoor_sid=other.${at.toString(36)}.${at.toString(36)}; Path=/`;
    await vi.advanceTimersByTimeAsync(100);
    expect(events.filter((e) => e.type === 'session:start')).toHaveLength(0);
    expect(events.find((e) => e.type === 'custom')?.sessionId).toBe('other');
    expect(tracker.getSnapshot().sessionId).toBe('other');
  });

  it('joins the session the previous holder announced, though its own store does not show it yet', async () => {
    installWebLocks();
    installBroadcastChannel();
    const other = new BroadcastChannel('spoor:spoor_sid');
    const at = Date.now();
    // Another tab holds the lock first and starts a session; its cookie has not reached this tab.
    navigator.locks.request('spoor:spoor_sid', () => {
      other.postMessage({ s: { id: 'other', startedAt: at, lastActivity: at, ended: false } });
      return new Promise((resolve) => setTimeout(resolve, 25));
    });
    const { tracker, events } = setup();
    tracker.start();
    tracker.track('here');
    await vi.advanceTimersByTimeAsync(100);
    expect(document.cookie).not.toContain('spoor_sid=other');
    expect(events.filter((e) => e.type === 'session:start')).toHaveLength(0);
    expect(events.find((e) => e.type === 'custom')?.sessionId).toBe('other');
    expect(tracker.getSnapshot().sessionId).toBe('other');
    other.close();
  });

  it('passes the lock on only once its cookie write has reached the browser', async () => {
    const granted = installWebLocks();
    // The browser's cookie store answers after this page's earlier cookie writes are applied.
    let applied = false;
    const cookieStore = {
      get: () =>
        new Promise((resolve) =>
          setTimeout(() => {
            applied = true;
            resolve(null);
          }, 300),
        ),
    };
    Object.defineProperty(window, 'cookieStore', { value: cookieStore, configurable: true });
    try {
      const { tracker, events } = setup();
      tracker.start();
      await vi.advanceTimersByTimeAsync(50);
      expect(events.filter((e) => e.type === 'session:start')).toHaveLength(1);
      // The next tab's turn comes after the write is applied, not after the 25 ms hold alone.
      let next: boolean | undefined;
      navigator.locks.request('spoor:spoor_sid', () => {
        next = applied;
      });
      await vi.advanceTimersByTimeAsync(100);
      expect(granted).toEqual(['spoor:spoor_sid']);
      await vi.advanceTimersByTimeAsync(300);
      expect(granted).toEqual(['spoor:spoor_sid', 'spoor:spoor_sid']);
      expect(next).toBe(true);
    } finally {
      Reflect.deleteProperty(window, 'cookieStore');
    }
  });

  it.each([
    ['for the lock', installWebLocks],
    ['through the claim window', installBroadcastChannel],
  ])(
    'decides at once when the page is left while it waits %s, so the exit flush carries everything',
    (_, install) => {
      install();
      const { tracker, ofType } = setup();
      tracker.start();
      tracker.track('last-click');
      window.dispatchEvent(new Event('pagehide'));
      expect(ofType('session:start')).toHaveLength(1);
      expect(ofType('custom')[0]?.sessionId).toBe(ofType('session:start')[0]?.sessionId);
    },
  );

  it.each([
    ['for the lock', installWebLocks],
    ['through the claim window', installBroadcastChannel],
  ])('sends what was recorded while it waited %s with a flush asked for meanwhile', async (_, install) => {
    install();
    const { tracker, transport } = setup();
    tracker.start();
    tracker.track('right-after-start');
    let flushed = false;
    void tracker.flush().then(() => {
      flushed = true;
    });
    await vi.advanceTimersByTimeAsync(100);
    expect(flushed).toBe(true);
    expect(transport.events.map((e) => e.type)).toEqual(['session:start', 'custom']);
  });

  it('delivers what was recorded while it waited when the tracker is stopped meanwhile', async () => {
    installWebLocks();
    const { tracker, transport } = setup();
    tracker.start();
    tracker.track('quick');
    tracker.stop();
    await vi.advanceTimersByTimeAsync(100);
    expect(transport.events.map((e) => e.type)).toEqual(['session:start', 'custom']);
  });

  it.each([
    ['for the lock', installWebLocks],
    ['through the claim window', installBroadcastChannel],
  ])('sends nothing recorded while it waited %s when consent is withdrawn meanwhile', async (_, install) => {
    install();
    const { tracker, transport } = setup({ consent: { mode: 'opt-out' } });
    tracker.start();
    tracker.track('before-deny');
    tracker.consent.deny();
    await vi.advanceTimersByTimeAsync(100);
    await tracker.flush();
    expect(transport.events.filter((e) => e.type !== 'consent:change')).toEqual([]);
  });
});

describe('when the lock does not come', () => {
  it('decides alone after a second when the lock is never granted', async () => {
    Object.defineProperty(navigator, 'locks', {
      value: { request: () => new Promise(() => undefined) },
      configurable: true,
    });
    const { tracker, ofType } = setup();
    tracker.start();
    tracker.track('waiting');
    await vi.advanceTimersByTimeAsync(900);
    expect(ofType('custom')).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(ofType('session:start')).toHaveLength(1);
    expect(ofType('custom')[0]?.sessionId).toBe(ofType('session:start')[0]?.sessionId);
  });

  it('decides at once when the lock cannot be asked for (an opaque origin)', async () => {
    Object.defineProperty(navigator, 'locks', {
      value: { request: () => Promise.reject(new DOMException('opaque origin', 'SecurityError')) },
      configurable: true,
    });
    const { tracker, ofType } = setup();
    tracker.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(ofType('session:start')).toHaveLength(1);
  });
});

describe('two tabs coming back after the session expired (Web Locks)', () => {
  it('ends the old session once and starts one new session', async () => {
    installWebLocks();
    const first = setup();
    first.tracker.start();
    await vi.advanceTimersByTimeAsync(100);
    const old = first.tracker.getSnapshot().sessionId;
    first.tracker.destroy();
    vi.advanceTimersByTime(31 * 60_000);
    const tabs = [setup(), setup()];
    for (const { tracker } of tabs) tracker.start();
    await vi.advanceTimersByTimeAsync(100);
    const all = tabs.flatMap((t) => t.events);
    expect(all.filter((e) => e.type === 'session:end').map((e) => e.sessionId)).toEqual([old]);
    const starts = all.filter((e) => e.type === 'session:start');
    expect(starts).toMatchObject([{ reason: 'idle', previousSessionId: old }]);
    expect(new Set(tabs.map((t) => t.tracker.getSnapshot().sessionId))).toEqual(
      new Set([starts[0]?.sessionId]),
    );
  });
});

// The unit suites have no BroadcastChannel either (test-utils/onePage.ts): nothing waits.
describe('without Web Locks or BroadcastChannel', () => {
  it('joins the session another tab wrote in the same instant, on its next activity', () => {
    const { tracker, ofType } = setup();
    tracker.start();
    const mine = tracker.getSnapshot().sessionId;
    // Another tab's write lands just after this tab's own (last writer wins).
    const at = Date.now();
    document.cookie = `spoor_sid=other.${at.toString(36)}.${at.toString(36)}; Path=/`;
    // The tab re-reads the cookie at most every 5 s (BroadcastChannel usually tells it sooner).
    vi.advanceTimersByTime(5500);
    tracker.track('next');
    expect(ofType('custom')[0]?.sessionId).toBe('other');
    expect(tracker.getSnapshot().sessionId).toBe('other');
    expect(mine).not.toBe('other');
  });
});
