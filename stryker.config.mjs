// Mutation testing (npm run test:mutation; not part of npm test: a full run takes tens of minutes on 2 cores).
// Stryker changes the source one mutant at a time and runs the tests that cover it: a mutant that no test notices
// points at a rule nothing asserts. Incremental: the results of the last run are kept in
// reports/mutation/incremental.json, and a rerun tests only the mutants of code or tests that changed since.
// scripts/mutation-scores.js prints the score per folder from the JSON report (CONTRIBUTING.md records them).
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.mutation.config.js', enableFindRelatedTests: true },
  coverageAnalysis: 'perTest',
  // The constructs and value objects, the fleet spec's own rules and the review's findings (issue 15, item 7).
  mutate: [
    'lib/*.ts',
    '!lib/index.ts',
    '!lib/interfaces.ts',
    '!lib/error-catalog.ts',
    'lib/fleet/spec-rules.ts',
    'lib/review/findings.ts',
  ],
  ignorePatterns: ['dist', 'dist-tmp', 'cdktf.out', 'reports', 'bench', 'docs', 'etc', '.stryker-tmp'],
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  reporters: ['clear-text', 'json', 'progress'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  concurrency: 2,
  timeoutMS: 30000,
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
};
