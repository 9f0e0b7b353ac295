import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@spoor/source'] },
  test: {
    name: 'core',
    environment: 'happy-dom',
    restoreMocks: true,
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**'],
    setupFiles: ['../../test-utils/onePage.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
  },
});
