// The quick starts as a new user runs them: the README and docs snippets pasted as is into
// throwaway apps (React, Vue, Svelte, a script tag) that install the packed tarballs, type-checked
// strictly (exactOptionalPropertyTypes included), built with Vite, served by the reference
// collector, and browsed in Chromium until their events arrive.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Collector, CollectorOptions } from '@spoor/collector';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import react from '@vitejs/plugin-react';
import vue from '@vitejs/plugin-vue';
import type { Browser } from 'playwright-core';
import { build, type PluginOption } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, repoRoot } from '../../../test-utils/chromium';
import { readSnippet } from '../../../test-utils/snippets';
import { installFromTarballs, strictTsconfig, typecheck, writeFiles } from './consumerApp';

const doc = (path: string) => join(repoRoot, path);
const snippet = (path: string, name: string) => readSnippet(doc(path), name);
// A data: icon, so Chromium asks for no /favicon.ico (a 404 in the console).
const html = (body: string) =>
  `<!doctype html><html><head><title>app</title><link rel="icon" href="data:,"></head><body>${body}</body></html>`;

let root = '';
let browser: Browser | undefined;
const collectors: Collector[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'spoor-quickstart-'));
  installFromTarballs(root);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  for (const collector of collectors) await collector.close();
  if (root && !process.env.KEEP) rmSync(root, { recursive: true, force: true });
});

/** Builds the app with Vite (production), serves it from a reference collector, and returns both. */
async function buildAndServe(dir: string, plugins: PluginOption[]) {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: dir, configFile: false, logLevel: 'warn', plugins, mode: 'production' });
  } finally {
    process.env.NODE_ENV = previous;
  }
  // The built collector, as users run it (`npx spoor-collector`).
  const { createCollector } = (await import(
    pathToFileURL(join(repoRoot, 'packages/collector/dist/index.js')).href
  )) as { createCollector(options: CollectorOptions): Promise<Collector> };
  const collector = await createCollector({
    dataDir: join(dir, '.data'),
    dashboardDir: false,
    appDir: join(dir, 'dist'),
    dashboardToken: 'quickstart-token',
    rateLimit: false,
  });
  collectors.push(collector);
  const base = await collector.listen({ port: 0, host: '127.0.0.1' });
  return { collector, base };
}

/** The types of every event the collector stored. */
async function storedTypes(collector: Collector): Promise<string[]> {
  const { sessions } = await collector.storage.listSessions({ site: 'demo' });
  const events = (
    await Promise.all(sessions.map((session) => collector.storage.getEvents('demo', session.id)))
  ).flat();
  return events.map((event) => event.type);
}

/** Opens the page and waits until the collector has stored events of every wanted type. */
async function visitUntilStored(collector: Collector, url: string, wanted: string[]) {
  if (!browser) throw new Error('Chromium did not start');
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  const answers: string[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/v1/')) answers.push(String(response.status()));
  });
  await page.goto(url);
  let types: string[] = [];
  // The page stays open: the first batch leaves on the tracker's flush interval.
  await expect
    .poll(
      async () => {
        types = await storedTypes(collector);
        return wanted.every((type) => types.includes(type));
      },
      {
        timeout: 30_000,
        interval: 250,
        message: `waiting for ${wanted.join(', ')}; stored: ${types.join(', ')}; page errors: ${problems.join('; ')}; collector answered: ${answers.join(', ')}`,
      },
    )
    .toBe(true);
  await page.close();
  expect(problems).toEqual([]);
}

