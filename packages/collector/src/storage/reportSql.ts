// SQL of the reports (pages, page detail, heatmap, rage and dead clicks), shared by the SQLite and
// PostgreSQL storages like the rest of sql.ts.
import type { Dialect, Row } from './driver';
import { num, numOrNull, parsePayload, range, type Statement, strOrNull } from './sql';
import type { ClickIssue, HeatmapClick, PageDay, PageStat, TimeRange } from './storage';

export function pageStatsStatement(d: Dialect, q: TimeRange & { site: string }): Statement {
  const where = ['site = ?', "type IN ('page:view', 'page:leave', 'click')"];
  const params: unknown[] = [q.site];
  range(where, params, q);
  return {
    sql: `SELECT path,
      SUM(CASE WHEN type = 'page:view' THEN 1 ELSE 0 END) AS views,
      COUNT(DISTINCT session_id) AS sessions,
      SUM(CASE WHEN type = 'click' THEN 1 ELSE 0 END) AS clicks,
      AVG(CASE WHEN type = 'page:leave' THEN ${d.jsonNum('engagedMs')} END) AS avg_engaged,
      AVG(CASE WHEN type = 'page:leave' THEN ${d.jsonNum('maxScrollPct')} END) AS avg_scroll
      FROM events WHERE ${where.join(' AND ')} GROUP BY path ORDER BY views DESC, path LIMIT 500`,
    params,
  };
}

export const rowToPageStat = (row: Row): PageStat => ({
  path: String(row.path),
  views: num(row.views),
  sessions: num(row.sessions),
  clicks: num(row.clicks),
  avgEngagedMs: numOrNull(row.avg_engaged),
  avgScrollPct: numOrNull(row.avg_scroll),
});

const DAY_MS = 86_400_000;

export function pageDaysStatement(d: Dialect, q: TimeRange & { site: string; path: string }): Statement {
  const where = ['site = ?', 'path = ?', "type IN ('page:view', 'page:leave')"];
  const params: unknown[] = [q.site, q.path];
  range(where, params, q);
  return {
    sql: `SELECT ts / ${DAY_MS} AS day,
      SUM(CASE WHEN type = 'page:view' THEN 1 ELSE 0 END) AS views,
      AVG(CASE WHEN type = 'page:leave' THEN ${d.jsonNum('engagedMs')} END) AS avg_engaged
      FROM events WHERE ${where.join(' AND ')} GROUP BY ts / ${DAY_MS} ORDER BY day`,
    params,
  };
}

export const rowToPageDay = (row: Row): PageDay => ({
  day: new Date(Math.floor(num(row.day)) * DAY_MS).toISOString().slice(0, 10),
  views: num(row.views),
  avgEngagedMs: numOrNull(row.avg_engaged),
});

export function scrollStatement(d: Dialect, q: TimeRange & { site: string; path: string }): Statement {
  const where = ['site = ?', 'path = ?', "type = 'page:leave'"];
  const params: unknown[] = [q.site, q.path];
  range(where, params, q);
  return {
    sql: `SELECT ${d.jsonNum('maxScrollPct')} AS pct FROM events WHERE ${where.join(' AND ')} LIMIT 100000`,
    params,
  };
}

export function scrollBuckets(rows: Row[]): number[] {
  const buckets = new Array<number>(11).fill(0);
  for (const row of rows) {
    const pct = Number(row.pct);
    if (!Number.isFinite(pct)) continue;
    const index = Math.max(0, Math.min(10, Math.floor(pct / 10)));
    buckets[index] = (buckets[index] ?? 0) + 1;
  }
  return buckets;
}

export function heatmapStatement(q: TimeRange & { site: string; path: string; limit?: number }): Statement {
  const where = ['site = ?', "type = 'click'", 'path = ?'];
  const params: unknown[] = [q.site, q.path];
  range(where, params, q);
  params.push(Math.min(q.limit ?? 5000, 50_000));
  return { sql: `SELECT payload FROM events WHERE ${where.join(' AND ')} ORDER BY ts DESC LIMIT ?`, params };
}

export function rowToClick(row: Row): HeatmapClick {
  const p = parsePayload(row.payload);
  const target = (p.target ?? {}) as Record<string, unknown>;
  return {
    x: num(p.x),
    y: num(p.y),
    vw: num(p.vw),
    vh: num(p.vh),
    rx: num(p.rx),
    ry: num(p.ry),
    selector: String(target.selector ?? ''),
  };
}

export function clickIssuesStatement(d: Dialect, q: TimeRange & { site: string }): Statement {
  const where = ['site = ?', "type IN ('click:rage', 'click:dead')"];
  const params: unknown[] = [q.site];
  range(where, params, q);
  return {
    sql: `SELECT type, path, ${d.jsonText(['target', 'selector'])} AS selector, ${d.jsonText(['target', 'text'])} AS label,
      COUNT(*) AS count, COUNT(DISTINCT session_id) AS sessions, MAX(ts) AS last_ts, MAX(session_id) AS sample
      FROM events WHERE ${where.join(' AND ')}
      GROUP BY type, path, ${d.jsonText(['target', 'selector'])}, ${d.jsonText(['target', 'text'])}
      ORDER BY count DESC, last_ts DESC LIMIT 200`,
    params,
  };
}

export const rowToClickIssue = (row: Row): ClickIssue => ({
  type: row.type === 'click:rage' ? 'click:rage' : 'click:dead',
  path: String(row.path),
  selector: String(row.selector ?? ''),
  text: strOrNull(row.label),
  count: num(row.count),
  sessions: num(row.sessions),
  lastSeenAt: num(row.last_ts),
  sampleSessionId: String(row.sample),
});
