// Every problem code of the catalog (lib/private/rules/codes) has a test case here: its wrong example is refused
// with that code, its right example is accepted. The examples are the ones docs/errors.md shows, run as written:
// TypeScript ones after the catalog's setup, spec ones as the base spec changed, command lines in a folder made
// for them.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'fs';
import { hostname, tmpdir } from 'os';
import { join } from 'path';
import { TerraformProvider, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import * as ts from 'typescript';
import * as library from '../lib';
import { AdlsBackupError, Problem } from '../lib';
import { run } from '../lib/cli/main';
import { parseFleetSpec, validateFleet } from '../lib/fleet';
import { BASE_SPEC, CATALOG_PARTS, CodeEntry, PROBLEM_CODES, specWith, TYPESCRIPT_SETUP } from '../lib/error-catalog';

type Outcome =
  { readonly threw: false } | { readonly threw: true; readonly problems: readonly Problem[]; readonly error: unknown };

const SCOPE: Record<string, unknown> = {
  ...library,
  TerraformStack,
  TerraformVariable,
  TerraformProvider,
  Testing,
  AzurermProvider,
  StorageAccount,
};

/** Runs TypeScript statements after the catalog's setup, then synthesizes the stack (validations included). */
function runTypeScript(code: string): Outcome {
  const js = ts.transpileModule(`${TYPESCRIPT_SETUP}\n${code};\nTesting.synth(stack, true);`, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const names = Object.keys(SCOPE);
  return outcomeOf(() => new Function(...names, js)(...names.map((n) => SCOPE[n])));
}

function runSpec(change: string): Outcome {
  return outcomeOf(() => validateFleet(parseFleetSpec(specWith(change), 'backup.yaml')));
}

// What each command-line example's folder holds besides the spec (`given` in the catalog), made here.
const GIVEN: Readonly<Record<string, (dir: string) => void>> = {
  'ADLSBK-OUT-DIR': (dir) => {
    mkdirSync(join(dir, 'notes'));
    writeFileSync(join(dir, 'notes', 'notes.txt'), 'my own notes\n');
  },
  'ADLSBK-OUT-LOCKED': (dir) => {
    mkdirSync(join(dir, 'cdktf.out', '.adls-backup'), { recursive: true });
    const owner = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
    writeFileSync(join(dir, 'cdktf.out', '.adls-backup', 'lock'), JSON.stringify(owner));
  },
  'ADLSBK-REVIEW-INPUT': () => {
    expect(run(['synth', '--config', 'backup.yaml', '--out', 'cdktf.out'], quietIo())).toBe(0);
  },
};

function quietIo(problems?: (p: readonly Problem[]) => void) {
  return { stdout: () => undefined, stderr: () => undefined, env: {}, problems };
}

function runCli(code: string, command: string): Outcome {
  const dir = mkdtempSync(join(tmpdir(), 'error-catalog-'));
  const before = process.cwd();
  try {
    writeFileSync(join(dir, 'backup.yaml'), BASE_SPEC);
    process.chdir(dir);
    GIVEN[code]?.(dir);
    const argv = command.split(' ');
    expect(argv[0]).toBe('adls-backup');
    let problems: readonly Problem[] | undefined;
    let stderr = '';
    const exit = run(argv.slice(1), { ...quietIo((p) => (problems = p)), stderr: (t) => (stderr += t) });
    if (exit === 0) return { threw: false };
    expect([exit, stderr]).toEqual([2, expect.any(String)]);
    return { threw: true, problems: problems ?? [], error: stderr };
  } finally {
    process.chdir(before);
    rmSync(dir, { recursive: true, force: true });
  }
}

function outcomeOf(act: () => unknown): Outcome {
  try {
    act();
    return { threw: false };
  } catch (error) {
    return { threw: true, problems: AdlsBackupError.isAdlsBackupError(error) ? error.problems : [], error };
  }
}

function runExample(code: string, entry: CodeEntry, which: 'wrong' | 'right'): Outcome {
  const text = entry.example[which];
  switch (entry.example.kind) {
    case 'typescript':
      return runTypeScript(text);
    case 'spec':
      return runSpec(text);
    case 'cli':
      return runCli(code, text);
  }
}

const entries = Object.entries(PROBLEM_CODES) as [string, CodeEntry][];

describe('the problem-code catalog', () => {
  test('holds every code of its parts once, each written ADLSBK-<WORDS>', () => {
    expect(CATALOG_PARTS.length).toBe(7);
    const all = CATALOG_PARTS.flatMap((part) => Object.keys(part));
    expect(all.length).toBeGreaterThan(40);
    expect(new Set(all).size).toBe(all.length);
    expect(Object.keys(PROBLEM_CODES).sort()).toEqual([...all].sort());
    for (const code of all) expect(code).toMatch(/^ADLSBK-[A-Z0-9]+(-[A-Z0-9]+)*$/);
  });

  test('each entry has a title, a reason and two different examples', () => {
    for (const [, entry] of entries) {
      expect(entry.title.trim()).not.toBe('');
      expect(entry.why.trim()).not.toBe('');
      expect(entry.example.wrong).not.toBe(entry.example.right);
    }
  });
});

describe.each(entries)('%s', (code, entry) => {
  test(`the wrong ${entry.example.kind} example is refused with ${code}`, () => {
    const outcome = runExample(code, entry, 'wrong');
    if (!outcome.threw) throw new Error(`${code}: the wrong example was accepted:\n${entry.example.wrong}`);
    const codes = outcome.problems.map((p) => p.code);
    // One mistake, one problem: an example that breaks a second rule would pass for the wrong reason.
    if (codes.length !== 1 || codes[0] !== code) {
      throw new Error(`${code}: the wrong example was refused with ${JSON.stringify(codes)}: ${String(outcome.error)}`);
    }
    const found = outcome.problems.find((p) => p.code === code)!;
    expect(found.message).toContain(found.rule);
    if (found.value !== undefined) expect(found.message).toContain(found.value);
  });

  test(`the right ${entry.example.kind} example is accepted`, () => {
    const outcome = runExample(code, entry, 'right');
    if (outcome.threw) {
      throw new Error(`${code}: the right example was refused: ${String(outcome.error)}\n${entry.example.right}`);
    }
  });
});
