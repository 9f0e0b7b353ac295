import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // '@spoor/source' first: inside this monorepo the @spoor packages build from their TypeScript
  // source, so the example needs no package build. Vite 7 replaces its defaults when
  // `conditions` is set, so they are spread back in.
  resolve: { conditions: ['@spoor/source', ...defaultClientConditions] },
});
