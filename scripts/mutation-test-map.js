/* global beforeEach, afterAll, expect -- jest's, in a setup file */
// Mutation testing only (jest.mutation.config.js `setupFilesAfterEnv`): during Stryker's first run of the tests
// (no mutant active), records for scripts/mutation-sequencer.js which tests each test file holds and which mutants
// ran while it did (at load, in hooks or in its tests). Each test file writes its own record, so the two runner
// processes never write the same file.
const { mkdirSync, writeFileSync } = require('fs');
const { basename, join } = require('path');
const { createHash } = require('crypto');

const MAP_DIR = join(__dirname, '..', '.mutation-test-map');
// Stryker names the active mutant in this variable for every run but its first (jest-runner's mutantRun).
const recording = process.env.__STRYKER_ACTIVE_MUTANT__ === undefined;

// How often each mutant's code has run in this process so far. Stryker's instrumented code counts it in the
// context it shares with every test file of the process (`__stryker__.mutantCoverage`: `static` outside tests,
// `perTest` by test name); the files of a process run one after the other (Stryker runs jest in band), so the
// mutants whose count grows between this file's start and its end are the ones that ran for it.
// Code a test file runs in its own afterAll, after this one, is not counted: such a mutant may then be tested in
// fewer files than could kill it, which can only lower the score, never raise it.
function hits() {
  const coverage = globalThis.__stryker__?.mutantCoverage;
  const counts = new Map();
  if (coverage === undefined) return counts;
  for (const block of [coverage.static, ...Object.values(coverage.perTest)]) {
    for (const [id, n] of Object.entries(block)) counts.set(id, (counts.get(id) ?? 0) + n);
  }
  return counts;
}

if (recording) {
  const names = [];
  const before = hits();
  beforeEach(() => {
    names.push(expect.getState().currentTestName);
  });
  afterAll(() => {
    const file = expect.getState().testPath;
    const mutants = [...hits()].filter(([id, n]) => n > (before.get(id) ?? 0)).map(([id]) => id);
    mkdirSync(MAP_DIR, { recursive: true });
    const id = createHash('sha256').update(file).digest('hex').slice(0, 16);
    writeFileSync(join(MAP_DIR, `${basename(file)}-${id}.json`), JSON.stringify({ file, names, mutants }));
  });
}
