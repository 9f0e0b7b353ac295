// What storeBench.mjs and storeDiff.mjs share: delivery storage bundled twice — as it was at a git
// revision and as it is in the working tree — an empty page to run both in, and Chromium.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { launchChromium } from '../../../../test-utils/chromium-launch.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
// The modules bundled, with what they import (relative to packages/core/src).
// `byteLength` lived in delivery/backoff.ts before it moved to shared/utf8.ts: both are fetched,
// and the entry takes whichever the revision has.
const FILES = [
  'delivery/store',
  'delivery/indexedDb',
  'delivery/storageBackends',
  'delivery/backoff',
  'shared/utf8',
  'env',
];

/** The command line's `--name value`, or `fallback`. */
export const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};

const utf8Module = (srcDir) =>
  readFileSync(join(srcDir, 'shared/utf8.ts'), 'utf8').includes('byteLength')
    ? 'shared/utf8'
    : 'delivery/backoff';

const entryFor = (srcDir, file) => {
  writeFileSync(
    file,
    `export { createIndexedDbBackend } from '${srcDir}/delivery/indexedDb';\n` +
      `export { createMemoryBackend, createLocalStorageBackend } from '${srcDir}/delivery/storageBackends';\n` +
      `export { createBatchStore } from '${srcDir}/delivery/store';\n` +
      `export { byteLength } from '${srcDir}/${utf8Module(srcDir)}';\n`,
  );
  return file;
};

const bundle = async (entry) =>
  (
    await build({
      entryPoints: [entry],
      bundle: true,
      format: 'iife',
      globalName: 'D',
      write: false,
      target: 'es2022',
    })
  ).outputFiles[0].text;

/**
 * Bundles delivery storage at `rev` (`old`) and in the working tree (`new`), each exposing `D`,
 * and opens an empty page server and Chromium. `close()` stops both.
 */
export async function openRevisions(rev) {
  const oldDir = mkdtempSync(join(tmpdir(), 'spoor-store-bench-'));
  for (const file of FILES) {
    const path = `packages/core/src/${file}.ts`;
    mkdirSync(dirname(join(oldDir, `${file}.ts`)), { recursive: true });
    let text = '';
    try {
      text = execFileSync('git', ['show', `${rev}:${path}`], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch {
      // Not there yet at that revision (nothing imported it then).
    }
    writeFileSync(join(oldDir, `${file}.ts`), text);
  }
  const codes = {
    old: await bundle(entryFor(oldDir, join(oldDir, 'entry-old.ts'))),
    new: await bundle(entryFor(join(root, 'packages/core/src'), join(oldDir, 'entry-new.ts'))),
  };
  const server = http.createServer((_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end('<!doctype html><title>b</title>');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await launchChromium();
  return {
    codes,
    url,
    browser,
    async close() {
      await browser.close();
      server.close();
    },
  };
}
