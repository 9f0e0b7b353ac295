// `npm test`: every check the project has, in order, for every workspace. Runs them all,
// then exits non-zero if any failed.
import { spawnSync } from 'node:child_process';

const steps = [
  ['lint', 'npx biome check .'],
  ['structure (no import cycles, no source file over 250 lines)', 'node scripts/check-structure.mjs'],
  ['unused exports (knip)', 'npx knip'],
  ['typecheck', 'npm run typecheck --workspaces --if-present'],
  ['build', 'node scripts/build.mjs'],
  ['unit and browser tests', 'npx vitest run'],
  ['core coverage (at least 90% of lines)', 'npx vitest run --project core --coverage'],
  ['package checks (publint, attw)', 'npm run check:package --workspaces --if-present'],
  ['size budgets', 'npx size-limit'],
];

const only = process.argv.slice(2);
const results = [];
for (const [name, command] of steps) {
  if (only.length > 0 && !only.some((word) => name.includes(word))) continue;
  console.log(`\n\u001b[1m▶ ${name}\u001b[0m  (${command})`);
  const started = Date.now();
  const { status } = spawnSync(command, {
    stdio: 'inherit',
    shell: true,
    env: { ...process.env, FORCE_COLOR: '1' },
  });
  results.push({ name, ok: status === 0, seconds: Math.round((Date.now() - started) / 1000) });
}

console.log('\nSummary');
for (const { name, ok, seconds } of results) console.log(`  ${ok ? '✓' : '✗'} ${name} (${seconds}s)`);
const failed = results.filter((result) => !result.ok).length;
console.log(`checks: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
