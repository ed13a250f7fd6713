/**
 * The review's source stays readable: no function in lib/review is longer than 60 lines (split it into named
 * steps), and everything a module of lib/review exports has a doc comment, down to each property of an exported
 * interface or type (TypeDoc, the API report and an editor's hover show them). Both checks are shown to fail on a
 * planted source.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const REVIEW = path.join(__dirname, '..', 'lib', 'review');
const MAX_FUNCTION_LINES = 60;

function modules(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return modules(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

const parse = (name: string, text: string) => ts.createSourceFile(name, text, ts.ScriptTarget.ES2022, true);
const lineOf = (source: ts.SourceFile, at: number) => source.getLineAndCharacterOfPosition(at).line + 1;
const documented = (node: ts.Node) => ((node as { jsDoc?: unknown[] }).jsDoc ?? []).length > 0;

/** Functions of any form (declarations, methods, arrows, expressions) longer than the limit, as `name:line (n lines)`. */
function longFunctions(name: string, text: string): string[] {
  const source = parse(name, text);
  const long: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = lineOf(source, node.getStart(source));
      const lines = lineOf(source, node.getEnd()) - start + 1;
      if (lines > MAX_FUNCTION_LINES) long.push(`${name}:${start} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return long;
}

/** The name of a top-level statement, for the report. */
function nameOf(statement: ts.Statement): string {
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.map((d) => d.name.getText()).join(', ');
  const named = statement as { name?: ts.Node };
  return named.name ? named.name.getText() : ts.SyntaxKind[statement.kind];
}

/** Exports without a doc comment, and properties of exported interfaces and types without one, as `name:line what`. */
function undocumented(name: string, text: string): string[] {
  const source = parse(name, text);
  const missing: string[] = [];
  for (const statement of source.statements) {
    const exported =
      ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue; // re-exports (`export { x } from`) are documented where they are declared
    const what = nameOf(statement);
    if (!documented(statement)) missing.push(`${name}:${lineOf(source, statement.getStart(source))} ${what}`);
    if (!ts.isInterfaceDeclaration(statement) && !ts.isTypeAliasDeclaration(statement)) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertySignature(node) && !documented(node)) {
        missing.push(`${name}:${lineOf(source, node.getStart(source))} ${what}.${node.name.getText(source)}`);
      }
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(statement, visit);
  }
  return missing;
}

const sources = modules(REVIEW).map((file) => ({
  name: path.relative(REVIEW, file).split(path.sep).join('/'),
  text: fs.readFileSync(file, 'utf8'),
}));

test('lib/review has its modules (the checks below read something)', () => {
  expect(sources.length).toBeGreaterThan(30);
});

test(`no function in lib/review is longer than ${MAX_FUNCTION_LINES} lines`, () => {
  expect(sources.flatMap((s) => longFunctions(s.name, s.text))).toEqual([]);
});

test('every export of lib/review has a doc comment, and so has each property of an exported interface or type', () => {
  expect(sources.flatMap((s) => undocumented(s.name, s.text))).toEqual([]);
});

describe('the checks on a planted source', () => {
  const body = (lines: number) => Array.from({ length: lines - 2 }, (_, i) => `  const v${i} = ${i};`).join('\n');

  test(`a function of ${MAX_FUNCTION_LINES + 1} lines is named, in any form; one of ${MAX_FUNCTION_LINES} is not`, () => {
    const text = [
      `function fits() {\n${body(MAX_FUNCTION_LINES)}\n}`,
      `function declared() {\n${body(MAX_FUNCTION_LINES + 1)}\n}`,
      `const arrow = () => {\n${body(MAX_FUNCTION_LINES + 1)}\n};`,
      `class C {\n  method() {\n${body(MAX_FUNCTION_LINES + 1)}\n  }\n}`,
    ].join('\n');
    const at = (fn: string) => text.split('\n').findIndex((line) => line.includes(fn)) + 1;
    expect(longFunctions('planted.ts', text)).toEqual([
      `planted.ts:${at('function declared')} (61 lines)`,
      `planted.ts:${at('const arrow')} (61 lines)`,
      `planted.ts:${at('method()')} (61 lines)`,
    ]);
  });

  test('an export without a doc comment, and a property without one, are named; a `//` comment is no doc comment', () => {
    const text = [
      '/** Documented. */',
      'export function documented(): void {}',
      'export function bare(): void {}',
      '// A line comment.',
      'export const lined = 1;',
      '/** Documented, with a property that is not. */',
      'export interface Shape {',
      '  /** Documented. */',
      '  readonly a: string;',
      '  readonly b: {',
      '    /** Documented. */',
      '    readonly c: number;',
      '    readonly d: number;',
      '  };',
      '}',
      '/** A type whose property is not documented. */',
      'export type Pair = { readonly left: string };',
      'function internal(): void {}',
      'export { internal as reexported };',
    ].join('\n');
    expect(undocumented('planted.ts', text)).toEqual([
      'planted.ts:3 bare',
      'planted.ts:5 lined',
      'planted.ts:10 Shape.b',
      'planted.ts:13 Shape.d',
      'planted.ts:17 Pair.left',
    ]);
  });
});
