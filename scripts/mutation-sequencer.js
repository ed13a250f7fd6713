// Mutation testing only (jest.mutation.config.js `testSequencer`). Stryker runs each mutant with --findRelatedTests,
// which for a module most tests import is nearly every test file: each of them is loaded, its module registry
// filled, only to skip every test. This keeps the files in which the active mutant's code ran in Stryker's first
// run (scripts/mutation-test-map.js records them): a file where the mutated code never runs cannot see the mutant,
// since everything before the mutant's first execution runs as without it. That holds for a mutant Stryker calls
// "static" too (code run when a file loads or in a hook, outside any test), which Stryker runs with every test of
// every related file. Where a mutant comes with the names of the tests that cover it (jest's testNamePattern),
// only the files holding one of those tests are kept. Nothing else changes, and a file the record does not know
// always runs; with no record (the first run) every file runs.
const { existsSync, readdirSync, readFileSync } = require('fs');
const { join } = require('path');
const Sequencer = require('@jest/test-sequencer').default;

const MAP_DIR = join(__dirname, '..', '.mutation-test-map');

function recorded() {
  if (!existsSync(MAP_DIR)) return undefined;
  const map = new Map();
  for (const entry of readdirSync(MAP_DIR)) {
    const { file, names, mutants } = JSON.parse(readFileSync(join(MAP_DIR, entry), 'utf8'));
    map.set(file, { names, mutants: new Set(mutants) });
  }
  return map;
}

class MutationSequencer extends Sequencer {
  constructor(options) {
    super(options);
    this.pattern = options.globalConfig.testNamePattern;
  }

  sort(tests) {
    const sorted = super.sort(tests);
    // Stryker's jest runner sets it in its own process, where jest and this sequencer run, for each mutant's run.
    const mutant = process.env.__STRYKER_ACTIVE_MUTANT__;
    const map = mutant === undefined ? undefined : recorded();
    if (map === undefined) return sorted;
    // As jest matches it: against each test's full name, case-insensitively.
    const pattern = this.pattern ? new RegExp(this.pattern, 'i') : undefined;
    const kept = sorted.filter((t) => {
      const record = map.get(t.path);
      if (record === undefined) return true;
      return record.mutants.has(mutant) && (pattern === undefined || record.names.some((name) => pattern.test(name)));
    });
    return kept.length > 0 ? kept : sorted;
  }
}

module.exports = MutationSequencer;
