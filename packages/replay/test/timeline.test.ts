import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../src/player/index';

const rec = (type: number, timestamp: number) => ({ type, data: {}, timestamp });

describe('buildTimeline', () => {
  it('extracts one tab’s recording in time order and marks page views, clicks, rage and dead clicks and errors', () => {
    const events = [
      { type: 'replay', ts: 1_000, tabId: 't1', full: true, events: [rec(4, 1_000), rec(2, 1_001)] },
      { type: 'replay', ts: 5_000, tabId: 't2', full: true, events: [rec(4, 1_500), rec(2, 1_501)] },
      { type: 'page:view', ts: 1_000, tabId: 't1', path: '/home' },
      { type: 'click', ts: 2_000, tabId: 't1', target: { text: 'Buy', selector: 'button' } },
      { type: 'click:rage', ts: 2_500, tabId: 't1', target: { selector: '#x' } },
      { type: 'click:dead', ts: 2_600, tabId: 't1', target: { text: 'Nothing' } },
      { type: 'error', ts: 2_700, tabId: 't1', message: 'Boom' },
      { type: 'click', ts: 2_800, tabId: 't2', target: { text: 'Other tab' } },
      { type: 'scroll', ts: 2_900, tabId: 't1' },
      { type: 'replay', ts: 3_000, tabId: 't1', full: false, events: [rec(3, 3_000), rec(3, 2_900)] },
    ];
    const timeline = buildTimeline(events);
    expect(timeline.tabId).toBe('t1');
    expect(timeline.recorded.map((event) => event.timestamp)).toEqual([1_000, 1_001, 2_900, 3_000]);
    expect(timeline.markers).toEqual([
      { kind: 'page', offsetMs: 0, label: '/home' },
      { kind: 'click', offsetMs: 1_000, label: 'Buy' },
      { kind: 'rage', offsetMs: 1_500, label: '#x' },
      { kind: 'dead', offsetMs: 1_600, label: 'Nothing' },
      { kind: 'error', offsetMs: 1_700, label: 'Boom' },
    ]);
  });

  it('accepts raw recorded events and picks another tab on request', () => {
    const timeline = buildTimeline(
      [rec(4, 10), rec(2, 11), { type: 'replay', ts: 20, tabId: 'b', full: false, events: [rec(3, 20)] }],
      'b',
    );
    expect(timeline.recorded.map((event) => event.timestamp)).toEqual([10, 11, 20]);
  });
});
