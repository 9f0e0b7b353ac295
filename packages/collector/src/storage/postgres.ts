import pg from 'pg';
import { aggregate, applyViewPaths, eventParams, fileLeavesUnderTheirView, sessionParams } from './batch';
import { MIGRATIONS_TABLE, POSTGRES_MIGRATIONS } from './migrations';
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

export interface PostgresStorageOptions {
  /** A connection string, e.g. `postgres://user:pass@host:5432/spoor` (usually `DATABASE_URL`). */
  connectionString: string;
  /** A schema to keep the tables in; created when missing. @default 'public' */
  schema?: string;
  /** Connections per collector process. @default 10 */
  poolSize?: number;
}

const dialect: Dialect = {
  jsonNum: (key) => `(payload->>'${key}')::float8`,
  jsonText: (keys) =>
    `payload${keys.map((k, i) => (i === keys.length - 1 ? `->>'${k}'` : `->'${k}'`)).join('')}`,
};

/** `?` placeholders → `$1`, `$2`, … (no statement here contains a literal `?`). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

// Counts and epoch milliseconds fit in a double; read BIGINT as numbers, not strings.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 || oid === 1700
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

// Any constant shared by every collector process: they take turns migrating.
const MIGRATION_LOCK = 0x5b00_c011;

/**
 * Storage for sites that outgrow one machine: any number of stateless collector processes can
 * write to one PostgreSQL database at once.
 *
 * @example
 * const storage = createPostgresStorage({ connectionString: process.env.DATABASE_URL! });
 * await storage.migrate();
 */
/* @__NO_SIDE_EFFECTS__ */
export function createPostgresStorage(options: PostgresStorageOptions): Storage {
  const schema = options.schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    types,
    options: `-c search_path=${schema}`,
  });
  // An idle client losing its connection must not take the process down; the pool replaces it.
  pool.on('error', () => {});

  const all = async (s: Statement): Promise<Row[]> =>
    (await pool.query(numbered(s.sql), s.params)).rows as Row[];

  async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  const erase = (eventsSql: string, sessionsSql: string, params: unknown[]): Promise<ErasureResult> =>
    transaction(async (client) => {
      const events = (await client.query(eventsSql, params)).rowCount ?? 0;
      const sessions = (await client.query(sessionsSql, params)).rowCount ?? 0;
      return { sessions, events };
    });

  return {
    kind: 'postgres',
    async migrate() {
      await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`).catch(async (error) => {
        // Two processes creating the schema at once: one of them loses the race, harmlessly.
        const exists = await pool.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
        if (exists.rowCount === 0) throw error;
      });
      await transaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        await client.query(MIGRATIONS_TABLE);
        const applied = new Set(
          (await client.query('SELECT version FROM schema_migrations')).rows.map(
            (r: { version: number }) => r.version,
          ),
        );
        for (const migration of POSTGRES_MIGRATIONS) {
          if (applied.has(migration.version)) continue;
          for (const statement of migration.statements) await client.query(statement);
          await client.query(
            'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
            [migration.version, migration.name, Date.now()],
          );
        }
      });
    },
    async ingest(context, events) {
      if (events.length === 0) return { stored: 0, duplicates: 0 };
      // A stable order of keys keeps concurrent writers (retried batches) from deadlocking.
      const sorted = [...events].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const stored = await transaction(async (client) => {
        const unknownPages = fileLeavesUnderTheirView(sorted);
        if (unknownPages.length > 0) {
          const found = await client.query(
            "SELECT page_id, path FROM events WHERE site = $1 AND page_id = ANY($2) AND type = 'page:view'",
            [context.site, unknownPages],
          );
          applyViewPaths(
            sorted,
            new Map(found.rows.map((r: { page_id: string; path: string }) => [r.page_id, r.path])),
          );
        }
        const params: unknown[] = [];
        const rows = sorted.map((event) => {
          const values = eventParams(context.site, event);
          const base = params.length;
          params.push(...values);
          return `(${values.map((_, i) => (i === values.length - 1 ? `$${base + i + 1}::jsonb` : `$${base + i + 1}`)).join(', ')})`;
        });
        const inserted = await client.query(
          `INSERT INTO events (${INSERT_EVENT_COLUMNS}) VALUES ${rows.join(', ')} ON CONFLICT DO NOTHING RETURNING id`,
          params,
        );
        const ids = new Set(inserted.rows.map((r: { id: string }) => r.id));
        const fresh: StoredEvent[] = sorted.filter((event) => ids.has(event.id));
        const deltas = aggregate(fresh);
        if (deltas.length > 0) {
          const sessionValues: unknown[] = [];
          const sessionRows = deltas.map((delta) => {
            const values = sessionParams(context.site, context.visitorId, context.userAgent, delta);
            const base = sessionValues.length;
            sessionValues.push(...values);
            return `(${values.map((_, i) => `$${base + i + 1}`).join(', ')})`;
          });
          await client.query(
            `INSERT INTO sessions (${UPSERT_SESSION_COLUMNS}) VALUES ${sessionRows.join(', ')} ${UPSERT_SESSION_CONFLICT}`,
            sessionValues,
          );
        }
        return fresh.length;
      });
      return { stored, duplicates: events.length - stored };
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
      const rows = await all({
        sql: `SELECT ${SESSION_COLUMNS} FROM sessions WHERE site = ? AND id = ?`,
        params: [site, id],
      });
      return rows[0] ? rowToSession(rows[0]) : null;
    },
    async getEvents(site, sessionId, query) {
      return (await all(eventsStatement(site, sessionId, query))).map(rowToEvent);
    },
    async pageStats(query) {
      return (await all(pageStatsStatement(dialect, query))).map(rowToPageStat);
    },
    async pageDetail(query) {
      const [days, scroll] = await Promise.all([
        all(pageDaysStatement(dialect, query)),
        all(scrollStatement(dialect, query)),
      ]);
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
        'DELETE FROM events WHERE site = $1 AND session_id = $2',
        'DELETE FROM sessions WHERE site = $1 AND id = $2',
        [site, id],
      );
    },
    deleteVisitor(site, visitorId) {
      return erase(
        'DELETE FROM events WHERE site = $1 AND session_id IN (SELECT id FROM sessions WHERE site = $1 AND visitor_id = $2)',
        'DELETE FROM sessions WHERE site = $1 AND visitor_id = $2',
        [site, visitorId],
      );
    },
    deleteUser(site, userId) {
      return erase(
        `DELETE FROM events WHERE site = $1 AND session_id IN (${USER_SESSIONS('$1', '$2')})`,
        `DELETE FROM sessions WHERE site = $1 AND id IN (${USER_SESSIONS('$1', '$2')})`,
        [site, userId],
      );
    },
    deleteOlderThan(cutoff) {
      return erase(
        'DELETE FROM events WHERE EXISTS (SELECT 1 FROM sessions s WHERE s.site = events.site AND s.id = events.session_id AND s.last_ts < $1)',
        'DELETE FROM sessions WHERE last_ts < $1',
        [cutoff],
      );
    },
    async ensureSetting(key, value) {
      await pool.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
        key,
        value,
      ]);
      return (await pool.query('SELECT value FROM settings WHERE key = $1', [key])).rows[0].value as string;
    },
    async close() {
      await pool.end();
    },
  };
}
