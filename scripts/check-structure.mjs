// `npm test` step: the source layout stays as CONTRIBUTING.md describes it. Fails on an import
// cycle between source files of a package, and on a source file longer than MAX_LINES.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MAX_LINES = 250;

// Files allowed over MAX_LINES, each with its line count when listed; a listed file that grows
// fails too. Empty: every source file is within the limit.
const LONG_FILES = {};

const sourceFiles = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });

const packages = readdirSync(join(root, 'packages')).filter((name) =>
  existsSync(join(root, 'packages', name, 'src')),
);
const files = packages.flatMap((name) => sourceFiles(join(root, 'packages', name, 'src')));
const problems = [];

for (const file of files) {
  const rel = relative(root, file);
  const lines = readFileSync(file, 'utf8').split('\n').length - 1;
  const allowed = LONG_FILES[rel] ?? MAX_LINES;
  if (lines > allowed) problems.push(`${rel}: ${lines} lines (at most ${allowed}; split it by concept)`);
}

// Relative imports only: a cycle never crosses a package boundary without a relative path.
const IMPORT_RE = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/g;
const resolveImport = (from, spec) => {
  const base = resolve(dirname(from), spec);
  const candidates = [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    base.replace(/\.js$/, '.ts'),
  ];
  return candidates.find((path) => existsSync(path) && statSync(path).isFile());
};
const graph = new Map(
  files.map((file) => {
    const text = readFileSync(file, 'utf8');
    const deps = [...text.matchAll(IMPORT_RE)].map((m) => resolveImport(file, m[1])).filter(Boolean);
    return [file, deps];
  }),
);

const state = new Map(); // file → 'visiting' | 'done'
const stack = [];
const seen = new Set();
const visit = (file) => {
  state.set(file, 'visiting');
  stack.push(file);
  for (const dep of graph.get(file) ?? []) {
    if (state.get(dep) === 'visiting') {
      const cycle = [...stack.slice(stack.indexOf(dep)), dep].map((path) => relative(root, path));
      const key = [...cycle].sort().join();
      if (!seen.has(key)) problems.push(`import cycle: ${cycle.join(' → ')}`);
      seen.add(key);
    } else if (!state.has(dep)) visit(dep);
  }
  stack.pop();
  state.set(file, 'done');
};
for (const file of files) if (!state.has(file)) visit(file);

for (const problem of problems) console.error(`✗ ${problem}`);
console.log(`${files.length} source files checked: ${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);
