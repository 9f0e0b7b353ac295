// Builds every workspace in dependency order: the core first, then what depends on it.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const order = [
  'packages/core',
  'packages/replay',
  'packages/react',
  'packages/vue',
  'packages/svelte',
  'packages/collector',
  'examples/react-vite',
  'examples/vue-vite',
  'examples/svelte-vite',
];
for (const dir of order) {
  const manifest = `${dir}/package.json`;
  if (!existsSync(manifest) || !JSON.parse(readFileSync(manifest, 'utf8')).scripts?.build) continue;
  console.log(`\n── build ${dir}`);
  execSync('npm run build', { cwd: dir, stdio: 'inherit' });
}
