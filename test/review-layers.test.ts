/**
 * The review is a pipeline, and each stage imports only from the stages before it:
 * read → model → changes and findings → report → render → the entry point. words.ts (wording) is below them all.
 */
import * as fs from 'fs';
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

function stageOf(file: string): { name: string; rank: number } {
  const relative = path.relative(REVIEW, file).split(path.sep).join('/');
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

/** The modules of lib/review that `file` imports (value and type imports, re-exports included). */
function importsOf(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
  const specifiers = source.statements.flatMap((s) =>
    (ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier)
      ? [s.moduleSpecifier.text]
      : [],
  );
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) => path.resolve(path.dirname(file), s))
    .filter((target) => target.startsWith(REVIEW + path.sep))
    .map((target) => (fs.existsSync(`${target}.ts`) ? `${target}.ts` : path.join(target, 'index.ts')));
}

test('every module of lib/review imports only its own stage or those below it', () => {
  const upward: string[] = [];
  for (const file of modules(REVIEW)) {
    const from = stageOf(file);
    for (const target of importsOf(file)) {
      const to = stageOf(target);
      const sideways = from.rank === to.rank && from.name !== to.name && !(from.name === 'findings' && to.name === 'findings');
      if (to.rank > from.rank || sideways) {
        upward.push(`${path.relative(REVIEW, file)} (${from.name}) → ${path.relative(REVIEW, target)} (${to.name})`);
      }
    }
  }
  expect(upward).toEqual([]);
});

test('the read stage knows nothing of the review above it, and words.ts nothing of the review at all', () => {
  for (const file of modules(REVIEW).filter((f) => ['read', 'words'].includes(stageOf(f).name))) {
    for (const target of importsOf(file)) expect(stageOf(target).name).toBe(stageOf(file).name);
  }
});
