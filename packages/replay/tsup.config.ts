import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    player: 'src/player/index.ts',
    heatmap: 'src/heatmap/index.ts',
    codec: 'src/codec/index.ts',
    'rrweb-privacy': 'src/recorder/runtime.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2020',
  external: ['@spoor/core', '@spoor/replay/codec', '@spoor/replay/rrweb-privacy'],
  // The recorder loads `@rrweb/record` with `import()`: the ESM build keeps it, so the app's bundler
  // makes it a chunk of its own. The CJS build turns it into a `require` inside a promise, which
  // CommonJS test runners (Jest without VM modules) can load.
  esbuildOptions(options, { format }) {
    if (format === 'cjs') options.supported = { ...options.supported, 'dynamic-import': false };
  },
});
