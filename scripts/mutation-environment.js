// Mutation testing only (jest.mutation.config.js `testEnvironment`): Node's test environment, which stops a
// mutant's run at its first failing test. One failure kills the mutant; Stryker's jest runner cannot tell jest to
// bail, so without this a killed mutant ran every remaining test of every file, and a mutant in code that runs at
// load ("static") is tested by all of them. After a failure, each describe block that starts (a file's root block
// included) is marked skipped: its hooks and tests do not run, and the run reports the failure it had.
// Stryker wraps this class with its own coverage mixin; its first run, with no mutant active, runs everything.
const { TestEnvironment } = require('jest-environment-node');

// This module is loaded once per runner process, and each mutant is run once: the mutant whose run has failed.
let failed;

class MutationEnvironment extends TestEnvironment {
  async handleTestEvent(event) {
    const mutant = process.env.__STRYKER_ACTIVE_MUTANT__;
    if (mutant === undefined) return;
    if ((event.name === 'test_done' && event.test.errors.length > 0) || event.name === 'hook_failure') failed = mutant;
    if (failed !== mutant) return;
    if (event.name === 'run_describe_start') event.describeBlock.mode = 'skip';
    if (event.name === 'test_start') event.test.mode = 'skip';
  }
}

module.exports = MutationEnvironment;
