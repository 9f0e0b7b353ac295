// What variants.mjs and startup.mjs share: the command line (a variants.json of Spoor builds with
// source files swapped at bundle time, the baseline added first), the bundles, and the round-robin
// of repetitions on the shop page.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundles } from './build.mjs';
import { launchChromium } from './chromium.mjs';
import { startBenchServer } from './server.mjs';

/** `--reps N` and the variants file from the command line; `tool` names the script in errors. */
export function readVariantArgs(argv, tool, defaultReps) {
  const at = argv.indexOf('--reps');
  const reps = at >= 0 ? Number(argv[at + 1]) : defaultReps;
  const file = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--reps')[0];
  if (!file) throw new Error(`bench/${tool}: give a variants.json file (see the usage at the top)`);
  const variants = { baseline: { entry: 'baseline.js' }, ...JSON.parse(readFileSync(file, 'utf8')) };
  return { reps, variants };
}

// Each variant is built like a bench configuration, with its swapped files loaded in their place.
const swapFiles = (repoRoot, swaps) => {
  const map = new Map(Object.entries(swaps).map(([from, to]) => [join(repoRoot, from), to]));
  return {
    name: 'swap',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) =>
        map.has(args.path)
          ? {
              contents: readFileSync(map.get(args.path), 'utf8'),
              loader: 'ts',
              resolveDir: dirname(args.path),
            }
          : undefined,
      );
    },
  };
};

/** Every variant bundled (`entry`: a file of bench/configs, default spoor.js); throws on a failed build. */
export async function buildVariantBundles(variants, benchDir, tool) {
  const repoRoot = join(benchDir, '..');
  const bundles = await buildBundles(
    Object.entries(variants).map(([id, { entry = 'spoor.js', ...swaps }]) => ({
      id,
      entry,
      plugins: [swapFiles(repoRoot, swaps)],
    })),
    benchDir,
  );
  for (const [id, bundle] of bundles) {
    if ('error' in bundle) throw new Error(`bench/${tool}: ${id} did not build: ${bundle.error}`);
  }
  return bundles;
}

/**
 * Builds the variants the command line names, serves them with the shop page and calls
 * `measure(id, rep, { browser, server, benchDir })` for each, `reps` times, round-robin (rotating
 * which goes first, so none always runs first or last). Resolves to the variant ids, baseline first.
 */
export async function measureVariants(tool, defaultReps, measure) {
  const benchDir = join(dirname(fileURLToPath(import.meta.url)), '..');
  const { reps, variants } = readVariantArgs(process.argv.slice(2), tool, defaultReps);
  const bundles = await buildVariantBundles(variants, benchDir, tool);
  const { renderShop } = await import('../page/shop.mjs');
  const server = await startBenchServer({ page: () => renderShop(), bundles, benchDir });
  const browser = await launchChromium();
  const ids = [...bundles.keys()];
  try {
    for (let rep = 0; rep < reps; rep++) {
      for (let i = 0; i < ids.length; i++)
        await measure(ids[(i + rep) % ids.length], rep, { browser, server, benchDir });
      console.log(`rep ${rep + 1}/${reps} done`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return ids;
}
