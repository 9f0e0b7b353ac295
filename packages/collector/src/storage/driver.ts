// The small surface a SQL database offers the shared storage: statements with `?` placeholders,
// a transaction, and the few places the dialects differ.
import type { Migration } from './migrations';

export type Row = Record<string, unknown>;

export interface SqlConnection {
  /** Rows of a query (or of `… RETURNING`). */
  all(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Rows changed by a statement. */
  run(sql: string, params?: unknown[]): Promise<number>;
}

export interface Dialect {
  /** A number read from the JSON payload column. */
  jsonNum(key: string): string;
  /** Text read from the JSON payload column (nested keys). */
  jsonText(keys: string[]): string;
  /** The placeholder of a JSON parameter. */
  jsonParam: string;
  /** Appended to a read inside a transaction that then writes the rows it read. */
  forUpdate: string;
  /**
   * A statement that holds a lock on one key (its only parameter) until the transaction ends,
   * whether or not a row for it exists yet; none where one writer at a time holds the database.
   */
  lockKey?: string;
  migrations: Migration[];
}

export interface SqlDriver extends SqlConnection {
  readonly kind: string;
  readonly dialect: Dialect;
  /** Runs `work` in one transaction holding the write lock; rolls back when it throws. */
  transaction<T>(work: (tx: SqlConnection) => Promise<T>): Promise<T>;
  /** Prepares what the migrations need (a schema) and serialises migrating processes. */
  beforeMigrate(tx: SqlConnection): Promise<void>;
  close(): Promise<void>;
}
