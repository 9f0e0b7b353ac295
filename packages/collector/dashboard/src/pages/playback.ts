import type { Player } from '@spoor/replay/player';
import type { StoredEvent } from '../api';

/** A player and the time (ms since the epoch) its position 0 stands for. */
export interface Playback {
  player: Player;
  startTs: number;
}

/** The timeline's rows: pointer moves and scrolls only when asked for (there are many of them). */
export function shownRows(events: readonly StoredEvent[], showMoves: boolean): StoredEvent[] {
  return events.filter((e) => showMoves || (e.type !== 'pointer:move' && e.type !== 'scroll'));
}

/** The index of the row playback has reached: the last event at or before `nowTs`, or -1. */
export function currentRow(events: readonly StoredEvent[], nowTs: number | null): number {
  if (nowTs === null) return -1;
  let found = -1;
  for (let index = 0; index < events.length; index += 1) {
    if ((events[index]?.ts ?? Number.POSITIVE_INFINITY) <= nowTs) found = index;
    else break;
  }
  return found;
}

/**
 * Seeks to the moment of an event (its row becomes the current one), never before the start nor
 * past the end; returns the moment the player is at now (ms since the epoch).
 */
export function seekTo(playback: Playback, ts: number): number {
  playback.player.seek(Math.max(0, ts - playback.startTs));
  return playback.startTs + playback.player.getCurrentTime();
}

/**
 * The event a link asked for: `?event=<id>`, or `?type=click:rage&selector=…` (the first such
 * click, as the click reports link it). Null when the link names none.
 */
export function requestedEvent(events: readonly StoredEvent[], search: URLSearchParams): StoredEvent | null {
  const id = search.get('event');
  if (id) return events.find((event) => event.id === id) ?? null;
  const type = search.get('type');
  const selector = search.get('selector');
  if (!type) return null;
  return (
    events.find((event) => {
      if (event.type !== type) return false;
      const target = event.payload.target as { selector?: string } | undefined;
      return selector === null || target?.selector === selector;
    }) ?? null
  );
}
