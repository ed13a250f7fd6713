// A synth killed at any moment (SIGKILL: no handler runs, as with the OOM killer or a CI timeout) leaves every
// stack in --out complete, old or new, with a manifest that names only stacks whose file is there, and the next run
// ends with the new output, without losing Terraform's files. Real processes: a 240-account spec over 20 regions,
// then a spec that drops 4 of those regions, adds 4 others and changes the retention of the 16 it keeps.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { ADLS_BACKUP_REGIONS, normalizeRegion } from '../lib/regions';
import { cli, regionalSpec, tempDir } from './support/cli';
import { compiledCli, runCli } from './support/cli-process';
import { treeOf } from './support/tree';

declare const ADLS_BACKUP_FLAVOUR: 'cdktf' | 'cdktn';

jest.setTimeout(240_000);

const REGIONS = ADLS_BACKUP_REGIONS.slice(0, 24).map(normalizeRegion);
const [OLD_REGIONS, NEW_REGIONS] = [REGIONS.slice(0, 20), REGIONS.slice(4, 24)];
// Terraform's files in a stack the new spec keeps and in one it drops (whose folder is then kept).
const WORKED_IN = [REGIONS[5], REGIONS[0]];
const SPEC = { accounts: 240, stackName: 'lake', containers: ['raw', 'curated'] };

/** The output as a reader sees it, without synth's own state folder. */
const visible = (out: string) =>
  Object.fromEntries(Object.entries(treeOf(out)).filter(([rel]) => !rel.startsWith('.adls-backup')));

