// The SvelteKit quick start as a new user runs it: a minimal SvelteKit app (adapter-static) whose
// `src/routes/+layout.svelte` is the README snippet pasted as is, with @spoor/svelte from its packed
// tarball. It type-checks strictly, `vite build` succeeds (so `@spoor/svelte/kit`'s `$app/navigation`
// resolves in SvelteKit's client and server builds), and in Chromium two client-side navigations
// reach the reference collector as page views; in `vite dev`, with the guide's /v1 proxy, too.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Collector, CollectorOptions } from '@spoor/collector';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, repoRoot } from '../../../test-utils/chromium';
import { readSnippet } from '../../../test-utils/snippets';
import { installFromTarballs, typecheck, writeFiles } from './consumerApp';

const snippet = (path: string, name: string) => readSnippet(join(repoRoot, path), name);

let root = '';
let browser: Browser | undefined;
const collectors: Collector[] = [];
const servers: ChildProcess[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'spoor-sveltekit-'));
  installFromTarballs(root);
  // The app's own install would hoist SvelteKit's dependencies (cookie 0.6, which its server
  // output imports by name); the repository's top level holds other versions of some of them.
  const kitModules = join(repoRoot, 'node_modules/@sveltejs/kit/node_modules');
  for (const entry of existsSync(kitModules) ? readdirSync(kitModules) : []) {
    if (entry.startsWith('.')) continue;
    rmSync(join(root, 'node_modules', entry), { force: true });
    symlinkSync(join(kitModules, entry), join(root, 'node_modules', entry), 'dir');
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  for (const server of servers) server.kill();
  for (const collector of collectors) await collector.close();
  if (root && !process.env.KEEP) rmSync(root, { recursive: true, force: true });
});

