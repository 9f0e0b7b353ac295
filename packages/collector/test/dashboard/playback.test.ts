import type { Player } from '@spoor/replay/player';
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../dashboard/src/api';
import { currentRow, requestedEvent, seekTo, shownRows } from '../../dashboard/src/pages/playback';

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

describe('the row marked while moves are hidden', () => {
  const withMoves = [
    event('a', 1000, 'page:view'),
    event('b', 2000, 'click', '#buy'),
    event('m', 2100, 'pointer:move'),
    event('s', 2200, 'scroll'),
  ];
  it('is the latest row shown, not a hidden move or scroll after it', () => {
    const shown = shownRows(withMoves, false);
    expect(shown[currentRow(shown, 2500)]?.id).toBe('b');
  });
  it('is the move itself once moves are shown', () => {
    const shown = shownRows(withMoves, true);
    expect(shown[currentRow(shown, 2150)]?.id).toBe('m');
  });
});

describe('seekTo', () => {
  it('seeks to the offset of the event and says where the player is now, clamped at its end', () => {
    let at = 0;
    const player = {
      seek: (offsetMs: number) => {
        at = Math.min(offsetMs, 5000);
      },
      getCurrentTime: () => at,
    } as unknown as Player;
    expect(seekTo({ player, startTs: 1000 }, 3000)).toBe(3000);
    expect(at).toBe(2000);
    expect(seekTo({ player, startTs: 1000 }, 500)).toBe(1000);
    // Past the end of the recording, the player stops at its end: so does the mark.
    expect(seekTo({ player, startTs: 1000 }, 9000)).toBe(6000);
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
