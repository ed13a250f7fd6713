#!/usr/bin/env node
// Prints the mutation score per folder and per file from Stryker's reports (the incremental files of
// reports/mutation/incremental/, one per module run by scripts/mutation.js, in mutation-testing-report format),
// as CONTRIBUTING.md records it. Score = detected / (detected + undetected): detected are the mutants a test killed
// or that timed out, undetected those that survived or that no test covers; mutants Stryker could not compile or
// ignored do not count. With --survivors, also lists each undetected mutant (file:line, mutator, replacement).
// With --check, exits 1 when a folder scores below 90%.
//
//   npm run test:mutation            (runs Stryker, then this)
//   node scripts/mutation-scores.js --survivors
const { existsSync, readdirSync, readFileSync } = require('fs');
const { dirname, join } = require('path');

const REPORTS = join(__dirname, '..', 'reports', 'mutation', 'incremental');
const MINIMUM = 90;

if (!existsSync(REPORTS)) throw new Error(`no reports in ${REPORTS}: run npm run test:mutation first`);
// Each module's latest report; a module is in one report only (one per run of scripts/mutation.js).
const files = Object.assign(
  {},
  ...readdirSync(REPORTS)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(REPORTS, f), 'utf8')).files),
);
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

const byFile = Object.entries(files).map(([file, { mutants }]) => ({
  file,
  detected: mutants.filter((m) => DETECTED.has(m.status)).length,
  undetected: mutants.filter((m) => UNDETECTED.has(m.status)),
}));
if (byFile.length === 0) throw new Error(`the reports in ${REPORTS} list no files`);

const score = (detected, undetected) =>
  detected + undetected === 0 ? 100 : Math.floor((1000 * detected) / (detected + undetected)) / 10;
const folders = new Map();
for (const f of byFile) {
  const folder = dirname(f.file);
  const entry = folders.get(folder) ?? { detected: 0, undetected: 0 };
  entry.detected += f.detected;
  entry.undetected += f.undetected.length;
  folders.set(folder, entry);
}

console.log('| folder | mutants | detected | score |\n|---|---:|---:|---:|');
for (const [folder, { detected, undetected }] of [...folders].sort()) {
  console.log(`| ${folder}/ | ${detected + undetected} | ${detected} | ${score(detected, undetected)}% |`);
}
console.log('\n| file | mutants | detected | score |\n|---|---:|---:|---:|');
for (const f of byFile.sort((a, b) => a.file.localeCompare(b.file))) {
  console.log(`| ${f.file} | ${f.detected + f.undetected.length} | ${f.detected} | ${score(f.detected, f.undetected.length)}% |`);
}

if (process.argv.includes('--survivors')) {
  console.log('\nUndetected mutants:');
  for (const f of byFile) {
    for (const m of f.undetected) {
      console.log(`  ${f.file}:${m.location.start.line} ${m.status} ${m.mutatorName}: ${JSON.stringify(m.replacement ?? '')}`);
    }
  }
}

if (process.argv.includes('--check')) {
  const low = [...folders].filter(([, { detected, undetected }]) => score(detected, undetected) < MINIMUM);
  for (const [folder, { detected, undetected }] of low) {
    console.error(`${folder}/ scores ${score(detected, undetected)}%, below ${MINIMUM}%`);
  }
  if (low.length > 0) process.exit(1);
}
