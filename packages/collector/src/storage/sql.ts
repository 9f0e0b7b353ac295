// SQL shared by the SQLite and PostgreSQL storages. Statements use `?` placeholders
// (PostgreSQL's driver renumbers them) and a dialect for the few places the two differ.

import type { Row } from './driver';
import { rememberPayloadBytes } from './payloadBytes';
import type { SessionQuery, SessionSummary, StoredEvent, TimeRange } from './storage';

export type { Row };

export interface Statement {
  sql: string;
  params: unknown[];
}

export const SESSION_COLUMNS =
  'site, id, visitor_id, user_id, first_ts, last_ts, event_count, page_views, engaged_ms, error_count, rage_count, dead_count, replay_count, entry_url, user_agent';
export const EVENT_COLUMNS = 'id, type, ts, session_id, tab_id, page_id, seq, url, path, payload';

export const INSERT_EVENT_COLUMNS =
  'site, id, session_id, tab_id, page_id, type, ts, seq, url, path, payload, received_at';

export const UPSERT_SESSION_CONFLICT = `ON CONFLICT (site, id) DO UPDATE SET
  visitor_id = COALESCE(sessions.visitor_id, excluded.visitor_id),
  user_id = COALESCE(sessions.user_id, excluded.user_id),
  first_ts = CASE WHEN excluded.first_ts < sessions.first_ts THEN excluded.first_ts ELSE sessions.first_ts END,
  last_ts = CASE WHEN excluded.last_ts > sessions.last_ts THEN excluded.last_ts ELSE sessions.last_ts END,
  event_count = sessions.event_count + excluded.event_count,
  page_views = sessions.page_views + excluded.page_views,
  engaged_ms = sessions.engaged_ms + excluded.engaged_ms,
  error_count = sessions.error_count + excluded.error_count,
  rage_count = sessions.rage_count + excluded.rage_count,
  dead_count = sessions.dead_count + excluded.dead_count,
  replay_count = sessions.replay_count + excluded.replay_count,
  entry_url = CASE WHEN sessions.entry_ts IS NULL OR excluded.entry_ts < sessions.entry_ts
    THEN COALESCE(excluded.entry_url, sessions.entry_url) ELSE sessions.entry_url END,
  entry_ts = CASE WHEN sessions.entry_ts IS NULL OR excluded.entry_ts < sessions.entry_ts
    THEN COALESCE(excluded.entry_ts, sessions.entry_ts) ELSE sessions.entry_ts END,
  user_agent = COALESCE(sessions.user_agent, excluded.user_agent),
  first_received = CASE WHEN excluded.first_received < sessions.first_received THEN excluded.first_received ELSE sessions.first_received END,
  last_received = CASE WHEN excluded.last_received > sessions.last_received THEN excluded.last_received ELSE sessions.last_received END`;

export const UPSERT_SESSION_COLUMNS =
  'site, id, visitor_id, first_ts, last_ts, event_count, page_views, engaged_ms, error_count, rage_count, dead_count, replay_count, entry_ts, entry_url, user_agent, first_received, last_received, user_id';

export const num = (value: unknown): number => Number(value ?? 0);
export const numOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);
export const strOrNull = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

export function rowToSession(row: Row): SessionSummary {
  const startedAt = num(row.first_ts);
  const lastSeenAt = num(row.last_ts);
  return {
    site: String(row.site),
    id: String(row.id),
    visitorId: strOrNull(row.visitor_id),
    userId: strOrNull(row.user_id),
    startedAt,
    lastSeenAt,
    durationMs: lastSeenAt - startedAt,
    eventCount: num(row.event_count),
    pageViews: num(row.page_views),
    engagedMs: num(row.engaged_ms),
    errors: num(row.error_count),
    rageClicks: num(row.rage_count),
    deadClicks: num(row.dead_count),
    hasReplay: num(row.replay_count) > 0,
    entryUrl: strOrNull(row.entry_url),
    userAgent: strOrNull(row.user_agent),
  };
}

export const parsePayload = (value: unknown): Record<string, unknown> =>
  typeof value === 'string'
    ? rememberPayloadBytes(JSON.parse(value) as Record<string, unknown>, value.length)
    : ((value ?? {}) as Record<string, unknown>);

