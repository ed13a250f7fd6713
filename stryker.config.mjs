// The modules mutated: the constructs and value objects, the fleet spec's own rules and the review's findings
// (issue 15, item 7). scripts/mutation.js reads this list.
export const MUTATED = [
  'lib/*.ts',
  '!lib/index.ts',
  '!lib/interfaces.ts',
  '!lib/error-catalog.ts',
  'lib/fleet/spec-rules.ts',
  'lib/review/findings.ts',
];

// Mutation testing (npm run test:mutation; not part of npm test: it takes hours on 2 cores, CONTRIBUTING.md).
// Stryker changes the source one mutant at a time and runs the tests that cover it: a mutant that no test notices
// points at a rule nothing asserts. scripts/mutation-scores.js prints the score per folder from the reports.
//
// One module per run (scripts/mutation.js runs them one after the other): each has its own incremental file under
// reports/mutation/incremental/ (not committed: about 0.8 MB per module; the scores go into CONTRIBUTING.md), so
// that a run stopped part-way keeps the modules already done, and a rerun of one module tests only its mutants
// whose code or tests changed.
const target = process.env.MUTATE;
const name = target === undefined ? 'all' : target.replace(/[/.]/g, '_');

export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.mutation.config.js', enableFindRelatedTests: true },
  coverageAnalysis: 'perTest',
  mutate: target === undefined ? MUTATED : [target],
  ignorePatterns: ['dist', 'dist-tmp', 'cdktf.out', 'reports', 'bench', 'docs', 'etc', '.stryker-tmp'],
  incremental: true,
  incrementalFile: `reports/mutation/incremental/${name}.json`,
  // The incremental file is a full mutation report: scripts/mutation-scores.js reads the scores from it.
  reporters: ['clear-text', 'progress'],
  concurrency: 2,
  timeoutMS: 30000,
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
};
