import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineProject } from 'vitest/config';

export default defineProject({
  plugins: [svelte({ configFile: false }), svelteTesting()],
  // 'browser' first, so components and Svelte itself load their client builds under happy-dom.
  resolve: {
    conditions: ['@spoor/source', 'browser', 'module', 'development|production'],
    alias: { '$app/navigation': fileURLToPath(new URL('./test/kit/appNavigation.ts', import.meta.url)) },
  },
  ssr: { resolve: { conditions: ['@spoor/source', 'module', 'node', 'development|production'] } },
  test: {
    name: 'svelte',
    environment: 'happy-dom',
    restoreMocks: true,
    setupFiles: ['../../test-utils/onePage.ts'],
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
  },
});
