import pg from 'pg';
import type { Dialect, Row, SqlConnection, SqlDriver } from './driver';
import { POSTGRES_MIGRATIONS } from './migrations';
import { withRetries } from './retry';
import { createSqlStorage } from './sqlStorage';
import type { Storage } from './storage';

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
  jsonParam: '?::jsonb',
  forUpdate: ' FOR UPDATE',
  lockKey: 'SELECT pg_advisory_xact_lock(hashtextextended(?, 0))',
  migrations: POSTGRES_MIGRATIONS,
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

const over = (client: pg.Pool | pg.PoolClient): SqlConnection => ({
  async all(sql, params = []) {
    return (await client.query(numbered(sql), params)).rows as Row[];
  },
  async run(sql, params = []) {
    return (await client.query(numbered(sql), params)).rowCount ?? 0;
  },
});

function postgresDriver(options: PostgresStorageOptions): SqlDriver {
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

  return {
    kind: 'postgres',
    dialect,
    ...over(pool),
    // Writers take their locks in one order (see `ingest`); a deadlock or serialization failure
    // left (erasure meeting ingest) aborts one of them, which then only needs running again.
    transaction: (work) =>
      withRetries(async () => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await work(over(client));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        } finally {
          client.release();
        }
      }),
    async beforeMigrate(tx) {
      await tx.run('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
      await tx.run(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    },
    async close() {
      await pool.end();
    },
  };
}

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
  return createSqlStorage(postgresDriver(options));
}
