import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', player: 'src/player/index.ts', heatmap: 'src/heatmap/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2020',
  external: ['@spoor/core'],
});
