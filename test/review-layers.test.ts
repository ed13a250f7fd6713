/**
 * The review is a pipeline, and each stage imports only from the stages before it:
 * read → model → changes and findings → report → render → the entry point. words.ts (wording) is below them all.
 * The check runs on lib/review, and on a planted tree to show that it sees each kind of violation.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

const REVIEW = path.join(__dirname, '..', 'lib', 'review');

/** The stage of a module of lib/review, by its path there; a higher stage may import a lower one. */
const STAGES: readonly (readonly [RegExp, string, number])[] = [
  [/^words\.ts$/, 'words', 0],
  [/^read\//, 'read', 1],
  [/^model\//, 'model', 2],
  [/^(interpolations|findings)\.ts$/, 'findings', 3],
  [/^changes\//, 'changes', 3],
  [/^report\//, 'report', 4],
  [/^render\//, 'render', 5],
  [/^index\.ts$/, 'entry', 6],
];

function stageOf(root: string, file: string): { name: string; rank: number } {
  const relative = path.relative(root, file).split(path.sep).join('/');
  const stage = STAGES.find(([pattern]) => pattern.test(relative));
  if (!stage) throw new Error(`lib/review/${relative} belongs to no stage: add it to STAGES`);
  return { name: stage[1], rank: stage[2] };
}

function modules(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return modules(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

/** The modules under `root` that `file` imports (value and type imports, re-exports included). */
function importsOf(root: string, file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
  const specifiers = source.statements.flatMap((s) =>
    (ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier)
      ? [s.moduleSpecifier.text]
      : [],
  );
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) => path.resolve(path.dirname(file), s))
    .filter((target) => target.startsWith(root + path.sep))
    .map((target) => (fs.existsSync(`${target}.ts`) ? `${target}.ts` : path.join(target, 'index.ts')));
}

/** Every import of a module under `root` that goes to a higher stage, or sideways to another stage of its rank. */
function upwardImports(root: string): string[] {
  const upward: string[] = [];
  for (const file of modules(root)) {
    const from = stageOf(root, file);
    for (const target of importsOf(root, file)) {
      const to = stageOf(root, target);
      const sideways = from.rank === to.rank && from.name !== to.name;
      if (to.rank > from.rank || sideways) {
        upward.push(`${path.relative(root, file)} (${from.name}) → ${path.relative(root, target)} (${to.name})`);
      }
    }
  }
  return upward;
}

/** The imports of the read stage and of words.ts that leave their own stage: they know nothing of the review above. */
function outOfBottom(root: string): string[] {
  const bottom = modules(root).filter((f) => ['read', 'words'].includes(stageOf(root, f).name));
  return bottom.flatMap((file) =>
    importsOf(root, file)
      .filter((target) => stageOf(root, target).name !== stageOf(root, file).name)
      .map((target) => `${path.relative(root, file)} → ${path.relative(root, target)}`),
  );
}

test('every module of lib/review imports only its own stage or those below it', () => {
  expect(upwardImports(REVIEW)).toEqual([]);
});

test('the read stage knows nothing of the review above it, and words.ts nothing of the review at all', () => {
  expect(outOfBottom(REVIEW)).toEqual([]);
});

describe('the checks on a planted tree', () => {
  let root: string;

  /** Writes `files` (path under the tree: text) into a fresh tree and returns its root. */
  function plant(files: Record<string, string>): string {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'review-layers-'));
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
    return root;
  }

  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  // A tree that keeps the stages: each module imports stages below it (read and words.ts import nothing).
  const KEPT = {
    'words.ts': 'export const w = 1;\n',
    'read/index.ts': 'export const d = 1;\n',
    'model/index.ts': "import { d } from '../read';\nimport { w } from '../words';\nexport const m = d + w;\n",
    'interpolations.ts': "import type { m } from './model';\nexport type I = typeof m;\n",
    'findings.ts': "import type { I } from './interpolations';\nexport type F = I;\n",
    'changes/index.ts': "import { m } from '../model/index';\nexport const c = m;\n",
    'report/index.ts':
      "import { c } from '../changes';\nimport type { F } from '../findings';\nexport const r: F | number = c;\n",
    'render/index.ts': "export { r } from '../report';\n",
    'index.ts': "export * from './render';\n",
  };

  test('a tree that keeps the stages is clean', () => {
    expect(upwardImports(plant(KEPT))).toEqual([]);
    expect(outOfBottom(root)).toEqual([]);
  });

  test('each planted upward or sideways import is reported, whatever its form, and nothing else', () => {
    const planted = plant({
      ...KEPT,
      // A value import up two stages, a type-only import up, a re-export up, a sideways import between two
      // stages of one rank (changes and findings), and words.ts reaching into the review.
      'read/up.ts': "import { r } from '../report';\nexport const x = r;\n",
      'model/typed.ts': "import type { F } from '../findings';\nexport type T = F;\n",
      'report/again.ts': "export { r } from '../render/index';\n",
      'changes/aside.ts': "import type { F } from '../findings';\nexport type A = F;\n",
      'words.ts': "import { m } from './model';\nexport const w = 1;\nexport const n = m;\n",
    });
    expect(upwardImports(planted).sort()).toEqual(
      [
        `changes/aside.ts (changes) → findings.ts (findings)`,
        `model/typed.ts (model) → findings.ts (findings)`,
        `read/up.ts (read) → report/index.ts (report)`,
        `report/again.ts (report) → render/index.ts (render)`,
        `words.ts (words) → model/index.ts (model)`,
      ].map((line) => line.split('/').join(path.sep)),
    );
    expect(outOfBottom(planted).sort()).toEqual(
      ['read/up.ts → report/index.ts', 'words.ts → model/index.ts'].map((line) => line.split('/').join(path.sep)),
    );
  });

  test('a module in no stage is refused by name', () => {
    plant({ ...KEPT, 'extra/helper.ts': 'export const h = 1;\n' });
    expect(() => upwardImports(root)).toThrow('lib/review/extra/helper.ts belongs to no stage: add it to STAGES');
  });
});
