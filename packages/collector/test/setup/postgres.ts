// Vitest global setup: every run of the collector suite tests PostgreSQL for real. With
// DATABASE_URL set, that server is used; otherwise a throwaway one is started (and stopped).
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

interface PgTestServer {
  url: string;
  stop(): void;
}

export default async function setup(project: TestProject): Promise<() => void | Promise<void>> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) {
    project.provide('databaseUrl', fromEnv);
    // Every test works in its own schema (t_…); leave the server as it was found.
    return async () => {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: fromEnv });
      await client.connect();
      try {
        const { rows } = await client.query<{ name: string }>(
          "SELECT nspname AS name FROM pg_namespace WHERE nspname ~ '^t_[0-9a-f]{16}$'",
        );
        for (const { name } of rows) await client.query(`DROP SCHEMA ${name} CASCADE`);
      } finally {
        await client.end();
      }
    };
  }
  const specifier = new URL('../../../../scripts/pg-test-server.mjs', import.meta.url).href;
  const { startPgTestServer } = (await import(specifier)) as { startPgTestServer(): Promise<PgTestServer> };
  // Throws with install instructions when PostgreSQL's binaries are missing: this suite must not pass silently.
  const server = await startPgTestServer();
  project.provide('databaseUrl', server.url);
  return () => server.stop();
}
