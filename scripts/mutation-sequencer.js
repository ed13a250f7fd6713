// Mutation testing only (jest.mutation.config.js `testSequencer`). Stryker runs each mutant with the names of the
// tests that cover it (jest's testNamePattern) and --findRelatedTests, which for a module most tests import is
// nearly every test file: each of them is loaded, its module registry filled, only to skip every test. This keeps
// the files that hold a covering test (scripts/mutation-test-map.js records them in the first run), and changes
// nothing else: with no name pattern (the first run, a mutant in code that runs at load), or a file the record does
// not know, every file runs.
const { existsSync, readdirSync, readFileSync } = require('fs');
const { join } = require('path');
const Sequencer = require('@jest/test-sequencer').default;

const MAP_DIR = join(__dirname, '..', '.mutation-test-map');

function recorded() {
  if (!existsSync(MAP_DIR)) return undefined;
  const map = new Map();
  for (const entry of readdirSync(MAP_DIR)) {
    const { file, names } = JSON.parse(readFileSync(join(MAP_DIR, entry), 'utf8'));
    map.set(file, names);
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
    const map = this.pattern ? recorded() : undefined;
    if (map === undefined) return sorted;
    // As jest matches it: against each test's full name, case-insensitively.
    const pattern = new RegExp(this.pattern, 'i');
    const kept = sorted.filter((t) => {
      const names = map.get(t.path);
      return names === undefined || names.some((name) => pattern.test(name));
    });
    return kept.length > 0 ? kept : sorted;
  }
}

module.exports = MutationSequencer;
