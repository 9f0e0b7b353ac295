import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaptureHandle } from '../../src/capture';
import { createTestContext, resetPage, setVisibility, startOnly } from './helpers';

let handle: CaptureHandle | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  resetPage();
});

afterEach(() => {
  handle?.stop();
  handle = undefined;
  vi.useRealTimers();
  resetPage();
});

function move(clientX: number, clientY: number): void {
  document.body.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX, clientY }));
}

describe('pointer movement', () => {
  it('samples at most one position per 50 ms, in rounded page coordinates, with ms since the first sample', () => {
    window.scrollTo(0, 100);
    const { ctx, ofType } = createTestContext();
    handle = startOnly(ctx, { pointer: true });
    for (let i = 0; i < 10; i++) {
      move(10.4 + i, 20.6);
      vi.advanceTimersByTime(20);
    }
    vi.advanceTimersByTime(2_000);
    expect(ofType('pointer:move')).toEqual([
      {
        type: 'pointer:move',
        points: [
          [10, 121, 0],
          [13, 121, 60],
          [16, 121, 120],
          [19, 121, 180],
        ],
      },
    ]);
  });

  it('sends a batch every flushMs and as soon as it holds maxPoints positions', () => {
    const { ctx, ofType } = createTestContext();
    handle = startOnly(ctx, { pointer: { sampleMs: 10, flushMs: 1_000, maxPoints: 3 } });
    for (let i = 0; i < 4; i++) {
      move(i, i);
      vi.advanceTimersByTime(10);
    }
    expect(ofType('pointer:move').map((batch) => batch.points.length)).toEqual([3]);
    vi.advanceTimersByTime(999);
    expect(ofType('pointer:move').map((batch) => batch.points.length)).toEqual([3, 1]);
  });

  it('flushes synchronously when the tab is hidden, the page is left or capture stops', () => {
    const { ctx, ofType } = createTestContext();
    const capture = startOnly(ctx, { pointer: true });
    move(1, 1);
    setVisibility('hidden');
    vi.advanceTimersByTime(100);
    move(2, 2);
    window.dispatchEvent(new Event('pagehide'));
    vi.advanceTimersByTime(100);
    move(3, 3);
    capture.stop();
    vi.advanceTimersByTime(100);
    move(4, 4);
    vi.advanceTimersByTime(5_000);
    expect(ofType('pointer:move').map((batch) => batch.points)).toEqual([
      [[1, 1, 0]],
      [[2, 2, 0]],
      [[3, 3, 0]],
    ]);
  });
});
