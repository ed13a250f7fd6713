// The test run Stryker mutates against (npm run test:mutation): the cdktf flavour of the suite only. The cdktn
// flavour runs the same tests against the same source, and the Terraform project checks what Terraform makes of
// the output: neither would kill a mutant the cdktf flavour lets live, and both would double or triple each run.
// The tests of putting synth's output in place (test/synth-kill.test.ts kills real processes: half of the suite's
// time) are left out too: they test lib/fleet/output/, which is not mutated, and a mutant in a rule reaches them
// only through a spec that other tests check faster.
const { projects } = require('./jest.config');

const cdktf = projects.find((p) => p.displayName === 'cdktf');
module.exports = {
  ...cdktf,
  rootDir: __dirname,
  testPathIgnorePatterns: [...cdktf.testPathIgnorePatterns, '<rootDir>/test/synth-kill\\.test\\.ts$'],
};
