import { defineProject } from 'vitest/config';

// Suites that need a real browser: Debian's Chromium driven by playwright-core.
// They run one file at a time: these machines have two cores.
export default defineProject({
  resolve: { conditions: ['@spoor/source'] },
  // Node-side code (the collector's replay export) imports @spoor/replay/codec from its source too.
  ssr: { resolve: { conditions: ['@spoor/source'], externalConditions: ['@spoor/source'] } },
  test: {
    name: 'browser',
    environment: 'node',
    include: ['packages/*/test/browser/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
