// What `synth` does to --out: the new output replaces the old one whole or not at all, nothing outside --out is
// read or written through a link, files synth did not write under stacks/ survive, and a failure at any stage
// leaves the previous output byte-identical.
import { existsSync, linkSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import { hostname } from 'os';
import { join } from 'path';
import { spawnSync } from 'child_process';
import { accountId, cli, MINIMAL_SPEC, regionalSpec, tempDir, writeSpec } from './support/cli';
import { treeOf } from './support/tree';

// The module object itself, not an import's namespace copy: faults are injected by replacing its functions.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs: typeof import('fs') = require('fs');

const STACK = 'adls-backup';

/** A directory with a spec and a first synthesis of it in `out`. */
function synthesized(text = MINIMAL_SPEC): { dir: string; spec: string; out: string } {
  const dir = tempDir();
  const spec = writeSpec(dir, text);
  const out = join(dir, 'out');
  const first = cli(['synth', '--config', spec, '--out', out]);
  expect(first).toMatchObject({ code: 0, stderr: '' });
  return { dir, spec, out };
}

const stackJson = (out: string, stack = STACK) => JSON.parse(readFileSync(join(out, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
const CHANGED_SPEC = MINIMAL_SPEC.replace('default: P30D', 'default: P60D');

afterEach(() => jest.restoreAllMocks());

describe('links: nothing is read, cleared or written through one', () => {
  test('a stacks/ that links elsewhere is refused, and the folder it points to is untouched', () => {
    const { dir, spec, out } = synthesized();
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'precious.txt'), 'keep');
    fs.rmSync(join(out, 'stacks'), { recursive: true });
    symlinkSync(elsewhere, join(out, 'stacks'));
    const before = treeOf(out);
    const result = cli(['synth', '--config', spec, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${out}/stacks is a symbolic link (to ${elsewhere}): synth never follows a link out of --out`,
    );
    expect(treeOf(elsewhere)).toEqual({ 'precious.txt': 'keep' });
    expect(treeOf(out)).toEqual(before);
  });

  test.each([
    ['--out itself', (out: string, target: string) => (fs.renameSync(out, target), symlinkSync(target, out)), ''],
    [
      'manifest.json',
      (out: string, target: string) => (
        fs.renameSync(join(out, 'manifest.json'), target),
        symlinkSync(target, join(out, 'manifest.json'))
      ),
      '/manifest.json',
    ],
    [
      'a stack file synth wrote',
      (out: string, target: string) => {
        const file = join(out, 'stacks', STACK, 'cdk.tf.json');
        fs.renameSync(file, target);
        symlinkSync(target, file);
      },
      `/stacks/${STACK}/cdk.tf.json`,
    ],
    [
      'its own state folder',
      (out: string, target: string) => (mkdirSync(target), symlinkSync(target, join(out, '.adls-backup'))),
      '/.adls-backup',
    ],
  ])('%s as a link is refused, and its target is untouched', (_, makeLink, linkRel) => {
    const { dir, spec, out } = synthesized();
    const target = join(dir, 'target');
    makeLink(out, target);
    const targetBefore = lstatSync(target).isDirectory() ? treeOf(target) : readFileSync(target, 'utf8');
    const result = cli(['synth', '--config', writeSpec(dir, CHANGED_SPEC), '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${out}${linkRel} is a symbolic link (to ${target})`);
    expect(lstatSync(target).isDirectory() ? treeOf(target) : readFileSync(target, 'utf8')).toEqual(targetBefore);
    expect(spec).toBeTruthy();
  });

  test.each([
    ['kept in the new output', STACK, MINIMAL_SPEC],
    ['dropped from the spec', STACK, `${MINIMAL_SPEC}stackName: other\n`],
    ['new in the spec, where a link already stands', 'other', `${MINIMAL_SPEC}stackName: other\n`],
  ])("a stack's folder that is a link, for a stack %s, is refused by name; its target is untouched", (_, stack, next) => {
    const { dir, spec, out } = synthesized();
    const folder = join(out, 'stacks', stack);
    const target = join(dir, 'elsewhere');
    if (stack === STACK) fs.renameSync(folder, target);
    else mkdirSync(target);
    writeFileSync(join(target, 'terraform.tfstate'), '{"serial":1}');
    symlinkSync(target, folder);
    const before = { out: treeOf(out), target: treeOf(target) };
    writeSpec(dir, next);
    const result = cli(['synth', '--config', spec, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${folder} is a symbolic link (to ${target}): synth never follows a link out of --out, so it will not read, clear or write through it; replace it with a real folder for the stack's files`,
    );
    expect({ out: treeOf(out), target: treeOf(target) }).toEqual(before);
  });

  test.each(['/', '/.', '//./'])('--out given as a link with %j after it is refused like the link itself', (ending) => {
    const { dir, spec, out } = synthesized();
    const target = join(dir, 'real-out');
    fs.renameSync(out, target);
    symlinkSync(target, out);
    const before = treeOf(target);
    writeSpec(dir, CHANGED_SPEC);
    const result = cli(['synth', '--config', spec, '--out', `${out}${ending}`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${out} is a symbolic link (to ${target})`);
    expect(treeOf(target)).toEqual(before);
  });

  test('links someone put under stacks/ are kept as links, never followed', () => {
    const { dir, spec, out } = synthesized();
    const outside = join(dir, 'outside.txt');
    writeFileSync(outside, 'outside');
    symlinkSync(outside, join(out, 'stacks', STACK, 'notes-link'));
    writeSpec(dir, CHANGED_SPEC);
    expect(cli(['synth', '--config', spec, '--out', out]).code).toBe(0);
    expect(fs.readlinkSync(join(out, 'stacks', STACK, 'notes-link'))).toBe(outside);
    expect(readFileSync(outside, 'utf8')).toBe('outside');
  });
});

describe("Terraform's working files and anyone else's files under stacks/ survive a re-synth", () => {
  const TERRAFORM_FILES: Record<string, string> = {
    '.terraform/terraform.tfstate': '{"backend":{"type":"local"}}',
    '.terraform/providers/registry.terraform.io/hashicorp/azurerm/4.79.0/linux_amd64/terraform-provider-azurerm': 'ELF',
    '.terraform.lock.hcl': '# lock',
    'terraform.tfstate': '{"version":4,"serial":7}',
    'terraform.tfstate.backup': '{"version":4,"serial":6}',
    'prod.tfvars': 'x = 1',
    'override.tf.json': '{}',
    'notes.txt': 'mine',
  };

  function withTerraformFiles(out: string, stack = STACK): void {
    for (const [rel, text] of Object.entries(TERRAFORM_FILES)) {
      mkdirSync(join(out, 'stacks', stack, rel, '..'), { recursive: true });
      writeFileSync(join(out, 'stacks', stack, rel), text);
    }
  }

  test('byte-identical and untouched (the same inodes), beside the new stack file', () => {
    const { dir, spec, out } = synthesized();
    withTerraformFiles(out);
    const inode = lstatSync(join(out, 'stacks', STACK, 'terraform.tfstate')).ino;
    symlinkSync('../../../plugin-cache/azurerm', join(out, 'stacks', STACK, '.terraform', 'cached'));
    writeSpec(dir, CHANGED_SPEC);
    const result = cli(['synth', '--config', spec, '--out', out]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    for (const [rel, text] of Object.entries(TERRAFORM_FILES))
      expect([rel, readFileSync(join(out, 'stacks', STACK, rel), 'utf8')]).toEqual([rel, text]);
    expect(fs.readlinkSync(join(out, 'stacks', STACK, '.terraform', 'cached'))).toBe('../../../plugin-cache/azurerm');
    expect(lstatSync(join(out, 'stacks', STACK, 'terraform.tfstate')).ino).toBe(inode);
    expect(stackJson(out).resource.azurerm_data_protection_backup_policy_data_lake_storage).toBeDefined();
    expect(JSON.stringify(stackJson(out))).toContain('P60D');
    expect(fs.readdirSync(out).sort()).toEqual(['manifest.json', 'stacks']); // no state folder left behind
  });

  test("a stack's folder keeps its mode, setgid bit, owner and inode: synth never recreates it", () => {
    const { dir, spec, out } = synthesized();
    const folder = join(out, 'stacks', STACK);
    withTerraformFiles(out);
    fs.chmodSync(folder, 0o2750);
    fs.chownSync(folder, 1234, 4321); // these tests run as root, so any owner can be given
    const before = lstatSync(folder);
    writeSpec(dir, CHANGED_SPEC);
    expect(cli(['synth', '--config', spec, '--out', out])).toMatchObject({ code: 0, stderr: '' });
    const after = lstatSync(folder);
    expect([after.mode & 0o7777, after.uid, after.gid, after.ino]).toEqual([0o2750, 1234, 4321, before.ino]);
    expect(JSON.stringify(stackJson(out))).toContain('P60D');
  });

  test('a stack dropped from the spec loses its stack file; its folder stays while it holds Terraform files, with a warning', () => {
    const { dir, spec, out } = synthesized(`${MINIMAL_SPEC}stackName: first\n`);
    withTerraformFiles(out, 'first');
    writeSpec(dir, `${MINIMAL_SPEC}stackName: second\n`);
    const result = cli(['synth', '--config', spec, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'warning: stacks/first/ is no longer in the spec and was kept, since it holds files synth did not write',
    );
    expect(existsSync(join(out, 'stacks', 'first', 'cdk.tf.json'))).toBe(false);
    expect(readFileSync(join(out, 'stacks', 'first', 'terraform.tfstate'), 'utf8')).toBe(TERRAFORM_FILES['terraform.tfstate']);
    expect(existsSync(join(out, 'stacks', 'second', 'cdk.tf.json'))).toBe(true);
    expect(Object.keys(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).stacks)).toEqual(['second']);
  });

  test('a metadata.json beside a JSON stack is kept: cdktf names it in the manifest but writes it only for HCL', () => {
    const { dir, spec, out } = synthesized();
    writeFileSync(join(out, 'stacks', STACK, 'metadata.json'), 'mine');
    writeSpec(dir, CHANGED_SPEC);
    expect(cli(['synth', '--config', spec, '--out', out]).code).toBe(0);
    expect(readFileSync(join(out, 'stacks', STACK, 'metadata.json'), 'utf8')).toBe('mine');
  });

  test('a stack dropped with nothing but its stack file leaves nothing', () => {
    const { dir, spec, out } = synthesized(`${MINIMAL_SPEC}stackName: first\n`);
    writeSpec(dir, `${MINIMAL_SPEC}stackName: second\n`);
    expect(cli(['synth', '--config', spec, '--out', out])).toMatchObject({ code: 0, stderr: '' });
    expect(fs.readdirSync(join(out, 'stacks'))).toEqual(['second']);
  });

  test('a file synth did not write, where the new output puts a stack file, is refused before anything changes', () => {
    const { dir, spec, out } = synthesized(`${MINIMAL_SPEC}stackName: first\n`);
    mkdirSync(join(out, 'stacks', 'second'));
    writeFileSync(join(out, 'stacks', 'second', 'cdk.tf.json'), 'hand-written');
    const before = treeOf(out);
    writeSpec(dir, `${MINIMAL_SPEC}stackName: second\n`);
    const result = cli(['synth', '--config', spec, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${out}/stacks/second/cdk.tf.json was not written by synth (the previous manifest does not list it), and the new output writes stacks/second/cdk.tf.json in its place`,
    );
    expect(treeOf(out)).toEqual(before);
  });

  test('a FIFO under stacks/ is left where it is: synth never looks into what it did not write', () => {
    const { dir, spec, out } = synthesized();
    const fifo = join(out, 'stacks', STACK, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    writeSpec(dir, CHANGED_SPEC);
    expect(cli(['synth', '--config', spec, '--out', out])).toMatchObject({ code: 0, stderr: '' });
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(JSON.stringify(stackJson(out))).toContain('P60D');
  });
});

describe('a failure at any stage leaves the previous output byte-identical', () => {
  test('a spec refused by a library rule', () => {
    const { dir, spec, out } = synthesized();
    const before = treeOf(out);
    writeSpec(dir, MINIMAL_SPEC.replace('default: P30D', 'default: P3651D'));
    expect(cli(['synth', '--config', spec, '--out', out]).code).toBe(2);
    expect(treeOf(out)).toEqual(before);
  });

  test('a spec string holding a cdktf token marker, which used to fail inside app.synth() after clearing the output', () => {
    const { dir, spec, out } = synthesized();
    const before = treeOf(out);
    writeSpec(dir, `${MINIMAL_SPEC}vaults: { tags: { owner: "\${TfToken[TOKEN.999999]}" } }\n`);
    const result = cli(['synth', '--config', spec, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('spec.yaml:10:');
    expect(result.stderr).toContain('vaults.tags.owner: holds a cdktf token marker (TfToken[...])');
    expect(treeOf(out)).toEqual(before);
  });

  test.each(['ENOSPC', 'EACCES', 'EIO'])('%s while cdktf writes the new stacks', (code) => {
    const { dir, spec, out } = synthesized();
    const before = treeOf(out);
    writeSpec(dir, CHANGED_SPEC);
    const real = fs.writeFileSync;
    jest.spyOn(fs, 'writeFileSync').mockImplementation((file, ...rest) => {
      if (String(file).endsWith('cdk.tf.json'))
        throw Object.assign(new Error(`${code}: simulated, write '${String(file)}'`), { code });
      return real(file, ...(rest as [string]));
    });
    const result = cli(['synth', '--config', spec, '--out', out]);
    jest.restoreAllMocks();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${code}: simulated`);
    expect(treeOf(out)).toEqual(before);
  });

  // Stacks in two regions, then one kept (its file replaced), one new (its folder moved in), one dropped.

  test.each([
    ["moving the new stack's folder in", 1],
    ["replacing the kept stack's file", 2],
    ['moving the new manifest in', 3],
  ])('EACCES while %s: the renames done are undone, to the same files', (_, failing) => {
    const { dir, spec, out } = synthesized(regionalSpec({ regions: ['westeurope', 'northeurope'], retention: 'P30D' }));
    const kept = join(out, 'stacks', `${STACK}-westeurope`, 'cdk.tf.json');
    const before = { tree: treeOf(out), inode: lstatSync(kept).ino };
    writeSpec(dir, regionalSpec({ regions: ['westeurope', 'eastus'], retention: 'P60D' }));
    const real = fs.renameSync;
    const moves: string[] = [];
    jest.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (String(from).includes('/.adls-backup/next/')) {
        moves.push(String(to).slice(out.length + 1));
        if (moves.length === failing)
          throw Object.assign(new Error(`EACCES: simulated, rename '${String(from)}'`), { code: 'EACCES' });
      }
      return real(from, to);
    });
    const result = cli(['synth', '--config', spec, '--out', out]);
    jest.restoreAllMocks();
    expect(moves).toEqual(
      [`stacks/${STACK}-eastus`, `stacks/${STACK}-westeurope/cdk.tf.json`, 'manifest.json'].slice(0, failing),
    );
    expect([result.code, result.stderr]).toEqual([1, expect.stringContaining('EACCES: simulated')]);
    expect({ tree: treeOf(out), inode: lstatSync(kept).ino }).toEqual(before);
    expect(fs.readdirSync(out).sort()).toEqual(['manifest.json', 'stacks']);
  });

  test.each([
    ['fsync, flushing the staged files', 'fsyncSync', () => true],
    ['a hard link, saving an old stack file for undo', 'linkSync', () => true],
    ['the journal', 'writeFileSync', (file: string) => file.endsWith('swap.json')],
  ] as const)('EIO from %s: the old output, byte-identical', (_, name, when) => {
    const { dir, spec, out } = synthesized();
    const before = treeOf(out);
    writeSpec(dir, CHANGED_SPEC);
    const real = fs[name] as (...args: unknown[]) => unknown;
    let faults = 0;
    jest.spyOn(fs, name).mockImplementation(((first: unknown, ...rest: unknown[]) => {
      if (when(String(first))) {
        faults += 1;
        throw Object.assign(new Error(`EIO: simulated ${name}`), { code: 'EIO' });
      }
      return real(first, ...rest);
    }) as never);
    const result = cli(['synth', '--config', spec, '--out', out]);
    jest.restoreAllMocks();
    expect(faults).toBe(1);
    expect([result.code, result.stderr]).toEqual([1, expect.stringContaining(`EIO: simulated ${name}`)]);
    expect(treeOf(out)).toEqual(before);
  });

  test('a refused spec into a new --out leaves no --out at all, and the next valid synth there works', () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const spec = writeSpec(dir, MINIMAL_SPEC.replace('default: P30D', 'default: P3651D'));
    expect(cli(['synth', '--config', spec, '--out', out]).code).toBe(2);
    expect(existsSync(out)).toBe(false);
    writeSpec(dir, MINIMAL_SPEC);
    expect(cli(['synth', '--config', spec, '--out', out]).code).toBe(0);
  });

  test('an empty stacks/ an older version left after a refusal does not block the next synth', () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    mkdirSync(join(out, 'stacks'), { recursive: true });
    expect(cli(['synth', '--config', writeSpec(dir, MINIMAL_SPEC), '--out', out])).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('runs that were stopped, and runs at the same time', () => {
  const writeLock = (out: string, pid: number) => {
    mkdirSync(join(out, '.adls-backup'), { recursive: true });
    writeFileSync(
      join(out, '.adls-backup', 'lock'),
      JSON.stringify({ pid, host: hostname(), started: '2026-12-03T10:00:00.000Z' }),
    );
  };

  test('a second run while one holds the lock is refused with who holds it, and changes nothing', () => {
    const { dir, spec, out } = synthesized();
    writeLock(out, process.ppid); // a process that is alive: the one that runs this test
    const before = treeOf(out);
    writeSpec(dir, CHANGED_SPEC);
    const result = cli(['synth', '--config', spec, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `lock is held by another adls-backup synth (process ${process.ppid} on ${hostname()}, started 2026-12-03T10:00:00.000Z), which is writing this --out`,
    );
    expect(treeOf(out)).toEqual(before);
  });

  test("a run refused by the lock leaves the lock holder's staging folder alone", () => {
    const { dir, spec, out } = synthesized();
    writeLock(out, process.ppid);
    mkdirSync(join(out, '.adls-backup', 'next', 'stacks', 'being-written'), { recursive: true });
    writeFileSync(join(out, '.adls-backup', 'next', 'stacks', 'being-written', 'cdk.tf.json'), 'half');
    const before = treeOf(out);
    writeSpec(dir, CHANGED_SPEC);
    expect(cli(['synth', '--config', spec, '--out', out]).code).toBe(2);
    expect(treeOf(out)).toEqual(before);
  });

  test.each([
    ['moves a file outside stacks/', { moves: ['../victim/precious.txt'], replaces: [], drops: [] }],
    ["moves a stack's folder out of stacks/", { moves: ['stacks/..'], replaces: [], drops: [] }],
    ['drops a file outside stacks/', { moves: [], replaces: [], drops: ['../victim/stacks/adls-backup/cdk.tf.json'] }],
  ])('a journal that %s is refused, and nothing outside --out changes', (_, journal) => {
    const { dir, spec, out } = synthesized();
    const victim = join(dir, 'victim');
    mkdirSync(join(victim, 'stacks', STACK), { recursive: true });
    writeFileSync(join(victim, 'stacks', STACK, 'cdk.tf.json'), 'theirs');
    writeFileSync(join(victim, 'precious.txt'), 'theirs');
    mkdirSync(join(out, '.adls-backup'));
    writeFileSync(join(out, '.adls-backup', 'swap.json'), JSON.stringify(journal));
    const result = cli(['synth', '--config', spec, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('swap.json is not a journal synth wrote');
    expect(treeOf(victim)).toEqual({
      'precious.txt': 'theirs',
      stacks: '<dir>',
      [`stacks/${STACK}`]: '<dir>',
      [`stacks/${STACK}/cdk.tf.json`]: 'theirs',
    });
  });

  test('a staging folder that is a link is refused when a journal would swap it in; its target is untouched', () => {
    const { dir, spec, out } = synthesized();
    const victim = join(dir, 'victim');
    mkdirSync(join(victim, 'stacks'), { recursive: true });
    writeFileSync(join(victim, 'manifest.json'), 'theirs');
    mkdirSync(join(out, '.adls-backup'));
    symlinkSync(victim, join(out, '.adls-backup', 'next'));
    writeFileSync(join(out, '.adls-backup', 'swap.json'), JSON.stringify({ moves: ['manifest.json'], replaces: [], drops: [] }));
    const result = cli(['synth', '--config', spec, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${out}/.adls-backup/next is a symbolic link (to ${victim})`);
    expect(treeOf(victim)).toEqual({ 'manifest.json': 'theirs', stacks: '<dir>' });
  });

  test("a dead run's lock and staging folder are cleared, with a note", () => {
    const { dir, spec, out } = synthesized();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeLock(out, Number(dead));
    mkdirSync(join(out, '.adls-backup', 'next', 'stacks'), { recursive: true });
    linkSync(join(out, 'stacks', STACK, 'cdk.tf.json'), join(out, '.adls-backup', 'next', 'stacks', 'linked'));
    writeSpec(dir, CHANGED_SPEC);
    const result = cli(['synth', '--config', spec, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `warning: a previous synth (process ${dead}, started 2026-12-03T10:00:00.000Z) stopped without finishing; its lock was removed`,
    );
    expect(result.stderr).toContain(
      'warning: removed the unfinished staging folder of a synth that was stopped before it put its output in place',
    );
    expect(fs.readdirSync(out).sort()).toEqual(['manifest.json', 'stacks']);
  });
});

describe('the lock and the journal, under pressure', () => {
  const lockPath = (out: string) => join(out, '.adls-backup', 'lock');
  const plantLock = (out: string, owner: object) => {
    mkdirSync(join(out, '.adls-backup'), { recursive: true });
    writeFileSync(lockPath(out), JSON.stringify({ host: hostname(), ...owner }));
  };
  const deadPid = () => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout);

  test("two runs that find the same dead lock: the slower one leaves the faster one's fresh lock alone", () => {
    const { dir, spec, out } = synthesized();
    plantLock(out, { pid: deadPid(), started: '2026-12-03T10:00:00.000Z' });
    fs.utimesSync(lockPath(out), new Date('2026-12-03T10:00:00Z'), new Date('2026-12-03T10:00:00Z'));
    const live = JSON.stringify({ pid: process.ppid, host: hostname(), started: '2026-12-03T10:00:01.000Z' });
    const real = fs.readFileSync;
    let raced = false;
    // Right after this run has read the dead lock, another run removes it and takes the lock itself.
    jest.spyOn(fs, 'readFileSync').mockImplementation(((file: string, ...rest: unknown[]) => {
      const text = (real as (...a: unknown[]) => unknown)(file, ...rest);
      if (String(file) === lockPath(out) && !raced) {
        raced = true;
        fs.rmSync(lockPath(out));
        writeFileSync(lockPath(out), live, { flag: 'wx' });
      }
      return text;
    }) as never);
    writeSpec(dir, CHANGED_SPEC);
    const result = cli(['synth', '--config', spec, '--out', out]);
    jest.restoreAllMocks();
    expect(raced).toBe(true);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`another adls-backup synth (process ${process.ppid} on ${hostname()}`);
    expect(readFileSync(lockPath(out), 'utf8')).toBe(live);
    expect(JSON.stringify(stackJson(out))).toContain('P30D');
  });

  test('a dead lock another run is taking over just now is left to it', () => {
    const { dir, spec, out } = synthesized();
    plantLock(out, { pid: deadPid(), started: '2026-12-03T10:00:00.000Z' });
    writeFileSync(`${lockPath(out)}.break`, '12345\n');
    const before = treeOf(out);
    writeSpec(dir, CHANGED_SPEC);
    const result = cli(['synth', '--config', spec, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('lock is being taken over from a stopped run by another adls-backup synth just now');
    expect(treeOf(out)).toEqual(before);
  });

  test.each([
    ['older than this process: a restarted container reuses process numbers', '2020-01-01T00:00:00.000Z', 0],
    ["newer than this process: another container's, with the same host name", '2099-01-01T00:00:00.000Z', 2],
  ])('a lock with this very process number, %s', (_, started, code) => {
    const { dir, spec, out } = synthesized();
    plantLock(out, { pid: process.pid, started });
    writeSpec(dir, CHANGED_SPEC);
    expect(cli(['synth', '--config', spec, '--out', out]).code).toBe(code);
  });

  test.each(['lock', 'swap.json', 'undoing'])(
    'a link at .adls-backup/%s is refused, and what it points to is untouched',
    (name) => {
      const { dir, spec, out } = synthesized();
      const target = join(dir, 'outside.json');
      writeFileSync(target, JSON.stringify({ pid: 1, host: 'elsewhere', started: 'SECRET' }));
      mkdirSync(join(out, '.adls-backup'));
      symlinkSync(target, join(out, '.adls-backup', name));
      writeSpec(dir, CHANGED_SPEC);
      const result = cli(['synth', '--config', spec, '--out', out]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${out}/.adls-backup/${name} is a symbolic link (to ${target})`);
      expect(result.stderr).not.toContain('SECRET');
      expect(readFileSync(target, 'utf8')).toContain('SECRET');
      expect(fs.readdirSync(join(out, '.adls-backup'))).toEqual([name]);
    },
  );

  test('a journal cut short by a full disk: nothing was renamed, nothing is left, and review reads the old output', () => {
    const { dir, spec, out } = synthesized();
    const before = treeOf(out);
    writeSpec(dir, CHANGED_SPEC);
    const real = fs.writeFileSync;
    jest.spyOn(fs, 'writeFileSync').mockImplementation(((file: string, data: string, ...rest: unknown[]) => {
      if (!String(file).endsWith('swap.json')) return (real as (...a: unknown[]) => void)(file, data, ...rest);
      (real as (...a: unknown[]) => void)(file, data.slice(0, 10), ...rest);
      throw Object.assign(new Error('ENOSPC: simulated, write'), { code: 'ENOSPC' });
    }) as never);
    const result = cli(['synth', '--config', spec, '--out', out]);
    jest.restoreAllMocks();
    expect([result.code, result.stderr]).toEqual([1, expect.stringContaining('ENOSPC: simulated')]);
    expect(treeOf(out)).toEqual(before);
    expect(cli(['review', out]).code).toBe(0);
  });

  test('an error while undoing, too: the next run undoes the rest first, back to the old output', () => {
    const { dir, spec, out } = synthesized(regionalSpec({ regions: ['westeurope', 'northeurope'], retention: 'P30D' }));
    const before = treeOf(out);
    writeSpec(dir, regionalSpec({ regions: ['westeurope', 'eastus'], retention: 'P60D' }));
    const real = fs.renameSync;
    let renames = 0;
    // The second move fails, and so does the first rename that undoes (putting the new folder back).
    jest.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      renames += 1;
      if (renames === 2) throw Object.assign(new Error('EACCES: simulated move'), { code: 'EACCES' });
      if (renames === 3) throw Object.assign(new Error('EIO: simulated undo'), { code: 'EIO' });
      return real(from, to);
    });
    const failed = cli(['synth', '--config', spec, '--out', out]);
    jest.restoreAllMocks();
    expect([failed.code, failed.stderr]).toEqual([
      1,
      expect.stringContaining('undoing the renames failed too (EIO: simulated undo)'),
    ]);
    expect(fs.readdirSync(join(out, '.adls-backup')).sort()).toEqual(['next', 'saved', 'swap.json', 'undoing']);
    // The next run is refused by a library rule, after it has put the old output back.
    writeSpec(dir, regionalSpec({ regions: ['westeurope'], retention: 'P3651D' }));
    expect(cli(['synth', '--config', spec, '--out', out]).code).toBe(2);
    expect(treeOf(out)).toEqual(before);
  });

  test("an error removing a dropped stack's file after the new manifest is in: said so, and the next run finishes", () => {
    const { dir, spec, out } = synthesized(regionalSpec({ regions: ['westeurope', 'northeurope'], retention: 'P30D' }));
    writeSpec(dir, regionalSpec({ regions: ['westeurope'], retention: 'P60D' }));
    const dropped = join(out, 'stacks', `${STACK}-northeurope`, 'cdk.tf.json');
    const real = fs.rmSync;
    jest.spyOn(fs, 'rmSync').mockImplementation((path, options) => {
      if (String(path) === dropped) throw Object.assign(new Error('EACCES: simulated, unlink'), { code: 'EACCES' });
      return real(path, options);
    });
    const failed = cli(['synth', '--config', spec, '--out', out]);
    jest.restoreAllMocks();
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(
      'the new output is in place, but removing what it no longer has failed (EACCES: simulated, unlink)',
    );
    expect(Object.keys(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).stacks)).toEqual([`${STACK}-westeurope`]);
    expect(cli(['synth', '--config', spec, '--out', out]).code).toBe(0);
    expect(fs.readdirSync(join(out, 'stacks'))).toEqual([`${STACK}-westeurope`]);
    expect(fs.readdirSync(out).sort()).toEqual(['manifest.json', 'stacks']);
  });
});

describe('--out itself', () => {
  test.each([
    ['empty', () => '', '`--out` must name a directory, got: ""'],
    ['under a missing folder', (dir: string) => join(dir, 'missing', 'out'), 'its parent folder'],
    ['a file', (dir: string) => writeSpec(dir, 'x', 'a-file'), 'exists and is not a directory'],
  ])('%s: exit 2 with the reason', (_, outOf, message) => {
    const dir = tempDir();
    const result = cli(['synth', '--config', writeSpec(dir, MINIMAL_SPEC), '--out', outOf(dir)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain('failed:');
  });

  test('the output is byte-identical from any working directory: the local state path is relative to the stack folder', () => {
    const here = process.cwd();
    const outputs = [tempDir(), tempDir()].map((dir) => {
      const spec = writeSpec(dir, MINIMAL_SPEC);
      process.chdir(dir);
      try {
        expect(cli(['synth', '--config', spec, '--out', 'out']).code).toBe(0);
      } finally {
        process.chdir(here);
      }
      return treeOf(join(dir, 'out'));
    });
    expect(outputs[0]).toEqual(outputs[1]);
    expect(JSON.parse(outputs[0][`stacks/${STACK}/cdk.tf.json`]).terraform.backend).toEqual({
      local: { path: `../../../terraform.${STACK}.tfstate` },
    });
  });
});

test('accountId helper gives what the spec tests use', () => {
  expect(accountId('lake01')).toMatch(/storageAccounts\/lake01$/);
});
