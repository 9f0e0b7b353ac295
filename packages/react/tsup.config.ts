import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2020',
  // The package holds only hooks and context, so every chunk is a client module. Bundling drops the
  // per-file directives, hence the banner; treeshake stays off because it strips it (egoist/tsup#835).
  banner: { js: "'use client';" },
  treeshake: false,
});
