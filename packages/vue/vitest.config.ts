import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@spoor/source'] },
  ssr: { resolve: { conditions: ['@spoor/source'] } },
  test: {
    name: 'vue',
    environment: 'happy-dom',
    restoreMocks: true,
    setupFiles: ['../../test-utils/onePage.ts'],
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
  },
});
