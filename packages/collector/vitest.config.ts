import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@spoor/source'] },
  // Node-side code (the export route) imports @spoor/replay's decoder from its source, no build needed.
  ssr: { resolve: { conditions: ['@spoor/source'], externalConditions: ['@spoor/source'] } },
  test: {
    name: 'collector',
    environment: 'node',
    restoreMocks: true,
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**'],
    // Starts a throwaway PostgreSQL server when DATABASE_URL is unset (the PostgreSQL suite always runs).
    globalSetup: ['test/setup/postgres.ts'],
    // The happy-dom suites run one page alone (see test-utils/onePage.ts).
    setupFiles: ['../../test-utils/onePage.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
