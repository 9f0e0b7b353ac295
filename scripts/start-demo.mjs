// `npm start`: the whole loop on one machine. Builds what is missing (the collector and its
// dashboard, the React example), starts the collector on 127.0.0.1 with SQLite in ./.data, serves
// the example from it (so the example sends to /v1/collect on its own origin, replay on), and prints
// the example's URL, the dashboard's URL and the token.
//
//   SPOOR_PORT=8787  port of the collector (a free one is picked when it is taken)
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const collectorDir = join(root, 'packages/collector');
const exampleDir = join(root, 'examples/react-vite');
const dataDir = join(root, '.data');
const SITE_KEY = 'demo';

function newest(dir) {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);

/** Builds the collector (library, CLI, dashboard) when its build is missing or older than its sources. */
export function ensureCollectorBuilt() {
  const built = Math.min(
    mtime(join(collectorDir, 'dist/index.js')),
    mtime(join(collectorDir, 'dist/dashboard/index.html')),
  );
  const sources = Math.max(
    newest(join(collectorDir, 'src')),
    newest(join(collectorDir, 'dashboard')),
    newest(join(root, 'packages/replay/src')),
  );
  if (built > sources) return;
  console.log('[spoor] building the collector and its dashboard…');
  // The JavaScript only (no type declarations: `npm run build` makes those), to start quickly.
  const run = (cmd) => execSync(cmd, { cwd: collectorDir, stdio: ['ignore', 'ignore', 'inherit'] });
  run('npx tsup src/index.ts src/cli.ts --no-config --format esm --target node20 --platform node --clean');
  run('npx vite build dashboard --logLevel warn');
}

/** Builds the React example into `outDir` (skipped when that build is newer than every source it uses). */
export async function buildExample(outDir, env = {}) {
  const stamp = join(outDir, '.spoor-build.json');
  const wanted = JSON.stringify(env);
  const sources = [
    'examples/react-vite',
    'packages/core/src',
    'packages/react/src',
    'packages/replay/src',
  ].map((d) => newest(join(root, d)));
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted && mtime(stamp) > Math.max(...sources))
    return outDir;
  console.log('[spoor] building the React example…');
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const { build } = await import('vite');
    await build({ root: exampleDir, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    for (const key of Object.keys(env)) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  }
  writeFileSync(stamp, wanted);
  return outDir;
}

export async function startDemo({ port = Number(process.env.SPOOR_PORT ?? 8787), quiet = false } = {}) {
  rmSync(join(dataDir, 'demo.json'), { force: true });
  ensureCollectorBuilt();
  const appDir = await buildExample(join(dataDir, 'example-react-vite'), {
    VITE_SPOOR_ENDPOINT: '/v1/collect',
    VITE_SPOOR_SITE_KEY: SITE_KEY,
  });
  mkdirSync(dataDir, { recursive: true });
  const { createCollector } = await import(pathToFileURL(join(collectorDir, 'dist/index.js')).href);
  const collector = await createCollector({
    dataDir,
    appDir,
    sites: [{ key: SITE_KEY, origins: ['http://127.0.0.1:*', 'http://localhost:*'] }],
    dashboardToken: process.env.SPOOR_DASHBOARD_TOKEN || undefined,
    logger: { level: 'warn' },
  });
  let url;
  try {
    url = await collector.listen({ port, host: '127.0.0.1' });
  } catch (error) {
    if (error?.code !== 'EADDRINUSE') throw error;
    url = await collector.listen({ port: 0, host: '127.0.0.1' });
  }
  const info = {
    exampleUrl: `${url}/`,
    dashboardUrl: `${url}/dashboard/`,
    token: collector.token,
    collectUrl: `${url}/v1/collect?key=${SITE_KEY}`,
  };
  writeFileSync(join(dataDir, 'demo.json'), JSON.stringify(info, null, 2));
  if (!quiet) {
    console.log(`
  Spoor is running (SQLite in ${dataDir}).

  Example shop:  ${info.exampleUrl}      ← open it, accept tracking, click around
  Dashboard:     ${info.dashboardUrl}#token=${info.token}
  Token:         ${info.token}${collector.tokenGenerated ? '  (generated now and kept in the database; set SPOOR_DASHBOARD_TOKEN to choose one)' : ''}

  Add a few sessions from headless Chromium: npm run demo:traffic
  Stop: Ctrl-C
`);
  }
  return { ...info, collector };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const demo = await startDemo();
  const stop = () => {
    rmSync(join(dataDir, 'demo.json'), { force: true });
    demo.collector.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
