// A throwaway consumer app, as a user makes one: the @spoor packages installed from their packed
// tarballs, every other dependency linked from this repository's node_modules (no registry).
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from '../../../test-utils/chromium';

export const PACKAGES = ['core', 'react', 'vue', 'svelte', 'replay'] as const;

/** Packs the built packages and installs the tarballs into `root/node_modules`. */
export function installFromTarballs(root: string): string[] {
  for (const name of PACKAGES) {
    if (!existsSync(join(repoRoot, 'packages', name, 'dist'))) {
      throw new Error(`packages/${name}/dist is missing: run \`node scripts/build.mjs\` first`);
    }
  }
  const tarballs = join(root, 'tarballs');
  mkdirSync(tarballs, { recursive: true });
  const packed = JSON.parse(
    execFileSync(
      'npm',
      [
        'pack',
        ...PACKAGES.flatMap((name) => ['-w', `@spoor/${name}`]),
        '--pack-destination',
        tarballs,
        '--json',
      ],
      { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    ),
  ) as Array<{ name: string; filename: string }>;

  const modules = join(root, 'node_modules');
  mkdirSync(join(modules, '@spoor'), { recursive: true });
  for (const { name, filename } of packed) {
    const target = join(modules, name);
    mkdirSync(target, { recursive: true });
    execFileSync('tar', ['-xzf', join(tarballs, filename), '-C', target, '--strip-components=1']);
  }
  // Everything else (react, vue, svelte, vite, typescript…) from the repository, as if installed.
  const repoModules = join(repoRoot, 'node_modules');
  for (const entry of readdirSync(repoModules)) {
    if (entry === '@spoor' || entry === '.bin' || entry.startsWith('.')) continue;
    symlinkSync(join(repoModules, entry), join(modules, entry), 'dir');
  }
  return packed.map((entry) => entry.filename);
}

/** Writes files (paths relative to `dir`). */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** The strictest settings users turn on, `exactOptionalPropertyTypes` included. */
export function strictTsconfig(extra: Record<string, unknown> = {}, include = ['src']): string {
  return JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      noImplicitOverride: true,
      noUnusedLocals: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
      // As Vite's templates set it: some libraries' own .d.ts fail under exactOptionalPropertyTypes.
      skipLibCheck: true,
      noEmit: true,
      types: [],
      ...extra,
    },
    include,
  });
}

/**
 * Runs a type checker from the repository's node_modules/.bin in `cwd`; rejects with its output.
 * Asynchronous: a blocked event loop would stall the Chromium the suite drives.
 */
export function typecheck(
  cwd: string,
  bin: 'tsc' | 'vue-tsc' | 'svelte-check',
  args: string[],
): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      join(repoRoot, 'node_modules/.bin', bin),
      args,
      { cwd, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${bin} failed in ${cwd}:\n${stdout}\n${stderr}`));
        else resolve();
      },
    );
  });
}

export const readText = (path: string): string => readFileSync(path, 'utf8');
