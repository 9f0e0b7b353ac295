import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2020',
  },
  {
    // SvelteKit resolves `$app/*` itself, and only as ES modules.
    entry: ['src/kit.ts'],
    format: ['esm'],
    dts: true,
    sourcemap: true,
    target: 'es2020',
    external: ['$app/navigation'],
  },
]);
