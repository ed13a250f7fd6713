// A synth killed at any moment (SIGKILL: no handler runs, as with the OOM killer or a CI timeout) leaves --out
// holding the whole old output or the whole new one, or, inside the three renames of the swap, a journal that the
// next run finishes, without losing Terraform's files. Real processes, a 240-account spec over 24 regions.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { ADLS_BACKUP_REGIONS, normalizeRegion } from '../lib/regions';
import { accountId, cli, tempDir } from './support/cli';
import { compiledCli, runCli } from './support/cli-process';
import { treeOf } from './support/tree';

declare const ADLS_BACKUP_FLAVOUR: 'cdktf' | 'cdktn';

jest.setTimeout(240_000);

const REGIONS = ADLS_BACKUP_REGIONS.slice(0, 24).map(normalizeRegion);

function fleetSpec(retention: string): string {
  const accounts = Array.from({ length: 240 }, (_, i) =>
    [
      `  - id: ${accountId(`lake${String(i).padStart(4, '0')}`)}`,
      `    region: ${REGIONS[i % REGIONS.length]}`,
      '    containers: [raw, curated]',
    ].join('\n'),
  );
  return `version: 1
stackName: lake
stackPerRegion: true
policies:
  daily:
    schedule: { frequency: daily, time: "02:00" }
    retention: { default: ${retention} }
accounts:
${accounts.join('\n')}
`;
}

/** The output as a reader sees it, without synth's own state folder. */
const visible = (out: string) =>
  Object.fromEntries(Object.entries(treeOf(out)).filter(([rel]) => !rel.startsWith('.adls-backup')));

let script: string;
let dir: string;
let specB: string;
let oldOut: string;
let oldTree: Record<string, string>;
let newTree: Record<string, string>;

beforeAll(async () => {
  script = compiledCli(ADLS_BACKUP_FLAVOUR);
  dir = tempDir();
  const specA = join(dir, 'a.yaml');
  specB = join(dir, 'b.yaml');
  writeFileSync(specA, fleetSpec('P30D'));
  writeFileSync(specB, fleetSpec('P60D'));
  oldOut = join(dir, 'old');
  expect((await runCli(script, ['synth', '-c', specA, '-o', oldOut])).code).toBe(0);
  // As after `terraform init` and `apply` in two of the stacks.
  for (const region of REGIONS.slice(0, 2)) {
    const stack = join(oldOut, 'stacks', `lake-${region}`);
    mkdirSync(join(stack, '.terraform', 'providers'), { recursive: true });
    writeFileSync(join(stack, '.terraform', 'providers', 'azurerm'), `provider for ${region}`);
    writeFileSync(join(stack, '.terraform.lock.hcl'), `# lock ${region}`);
    writeFileSync(join(stack, 'terraform.tfstate'), `{"serial": 3, "region": "${region}"}`);
  }
  oldTree = visible(oldOut);
  const fresh = copyOfOld('reference');
  const run = await runCli(script, ['synth', '-c', specB, '-o', fresh]);
  expect(run.code).toBe(0);
  newTree = treeOf(fresh);
  expect(newTree).not.toEqual(oldTree);
  expect(newTree[`stacks/lake-${REGIONS[0]}/terraform.tfstate`]).toBe(`{"serial": 3, "region": "${REGIONS[0]}"}`);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(dirname(script), { recursive: true, force: true });
});

function copyOfOld(name: string): string {
  const out = join(dir, name);
  rmSync(out, { recursive: true, force: true });
  cpSync(oldOut, out, { recursive: true, verbatimSymlinks: true });
  return out;
}

async function expectNextRunFinishes(out: string): Promise<void> {
  const next = await runCli(script, ['synth', '-c', specB, '-o', out]);
  expect([next.code, next.stderr.includes('adls-backup:') ? next.stderr : '']).toEqual([0, '']);
  expect(treeOf(out)).toEqual(newTree);
}

describe.each([
  ['staged', 'old'],
  ['journal-written', 'old'],
  ['old-stacks-parked', 'journal'],
  ['new-stacks-in', 'journal'],
  ['manifest-in', 'new'],
  ['cleaned', 'new'],
] as const)('killed at "%s"', (point, expected) => {
  test(`--out holds the ${expected === 'journal' ? 'journal of the swap, which the next run finishes' : `${expected} output`}`, async () => {
    const out = copyOfOld(`crash-${point}`);
    const run = await runCli(script, ['synth', '-c', specB, '-o', out], { env: { ADLS_BACKUP_CRASH_AT: point } });
    expect(run.signal).toBe('SIGKILL');
    if (expected === 'journal') {
      expect(existsSync(join(out, '.adls-backup', 'swap.json'))).toBe(true);
      // Half old, half new: the review refuses to report on it until the next synth finishes the swap.
      const review = cli(['review', out]);
      expect([review.code, review.stderr]).toEqual([
        2,
        expect.stringContaining('holds a synth that was stopped while it swapped its output in'),
      ]);
    } else expect(visible(out)).toEqual(expected === 'old' ? oldTree : newTree);
    await expectNextRunFinishes(out);
  });
});

describe('killed while cdktf writes the staged stacks', () => {
  const stackFilesStaged = (out: string) => {
    const stacks = join(out, '.adls-backup', 'next', 'stacks');
    return existsSync(stacks) ? readdirSync(stacks).filter((s) => existsSync(join(stacks, s, 'cdk.tf.json'))).length : 0;
  };

  test.each([1, 6, 12])('after %i of 24 stack files: the old output, untouched', async (files) => {
    const out = copyOfOld(`kill-${files}`);
    const run = await runCli(script, ['synth', '-c', specB, '-o', out], { killWhen: () => stackFilesStaged(out) >= files });
    expect(run.signal).toBe('SIGKILL');
    expect(visible(out)).toEqual(oldTree);
    await expectNextRunFinishes(out);
  });
});
