import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@spoor/source'] },
  // ssr.test.tsx runs in the node environment, which resolves through the SSR conditions.
  ssr: { resolve: { conditions: ['@spoor/source'], externalConditions: ['@spoor/source'] } },
  esbuild: { jsx: 'automatic' },
  test: {
    name: 'react',
    environment: 'happy-dom',
    restoreMocks: true,
    setupFiles: ['../../test-utils/onePage.ts'],
    include: ['test/**/*.test.ts?(x)'],
    exclude: ['test/browser/**'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
