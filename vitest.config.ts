import { defineConfig } from 'vitest/config';

// The root runs every package's unit suite and the real-browser suites as vitest projects.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'examples/*/vitest.config.ts', 'vitest.browser.config.ts'],
  },
});
