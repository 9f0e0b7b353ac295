import { describe, expect, it, vi } from 'vitest';
import { setup } from '../helpers';
import { installBroadcastChannel } from './channel';
import { installWebLocks } from './locks';
import { useFreshPage } from './page';

// Tabs left idle all see their session expire at the same instant. In a browser each tab reads
// the cookie through its own process, and another tab's write can reach it late: these tests
// keep the store saying "live" to model that read, and expect the session ended once.
const IDLE_MS = 30 * 60_000;
const stored = (id: string, at: number, ended = false) =>
  `spoor_sid=${id}.${at.toString(36)}.${at.toString(36)}${ended ? '.e' : ''}; Path=/`;

useFreshPage();

describe('a session every tab left idle ends once', () => {
  it('in the site lock: the tab after the first finds it ended and does not end it again', async () => {
    installWebLocks();
    const at = Date.now();
    document.cookie = stored('idle', at);
    const { tracker, ofType } = setup();
    tracker.start();
    // Another tab is in the lock as this tab's timer fires (50 ms after expiry), and ends the
    // session just after this tab read it as live.
    await vi.advanceTimersByTimeAsync(IDLE_MS + 40);
    navigator.locks.request(
      'spoor:spoor_sid',
      () =>
        new Promise((resolve) =>
          setTimeout(() => {
            document.cookie = stored('idle', at, true);
            resolve(undefined);
          }, 30),
        ),
    );
    await vi.advanceTimersByTimeAsync(1000);
    expect(ofType('session:end')).toEqual([]);
  });

  it('ends it in the lock when no other tab did, and tells the other tabs', async () => {
    installWebLocks();
    installBroadcastChannel();
    const heard: unknown[] = [];
    new BroadcastChannel('spoor:spoor_sid').onmessage = (event) => heard.push(event.data);
    document.cookie = stored('idle', Date.now());
    const { tracker, ofType } = setup();
    tracker.start();
    await vi.advanceTimersByTimeAsync(IDLE_MS + 1000);
    expect(ofType('session:end')).toMatchObject([{ sessionId: 'idle', reason: 'idle' }]);
    expect(heard).toContainEqual({ e: 'idle' });
    expect(document.cookie).toContain('.e');
  });

  it('without Web Locks: on the word of the tab that ended it, though its own store says live', async () => {
    installBroadcastChannel();
    document.cookie = stored('idle', Date.now());
    const { tracker, ofType } = setup();
    tracker.start();
    await vi.advanceTimersByTimeAsync(IDLE_MS - 10);
    // The other tab's timer fired first; its cookie write has not reached this tab's store.
    new BroadcastChannel('spoor:spoor_sid').postMessage({ e: 'idle' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(ofType('session:end')).toEqual([]);
    // Its next activity starts the next session, after the one that ended.
    tracker.track('back');
    await vi.advanceTimersByTimeAsync(100);
    expect(ofType('session:start')).toMatchObject([{ reason: 'idle', previousSessionId: 'idle' }]);
  });

  it('without Web Locks, waits a random moment before ending it, for another tab to be first', async () => {
    installBroadcastChannel();
    const heard: unknown[] = [];
    new BroadcastChannel('spoor:spoor_sid').onmessage = (event) => heard.push(event.data);
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    document.cookie = stored('idle', Date.now());
    const { tracker, ofType } = setup();
    tracker.start();
    // The timer fires 50 ms after expiry; this tab then waits 0.5 × 200 ms.
    await vi.advanceTimersByTimeAsync(IDLE_MS + 50 + 90);
    expect(ofType('session:end')).toEqual([]);
    await vi.advanceTimersByTimeAsync(20);
    expect(ofType('session:end')).toMatchObject([{ sessionId: 'idle' }]);
    expect(heard).toContainEqual({ e: 'idle' });
  });
});
