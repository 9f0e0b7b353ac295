// @vitest-environment node
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build, defaultClientConditions } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { readSnippet } from '../../../test-utils/snippets';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const readme = join(repo, 'packages/svelte/README.md');
const app = mkdtempSync(join(tmpdir(), 'spoor-plain-svelte-'));
afterAll(() => rmSync(app, { recursive: true, force: true }));

// What `npm create vite -- --template svelte-ts` scaffolds around App.svelte.
const scaffoldMain = `import { mount } from 'svelte';
import App from './App.svelte';

const app = mount(App, { target: document.getElementById('app')! });

export default app;
`;

describe('the README quick start in a plain Vite + Svelte 5 app', () => {
  it("builds with the scaffold's mount(App, { target }), and the bundle imports nothing from SvelteKit", async () => {
    mkdirSync(join(app, 'src'));
    symlinkSync(join(repo, 'node_modules'), join(app, 'node_modules'), 'dir');
    writeFileSync(
      join(app, 'index.html'),
      '<div id="app"></div><script type="module" src="/src/main.ts"></script>',
    );
    writeFileSync(join(app, 'src/main.ts'), scaffoldMain);
    writeFileSync(join(app, 'src/App.svelte'), readSnippet(readme, 'svelte/App.svelte'));

    await build({
      root: app,
      configFile: false,
      logLevel: 'silent',
      plugins: [svelte({ configFile: false })],
      // The @spoor packages from their source, as the examples do; the packed-tarball test builds from dist.
      resolve: { conditions: ['@spoor/source', ...defaultClientConditions] },
      build: { outDir: join(app, 'dist'), minify: false },
    });

    const assets = join(app, 'dist/assets');
    const bundle = readdirSync(assets)
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(join(assets, file), 'utf8'))
      .join('\n');
    expect(bundle).not.toContain('$app/');
    expect(bundle).toContain('add_to_cart');
  }, 60_000);
});
