import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      lite: 'src/lite.ts',
      disclosure: 'src/disclosure/index.ts',
      debug: 'src/debug/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2020',
    // `tracker.disclosure()` and debug printing load their wording with `import()`: the ESM build
    // keeps it, so the app's bundler makes it a chunk of its own. The CJS build turns it into a `require` inside a
    // promise, which CommonJS test runners (Jest without VM modules) can load.
    external: ['@spoor/core/disclosure', '@spoor/core/debug'],
    esbuildOptions(options, { format }) {
      if (format === 'cjs') options.supported = { ...options.supported, 'dynamic-import': false };
    },
  },
  {
    // Script-tag build: <script src="spoor.global.js"> exposes `window.Spoor`, renderers included.
    entry: { 'spoor.global': 'src/global.ts' },
    format: ['iife'],
    globalName: 'Spoor',
    minify: true,
    sourcemap: true,
    target: 'es2020',
    outExtension: () => ({ js: '.js' }),
    esbuildOptions(options) {
      options.alias = {
        '@spoor/core/disclosure': './src/disclosure/index.ts',
        '@spoor/core/debug': './src/debug/index.ts',
      };
    },
  },
]);