/** Runs a binary of the repository's node_modules/.bin in `cwd`; rejects with its output. */
function run(cwd: string, bin: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      join(repoRoot, 'node_modules/.bin', bin),
      args,
      { cwd, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${bin} ${args.join(' ')} failed in ${cwd}:\n${stdout}\n${stderr}`));
        else resolve();
      },
    );
  });
}

const page = (title: string, next: string) => `<h1>${title}</h1>\n<a href="${next}">next</a>\n`;

const VITE_CONFIG =
  "import { sveltekit } from '@sveltejs/kit/vite';\nimport { defineConfig } from 'vite';\n\nexport default defineConfig({ plugins: [sveltekit()] });\n";

/** What `npx sv create` (minimal, TypeScript) scaffolds, with adapter-static prerendering every page. */
const scaffold = (layout: string, viteConfig = VITE_CONFIG): Record<string, string> => ({
  // As `npm install @spoor/svelte` leaves it: vite-plugin-svelte reads these to bundle
  // @spoor/svelte into the server build, where Node alone could not resolve `$app/navigation`.
  'package.json': JSON.stringify({
    name: 'kit-app',
    private: true,
    type: 'module',
    dependencies: { '@spoor/svelte': '*' },
    devDependencies: {
      '@sveltejs/adapter-static': '*',
      '@sveltejs/kit': '*',
      '@sveltejs/vite-plugin-svelte': '*',
      svelte: '*',
      vite: '*',
    },
  }),
  'svelte.config.js':
    "import adapter from '@sveltejs/adapter-static';\nimport { vitePreprocess } from '@sveltejs/vite-plugin-svelte';\n\nexport default { preprocess: vitePreprocess(), kit: { adapter: adapter() } };\n",
  'vite.config.ts': viteConfig,
  'src/app.html':
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8" />\n<link rel="icon" href="data:," />\n%sveltekit.head%\n</head>\n<body data-sveltekit-preload-data="hover">\n<div style="display: contents">%sveltekit.body%</div>\n</body>\n</html>\n',
  'src/app.d.ts': 'declare global {\n  namespace App {}\n}\n\nexport {};\n',
  'src/routes/+layout.ts': 'export const prerender = true;\n',
  'src/routes/+layout.svelte': layout,
  'src/routes/+page.svelte': page('Home', '/products'),
  'src/routes/products/+page.svelte': page('Products', '/about'),
  'src/routes/about/+page.svelte': page('About', '/'),
  // The scaffold's tsconfig, made as strict as users make it.
  'tsconfig.json': JSON.stringify({
    extends: './.svelte-kit/tsconfig.json',
    compilerOptions: {
      allowJs: true,
      checkJs: true,
      esModuleInterop: true,
      forceConsistentCasingInFileNames: true,
      resolveJsonModule: true,
      skipLibCheck: true,
      sourceMap: true,
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      moduleResolution: 'bundler',
    },
  }),
});

/** The paths of the page views the collector stored, in order. */
async function storedPageViews(from: Collector): Promise<string[]> {
  const { sessions } = await from.storage.listSessions({ site: 'demo' });
  const events = (
    await Promise.all(sessions.map((session) => from.storage.getEvents('demo', session.id)))
  ).flat();
  return events
    .filter((event) => event.type === 'page:view')
    .map((event) => new URL((event as { url: string }).url).pathname);
}

/** The built reference collector, as users run it (`npx spoor-collector`), and its address. */
async function startCollector(dataDir: string, appDir?: string) {
  const { createCollector } = (await import(
    pathToFileURL(join(repoRoot, 'packages/collector/dist/index.js')).href
  )) as { createCollector(options: CollectorOptions): Promise<Collector> };
  const collector = await createCollector({
    dataDir,
    dashboardDir: false,
    ...(appDir ? { appDir } : {}),
    dashboardToken: 'quickstart-token',
    rateLimit: false,
  });
  collectors.push(collector);
  return { collector, base: await collector.listen({ port: 0, host: '127.0.0.1' }) };
}

/** Opens the app, follows two links (client-side navigations) and waits for three page views. */
async function browseTwoLinks(appUrl: string, collector: Collector): Promise<void> {
  if (!browser) throw new Error('Chromium did not start');
  const tab = await browser.newPage();
  const problems: string[] = [];
  tab.on('pageerror', (error) => problems.push(error.message));
  tab.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  const loads: string[] = [];
  tab.on('request', (request) => {
    if (request.isNavigationRequest()) loads.push(new URL(request.url()).pathname);
  });
  // Until the app has hydrated, a link click is a full page load: wait for the scripts to settle.
  await tab.goto(appUrl, { waitUntil: 'networkidle' });
  await tab.getByRole('heading', { name: 'Home' }).waitFor();
  await tab.getByRole('link', { name: 'next' }).click();
  await tab.getByRole('heading', { name: 'Products' }).waitFor();
  await tab.getByRole('link', { name: 'next' }).click();
  await tab.getByRole('heading', { name: 'About' }).waitFor();
  // Client-side navigations: the browser loaded one document only.
  expect(loads).toEqual(['/']);

  let views: string[] = [];
  await expect
    .poll(
      async () => {
        views = await storedPageViews(collector);
        return views.length >= 3;
      },
      { timeout: 30_000, interval: 250, message: `page views stored: ${views.join(', ')}` },
    )
    .toBe(true);
  expect(views).toEqual(['/', '/products', '/about']);
  expect(problems).toEqual([]);
  await tab.close();
}

/** Starts `vite dev` in `cwd` on a free port and resolves with its address. */
function startDevServer(cwd: string): Promise<string> {
  const server = spawn(
    join(repoRoot, 'node_modules/.bin/vite'),
    ['dev', '--port', '0', '--host', '127.0.0.1'],
    {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    },
  );
  servers.push(server);
  let output = '';
  return new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const address = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (address) resolve(address[0]);
    });
    server.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    server.on('exit', (code) => reject(new Error(`vite dev exited (${code}):\n${output}`)));
  });
}

const layoutSnippet = () => {
  const layout = snippet('packages/svelte/README.md', 'svelte/+layout.svelte');
  expect(snippet('docs/svelte.md', 'docs/+layout.svelte')).toBe(layout);
  return layout;
};

describe('SvelteKit quick start from the packed tarballs', () => {
  it('README +layout.svelte builds with adapter-static and sends a page view per navigation', async () => {
    const dir = join(root, 'sveltekit');
    writeFiles(dir, scaffold(layoutSnippet()));

    await run(dir, 'vite', ['build', '--logLevel', 'warn']);
    await typecheck(dir, 'svelte-check', ['--tsconfig', './tsconfig.json', '--fail-on-warnings']);
    const { collector, base } = await startCollector(join(dir, '.data'), join(dir, 'build'));
    await browseTwoLinks(`${base}/`, collector);
  });

  it('in `vite dev`, with /v1 proxied to the collector as the guide says, navigations send page views', async () => {
    const dir = join(root, 'sveltekit-dev');
    const { collector, base } = await startCollector(join(dir, '.data'));
    // The guide's dev-server proxy, in the scaffold's vite.config.ts.
    const viteConfig = `${VITE_CONFIG.replace('plugins: [sveltekit()]', `plugins: [sveltekit()], server: { proxy: { '/v1': '${base}' } }`)}`;
    writeFiles(dir, scaffold(layoutSnippet(), viteConfig));
    await browseTwoLinks(await startDevServer(dir), collector);
  });
});