const stackFile = (region: string) => `stacks/lake-${region}/cdk.tf.json`;

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
  writeFileSync(specA, regionalSpec({ ...SPEC, regions: OLD_REGIONS, retention: 'P30D' }));
  writeFileSync(specB, regionalSpec({ ...SPEC, regions: NEW_REGIONS, retention: 'P60D' }));
  oldOut = join(dir, 'old');
  expect((await runCli(script, ['synth', '-c', specA, '-o', oldOut])).code).toBe(0);
  // As after `terraform init` and `apply` in two of the stacks.
  for (const region of WORKED_IN) {
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
  // The two outputs differ in every way a stack can: kept and changed, new, dropped with and without its folder.
  expect(oldTree[stackFile(REGIONS[5])]).not.toBe(newTree[stackFile(REGIONS[5])]);
  expect([oldTree[stackFile(REGIONS[23])], newTree[stackFile(REGIONS[23])]]).toEqual([undefined, expect.any(String)]);
  expect([oldTree[stackFile(REGIONS[1])], newTree[`stacks/lake-${REGIONS[1]}`]]).toEqual([expect.any(String), undefined]);
  for (const region of WORKED_IN)
    expect(newTree[`stacks/lake-${region}/terraform.tfstate`]).toBe(`{"serial": 3, "region": "${region}"}`);
  expect(newTree[stackFile(REGIONS[0])]).toBeUndefined();
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

/**
 * What a reader may see at any instant: the old manifest or the new one; every file as it is in the old output
 * or in the new one; every stack the manifest names with its stack file there; Terraform's files all in place.
 * Returns how many stack files are new and how many are old.
 */
function expectCompleteStacks(out: string): { readonly newFiles: number; readonly oldFiles: number } {
  const tree = visible(out);
  expect([oldTree['manifest.json'], newTree['manifest.json']]).toContain(tree['manifest.json']);
  for (const [rel, text] of Object.entries(tree)) expect([rel, [oldTree[rel], newTree[rel]].includes(text)]).toEqual([rel, true]);
  const manifest = JSON.parse(tree['manifest.json']) as { stacks: Record<string, { synthesizedStackPath: string }> };
  for (const stack of Object.values(manifest.stacks)) expect(tree[stack.synthesizedStackPath]).toEqual(expect.any(String));
  for (const [rel, text] of Object.entries(oldTree))
    if (!rel.endsWith('cdk.tf.json') && rel !== 'manifest.json' && text !== '<dir>') expect(tree[rel]).toBe(text);
  const stackFiles = Object.keys(tree).filter((rel) => rel.endsWith('/cdk.tf.json'));
  return {
    newFiles: stackFiles.filter((rel) => tree[rel] === newTree[rel] && tree[rel] !== oldTree[rel]).length,
    oldFiles: stackFiles.filter((rel) => tree[rel] === oldTree[rel] && tree[rel] !== newTree[rel]).length,
  };
}

const expectReviewRefuses = (out: string) => {
  const review = cli(['review', out]);
  expect([review.code, review.stderr]).toEqual([2, expect.stringContaining('holds a synth that was stopped while it')]);
};

describe.each([
  ['staged', 'the old output, untouched'],
  ['journal-written', 'the old output, untouched'],
  ['first-stack-in', 'one new stack beside old ones, under the old manifest'],
  ['stacks-in', 'every stack new, under the old manifest, the dropped stacks still there'],
  ['manifest-in', 'the new manifest, the dropped stacks not yet removed'],
  ['cleaned', 'the new output'],
] as const)('killed at "%s"', (point, what) => {
  test(`--out holds ${what}; every stack is complete, and the next run finishes`, async () => {
    const out = copyOfOld(`crash-${point}`);
    const run = await runCli(script, ['synth', '-c', specB, '-o', out], { env: { ADLS_BACKUP_CRASH_AT: point } });
    expect(run.signal).toBe('SIGKILL');
    const files = expectCompleteStacks(out);
    const manifest = visible(out)['manifest.json'];
    switch (point) {
      case 'staged':
      case 'journal-written':
        expect(visible(out)).toEqual(oldTree);
        break;
      case 'first-stack-in':
        // The first rename moves in the folder of the first new stack: nothing of the old output has changed.
        expect([files.newFiles, files.oldFiles, manifest]).toEqual([1, 20, oldTree['manifest.json']]);
        expectReviewRefuses(out);
        break;
      case 'stacks-in':
        expect([files.newFiles, files.oldFiles, manifest]).toEqual([20, 4, oldTree['manifest.json']]);
        expectReviewRefuses(out);
        break;
      case 'manifest-in':
        expect([files.newFiles, files.oldFiles, manifest]).toEqual([20, 4, newTree['manifest.json']]);
        expectReviewRefuses(out);
        break;
      case 'cleaned':
        expect(visible(out)).toEqual(newTree);
        break;
    }
    await expectNextRunFinishes(out);
  });
});

describe('killed while cdktf writes the staged stacks', () => {
  const stackFilesStaged = (out: string) => {
    const stacks = join(out, '.adls-backup', 'next', 'stacks');
    return existsSync(stacks) ? readdirSync(stacks).filter((s) => existsSync(join(stacks, s, 'cdk.tf.json'))).length : 0;
  };

  test.each([1, 6, 12])('after %i of 20 stack files: the old output, untouched', async (files) => {
    const out = copyOfOld(`kill-${files}`);
    const run = await runCli(script, ['synth', '-c', specB, '-o', out], { killWhen: () => stackFilesStaged(out) >= files });
    expect(run.signal).toBe('SIGKILL');
    expect(visible(out)).toEqual(oldTree);
    await expectNextRunFinishes(out);
  });
});

describe('what the next run finds after a kill, changed by hand in between', () => {
  /** A copy of the old output with a synth of spec B killed once its journal is written. */
  async function stopped(name: string): Promise<string> {
    const out = copyOfOld(name);
    const run = await runCli(script, ['synth', '-c', specB, '-o', out], { env: { ADLS_BACKUP_CRASH_AT: 'journal-written' } });
    expect([run.signal, existsSync(join(out, '.adls-backup', 'swap.json'))]).toEqual(['SIGKILL', true]);
    return out;
  }

  test.each([
    ['stacks/ replaced by a link', (out: string) => join(out, 'stacks')],
    ['the staged stacks/ replaced by a link', (out: string) => join(out, '.adls-backup', 'next', 'stacks')],
  ])('%s: refused before any rename; what the link points to is untouched', async (_, linkAt) => {
    const out = await stopped(`linked-${linkAt('').split('/').length}`);
    const victim = join(dir, `victim-${linkAt('').split('/').length}`);
    renameSync(linkAt(out), victim);
    symlinkSync(victim, linkAt(out));
    const before = treeOf(victim);
    const result = cli(['synth', '--config', specB, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${linkAt(out)} is a symbolic link (to ${victim})`);
    expect(treeOf(victim)).toEqual(before);
  });

  test('the staging folder removed by hand, the journal kept: nothing is moved or removed on its word', async () => {
    const out = await stopped('removed-staging');
    rmSync(join(out, '.adls-backup', 'next'), { recursive: true });
    // A run refused by a library rule shows what the recovery alone did: the old output, whole.
    const refused = join(dir, 'refused.yaml');
    writeFileSync(refused, regionalSpec({ ...SPEC, regions: NEW_REGIONS, retention: 'P3651D' }));
    expect(cli(['synth', '--config', refused, '--out', out]).code).toBe(2);
    expect(visible(out)).toEqual(oldTree);
  });

  test("a kept stack's folder removed by hand: made again, and the run ends with the new output", async () => {
    const out = await stopped('removed-folder');
    rmSync(join(out, 'stacks', `lake-${REGIONS[6]}`), { recursive: true });
    const result = cli(['synth', '--config', specB, '--out', out]);
    expect([result.code, result.stderr]).toEqual([0, expect.stringContaining('it is now finished')]);
    expect(treeOf(out)).toEqual(newTree);
  });

  test("a new stack's folder made by hand: the stack file moves into it, beside what it holds", async () => {
    const out = await stopped('made-folder');
    mkdirSync(join(out, 'stacks', `lake-${REGIONS[23]}`));
    writeFileSync(join(out, 'stacks', `lake-${REGIONS[23]}`, 'notes.txt'), 'mine');
    expect(cli(['synth', '--config', specB, '--out', out]).code).toBe(0);
    expect(treeOf(out)).toEqual({ ...newTree, [`stacks/lake-${REGIONS[23]}/notes.txt`]: 'mine' });
  });

  test('a stack file written by hand where a new stack goes: refused by name until it is moved, then finished', async () => {
    const out = await stopped('written-file');
    const file = join(out, 'stacks', `lake-${REGIONS[23]}`, 'cdk.tf.json');
    mkdirSync(dirname(file));
    writeFileSync(file, 'hand-written');
    const refused = cli(['synth', '--config', specB, '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${file} was not written by synth, and the new output writes its stack file there`);
    expect(readFileSync(file, 'utf8')).toBe('hand-written');
    rmSync(file);
    expect(cli(['synth', '--config', specB, '--out', out]).code).toBe(0);
    expect(treeOf(out)).toEqual(newTree);
  });
});
