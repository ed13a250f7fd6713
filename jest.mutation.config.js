// The test run Stryker mutates against (npm run test:mutation): the cdktf flavour of the suite, without the tests
// that cannot kill a mutant of the mutated modules (stryker.config.mjs `mutate`) or that only cost time there:
// - the cdktn flavour runs the same tests against the same source, and the Terraform project checks what
//   Terraform makes of the output: neither notices a mutant the cdktf flavour lets live;
// - tests of what is not mutated: putting synth's output in place (synth-kill kills real processes: half of the
//   suite's time; synth-output), reading a review's input (review-out-dir, review-read), the command line's
//   arguments (cli);
// - tests of the sources themselves: layers and imports (architecture, review-layers, review-source, imports),
//   generated files equal to what the code makes (error-docs-generated, spec-schema-generated, spec-schema-types),
//   which flavour is loaded (flavour);
// - review-report-schema, which reruns six other test files to collect their reports.
// A mutant is a mutation of a module at run time: every test file kept here that imports it may kill it.
const { projects } = require('./jest.config');

const LEFT_OUT = [
  'synth-kill',
  'synth-output',
  'review-out-dir',
  'review-read',
  'cli',
  'architecture',
  'review-layers',
  'review-source',
  'imports',
  'error-docs-generated',
  'spec-schema-generated',
  'spec-schema-types',
  'flavour',
  'review-report-schema',
];

// A name that matches no test file would leave nothing out, silently: refuse it.
const { existsSync } = require('fs');
const { join } = require('path');
for (const name of LEFT_OUT) {
  if (!existsSync(join(__dirname, 'test', `${name}.test.ts`)))
    throw new Error(`jest.mutation.config.js: no test/${name}.test.ts`);
}

const cdktf = projects.find((p) => p.displayName === 'cdktf');
module.exports = {
  ...cdktf,
  rootDir: __dirname,
  // Stryker runs jest with --findRelatedTests, which follows imports only through files in jest's roots: with
  // `test` alone (and the mutated module's folder, which Stryker adds), a test that reaches a module through
  // another folder of lib (the fleet's rules through lib/cli/main.ts) is not found, and its mutants show as
  // "no coverage". All of lib is a root (it holds no test files).
  roots: [...cdktf.roots, '<rootDir>/lib'],
  // Each mutant runs only the test files where its code ran in the first run, and of those the ones holding a test
  // that covers it (scripts/mutation-sequencer.js, from the record scripts/mutation-test-map.js makes).
  setupFilesAfterEnv: [...(cdktf.setupFilesAfterEnv ?? []), '<rootDir>/scripts/mutation-test-map.js'],
  testSequencer: '<rootDir>/scripts/mutation-sequencer.js',
  // A mutant's run stops at its first failing test (scripts/mutation-environment.js). A path, not <rootDir>:
  // Stryker's jest runner loads the environment itself, from the configuration as written.
  testEnvironment: join(__dirname, 'scripts', 'mutation-environment.js'),
  testPathIgnorePatterns: [
    ...cdktf.testPathIgnorePatterns,
    ...LEFT_OUT.map((name) => `<rootDir>/test/${name.replace(/-/g, '\\-')}\\.test\\.ts$`),
  ],
};
