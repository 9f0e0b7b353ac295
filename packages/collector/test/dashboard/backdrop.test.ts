import { describe, expect, it } from 'vitest';
import {
  findBackdrop,
  type RecordedEvent,
  SETTLE_MS,
  type TimelineEvent,
} from '../../dashboard/src/pages/backdrop';

const view = (id: string, ts: number, path: string): TimelineEvent => ({
  id,
  type: 'page:view',
  ts,
  path,
  tabId: 't',
});
const meta = (timestamp: number, width: number): RecordedEvent => ({ type: 4, timestamp, data: { width } });
const full = (timestamp: number): RecordedEvent => ({ type: 2, timestamp, data: {} });
const resize = (timestamp: number, width: number): RecordedEvent => ({
  type: 3,
  timestamp,
  data: { source: 4, width },
});
const end = (timestamp: number): RecordedEvent => ({ type: 3, timestamp, data: { source: 1 } });

const desktop = [meta(0, 1280), full(1), end(20_000)];

describe('findBackdrop', () => {
  it.each([
    {
      name: 'settled: SETTLE_MS after the view of the path',
      timeline: [view('home', 0, '/'), view('mug', 3000, '/mug'), view('cart', 9000, '/cart')],
      recorded: desktop,
      bucket: 'desktop',
      expected: { viewId: 'mug', ts: 3000 + SETTLE_MS, afterView: SETTLE_MS, width: 1280 },
    },
    {
      name: 'a short visit: just before the next page view, not on the next page',
      timeline: [view('mug', 1000, '/mug'), view('cart', 1600, '/cart')],
      recorded: desktop,
      bucket: 'desktop',
      expected: { viewId: 'mug', ts: 1350, afterView: 350, width: 1280 },
    },
    {
      name: 'a settled later visit wins over a short first one',
      timeline: [view('a', 1000, '/mug'), view('b', 1300, '/cart'), view('c', 5000, '/mug')],
      recorded: desktop,
      bucket: 'desktop',
      expected: { viewId: 'c', ts: 5000 + SETTLE_MS, afterView: SETTLE_MS, width: 1280 },
    },
    {
      name: 'another device class: none',
      timeline: [view('mug', 1000, '/mug')],
      recorded: desktop,
      bucket: 'mobile',
      expected: null,
    },
    {
      name: 'the viewport at that moment counts (resized to mobile)',
      timeline: [view('a', 1000, '/mug'), view('b', 6000, '/cart'), view('c', 8000, '/mug')],
      recorded: [meta(0, 1280), full(1), resize(7000, 390), end(20_000)],
      bucket: 'mobile',
      expected: { viewId: 'c', ts: 8000 + SETTLE_MS, afterView: SETTLE_MS, width: 390 },
    },
    {
      name: 'nothing drawn yet: none',
      timeline: [view('mug', 1000, '/mug')],
      recorded: [meta(0, 1280), full(9000), end(20_000)],
      bucket: 'desktop',
      expected: null,
    },
    {
      name: 'path never viewed: none',
      timeline: [view('home', 0, '/')],
      recorded: desktop,
      bucket: 'desktop',
      expected: null,
    },
  ])('$name', ({ timeline, recorded, bucket, expected }) => {
    const found = findBackdrop(timeline, recorded, '/mug', bucket);
    expect(found).toEqual(expected && { tabId: 't', ...expected });
  });
});
