// The storage both SQL databases share: every statement and rule is written once here, over the
// small driver each database provides (sqlite.ts, postgres.ts).
import { admit, type SessionState } from './admission';
import { aggregate, applyViewPaths, eventParams, fileLeavesUnderTheirView, sessionParams } from './batch';
import type { SqlConnection, SqlDriver } from './driver';
import { MIGRATIONS_TABLE } from './migrations';
import {
  clickIssuesStatement,
  heatmapStatement,
  pageDaysStatement,
  pageStatsStatement,
  rowToClick,
  rowToClickIssue,
  rowToPageDay,
  rowToPageStat,
  scrollBuckets,
  scrollStatement,
} from './reportSql';
import { DEFAULT_SESSION_RULES } from './sessionRules';
import {
  encodeCursor,
  eventsStatement,
  INSERT_EVENT_COLUMNS,
  listSessionsStatement,
  rowToEvent,
  rowToSession,
  SESSION_COLUMNS,
  type Statement,
  UPSERT_SESSION_COLUMNS,
  UPSERT_SESSION_CONFLICT,
} from './sql';
import type { ErasureResult, Storage, StoredEvent } from './storage';

/** The ids of a user's sessions and of every session of the visitors that user was seen as. */
function userSessions(site: string, userId: string): Statement {
  return {
    sql: 'SELECT id FROM sessions WHERE site = ? AND (user_id = ? OR visitor_id IN (SELECT visitor_id FROM sessions WHERE site = ? AND user_id = ? AND visitor_id IS NOT NULL))',
    params: [site, userId, site, userId],
  };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
/** Rows per multi-row statement: well under SQLite's and PostgreSQL's parameter limits. */
const ROWS_PER_STATEMENT = 500;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function sessionStates(
  tx: SqlConnection,
  forUpdate: string,
  site: string,
  ids: string[],
): Promise<Map<string, SessionState>> {
  const states = new Map<string, SessionState>();
  for (const part of chunks(ids, ROWS_PER_STATEMENT)) {
    const rows = await tx.all(
      `SELECT id, visitor_id, first_received, event_count FROM sessions WHERE site = ? AND id IN (${marks(part.length)})${forUpdate}`,
      [site, ...part],
    );
    for (const row of rows) {
      states.set(String(row.id), {
        visitorId: row.visitor_id === null ? null : String(row.visitor_id),
        firstReceived: Number(row.first_received),
        eventCount: Number(row.event_count),
      });
    }
  }
  return states;
}

/** A storage over any SQL driver. */
export function createSqlStorage(driver: SqlDriver): Storage {
  const { dialect } = driver;
  const all = (s: Statement) => driver.all(s.sql, s.params);
  const eventRow = `(${marks(INSERT_EVENT_COLUMNS.split(',').length - 2)}, ${dialect.jsonParam}, ?)`;
  const sessionRow = `(${marks(UPSERT_SESSION_COLUMNS.split(',').length)})`;

  // Events first, then their sessions, in one transaction: erasure never leaves half a session.
  const erase = (events: Statement, sessions: Statement): Promise<ErasureResult> =>
    driver.transaction(async (tx) => {
      const deletedEvents = await tx.run(`DELETE FROM events WHERE ${events.sql}`, events.params);
      const gone = await tx.all(
        `DELETE FROM sessions WHERE ${sessions.sql} RETURNING site, id`,
        sessions.params,
      );
      return {
        sessions: gone.length,
        events: deletedEvents,
        erased: gone.map((row) => ({ site: String(row.site), id: String(row.id) })),
      };
    });

  return {
    kind: driver.kind,
    async migrate() {
      await driver.transaction(async (tx) => {
        await driver.beforeMigrate(tx);
        await tx.run(MIGRATIONS_TABLE);
        const applied = new Set(
          (await tx.all('SELECT version FROM schema_migrations')).map((r) => Number(r.version)),
        );
        for (const migration of dialect.migrations) {
          if (applied.has(migration.version)) continue;
          for (const statement of migration.statements) await tx.run(statement);
          await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
            migration.version,
            migration.name,
            Date.now(),
          ]);
        }
      });
    },
    async ingest(context, events) {
      if (events.length === 0) return { stored: 0, duplicates: 0 };
      const receivedAt = context.receivedAt ?? Date.now();
      const rules = { ...DEFAULT_SESSION_RULES, ...context.rules };
      // A stable order of keys keeps concurrent writers (retried batches) from deadlocking.
      const sorted = [...events].sort(byId);
      return driver.transaction(async (tx) => {
        const sessionIds = [...new Set(sorted.map((e) => e.sessionId))].sort();
        // Each session is locked first, in order, even one with no row yet: a writer that found
        // the row would otherwise lock it before the events, one that created it after them.
        if (dialect.lockKey)
          for (const id of sessionIds) await tx.run(dialect.lockKey, [`${context.site}\n${id}`]);
        const states = await sessionStates(tx, dialect.forUpdate, context.site, sessionIds);
        const { admitted, refused } = admit(sorted, states, { ...context, receivedAt }, rules);
        const unknownPages = fileLeavesUnderTheirView(admitted);
        for (const part of chunks(unknownPages, ROWS_PER_STATEMENT)) {
          const found = await tx.all(
            `SELECT page_id, path FROM events WHERE site = ? AND page_id IN (${marks(part.length)}) AND type = 'page:view'`,
            [context.site, ...part],
          );
          applyViewPaths(admitted, new Map(found.map((r) => [String(r.page_id), String(r.path)])));
        }
        const ids = new Set<string>();
        for (const part of chunks(admitted, ROWS_PER_STATEMENT)) {
          const inserted = await tx.all(
            `INSERT INTO events (${INSERT_EVENT_COLUMNS}) VALUES ${part.map(() => eventRow).join(', ')} ON CONFLICT DO NOTHING RETURNING id`,
            part.flatMap((event) => eventParams(context.site, receivedAt, event)),
          );
          for (const row of inserted) ids.add(String(row.id));
        }
        const fresh: StoredEvent[] = admitted.filter((event) => ids.has(event.id));
        for (const part of chunks(aggregate(fresh), ROWS_PER_STATEMENT)) {
          await tx.run(
            `INSERT INTO sessions (${UPSERT_SESSION_COLUMNS}) VALUES ${part.map(() => sessionRow).join(', ')} ${UPSERT_SESSION_CONFLICT}`,
            part.flatMap((delta) =>
              sessionParams(context.site, context.visitorId, context.userAgent, receivedAt, delta),
            ),
          );
        }
        const counts = { stored: fresh.length, duplicates: admitted.length - fresh.length };
        return refused.length > 0 ? { ...counts, refused } : counts;
      });
    },
    async listSessions(query) {
      const limit = Math.max(1, Math.min(query.limit ?? 50, 500));
      const sessions = (await all(listSessionsStatement(query, limit))).map(rowToSession);
      const more = sessions.length > limit;
      if (more) sessions.length = limit;
      const last = sessions.at(-1);
      return more && last ? { sessions, next: encodeCursor(last) } : { sessions };
    },
    async getSession(site, id) {
      const rows = await driver.all(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE site = ? AND id = ?`, [
        site,
        id,
      ]);
      return rows[0] ? rowToSession(rows[0]) : null;
    },
    async getEvents(site, sessionId, query) {
      return (await all(eventsStatement(site, sessionId, query))).map(rowToEvent);
    },
    async pageStats(query) {
      return (await all(pageStatsStatement(dialect, query))).map(rowToPageStat);
    },
    async pageDetail(query) {
      const days = await all(pageDaysStatement(dialect, query));
      const scroll = await all(scrollStatement(dialect, query));
      return { path: query.path, days: days.map(rowToPageDay), scrollDepth: scrollBuckets(scroll) };
    },
    async heatmap(query) {
      return (await all(heatmapStatement(query))).map(rowToClick);
    },
    async clickIssues(query) {
      return (await all(clickIssuesStatement(dialect, query))).map(rowToClickIssue);
    },
    deleteSession(site, id) {
      return erase(
        { sql: 'site = ? AND session_id = ?', params: [site, id] },
        { sql: 'site = ? AND id = ?', params: [site, id] },
      );
    },
    deleteVisitor(site, visitorId) {
      return erase(
        {
          sql: 'site = ? AND session_id IN (SELECT id FROM sessions WHERE site = ? AND visitor_id = ?)',
          params: [site, site, visitorId],
        },
        { sql: 'site = ? AND visitor_id = ?', params: [site, visitorId] },
      );
    },
    deleteUser(site, userId) {
      const sessions = userSessions(site, userId);
      return erase(
        { sql: `site = ? AND session_id IN (${sessions.sql})`, params: [site, ...sessions.params] },
        { sql: `site = ? AND id IN (${sessions.sql})`, params: [site, ...sessions.params] },
      );
    },
    deleteOlderThan(cutoff) {
      // By when sessions were last received, which no client can choose; a session takes events
      // for at most `maxSessionMs`, so none outlives the period by more than that.
      return erase(
        {
          sql: 'EXISTS (SELECT 1 FROM sessions s WHERE s.site = events.site AND s.id = events.session_id AND s.last_received < ?)',
          params: [cutoff],
        },
        { sql: 'last_received < ?', params: [cutoff] },
      );
    },
    async ensureSetting(key, value) {
      await driver.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [
        key,
        value,
      ]);
      return String((await driver.all('SELECT value FROM settings WHERE key = ?', [key]))[0]?.value);
    },
    async ping() {
      await driver.all('SELECT 1');
    },
    close: () => driver.close(),
  };
}
