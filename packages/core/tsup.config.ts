import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: ['src/index.ts', 'src/lite.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2020',
  },
  {
    // Script-tag build: <script src="spoor.global.js"> exposes `window.Spoor`.
    entry: { 'spoor.global': 'src/index.ts' },
    format: ['iife'],
    globalName: 'Spoor',
    minify: true,
    sourcemap: true,
    target: 'es2020',
    outExtension: () => ({ js: '.js' }),
  },
]);
