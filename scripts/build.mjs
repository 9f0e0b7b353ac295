// Builds every workspace that has a build script, each after the @spoor/* packages it
// depends on, so a new package or example needs no change here.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const workspaces = ['packages', 'examples']
  .flatMap((group) => readdirSync(group).map((name) => join(group, name)))
  .filter((dir) => existsSync(join(dir, 'package.json')))
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }));
const byName = new Map(workspaces.map((ws) => [ws.manifest.name, ws]));

const done = new Set();
const order = [];
const visit = (ws, path = []) => {
  if (done.has(ws.dir)) return;
  if (path.includes(ws.dir)) throw new Error(`dependency cycle: ${[...path, ws.dir].join(' → ')}`);
  const { dependencies = {}, devDependencies = {}, peerDependencies = {} } = ws.manifest;
  for (const name of Object.keys({ ...dependencies, ...devDependencies, ...peerDependencies })) {
    const dep = byName.get(name);
    if (dep) visit(dep, [...path, ws.dir]);
  }
  done.add(ws.dir);
  order.push(ws);
};
for (const ws of workspaces) visit(ws);

for (const { dir, manifest } of order) {
  if (!manifest.scripts?.build) continue;
  console.log(`\n── build ${dir}`);
  execSync('npm run build', { cwd: dir, stdio: 'inherit' });
}
