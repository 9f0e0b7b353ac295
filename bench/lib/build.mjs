// One minified IIFE bundle per configuration, built as a user's bundler would, and its min+gzip size.
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/**
 * @param {import('./configs.mjs').BenchConfig[]} configs
 * @param {string} benchDir
 * @param {{ minify?: boolean }} [options]
 * @returns {Promise<Map<string, { code: string, minBytes: number, gzipBytes: number } | { error: string }>>}
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
        format: 'iife',
        platform: 'browser',
        target: 'es2020',
        write: false,
        // Spoor is built from source; peers resolve from bench/node_modules as published.
        conditions: ['@spoor/source'],
        define: { 'process.env.NODE_ENV': '"production"' },
        logLevel: 'silent',
      });
      const file = result.outputFiles[0];
      if (!file) throw new Error('esbuild produced nothing');
      const code = file.text;
      out.set(config.id, {
        code,
        minBytes: Buffer.byteLength(code),
        gzipBytes: gzipSync(code, { level: 9 }).length,
      });
    } catch (error) {
      out.set(config.id, { error: String(error?.message ?? error).split('\n')[0] });
    }
  }
  return out;
}
