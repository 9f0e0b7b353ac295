import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventInput } from '../src/index';
import { clearCookies, destroyTrackers, setup } from './helpers';

const MINUTE = 60_000;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-26T10:00:00Z'));
  clearCookies();
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  destroyTrackers();
  vi.useRealTimers();
});

describe('sessions', () => {
  it('starts one session on start and keeps it in a first-party cookie', () => {
    const { tracker, ofType } = setup();
    tracker.start();
    const [start] = ofType('session:start');
    expect(start?.reason).toBe('new');
    expect(tracker.getSnapshot().sessionId).toBe(start?.sessionId);
    expect(document.cookie).toContain(`spoor_sid=${start?.sessionId}`);
  });

  it('keeps the cookie value small as activity goes on', () => {
    const { tracker } = setup();
    tracker.start();
    const before = document.cookie.length;
    for (let i = 0; i < 50; i++) {
      vi.advanceTimersByTime(2000);
      tracker.track('tick');
    }
    expect(document.cookie.length).toBeLessThanOrEqual(before + 2);
  });

  it('rotates after 30 idle minutes: session:end then, on the next activity, a new session', () => {
    const { tracker, ofType } = setup();
    tracker.start();
    const first = tracker.getSnapshot().sessionId;
    vi.advanceTimersByTime(29 * MINUTE);
    tracker.track('still-here');
    vi.advanceTimersByTime(29 * MINUTE);
    expect(ofType('session:end')).toHaveLength(0);
    vi.advanceTimersByTime(2 * MINUTE);
    expect(ofType('session:end')).toMatchObject([{ reason: 'idle', sessionId: first }]);
    tracker.track('back');
    const starts = ofType('session:start');
    expect(starts).toHaveLength(2);
    expect(starts[1]).toMatchObject({ reason: 'idle', previousSessionId: first });
    expect(tracker.getSnapshot().sessionId).not.toBe(first);
    expect(ofType('custom').at(-1)?.sessionId).toBe(starts[1]?.sessionId);
  });

  it('rotates after the maximum duration even while active', () => {
    const { tracker, ofType } = setup({ session: { maxDurationMs: 60 * MINUTE } });
    tracker.start();
    for (let i = 0; i < 7; i++) {
      vi.advanceTimersByTime(10 * MINUTE);
      tracker.track('busy');
    }
    expect(ofType('session:end')).toMatchObject([{ reason: 'max-duration' }]);
    expect(ofType('session:start').at(-1)).toMatchObject({ reason: 'max-duration' });
  });

  it('honours a custom idle timeout', () => {
    const { tracker, ofType } = setup({ session: { idleTimeoutMs: 5 * MINUTE } });
    tracker.start();
    vi.advanceTimersByTime(6 * MINUTE);
    tracker.track('later');
    expect(ofType('session:start').map((e) => e.reason)).toEqual(['new', 'idle']);
  });

  it('reset() ends the session and starts a fresh one (logout)', () => {
    const { tracker, ofType } = setup();
    tracker.start();
    const first = tracker.getSnapshot().sessionId;
    tracker.reset();
    expect(ofType('session:end')).toMatchObject([{ reason: 'reset', sessionId: first }]);
    expect(ofType('session:start').at(-1)).toMatchObject({ reason: 'reset', previousSessionId: first });
    expect(tracker.getSnapshot().sessionId).not.toBe(first);
  });

  it('shares one session between two trackers on the same site, with exactly one session:start', () => {
    const a = setup();
    const b = setup();
    a.tracker.start();
    b.tracker.start();
    a.tracker.track('a');
    b.tracker.track('b');
    expect(a.tracker.getSnapshot().sessionId).toBe(b.tracker.getSnapshot().sessionId);
    expect([...a.ofType('session:start'), ...b.ofType('session:start')]).toHaveLength(1);
  });

  it('lets two trackers agree on the rotated session after idleness, with one session:start for it', () => {
    const a = setup();
    const b = setup();
    a.tracker.start();
    b.tracker.start();
    vi.advanceTimersByTime(31 * MINUTE);
    a.tracker.track('a');
    b.tracker.track('b');
    expect(a.tracker.getSnapshot().sessionId).toBe(b.tracker.getSnapshot().sessionId);
    const starts = [...a.ofType('session:start'), ...b.ofType('session:start')];
    expect(starts).toHaveLength(2);
    const ends = [...a.ofType('session:end'), ...b.ofType('session:end')];
    expect(ends).toHaveLength(1);
  });

  it("probes cookies on a session's first page only: later pages find the session cookie and keep it", () => {
    let owner: object | null = document;
    while (owner && !Object.getOwnPropertyDescriptor(owner, 'cookie')) owner = Object.getPrototypeOf(owner);
    const descriptor = owner ? Object.getOwnPropertyDescriptor(owner, 'cookie') : undefined;
    const writes: string[] = [];
    Object.defineProperty(document, 'cookie', {
      configurable: true,
      get: () => descriptor?.get?.call(document),
      set(value: string) {
        writes.push(value);
        descriptor?.set?.call(document, value);
      },
    });
    try {
      const first = setup();
      first.tracker.start();
      const id = first.tracker.getSnapshot().sessionId;
      expect(writes.filter((w) => w.startsWith('spoor_sid_probe='))).toHaveLength(2);
      destroyTrackers();
      writes.length = 0;
      // The next page of the same session.
      const next = setup();
      next.tracker.start();
      expect(next.tracker.getSnapshot().sessionId).toBe(id);
      expect(next.ofType('session:start')).toHaveLength(0);
      expect(writes.filter((w) => w.includes('_probe='))).toEqual([]);
      expect(document.cookie).toContain(`spoor_sid=${id}`);
    } finally {
      Reflect.deleteProperty(document, 'cookie');
    }
  });

  it('falls back to localStorage when document.cookie throws', () => {
    const descriptor = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
    Object.defineProperty(document, 'cookie', {
      configurable: true,
      get() {
        throw new Error('cookies are disabled');
      },
      set() {
        throw new Error('cookies are disabled');
      },
    });
    try {
      const { tracker } = setup();
      expect(() => tracker.start()).not.toThrow();
      const id = tracker.getSnapshot().sessionId;
      expect(id).toBeTruthy();
      expect(localStorage.getItem('spoor_sid')).toContain(id);
    } finally {
      Reflect.deleteProperty(document, 'cookie');
      if (descriptor) Object.defineProperty(Document.prototype, 'cookie', descriptor);
    }
  });

  it('falls back to memory when every storage throws', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    const { tracker } = setup({ session: { storage: 'localStorage' } });
    tracker.start();
    expect(tracker.getSnapshot().sessionId).toBeTruthy();
    tracker.track('works');
  });

  it('gives each tab its own tab id, kept in sessionStorage', () => {
    const { tracker, ofType } = setup();
    tracker.start();
    const tabId = ofType('session:start')[0]?.tabId;
    expect(tabId).toBeTruthy();
    expect(sessionStorage.getItem('spoor_tab')).toBe(tabId);
  });

  it('keeps seq increasing across reloads of the same tab', () => {
    const first = setup();
    first.tracker.start();
    first.tracker.track('before reload');
    const last = first.events.at(-1)?.seq ?? -1;
    first.tracker.destroy();
    const second = setup();
    second.tracker.start();
    second.tracker.track('after reload');
    const seqs = second.events.map((event) => event.seq);
    expect(Math.min(...seqs)).toBeGreaterThan(last);
  });

  it('does not start a session for events that are not activity (errors, replay) after expiry', () => {
    let emit: ((event: EventInput) => void) | undefined;
    const { tracker, ofType } = setup({
      plugins: [
        {
          name: 'late-reporter',
          setup(ctx) {
            emit = ctx.emit;
            return undefined;
          },
        },
      ],
    });
    tracker.start();
    const first = tracker.getSnapshot().sessionId;
    vi.advanceTimersByTime(31 * MINUTE);
    emit?.({ type: 'error', message: 'late', source: '', line: 0, col: 0, kind: 'error' });
    expect(ofType('session:start')).toHaveLength(1);
    expect(ofType('error')[0]?.sessionId).toBe(first);
    tracker.track('back');
    expect(ofType('session:start')).toHaveLength(2);
  });
});
