// What one batch of newly stored events adds to the sessions table, shared by both storages.
import type { StoredEvent } from './storage';

/**
 * A `page:leave` is sent once the next page's URL is already in place (SPA navigation), so it is
 * filed under the path of the page view it ends (same `pageId`), not under its own URL.
 * Returns the page ids still unknown after looking at the batch itself.
 */
export function fileLeavesUnderTheirView(events: StoredEvent[]): string[] {
  const viewPaths = new Map<string, string>();
  for (const event of events) if (event.type === 'page:view') viewPaths.set(event.pageId, event.path);
  const unknown = new Set<string>();
  for (const event of events) {
    if (event.type !== 'page:leave') continue;
    const path = viewPaths.get(event.pageId);
    if (path !== undefined) event.path = path;
    else unknown.add(event.pageId);
  }
  return [...unknown];
}

export function applyViewPaths(events: StoredEvent[], paths: Map<string, string>): void {
  for (const event of events) {
    const path = event.type === 'page:leave' ? paths.get(event.pageId) : undefined;
    if (path !== undefined) event.path = path;
  }
}

/** What one batch adds to one session. */
export interface SessionDelta {
  id: string;
  firstTs: number;
  lastTs: number;
  events: number;
  pageViews: number;
  engagedMs: number;
  errors: number;
  rage: number;
  dead: number;
  replay: number;
  entryTs: number | null;
  entryUrl: string | null;
  /** The first visitor and user ids the session's events name (a later one never replaces them). */
  visitorId?: string;
  userId?: string;
}

/** Sums newly stored events per session, sorted by session id (a stable lock order). */
export function aggregate(events: StoredEvent[]): SessionDelta[] {
  const bySession = new Map<string, SessionDelta>();
  for (const event of events) {
    let delta = bySession.get(event.sessionId);
    if (!delta) {
      delta = {
        id: event.sessionId,
        firstTs: event.ts,
        lastTs: event.ts,
        events: 0,
        pageViews: 0,
        engagedMs: 0,
        errors: 0,
        rage: 0,
        dead: 0,
        replay: 0,
        entryTs: null,
        entryUrl: null,
      };
      bySession.set(event.sessionId, delta);
    }
    delta.events += 1;
    delta.visitorId ??= event.visitorId;
    delta.userId ??= event.userId;
    delta.firstTs = Math.min(delta.firstTs, event.ts);
    delta.lastTs = Math.max(delta.lastTs, event.ts);
    if (event.type === 'page:view') {
      delta.pageViews += 1;
      if (delta.entryTs === null || event.ts < delta.entryTs) {
        delta.entryTs = event.ts;
        delta.entryUrl = event.url;
      }
    } else if (event.type === 'page:leave') {
      const engaged = Number(event.payload.engagedMs);
      if (Number.isFinite(engaged) && engaged > 0) delta.engagedMs += Math.round(engaged);
    } else if (event.type === 'error') delta.errors += 1;
    else if (event.type === 'click:rage') delta.rage += 1;
    else if (event.type === 'click:dead') delta.dead += 1;
    else if (event.type === 'replay') delta.replay += 1;
  }
  return [...bySession.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function sessionParams(
  site: string,
  visitorId: string | undefined,
  userAgent: string | undefined,
  receivedAt: number,
  d: SessionDelta,
): unknown[] {
  return [
    site,
    d.id,
    d.visitorId ?? visitorId ?? null,
    d.firstTs,
    d.lastTs,
    d.events,
    d.pageViews,
    d.engagedMs,
    d.errors,
    d.rage,
    d.dead,
    d.replay,
    d.entryTs,
    d.entryUrl,
    userAgent ?? null,
    receivedAt,
    receivedAt,
    d.userId ?? null,
  ];
}

export function eventParams(site: string, receivedAt: number, e: StoredEvent): unknown[] {
  return [
    site,
    e.id,
    e.sessionId,
    e.tabId,
    e.pageId,
    e.type,
    e.ts,
    e.seq,
    e.url,
    e.path,
    JSON.stringify(e.payload),
    receivedAt,
  ];
}
