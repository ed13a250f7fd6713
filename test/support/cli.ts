import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { run } from '../../lib/cli/main';

/** What one `adls-backup` run printed, and its exit code. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the command in-process, as bin/adls-backup.js does, capturing its output. */
export function cli(args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  let stdout = '';
  let stderr = '';
  const code = run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env });
  return { code, stdout, stderr };
}

/** A fresh empty directory for one test. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'adls-backup-test-'));
}

/** Writes `text` to `<dir>/<name>` and returns the path. */
export function writeSpec(dir: string, text: string, name = 'spec.yaml'): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

export const SUB_A = '11111111-1111-1111-1111-111111111111';
export const SUB_B = '22222222-2222-2222-2222-222222222222';

export function accountId(name: string, subscription = SUB_B, group = 'rg-data'): string {
  return `/subscriptions/${subscription}/resourceGroups/${group}/providers/Microsoft.Storage/storageAccounts/${name}`;
}

/** A small valid spec; the error tests break one thing in it at a time. Line numbers matter to them. */
export const MINIMAL_SPEC = `version: 1
policies:
  daily:
    schedule: { frequency: daily, time: "02:00" }
    retention: { default: P30D }
accounts:
  - id: ${accountId('lake01')}
    region: westeurope
    containers: [raw]
`;

/**
 * A spec with a stack per region (`<stackName>-<region>`): `accounts` accounts (`lake0000`, `lake0001`...) spread
 * over `regions` in turn, with `containers`, backed up daily with `retention` days kept.
 */
export function regionalSpec(options: {
  readonly regions: readonly string[];
  readonly retention: string;
  readonly accounts?: number;
  readonly stackName?: string;
  readonly containers?: readonly string[];
}): string {
  const { regions, retention, accounts = regions.length, stackName = 'adls-backup', containers = ['raw'] } = options;
  const entries = Array.from({ length: accounts }, (_, i) =>
    [
      `  - id: ${accountId(`lake${String(i).padStart(4, '0')}`)}`,
      `    region: ${regions[i % regions.length]}`,
      `    containers: [${containers.join(', ')}]`,
    ].join('\n'),
  );
  return `version: 1
stackName: ${stackName}
stackPerRegion: true
policies:
  daily:
    schedule: { frequency: daily, time: "02:00" }
    retention: { default: ${retention} }
accounts:
${entries.join('\n')}
`;
}
