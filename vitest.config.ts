import { defineConfig } from 'vitest/config';

// The root runs every package's unit suite and the real-browser suites as vitest projects.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'examples/*/vitest.config.ts', 'vitest.browser.config.ts'],
    // `npm test` measures the core's unit suite (`vitest run --project core --coverage`).
    coverage: {
      provider: 'v8',
      include: ['packages/core/src/**/*.ts'],
      reporter: ['text-summary'],
      thresholds: { lines: 90 },
    },
  },
});
