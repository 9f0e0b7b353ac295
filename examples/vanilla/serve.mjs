// Serves the vanilla example on 127.0.0.1: a plain page with the script-tag build of
// @spoor/core, printing every event it captures to the page and the console.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.PORT ?? 5173);

async function coreScript() {
  const dist = join(here, '../../packages/core/dist/spoor.global.js');
  if (existsSync(dist)) return readFileSync(dist, 'utf8');
  // No build yet: bundle the core from source.
  const result = await build({
    entryPoints: [join(here, '../../packages/core/src/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'Spoor',
    write: false,
    target: 'es2020',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

const script = await coreScript();
const page = readFileSync(join(here, 'index.html'), 'utf8');

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path === '/spoor.global.js') {
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
    res.end(script);
    return;
  }
  if (path === '/favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  // Every other path is the single page, so SPA navigations survive a reload.
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(page);
});

server.listen(port, '127.0.0.1', () => {
  console.log(
    `\n  Spoor vanilla example: http://127.0.0.1:${port}/\n  Events print to the page and to the browser console. Ctrl+C to stop.\n`,
  );
});
