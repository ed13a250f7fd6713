#!/usr/bin/env node
// Runs Stryker (stryker.config.mjs) on each mutated module in turn, or on the modules named, then prints the
// scores (scripts/mutation-scores.js). Each module's results are kept (reports/mutation/): a rerun of a module
// tests only the mutants whose code or tests changed, and a run stopped part-way keeps the modules done.
//
//   npm run test:mutation                      every module
//   npm run test:mutation -- lib/schedule.ts   one module
const { spawnSync } = require('child_process');
const { readdirSync } = require('fs');
const { join } = require('path');

const ROOT = join(__dirname, '..');

// The modules stryker.config.mjs lists (its globs: `lib/*.ts` and exclusions, then single files).
async function mutated() {
  const { MUTATED } = await import(join(ROOT, 'stryker.config.mjs'));
  const excluded = new Set(MUTATED.filter((m) => m.startsWith('!')).map((m) => m.slice(1)));
  return MUTATED.filter((m) => !m.startsWith('!')).flatMap((m) =>
    m === 'lib/*.ts'
      ? readdirSync(join(ROOT, 'lib'))
          .filter((f) => f.endsWith('.ts'))
          .map((f) => `lib/${f}`)
          .filter((f) => !excluded.has(f))
      : [m],
  );
}

async function main() {
  const named = process.argv.slice(2);
  const modules = named.length > 0 ? named : await mutated();
  for (const module of modules) {
    console.log(`\n== ${module}`);
    const run = spawnSync('npx', ['stryker', 'run'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, MUTATE: module } });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
  const scores = spawnSync('node', [join(__dirname, 'mutation-scores.js')], { stdio: 'inherit' });
  process.exit(scores.status ?? 1);
}

main();
