import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaptureHandle } from '../../src/capture';
import { createTestContext, resetPage, scrollPageTo, setDocumentHeight, startOnly } from './helpers';

let handle: CaptureHandle | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  resetPage();
  setDocumentHeight(2_000);
});

afterEach(() => {
  handle?.stop();
  handle = undefined;
  vi.useRealTimers();
  resetPage();
});

describe('scroll', () => {
  it('sends the first position at once, then at most one per 250 ms, always keeping the last one', () => {
    const { ctx, ofType } = createTestContext();
    handle = startOnly(ctx, { scroll: true });
    // One scroll every 50 ms from t=0 (y=100) to t=450 (y=1000): sent at t=0, t=250 and t=500.
    for (let y = 100; y <= 1_000; y += 100) {
      scrollPageTo(y);
      vi.advanceTimersByTime(50);
    }
    vi.advanceTimersByTime(1_000);
    expect(ofType('scroll').map((event) => event.y)).toEqual([100, 500, 1_000]);
  });

  it('reports x, y and how deep the viewport reaches as a percentage of the document', () => {
    const { ctx, ofType } = createTestContext();
    handle = startOnly(ctx, { scroll: { throttleMs: 0 } });
    scrollPageTo(232, 12.6);
    scrollPageTo(1_232);
    expect(ofType('scroll')).toEqual([
      { type: 'scroll', x: 13, y: 232, depthPct: 50 },
      { type: 'scroll', x: 0, y: 1_232, depthPct: 100 },
    ]);
  });

  it('does not repeat an unchanged position and emits nothing after stop', () => {
    const { ctx, ofType } = createTestContext();
    const capture = startOnly(ctx, { scroll: { throttleMs: 0 } });
    scrollPageTo(300);
    window.dispatchEvent(new Event('scroll'));
    capture.stop();
    scrollPageTo(600);
    vi.advanceTimersByTime(1_000);
    expect(ofType('scroll').map((event) => event.y)).toEqual([300]);
  });
});