export function rowToEvent(row: Row): StoredEvent {
  return {
    id: String(row.id),
    type: String(row.type),
    ts: num(row.ts),
    sessionId: String(row.session_id),
    tabId: String(row.tab_id),
    pageId: String(row.page_id),
    seq: num(row.seq),
    url: String(row.url),
    path: String(row.path),
    payload: parsePayload(row.payload),
  };
}

export function range(where: string[], params: unknown[], q: TimeRange, column = 'ts'): void {
  if (q.from !== undefined) {
    where.push(`${column} >= ?`);
    params.push(q.from);
  }
  if (q.to !== undefined) {
    where.push(`${column} <= ?`);
    params.push(q.to);
  }
}

export function encodeCursor(s: SessionSummary): string {
  return Buffer.from(`${s.lastSeenAt}:${s.id}`).toString('base64url');
}

export function listSessionsStatement(q: SessionQuery, limit: number): Statement {
  const where = ['site = ?'];
  const params: unknown[] = [q.site];
  if (q.from !== undefined) {
    where.push('last_ts >= ?');
    params.push(q.from);
  }
  if (q.to !== undefined) {
    where.push('first_ts <= ?');
    params.push(q.to);
  }
  if (q.errors) where.push('error_count > 0');
  if (q.rage) where.push('rage_count > 0');
  if (q.dead) where.push('dead_count > 0');
  if (q.visitorId) {
    where.push('visitor_id = ?');
    params.push(q.visitorId);
  }
  if (q.path) {
    where.push(
      "EXISTS (SELECT 1 FROM events e WHERE e.site = sessions.site AND e.session_id = sessions.id AND e.type = 'page:view' AND e.path = ?)",
    );
    params.push(q.path);
  }
  if (q.cursor) {
    const decoded = Buffer.from(q.cursor, 'base64url').toString();
    const split = decoded.indexOf(':');
    const lastTs = Number(decoded.slice(0, split));
    const id = decoded.slice(split + 1);
    // A cursor is client text: only one this collector could have written is used.
    if (split > 0 && Number.isSafeInteger(lastTs) && !id.includes('\u0000') && id.isWellFormed()) {
      where.push('(last_ts < ? OR (last_ts = ? AND id < ?))');
      params.push(lastTs, lastTs, id);
    }
  }
  params.push(limit + 1);
  return {
    sql: `SELECT ${SESSION_COLUMNS} FROM sessions WHERE ${where.join(' AND ')} ORDER BY last_ts DESC, id DESC LIMIT ?`,
    params,
  };
}

export function eventsStatement(
  site: string,
  sessionId: string,
  q: { types?: string[]; excludeTypes?: string[]; limit?: number; after?: EventPosition } = {},
): Statement {
  const where = ['site = ?', 'session_id = ?'];
  const params: unknown[] = [site, sessionId];
  if (q.types?.length) {
    where.push(`type IN (${q.types.map(() => '?').join(', ')})`);
    params.push(...q.types);
  }
  if (q.excludeTypes?.length) {
    where.push(`type NOT IN (${q.excludeTypes.map(() => '?').join(', ')})`);
    params.push(...q.excludeTypes);
  }
  if (q.after) {
    where.push('(ts > ? OR (ts = ? AND seq > ?) OR (ts = ? AND seq = ? AND id > ?))');
    const { ts, seq, id } = q.after;
    params.push(ts, ts, seq, ts, seq, id);
  }
  params.push(Math.min(q.limit ?? 10_000, 100_000));
  return {
    sql: `SELECT ${EVENT_COLUMNS} FROM events WHERE ${where.join(' AND ')} ORDER BY ts, seq, id LIMIT ?`,
    params,
  };
}

/** Where a page of events ended: the next page starts after it. */
export interface EventPosition {
  ts: number;
  seq: number;
  id: string;
}

export const encodeEventCursor = (e: EventPosition): string =>
  Buffer.from(JSON.stringify([e.ts, e.seq, e.id])).toString('base64url');

/** The position in a cursor, or null when it is not one this collector wrote. */
export function decodeEventCursor(cursor: string): EventPosition | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 3) return null;
    const [ts, seq, id] = value as unknown[];
    if (!Number.isSafeInteger(ts) || !Number.isSafeInteger(seq) || typeof id !== 'string') return null;
    if (id.length > 128 || id.includes('\u0000') || !id.isWellFormed()) return null;
    return { ts: ts as number, seq: seq as number, id };
  } catch {
    return null;
  }
}
