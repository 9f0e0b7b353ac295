import { api, type StoredEvent } from './api';

/** One page of `GET /v1/sessions/:id/replay`: its chunks, and a cursor when more follow. */
export interface ReplayPage {
  chunks: StoredEvent[];
  next?: string;
}

/**
 * Pages the collector answers before the dashboard stops (at ≤ 100 chunks / ~4 MB a page, about
 * 200 MB): a browser tab cannot hold much more, and the rest stays downloadable through the export.
 */
const MAX_REPLAY_PAGES = 50;

export interface ReplayChunks {
  chunks: StoredEvent[];
  /** 'complete' when every page was read; 'capped' when MAX_REPLAY_PAGES stopped the reading. */
  state: 'complete' | 'capped';
}

/** A whole recording, page after page in the order the collector gives them, following `next`. */
export async function loadReplayChunks(
  loadPage: (cursor: string | undefined) => Promise<ReplayPage>,
  maxPages = MAX_REPLAY_PAGES,
): Promise<ReplayChunks> {
  const chunks: StoredEvent[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const answer = await loadPage(cursor);
    chunks.push(...answer.chunks);
    // A cursor that does not move would loop forever: treat it as the end.
    if (!answer.next || answer.next === cursor) return { chunks, state: 'complete' };
    cursor = answer.next;
  }
  return { chunks, state: 'capped' };
}

/** A session's replay chunks from the collector's query API, every page of them (up to the cap). */
export const fetchReplay = (site: string, id: string): Promise<ReplayChunks> =>
  loadReplayChunks((cursor) =>
    api<ReplayPage>(`/sessions/${encodeURIComponent(id)}/replay`, { site, cursor }),
  );
