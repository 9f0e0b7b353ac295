import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { defineConfig, type Options } from 'tsup';

// The entries the tracker loads with `import()` (an app's bundler makes each a chunk of its own).
const ON_DEMAND: Record<string, string> = {
  '@spoor/core/disclosure': './src/disclosure/index.ts',
  '@spoor/core/debug': './src/debug/index.ts',
  '@spoor/core/idb': './src/delivery/storedBackend.ts',
  '@spoor/core/gzip': './src/transports/gzip.ts',
};

/** For the script-tag build: `import('@spoor/core/x')` becomes a static import of its source. */
const inlineOnDemandEntries: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'inline-on-demand-entries',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async ({ path }) => {
      let contents = await readFile(path, 'utf8');
      let changed = false;
      for (const [name, source] of Object.entries(ON_DEMAND)) {
        // Only calls: `typeof import('…')` in a type stays as it is.
        const call = new RegExp(`(?<!typeof )import\\('${name}'\\)`, 'g');
        if (!call.test(contents)) continue;
        const id = name.replace(/\W/g, '_');
        contents = `import * as ${id} from ${JSON.stringify(resolve(source))};\n${contents.replace(call, `Promise.resolve(${id})`)}`;
        changed = true;
      }
      return changed ? { contents, loader: 'ts' } : undefined;
    });
  },
};

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      lite: 'src/lite.ts',
      disclosure: 'src/disclosure/index.ts',
      debug: 'src/debug/index.ts',
      idb: 'src/delivery/storedBackend.ts',
      gzip: 'src/transports/gzip.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2020',
    // `tracker.disclosure()` and debug printing load their wording with `import()`, the delivery its
    // IndexedDB store and the HTTP transport its compressor: the ESM build
    // keeps it, so the app's bundler makes it a chunk of its own. The CJS build turns it into a `require` inside a
    // promise, which CommonJS test runners (Jest without VM modules) can load.
    external: Object.keys(ON_DEMAND),
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
    // Chromium (136+) compiles every function of a script with this first line while it streams the
    // download, off the main thread: a tracker runs most of its code at start-up anyway, and lazy
    // compiles on the main thread were about 40% of its start-up (docs/internals/performance-history.md).
    banner: { js: '//# allFunctionsCalledOnLoad' },
    // The on-demand entries are inlined. An `import()` esbuild cannot split would wrap every module
    // they reach (`env.ts` included) in lazy initialisers: an import of the module itself is smaller.
    esbuildPlugins: [inlineOnDemandEntries],
  },
]);
