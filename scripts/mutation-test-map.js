/* global beforeEach, afterAll, expect -- jest's, in a setup file */
// Mutation testing only (jest.mutation.config.js `setupFilesAfterEnv`): during Stryker's first run of the tests
// (no mutant active), records which test file holds which test, for scripts/mutation-sequencer.js. Each test file
// writes its own list, so the two runner processes never write the same file.
const { mkdirSync, writeFileSync } = require('fs');
const { basename, join } = require('path');
const { createHash } = require('crypto');

const MAP_DIR = join(__dirname, '..', '.mutation-test-map');
// Stryker names the active mutant in this variable for every run but its first (jest-runner's mutantRun).
const recording = process.env.__STRYKER_ACTIVE_MUTANT__ === undefined;
const names = [];

if (recording) {
  beforeEach(() => {
    names.push(expect.getState().currentTestName);
  });
  afterAll(() => {
    const file = expect.getState().testPath;
    mkdirSync(MAP_DIR, { recursive: true });
    const id = createHash('sha256').update(file).digest('hex').slice(0, 16);
    writeFileSync(join(MAP_DIR, `${basename(file)}-${id}.json`), JSON.stringify({ file, names }));
  });
}
