// Schema versions, applied in order on start. Each runs once (recorded in schema_migrations);
// a version's statements run in one transaction with its record.

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

type Types = { int: string; json: string };

const schema = ({ int, json }: Types): Migration[] => [
  {
    version: 1,
    name: 'sessions and events',
    statements: [
      `CREATE TABLE IF NOT EXISTS sessions (
        site TEXT NOT NULL,
        id TEXT NOT NULL,
        visitor_id TEXT,
        first_ts ${int} NOT NULL,
        last_ts ${int} NOT NULL,
        event_count ${int} NOT NULL DEFAULT 0,
        page_views ${int} NOT NULL DEFAULT 0,
        engaged_ms ${int} NOT NULL DEFAULT 0,
        error_count ${int} NOT NULL DEFAULT 0,
        rage_count ${int} NOT NULL DEFAULT 0,
        dead_count ${int} NOT NULL DEFAULT 0,
        replay_count ${int} NOT NULL DEFAULT 0,
        entry_ts ${int},
        entry_url TEXT,
        user_agent TEXT,
        PRIMARY KEY (site, id)
      )`,
      'CREATE INDEX IF NOT EXISTS sessions_by_last_seen ON sessions (site, last_ts)',
      'CREATE INDEX IF NOT EXISTS sessions_by_visitor ON sessions (site, visitor_id)',
      `CREATE TABLE IF NOT EXISTS events (
        site TEXT NOT NULL,
        id TEXT NOT NULL,
        session_id TEXT NOT NULL,
        tab_id TEXT NOT NULL,
        page_id TEXT NOT NULL,
        type TEXT NOT NULL,
        ts ${int} NOT NULL,
        seq ${int} NOT NULL,
        url TEXT NOT NULL,
        path TEXT NOT NULL,
        payload ${json} NOT NULL,
        PRIMARY KEY (site, id)
      )`,
      'CREATE INDEX IF NOT EXISTS events_by_session ON events (site, session_id, ts)',
      'CREATE INDEX IF NOT EXISTS events_by_page ON events (site, type, path, ts)',
      'CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)',
    ],
  },
  {
    version: 2,
    name: 'page views by page id',
    statements: [
      "CREATE INDEX IF NOT EXISTS events_page_views_by_page_id ON events (site, page_id) WHERE type = 'page:view'",
    ],
  },
  {
    version: 3,
    name: 'receive times',
    // Retention and the session rules count from when the collector received an event, which
    // a client cannot choose; rows from before keep their event time.
    statements: [
      `ALTER TABLE events ADD COLUMN received_at ${int}`,
      'UPDATE events SET received_at = ts WHERE received_at IS NULL',
      `ALTER TABLE sessions ADD COLUMN first_received ${int}`,
      `ALTER TABLE sessions ADD COLUMN last_received ${int}`,
      'UPDATE sessions SET first_received = first_ts, last_received = last_ts WHERE first_received IS NULL',
      'CREATE INDEX IF NOT EXISTS sessions_by_last_received ON sessions (last_received)',
      'CREATE INDEX IF NOT EXISTS events_by_received ON events (received_at)',
    ],
  },
  {
    version: 4,
    name: 'user id of a session',
    statements: [
      'ALTER TABLE sessions ADD COLUMN user_id TEXT',
      'CREATE INDEX IF NOT EXISTS sessions_by_user ON sessions (site, user_id)',
    ],
  },
];

export const SQLITE_MIGRATIONS = schema({ int: 'INTEGER', json: 'TEXT' });
export const POSTGRES_MIGRATIONS = schema({ int: 'BIGINT', json: 'JSONB' });

export const MIGRATIONS_TABLE =
  'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)';
