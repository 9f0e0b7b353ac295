import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { Dialect, Row, SqlConnection, SqlDriver } from './driver';
import { SQLITE_MIGRATIONS } from './migrations';
import { createSqlStorage } from './sqlStorage';
import type { Storage } from './storage';

export interface SqliteStorageOptions {
  /** The database file, or `:memory:`. Its folder is created when missing. */
  filename: string;
}

const dialect: Dialect = {
  jsonNum: (key) => `json_extract(payload, '$.${key}')`,
  jsonText: (keys) => `json_extract(payload, '$.${keys.join('.')}')`,
  jsonParam: '?',
  forUpdate: '',
  migrations: SQLITE_MIGRATIONS,
};

// better-sqlite3 is an optional dependency: loaded only when SQLite is used, so a PostgreSQL
// deployment needs no native build.
function openDatabase(filename: string): BetterSqlite3.Database {
  const require = createRequire(import.meta.url);
  let Database: typeof BetterSqlite3;
  try {
    Database = require('better-sqlite3') as typeof BetterSqlite3;
  } catch (error) {
    throw new Error(
      `SQLite storage needs the optional dependency better-sqlite3 (npm install better-sqlite3), or set a postgres: database URL: ${(error as Error).message}`,
    );
  }
  return new Database(filename);
}

function sqliteDriver(options: SqliteStorageOptions): SqlDriver {
  if (options.filename !== ':memory:') mkdirSync(dirname(options.filename), { recursive: true });
  const db = openDatabase(options.filename);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');

  const statements = new Map<string, BetterSqlite3.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      // Statements built per batch size would grow this without end.
      if (statements.size > 500) statements.clear();
      statements.set(sql, statement);
    }
    return statement;
  };
  const connection: SqlConnection = {
    async all(sql, params = []) {
      const statement = prepare(sql);
      if (statement.reader) return statement.all(...params) as Row[];
      statement.run(...params);
      return [];
    },
    async run(sql, params = []) {
      return prepare(sql).run(...params).changes;
    },
  };
  // One connection: transactions take turns (their work is synchronous underneath, so a turn is short).
  let turn: Promise<unknown> = Promise.resolve();

  return {
    kind: 'sqlite',
    dialect,
    ...connection,
    transaction<T>(work: (tx: SqlConnection) => Promise<T>): Promise<T> {
      const run = turn.then(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(connection);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      });
      turn = run.catch(() => {});
      return run;
    },
    async beforeMigrate() {},
    async close() {
      await turn;
      if (db.open) db.close();
    },
  };
}

/**
 * The embedded default: one SQLite file in WAL mode. One process writes; reads never block writes.
 *
 * @example
 * const storage = createSqliteStorage({ filename: '.data/spoor.db' });
 * await storage.migrate();
 */
/* @__NO_SIDE_EFFECTS__ */
export function createSqliteStorage(options: SqliteStorageOptions): Storage {
  return createSqlStorage(sqliteDriver(options));
}