describe('quick starts from the packed tarballs', () => {
  it('React: README main.tsx and App.tsx type-check strictly, build, and send to the collector', async () => {
    const dir = join(root, 'react');
    expect(snippet('README.md', 'top/react/main.tsx')).toBe(
      snippet('packages/react/README.md', 'react/main.tsx'),
    );
    expect(snippet('README.md', 'top/react/App.tsx')).toBe(
      snippet('packages/react/README.md', 'react/App.tsx'),
    );
    writeFiles(dir, {
      'index.html': html('<div id="root"></div><script type="module" src="/src/main.tsx"></script>'),
      'src/main.tsx': snippet('packages/react/README.md', 'react/main.tsx'),
      'src/App.tsx': snippet('packages/react/README.md', 'react/App.tsx'),
      'tsconfig.json': strictTsconfig({ jsx: 'react-jsx', types: ['react', 'react-dom'] }),
    });
    await typecheck(dir, 'tsc', ['-p', 'tsconfig.json']);
    const { collector, base } = await buildAndServe(dir, [react()]);
    await visitUntilStored(collector, `${base}/`, ['session:start', 'page:view']);
  });

  it('Vue: README main.ts and App.vue type-check strictly, build, and send to the collector', async () => {
    const dir = join(root, 'vue');
    expect(snippet('README.md', 'top/vue/main.ts')).toBe(snippet('packages/vue/README.md', 'vue/main.ts'));
    expect(snippet('docs/vue.md', 'docs/vue/main.ts')).toBe(snippet('packages/vue/README.md', 'vue/main.ts'));
    expect(snippet('docs/vue.md', 'docs/vue/App.vue')).toBe(snippet('packages/vue/README.md', 'vue/App.vue'));
    writeFiles(dir, {
      'index.html': html('<div id="app"></div><script type="module" src="/src/main.ts"></script>'),
      'src/main.ts': snippet('packages/vue/README.md', 'vue/main.ts'),
      'src/App.vue': snippet('packages/vue/README.md', 'vue/App.vue'),
      'src/env.d.ts':
        "declare module '*.vue' { import type { DefineComponent } from 'vue'; const c: DefineComponent; export default c; }\n",
      'tsconfig.json': strictTsconfig({}, ['src/**/*.ts', 'src/**/*.vue']),
    });
    await typecheck(dir, 'vue-tsc', ['-p', 'tsconfig.json']);
    const { collector, base } = await buildAndServe(dir, [vue()]);
    await visitUntilStored(collector, `${base}/`, ['session:start', 'page:view']);
  });

  it('Svelte 5: README App.svelte in the svelte-ts scaffold type-checks, builds, and sends', async () => {
    const dir = join(root, 'svelte');
    expect(snippet('docs/svelte.md', 'docs/App.svelte')).toBe(
      snippet('packages/svelte/README.md', 'svelte/App.svelte'),
    );
    expect(snippet('README.md', 'top/svelte/App.svelte')).toBe(
      snippet('packages/svelte/README.md', 'svelte/App.svelte'),
    );
    writeFiles(dir, {
      'index.html': html('<div id="app"></div><script type="module" src="/src/main.ts"></script>'),
      // What `npm create vite -- --template svelte-ts` scaffolds around App.svelte.
      'src/main.ts':
        "import { mount } from 'svelte';\nimport App from './App.svelte';\n\nconst app = mount(App, { target: document.getElementById('app')! });\n\nexport default app;\n",
      'src/App.svelte': snippet('packages/svelte/README.md', 'svelte/App.svelte'),
      'src/Boundary.svelte': snippet('packages/svelte/README.md', 'svelte/Boundary.svelte'),
      'src/vite-env.d.ts': '/// <reference types="svelte" />\n',
      'tsconfig.json': strictTsconfig({ types: ['svelte'] }, ['src/**/*.ts', 'src/**/*.svelte']),
    });
    await typecheck(dir, 'svelte-check', ['--tsconfig', './tsconfig.json', '--fail-on-warnings']);
    const { collector, base } = await buildAndServe(dir, [svelte({ configFile: false })]);
    await visitUntilStored(collector, `${base}/`, ['session:start', 'page:view']);
  });

  it('script tag and core: the README snippets type-check, and the script-tag page sends', async () => {
    const dir = join(root, 'script-tag');
    writeFiles(dir, {
      'index.html': html(snippet('README.md', 'script-tag.html')),
      // TypeScript snippets of the core, the replay plugin and the custom-transport recipe.
      'src/main.ts': snippet('README.md', 'core/main.ts'),
      'src/coreReadme.ts': snippet('packages/core/README.md', 'core-readme/main.ts'),
      'src/replay.ts': snippet('packages/replay/README.md', 'replay/main.ts'),
      'src/backendTransport.ts': snippet('docs/custom-transport.md', 'custom-transport/backendTransport.ts'),
      'src/customTransport.ts': snippet('docs/custom-transport.md', 'custom-transport/main.ts'),
      'tsconfig.json': strictTsconfig({ noUnusedLocals: false }),
    });
    await typecheck(dir, 'tsc', ['-p', 'tsconfig.json']);
    mkdirSync(join(dir, 'public'));
    copyFileSync(
      join(root, 'node_modules/@spoor/core/dist/spoor.global.js'),
      join(dir, 'public/spoor.global.js'),
    );
    const { collector, base } = await buildAndServe(dir, []);
    await visitUntilStored(collector, `${base}/`, ['session:start', 'page:view']);
  });
});
