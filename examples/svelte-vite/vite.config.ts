import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  plugins: [svelte()],
  // '@spoor/source' first: inside this monorepo the @spoor packages build from their TypeScript
  // source, so the example needs no package build. Vite 7 replaces its defaults when
  // `conditions` is set, so they are spread back in (they include 'browser', for Svelte's client code).
  resolve: { conditions: ['@spoor/source', ...defaultClientConditions] },
  // `npm run dev`: batches go to /v1/collect on the dev server, which forwards them to the reference
  // collector (`npx spoor-collector --port 8787`, whose default site key `demo` the example sends).
  server: { proxy: { '/v1': process.env.SPOOR_COLLECTOR_URL ?? 'http://127.0.0.1:8787' } },
});
