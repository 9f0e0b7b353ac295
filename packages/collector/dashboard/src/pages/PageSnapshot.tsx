import { decodeReplayChunk } from '@spoor/replay/codec';
import { buildTimeline, createPlayer, type PlayerEvent } from '@spoor/replay/player';
import { useEffect, useRef } from 'react';
import { api, flatten, type SessionDetail } from '../api';
import { fetchReplay } from '../replayPages';
import { type Backdrop, findBackdrop, type RecordedEvent } from './backdrop';

/** Sessions tried, one after another, for a backdrop (each costs its replay's download). */
const MAX_TRIES = 8;

export type BackdropState =
  | { state: 'searching' }
  | { state: 'found'; sessionId: string; backdrop: Backdrop; stage: HTMLElement }
  | { state: 'none' };

async function search(
  site: string,
  sessionIds: readonly string[],
  path: string,
  bucket: string,
  live: () => boolean,
) {
  for (const sessionId of sessionIds.slice(0, MAX_TRIES)) {
    const id = encodeURIComponent(sessionId);
    const detail = await api<SessionDetail>(`/sessions/${id}`, { site });
    if (!live()) return null;
    if (!detail.events.some((e) => e.type === 'page:view' && e.path === path)) continue;
    const { chunks } = await fetchReplay(site, sessionId);
    if (!live()) return null;
    // Tabs record separately: look in each tab's own recording.
    for (const tabId of new Set(chunks.map((c) => c.tabId))) {
      const tabChunks = chunks.filter((c) => c.tabId === tabId);
      const recorded = (tabChunks.flatMap((c) => decodeReplayChunk(c.payload)) as RecordedEvent[]).sort(
        (a, b) => a.timestamp - b.timestamp,
      );
      const timeline = detail.events.filter((e) => e.tabId === tabId);
      const backdrop = findBackdrop(timeline, recorded, path, bucket);
      if (backdrop) return { sessionId, backdrop, timeline, chunks: tabChunks };
    }
  }
  return null;
}

/**
 * The page as a visitor on this device class saw it once it had settled: a replay paused at the
 * moment `findBackdrop` picks, as the backdrop of the heatmap. Tells the parent which one it is.
 */
export function PageSnapshot(props: {
  site: string;
  sessionIds: readonly string[];
  path: string;
  bucket: string;
  onBackdrop(state: BackdropState): void;
}) {
  const { site, sessionIds, path, bucket, onBackdrop } = props;
  const ref = useRef<HTMLDivElement>(null);
  const key = sessionIds.join(' ');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the sessions are compared by value through `key`
  useEffect(() => {
    let live = true;
    let destroy: (() => void) | undefined;
    onBackdrop({ state: 'searching' });
    search(site, sessionIds, path, bucket, () => live)
      .then((found) => {
        const box = ref.current;
        if (!live || !box) return;
        if (!found) return onBackdrop({ state: 'none' });
        const { sessionId, backdrop, timeline, chunks } = found;
        box.style.width = `${Math.min(backdrop.width, box.parentElement?.clientWidth ?? backdrop.width)}px`;
        const events = [...flatten(timeline), ...flatten(chunks)] as unknown as PlayerEvent[];
        const player = createPlayer(box, events, { controls: false });
        destroy = () => player.destroy();
        const startTs = buildTimeline(events).recorded[0]?.timestamp ?? backdrop.ts;
        player.seek(Math.max(0, backdrop.ts - startTs));
        requestAnimationFrame(() => {
          const stage = box.querySelector<HTMLElement>('.spoor-player-stage');
          if (live) onBackdrop(stage ? { state: 'found', sessionId, backdrop, stage } : { state: 'none' });
        });
      })
      .catch(() => live && onBackdrop({ state: 'none' }));
    return () => {
      live = false;
      destroy?.();
    };
  }, [site, key, path, bucket, onBackdrop]);
  return <div ref={ref} className="snapshot" />;
}
