// The `adls-backup` command as a real process, for tests that must kill it: lib/ transpiled once into a temporary
// folder (no type-check: that is `npm run typecheck`), run by node as bin/adls-backup.js runs the built package.
import { spawn } from 'child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, relative } from 'path';
import * as ts from 'typescript';

const REPO = join(__dirname, '..', '..');

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
}

/**
 * Transpiles lib/ and returns the path of a script that runs the command line with `process.argv`. For the
 * cdktn flavour the core import is CDK Terrain's, as in the cdktn-adls-backup package.
 */
export function compiledCli(flavour: 'cdktf' | 'cdktn'): string {
  const root = mkdtempSync(join(tmpdir(), 'adls-backup-cli-'));
  for (const file of filesUnder(join(REPO, 'lib'))) {
    const target = join(root, relative(REPO, file));
    mkdirSync(dirname(target), { recursive: true });
    if (!file.endsWith('.ts')) {
      copyFileSync(file, target);
      continue;
    }
    const output = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        resolveJsonModule: true,
      },
      fileName: file,
    }).outputText;
    writeFileSync(
      target.replace(/\.ts$/, '.js'),
      flavour === 'cdktn' ? output.replace(/require\("cdktf"\)/g, 'require("cdktn")') : output,
    );
  }
  const script = join(root, 'adls-backup.js');
  writeFileSync(
    script,
    `process.exitCode = require('./lib/cli/main.js').run(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), env: process.env });\n`,
  );
  return script;
}

/** How a run of the process ended. */
export interface ProcessRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

/** Runs the compiled command; with `killWhen`, sends SIGKILL as soon as it holds (checked every millisecond). */
export function runCli(
  script: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; killWhen?: () => boolean } = {},
): Promise<ProcessRun> {
  const child = spawn(process.execPath, [script, ...args], {
    // The transpiled files live outside the repository: bare imports (cdktf, yaml, ajv) resolve from its node_modules.
    env: { ...process.env, NODE_PATH: join(REPO, 'node_modules'), ...options.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const { killWhen } = options;
  const timer = killWhen && setInterval(() => killWhen() && child.kill('SIGKILL'), 1);
  return new Promise((resolve) =>
    child.on('close', (code, signal) => {
      clearInterval(timer);
      resolve({ code, signal, stderr });
    }),
  );
}
