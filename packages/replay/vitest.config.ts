import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@spoor/source'] },
  test: {
    name: 'replay',
    environment: 'happy-dom',
    restoreMocks: true,
    setupFiles: ['../../test-utils/onePage.ts'],
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**'],
  },
});
