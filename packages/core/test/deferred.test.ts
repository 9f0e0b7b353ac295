import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDeferred } from '../src/tracker/deferred';

// Frames as a visible tab gets them, every 16 ms, on the fake clock.
const frames = () =>
  vi
    .spyOn(window, 'requestAnimationFrame')
    .mockImplementation((callback) => setTimeout(() => callback(performance.now()), 16) as unknown as number);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('work deferred past the next paint', () => {
  it('runs in order after the next frame and leaves no timer to wake the page later', () => {
    frames();
    const ran: string[] = [];
    const deferred = createDeferred(() => {});
    deferred.defer(() => ran.push('first'));
    deferred.defer(() => ran.push('second'));
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(17);
    expect(ran).toEqual(['first', 'second']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('runs on its own timer where frames stop', () => {
    const ran: string[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    const deferred = createDeferred(() => {});
    deferred.defer(() => ran.push('late'));
    vi.advanceTimersByTime(249);
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual(['late']);
  });

  it('leaves no timer behind when drained at once (page exit)', () => {
    frames();
    const ran: string[] = [];
    const deferred = createDeferred(() => {});
    deferred.defer(() => ran.push('exit'));
    deferred.drain();
    expect(ran).toEqual(['exit']);
    vi.advanceTimersByTime(17);
    expect(vi.getTimerCount()).toBe(0);
  });
});
