// One minified bundle per configuration, built as a user's bundler would, and its min+gzip size:
// an IIFE, or for `split` configurations an ES module entry plus the chunks it imports on demand.
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/**
 * @param {import('./configs.mjs').BenchConfig[]} configs
 * @param {string} benchDir
 * @param {{ minify?: boolean }} [options]
 * @returns {Promise<Map<string, { code: string, minBytes: number, gzipBytes: number, module?: boolean, chunks?: Map<string, { code: string, lazy: boolean }> } | { error: string }>>}
 *   `chunks`: file name → code of a split entry's chunks; `lazy` ones (loaded with `import()`) are not in the sizes
 */
export async function buildBundles(configs, benchDir, { minify = true } = {}) {
  const out = new Map();
  for (const config of configs) {
    try {
      const result = await build({
        entryPoints: [join(benchDir, 'configs', config.entry)],
        bundle: true,
        // Unminified only for profiles (bench/profile.mjs), so functions keep their names.
        minify,
        format: config.split ? 'esm' : 'iife',
        ...(config.split
          ? {
              splitting: true,
              outdir: '/bundles',
              entryNames: config.id,
              chunkNames: `${config.id}-chunk-[hash]`,
              metafile: true,
            }
          : {}),
        platform: 'browser',
        target: 'es2020',
        write: false,
        // Spoor is built from source; peers resolve from bench/node_modules as published.
        conditions: ['@spoor/source'],
        define: { 'process.env.NODE_ENV': '"production"' },
        logLevel: 'silent',
        plugins: config.plugins ?? [],
      });
      const file =
        result.outputFiles.find((f) => f.path.endsWith(`/${config.id}.js`)) ?? result.outputFiles[0];
      if (!file) throw new Error('esbuild produced nothing');
      const code = file.text;
      // Chunks the entry imports statically load with it (sizes count them); `import()`ed ones
      // load when the library asks for them (counted as loaded later when the page fetches them).
      const chunks = new Map();
      let eagerCode = '';
      if (config.split) {
        const entryMeta = Object.entries(result.metafile.outputs).find(([path]) =>
          path.endsWith(`/${config.id}.js`),
        )?.[1];
        const eager = new Set(
          (entryMeta?.imports ?? [])
            .filter((i) => i.kind === 'import-statement')
            .map((i) => i.path.split('/').pop()),
        );
        for (const chunk of result.outputFiles) {
          if (chunk === file) continue;
          const name = chunk.path.split('/').pop();
          chunks.set(name, { code: chunk.text, lazy: !eager.has(name) });
          if (eager.has(name)) eagerCode += chunk.text;
        }
      }
      out.set(config.id, {
        code,
        minBytes: Buffer.byteLength(code) + Buffer.byteLength(eagerCode),
        gzipBytes:
          gzipSync(code, { level: 9 }).length + (eagerCode ? gzipSync(eagerCode, { level: 9 }).length : 0),
        ...(config.split ? { module: true, chunks } : {}),
      });
    } catch (error) {
      out.set(config.id, { error: String(error?.message ?? error).split('\n')[0] });
    }
  }
  return out;
}
