// The layer rules of .dependency-cruiser.cjs, which `npm run lint` enforces on lib/, fail on what they are for: a
// planted upward import, a planted cycle of types, lib/private used from an example, a test reaching an internal,
// a module of lib/ in no layer. One tree holds every plant; each planted module must break exactly its rule, and
// the modules around them none.
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';

const REPO = join(__dirname, '..');
const CRUISER = join(REPO, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

/** Runs the project's rules on a tree of `files` (path: text); returns, by module, the rules it breaks. */
function brokenRules(files: Record<string, string>): Record<string, string[]> {
  const root = mkdtempSync(join(tmpdir(), 'adls-backup-layers-'));
  try {
    writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs', strict: true } }));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    const folders = [...new Set(Object.keys(files).map((p) => p.split('/')[0]))];
    const config = join(REPO, '.dependency-cruiser.cjs');
    const run = spawnSync(process.execPath, [CRUISER, ...folders, '--config', config, '--output-type', 'json'], {
      cwd: root,
      encoding: 'utf8',
    });
    const report = JSON.parse(run.stdout) as { summary: { violations: { from: string; rule: { name: string } }[] } };
    const broken: Record<string, string[]> = {};
    for (const { from, rule } of report.summary.violations) broken[from] = [...new Set([...(broken[from] ?? []), rule.name])];
    return broken;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const importing = (from: string, name: string) => `import { ${name} } from '${from}';\nexport const x = ${name};\n`;

// The modules the plants import, each in its own layer, keeping the rules themselves.
const LAYERED = {
  'lib/index.ts': "export { x } from './vault';\n",
  'lib/errors.ts': 'export class E extends Error {}\n',
  'lib/data/d.json': '{ "x": 1 }\n',
  'lib/regions.ts': importing('./data/d.json', 'x'),
  'lib/private/p.ts': importing('../errors', 'E'),
  'lib/vault.ts': importing('./private/p', 'x'),
  'lib/compliance/c.ts': importing('../vault', 'x'),
  'lib/fleet/build.ts': importing('../vault', 'x'),
  'lib/review/read.ts': importing('../vault', 'x'),
  'lib/cli/main.ts': importing('../fleet/build', 'x'),
  'test/cli.test.ts': importing('../lib/cli/main', 'x'),
};

const PLANTS: Record<string, [string, string]> = {
  'the bindings importing a construct': ['lib/azurerm/x.ts', importing('../vault', 'x')],
  'lib/private importing a construct': ['lib/private/q.ts', importing('../vault', 'x')],
  'a construct importing the fleet': ['lib/policy.ts', importing('./fleet/build', 'x')],
  'monitoring importing the fleet': ['lib/monitoring/m.ts', importing('../fleet/build', 'x')],
  'the bindings importing the root entry point': ['lib/azurerm/root.ts', importing('../index', 'x')],
  'the fleet importing the command line': ['lib/fleet/up.ts', importing('../cli/main', 'x')],
  'the review importing the command line': ['lib/review/up.ts', importing('../cli/main', 'x')],
  'an example using lib/private': ['examples/e.ts', importing('../lib/private/p', 'x')],
  'a test reaching an internal module': ['test/t.test.ts', importing('../lib/private/p', 'x')],
  // A new top-level folder of lib/ that no layer names: one module importing the constructs, one importing nothing
  // (whom the rules of the layers would never see), and a file at the top of lib/ that is no construct.
  'a module of a folder no layer names': ['lib/reports/r.ts', importing('../vault', 'x')],
  'a module of that folder importing nothing': ['lib/reports/words.ts', 'export const w = 1;\n'],
  'a JSON file at the top of lib/, imported': ['lib/limits.json', '{ "x": 1 }\n'],
};

// Imports the planted JSON file, so that the cruise meets it (a file nothing imports is no module to it).
const IMPORTS_LIMITS = { 'lib/cli/limits.ts': importing('../limits.json', 'x') };

test('a tree that keeps the layers breaks no rule', () => {
  expect(brokenRules(LAYERED)).toEqual({});
});

test('each planted import breaks exactly its rule, and nothing else breaks', () => {
  const cycle = {
    'lib/a.ts': "import type { B } from './b';\nexport interface A { b?: B }\n",
    'lib/b.ts': "import type { A } from './a';\nexport interface B { a?: A }\n",
  };
  const planted = Object.fromEntries(Object.values(PLANTS));
  expect(brokenRules({ ...LAYERED, ...planted, ...IMPORTS_LIMITS, ...cycle })).toEqual({
    'lib/azurerm/x.ts': ['bindings-imports-no-layer-above'],
    'lib/private/q.ts': ['foundation-imports-no-layer-above'],
    'lib/policy.ts': ['constructs-imports-no-layer-above'],
    'lib/monitoring/m.ts': ['services-imports-no-layer-above'],
    'lib/azurerm/root.ts': ['no-root-entry-point-inside-lib'],
    'lib/fleet/up.ts': ['fleet-imports-no-layer-above'],
    'lib/review/up.ts': ['review-imports-no-layer-above'],
    'examples/e.ts': ['private-only-from-lib'],
    'test/t.test.ts': ['tests-use-entry-points'],
    'lib/reports/r.ts': ['lib-module-in-a-layer'],
    'lib/reports/words.ts': ['lib-module-in-a-layer'],
    'lib/limits.json': ['lib-module-in-a-layer'],
    'lib/a.ts': ['no-circular'], // a cycle is reported once, at the module the cruise meets first
  });
  expect(Object.keys(PLANTS)).toHaveLength(12);
});
