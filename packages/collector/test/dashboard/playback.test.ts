import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../dashboard/src/api';
import { currentRow, requestedEvent } from '../../dashboard/src/pages/playback';

const event = (id: string, ts: number, type: string, selector?: string): StoredEvent =>
  ({
    id,
    ts,
    type,
    path: '/',
    sessionId: 's',
    tabId: 't',
    pageId: 'p',
    seq: 0,
    url: 'http://shop.test/',
    payload: selector ? { target: { selector } } : {},
  }) as StoredEvent;

const events = [
  event('a', 1000, 'page:view'),
  event('b', 2000, 'click', '#buy'),
  event('c', 3000, 'click:rage', '#buy'),
  event('d', 4000, 'click:rage', '#help'),
];

describe('currentRow', () => {
  it.each([
    [null, -1],
    [500, -1],
    [1000, 0],
    [2999, 1],
    [3000, 2],
    [9000, 3],
  ])('at %s is row %s', (nowTs, row) => {
    expect(currentRow(events, nowTs)).toBe(row);
  });
});

describe('requestedEvent', () => {
  it.each([
    ['', null],
    ['event=b', 'b'],
    ['event=zz', null],
    ['type=click:rage', 'c'],
    ['type=click:rage&selector=%23help', 'd'],
    ['type=click:dead&selector=%23help', null],
  ])('?%s opens at %s', (search, id) => {
    expect(requestedEvent(events, new URLSearchParams(search))?.id ?? null).toBe(id);
  });
});
