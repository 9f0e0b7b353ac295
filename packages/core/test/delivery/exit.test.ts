import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TransportResult } from '../../src/transports/transport';
import { makeEvent, settle } from './helpers';
import { pageLoads } from './pageLoads';

/** One page load over the page's localStorage. */
const { load, unloadAll } = pageLoads({
  batch: { maxEvents: 1000, flushIntervalMs: 600_000 },
  settings: { backoff: { baseMs: 1000, maxMs: 60_000 } },
});

let visibility: DocumentVisibilityState = 'visible';
const setVisibility = (state: DocumentVisibilityState) => {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
};
/** Every signal a browser may give for one exit, in the order Chromium gives them. */
const leave = () => {
  window.dispatchEvent(new Event('pagehide'));
  setVisibility('hidden');
  document.dispatchEvent(new Event('freeze'));
};
const tooMany = (): TransportResult => ({ status: 'retry', reason: 'HTTP 429', retryAfterMs: 30_000 });

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
  visibility = 'visible';
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
});
afterEach(() => {
  unloadAll();
  vi.restoreAllMocks();
  localStorage.clear();
  vi.useRealTimers();
});

describe('the exit flush', () => {
  it('sends each batch once per exit, however many exit signals fire', async () => {
    const page = load(() => ({ status: 'ok' }));
    page.delivery.enqueue(makeEvent());
    leave();
    await settle();
    expect(page.transport.calls).toHaveLength(1);
    expect(page.transport.calls[0]?.keepalive).toBe(true);
  });

  it('does not send again at once a batch the server answered 429 at exit', async () => {
    let answered = 0;
    const page = load((_batch, keepalive) => {
      answered += 1;
      return keepalive ? tooMany() : { status: 'ok' };
    });
    page.delivery.enqueue(makeEvent());
    window.dispatchEvent(new Event('pagehide'));
    await settle();
    expect(answered).toBe(1);
    // The 429 came back before the next exit signal: that signal sends nothing.
    setVisibility('hidden');
    await settle();
    expect(answered).toBe(1);
    // Nor does the next exit while the Retry-After lasts, though it sends what is new.
    setVisibility('visible');
    const fresh = makeEvent();
    page.delivery.enqueue(fresh);
    setVisibility('hidden');
    await settle();
    expect(page.transport.calls.map((c) => c.ids)).toEqual([expect.any(Array), [fresh.id]]);
  });

  it('flushes again at the next exit once the page is back', async () => {
    const page = load(() => ({ status: 'ok' }));
    page.delivery.enqueue(makeEvent());
    leave();
    await settle();
    // Restored from the back/forward cache, then left again.
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    setVisibility('visible');
    const later = makeEvent();
    page.delivery.enqueue(later);
    leave();
    await settle();
    expect(page.transport.calls.map((c) => [c.keepalive, c.ids])).toEqual([
      [true, expect.any(Array)],
      [true, [later.id]],
    ]);
  });

  it('still sends what was recorded after a hidden tab flushed, when it is closed', async () => {
    const page = load(() => ({ status: 'ok' }));
    page.delivery.enqueue(makeEvent());
    setVisibility('hidden');
    await settle();
    const leaveEvent = makeEvent();
    page.delivery.enqueue(leaveEvent);
    window.dispatchEvent(new Event('pagehide'));
    await settle();
    expect(page.transport.calls.map((c) => c.ids)).toEqual([expect.any(Array), [leaveEvent.id]]);
  });
});

describe('backoff across page loads', () => {
  it('keeps a Retry-After across a reload instead of sending again at once', async () => {
    const first = load(tooMany);
    first.delivery.enqueue(makeEvent());
    await first.delivery.flush();
    expect(first.transport.calls).toHaveLength(1);
    leave();
    first.delivery.stop();

    setVisibility('visible');
    const next = load(() => ({ status: 'ok' }));
    next.delivery.enqueue(makeEvent());
    await next.delivery.flush();
    await vi.advanceTimersByTimeAsync(25_000);
    expect(next.transport.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(6_000);
    expect(next.transport.delivered()).toHaveLength(2);
  });

  it('keeps the count of failures in a row, so the next wait is longer', async () => {
    const first = load(() => ({ status: 'retry', reason: 'HTTP 503' }), { backoff: { baseMs: 1000 } });
    first.delivery.enqueue(makeEvent());
    await first.delivery.flush();
    // Failures 1, 2 and 3 wait at most 1 s, 2 s and 4 s.
    await vi.advanceTimersByTimeAsync(7_000);
    expect(first.transport.calls).toHaveLength(4);
    first.delivery.stop();

    const next = load(() => ({ status: 'retry', reason: 'HTTP 503' }), { backoff: { baseMs: 1000 } });
    next.delivery.enqueue(makeEvent());
    await next.delivery.flush();
    // Its first send waits out the fourth failure's wait (at most 8 s)…
    expect(next.transport.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(8_100);
    expect(next.transport.calls).toHaveLength(1);
    // …and its failure, the fifth in a row, waits at least 8 s (half of a 16 s cap), not 0.5–1 s.
    await vi.advanceTimersByTimeAsync(16_000);
    const [one, two] = next.transport.calls;
    expect((two?.at ?? 0) - (one?.at ?? 0)).toBeGreaterThanOrEqual(8_000);
  });

  it('forgets the wait once a send succeeds', async () => {
    let down = true;
    const first = load(() => (down ? tooMany() : { status: 'ok' }));
    first.delivery.enqueue(makeEvent());
    await first.delivery.flush();
    down = false;
    await vi.advanceTimersByTimeAsync(31_000);
    expect(first.transport.delivered()).toHaveLength(1);
    first.delivery.stop();

    const next = load(() => ({ status: 'ok' }));
    next.delivery.enqueue(makeEvent());
    await next.delivery.flush();
    expect(next.transport.delivered()).toHaveLength(1);
  });

  it('keeps no wait across loads when persist is false', async () => {
    const first = load(tooMany, { persist: false });
    first.delivery.enqueue(makeEvent());
    await first.delivery.flush();
    first.delivery.stop();
    expect(Object.keys(localStorage)).toEqual([]);
  });
});
