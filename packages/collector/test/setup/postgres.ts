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

export default async function setup(project: TestProject): Promise<() => void> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) {
    project.provide('databaseUrl', fromEnv);
    return () => {};
  }
  const specifier = new URL('../../../../scripts/pg-test-server.mjs', import.meta.url).href;
  const { startPgTestServer } = (await import(specifier)) as { startPgTestServer(): Promise<PgTestServer> };
  // Throws with install instructions when PostgreSQL's binaries are missing: this suite must not pass silently.
  const server = await startPgTestServer();
  project.provide('databaseUrl', server.url);
  return () => server.stop();
}
