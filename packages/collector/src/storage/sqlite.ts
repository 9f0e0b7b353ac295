import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { aggregate, applyViewPaths, eventParams, fileLeavesUnderTheirView, sessionParams } from './batch';
import { MIGRATIONS_TABLE, SQLITE_MIGRATIONS } from './migrations';
import {
  clickIssuesStatement,
  type Dialect,
  encodeCursor,
  eventsStatement,
  heatmapStatement,
  INSERT_EVENT_COLUMNS,
  listSessionsStatement,
  pageDaysStatement,
  pageStatsStatement,
  type Row,
  rowToClick,
  rowToClickIssue,
  rowToEvent,
  rowToPageDay,
  rowToPageStat,
  rowToSession,
  SESSION_COLUMNS,
  type Statement,
  scrollBuckets,
  scrollStatement,
  UPSERT_SESSION_COLUMNS,
  UPSERT_SESSION_CONFLICT,
  USER_SESSIONS,
} from './sql';
import type { ErasureResult, Storage, StoredEvent } from './storage';

export interface SqliteStorageOptions {
  /** The database file, or `:memory:`. Its folder is created when missing. */
  filename: string;
}

const dialect: Dialect = {
  jsonNum: (key) => `json_extract(payload, '$.${key}')`,
  jsonText: (keys) => `json_extract(payload, '$.${keys.join('.')}')`,
};

/**
 * The embedded default: one SQLite file in WAL mode. One process writes; reads never block writes.
 *
 * @example
 * const storage = createSqliteStorage({ filename: '.data/spoor.db' });
 * await storage.migrate();
 */
/* @__NO_SIDE_EFFECTS__ */
export function createSqliteStorage(options: SqliteStorageOptions): Storage {
  if (options.filename !== ':memory:') mkdirSync(dirname(options.filename), { recursive: true });
  const db = new Database(options.filename);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');

  const all = (s: Statement): Row[] => db.prepare(s.sql).all(...(s.params as unknown[])) as Row[];
  let insertEvent: Database.Statement | undefined;
  let upsertSession: Database.Statement | undefined;

  let viewPath: Database.Statement | undefined;
  const ingestTx = db.transaction(
    (site: string, visitorId?: string, userAgent?: string, events: StoredEvent[] = []) => {
      viewPath ??= db.prepare(
        "SELECT path FROM events WHERE site = ? AND page_id = ? AND type = 'page:view' LIMIT 1",
      );
      const paths = new Map<string, string>();
      for (const pageId of fileLeavesUnderTheirView(events)) {
        const row = viewPath.get(site, pageId) as { path: string } | undefined;
        if (row) paths.set(pageId, row.path);
      }
      applyViewPaths(events, paths);
      insertEvent ??= db.prepare(
        `INSERT INTO events (${INSERT_EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      );
      upsertSession ??= db.prepare(
        `INSERT INTO sessions (${UPSERT_SESSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ${UPSERT_SESSION_CONFLICT}`,
      );
      const fresh: StoredEvent[] = [];
      for (const event of events) {
        if (insertEvent.run(...eventParams(site, event)).changes > 0) fresh.push(event);
      }
      for (const delta of aggregate(fresh))
        upsertSession.run(...sessionParams(site, visitorId, userAgent, delta));
      return fresh.length;
    },
  );

  const erase = db.transaction(
    (eventsSql: string, sessionsSql: string, params: Record<string, unknown>): ErasureResult => {
      const events = db.prepare(eventsSql).run(params).changes;
      const sessions = db.prepare(sessionsSql).run(params).changes;
      return { sessions, events };
    },
  );

  return {
    kind: 'sqlite',
    async migrate() {
      db.exec(MIGRATIONS_TABLE);
      const run = db.transaction(() => {
        const applied = new Set(
          (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
            (r) => r.version,
          ),
        );
        for (const migration of SQLITE_MIGRATIONS) {
          if (applied.has(migration.version)) continue;
          for (const statement of migration.statements) db.exec(statement);
          db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
            migration.version,
            migration.name,
            Date.now(),
          );
        }
      });
      run.immediate();
    },
    async ingest(context, events) {
      const stored = ingestTx.immediate(context.site, context.visitorId, context.userAgent, events);
      return { stored, duplicates: events.length - stored };
    },
    async listSessions(query) {
      const limit = Math.max(1, Math.min(query.limit ?? 50, 500));
      const sessions = all(listSessionsStatement(query, limit)).map(rowToSession);
      const more = sessions.length > limit;
      if (more) sessions.length = limit;
      const last = sessions.at(-1);
      return more && last ? { sessions, next: encodeCursor(last) } : { sessions };
    },
    async getSession(site, id) {
      const row = db
        .prepare(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE site = ? AND id = ?`)
        .get(site, id);
      return row ? rowToSession(row as Row) : null;
    },
    async getEvents(site, sessionId, query) {
      return all(eventsStatement(site, sessionId, query)).map(rowToEvent);
    },
    async pageStats(query) {
      return all(pageStatsStatement(dialect, query)).map(rowToPageStat);
    },
    async pageDetail(query) {
      return {
        path: query.path,
        days: all(pageDaysStatement(dialect, query)).map(rowToPageDay),
        scrollDepth: scrollBuckets(all(scrollStatement(dialect, query))),
      };
    },
    async heatmap(query) {
      return all(heatmapStatement(query)).map(rowToClick);
    },
    async clickIssues(query) {
      return all(clickIssuesStatement(dialect, query)).map(rowToClickIssue);
    },
    async deleteSession(site, id) {
      return erase(
        'DELETE FROM events WHERE site = @a AND session_id = @b',
        'DELETE FROM sessions WHERE site = @a AND id = @b',
        { a: site, b: id },
      );
    },
    async deleteVisitor(site, visitorId) {
      return erase(
        'DELETE FROM events WHERE site = @a AND session_id IN (SELECT id FROM sessions WHERE site = @a AND visitor_id = @b)',
        'DELETE FROM sessions WHERE site = @a AND visitor_id = @b',
        { a: site, b: visitorId },
      );
    },
    async deleteUser(site, userId) {
      return erase(
        `DELETE FROM events WHERE site = @a AND session_id IN (${USER_SESSIONS('@a', '@b')})`,
        `DELETE FROM sessions WHERE site = @a AND id IN (${USER_SESSIONS('@a', '@b')})`,
        { a: site, b: userId },
      );
    },
    async deleteOlderThan(cutoff) {
      return erase(
        'DELETE FROM events WHERE EXISTS (SELECT 1 FROM sessions s WHERE s.site = events.site AND s.id = events.session_id AND s.last_ts < @a)',
        'DELETE FROM sessions WHERE last_ts < @a',
        { a: cutoff },
      );
    },
    async ensureSetting(key, value) {
      db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(
        key,
        value,
      );
      return (db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string }).value;
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
