// `npm run test:consumer`: the packed packages, installed as a user installs them, into fresh apps outside the
// repository (npm's cache keeps it fast; packages the cache lacks come from the registry):
//   1. a cdktf 0.21 app with @cdktf/provider-azurerm 14.22.0 (the library's tests use 14.23.1), type-checked by tsc,
//      and a cdktf 0.20 app with @cdktf/provider-azurerm 13.24.0 (the oldest cdktf the peer range admits);
//   2. a CDK Terrain app with cdktn 0.24.0 and @cdktn/provider-azurerm 16.1.0 (which declares cdktn ^0.23: an npm
//      override settles it, as README tells users);
//   3. a command-line user: the cdktf package alone, no provider package, running `adls-backup synth` and `review`.
// Each app protects an ADLS Gen2 account it creates and leaves a second one unprotected; the check asserts that
// `fromStorageAccount` takes the user's account, the compliance aspect reports the unprotected one, the JSON is
// what README promises, and both flavours write the same Terraform. It also checks the tarballs' file lists and
// the size of what a user installs. Exits 1 with every failure listed.
import { execFileSync, ExecFileSyncOptions } from 'child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';
import { buildPackages } from './package';

const ROOT = join(__dirname, '..', '..');
const failures: string[] = [];
const figures: string[] = [];

function check(ok: boolean, what: string): void {
  if (!ok) failures.push(what);
}

function run(command: string, args: string[], cwd: string, options: ExecFileSyncOptions = {}): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options }) as string;
  } catch (e) {
    const error = e as { stdout?: string; stderr?: string; status?: number };
    throw new Error(
      `${command} ${args.join(' ')} (in ${cwd}) exited ${error.status}:\n${error.stdout ?? ''}${error.stderr ?? ''}`,
      { cause: e },
    );
  }
}

function timed<T>(label: string, work: () => T): T {
  const start = Date.now();
  const result = work();
  figures.push(`${label}: ${((Date.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

function npmInstall(dir: string): void {
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);
}

// ---------------------------------------------------------------------------------------------------------------
// The tarballs
// ---------------------------------------------------------------------------------------------------------------

/** What a package may hold: its manifest, README, LICENSE, the command, and the compiled library. */
const ALLOWED = [/^package\.json$/, /^README\.md$/, /^LICENSE$/, /^bin\/adls-backup\.js$/, /^dist\/lib\/.+\.(js|d\.ts|json)$/];

function checkTarball(tarball: string): void {
  const files = run('tar', ['-tzf', tarball], ROOT)
    .split('\n')
    .filter((f) => f !== '' && !f.endsWith('/'))
    .map((f) => f.replace(/^package\//, ''));
  const name = basename(tarball);
  check(files.includes('LICENSE'), `${name}: no LICENSE`);
  check(files.includes('dist/lib/index.js') && files.includes('dist/lib/index.d.ts'), `${name}: no dist/lib/index.js and .d.ts`);
  check(files.includes('dist/lib/fleet/fleet-spec.schema.json'), `${name}: no fleet spec schema`);
  check(files.includes('dist/lib/review/report.schema.json'), `${name}: no review report schema`);
  const unexpected = files.filter((f) => !ALLOWED.some((pattern) => pattern.test(f)));
  check(unexpected.length === 0, `${name}: files a user does not need: ${unexpected.join(', ')}`);
  const sources = files.filter(
    (f) => /(^|\/)(test|codegen|examples|scripts|bench)\//.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts')),
  );
  check(sources.length === 0, `${name}: tests or sources: ${sources.join(', ')}`);
  figures.push(`${name}: ${files.length} files, ${(statSync(tarball).size / 1024).toFixed(0)} KiB packed`);
}

// ---------------------------------------------------------------------------------------------------------------
// The apps
// ---------------------------------------------------------------------------------------------------------------

interface Flavour {
  /** How the figures and failures name the app. */
  readonly label: string;
  readonly core: 'cdktf' | 'cdktn';
  readonly library: string;
  readonly provider: string;
  readonly dependencies: Record<string, string>;
  readonly overrides?: Record<string, unknown>;
}

/** The user's app, written once for cdktf; a cdktn user writes the same with the packages renamed. */
function appSource(f: Flavour): string {
  return `import { App, TerraformStack } from '${f.core}';
import { Construct } from 'constructs';
import { AzurermProvider } from '${f.provider}/lib/provider';
import { ResourceGroup } from '${f.provider}/lib/resource-group';
import { StorageAccount } from '${f.provider}/lib/storage-account';
import { StorageContainer } from '${f.provider}/lib/storage-container';
import {
  BackupSchedule,
  BackupVault,
  ComplianceLevel,
  DataLakeBackup,
  DataLakeBackupCompliance,
  DataLakeBackupPolicy,
  DataLakeStorageAccount,
  Duration,
} from '${f.library}';
import type { FleetResult } from '${f.library}/fleet';
import type { ReviewFormat } from '${f.library}/review';

export type { FleetResult, ReviewFormat };

class LakeStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, 'azurerm', {
      features: [{}],
      resourceProviderRegistrations: 'none',
      resourceProvidersToRegister: ['Microsoft.DataProtection', 'Microsoft.Storage'],
    });
    const group = new ResourceGroup(this, 'Group', { name: 'rg-lake-weu', location: 'westeurope' });
    const lake = (name: string) =>
      new StorageAccount(this, name, {
        name,
        resourceGroupName: group.name,
        location: 'westeurope',
        accountKind: 'StorageV2',
        accountTier: 'Standard',
        accountReplicationType: 'ZRS',
        isHnsEnabled: true,
      });
    const protectedLake = lake('lakeweu01');
    lake('lakeweu02'); // an ADLS Gen2 account nobody protects: the compliance check reports it
    const raw = new StorageContainer(this, 'Raw', { name: 'raw', storageAccountId: protectedLake.id });
    const vault = new BackupVault(this, 'Vault', { name: 'bv-lake-weu', resourceGroupName: group.name, location: 'westeurope' });
    const policy = new DataLakeBackupPolicy(this, 'Daily', {
      vault,
      name: 'adls-daily',
      schedule: BackupSchedule.daily({ hour: 2 }),
      defaultRetention: Duration.days(30),
    });
    new DataLakeBackup(this, 'Backup', {
      vault,
      policy,
      storageAccount: DataLakeStorageAccount.fromStorageAccount(protectedLake),
      containers: [raw, 'curated'],
    });
  }
}

const app = new App({ outdir: 'cdktf.out' });
new LakeStack(app, 'lake');
DataLakeBackupCompliance.applyTo(app, { level: ComplianceLevel.WARNING });
app.synth();
`;
}

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2020',
    module: 'commonjs',
    lib: ['es2020'],
    strict: true,
    noUnusedLocals: true,
    declaration: true,
    skipLibCheck: true,
    types: ['node'],
  },
  include: ['main.ts'],
};

/** Installs, type-checks, runs the app; returns its synthesized stack and manifest. */
function runApp(work: string, flavour: Flavour, tarball: string): { json: any; manifest: any; dir: string } {
  const name = flavour.label.replace(/[^a-z0-9]+/g, '-');
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const manifest = {
    name,
    private: true,
    dependencies: { [flavour.library]: `file:${tarball}`, ...flavour.dependencies },
    devDependencies: { typescript: '5.9.3', '@types/node': '20.19.43' },
    ...(flavour.overrides ? { overrides: flavour.overrides } : {}),
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  writeFileSync(join(dir, 'main.ts'), appSource(flavour));
  timed(`${flavour.label} app: npm install`, () => npmInstall(dir));
  // One copy of the core package: the library's peer is the user's own.
  const copies = run('npm', ['ls', flavour.core, '--all', '--parseable'], dir)
    .split('\n')
    .filter((l) => l.includes('node_modules'));
  check(copies.length === 1, `${flavour.label} app: ${copies.length} copies of ${flavour.core} installed: ${copies.join(', ')}`);
  timed(`${flavour.label} app: tsc`, () =>
    run(process.execPath, [join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], dir),
  );
  timed(`${flavour.label} app: synth`, () => run(process.execPath, ['main.js'], dir));
  return {
    json: JSON.parse(readFileSync(join(dir, 'cdktf.out', 'stacks', 'lake', 'cdk.tf.json'), 'utf8')),
    manifest: JSON.parse(readFileSync(join(dir, 'cdktf.out', 'manifest.json'), 'utf8')),
    dir,
  };
}

/** What README promises of the synthesized stack: role, then wait, then instance, with the constraints. */
function checkApp(core: string, json: any, manifest: any): void {
  const resources = json.resource ?? {};
  const one = (type: string) => {
    const entries = Object.entries(resources[type] ?? {}) as [string, any][];
    check(entries.length === 1, `${core} app: ${entries.length} ${type}, expected 1`);
    return entries[0] ?? ['missing', {}];
  };
  const [vaultId] = one('azurerm_data_protection_backup_vault');
  const [roleId, role] = one('azurerm_role_assignment');
  const [waitId, wait] = one('time_sleep');
  const [, instance] = one('azurerm_data_protection_backup_instance_data_lake_storage');
  const accounts = Object.entries(resources.azurerm_storage_account ?? {}) as [string, any][];
  const lake = accounts.find(([, a]) => a.name === 'lakeweu01')?.[0];
  const accountId = `\${azurerm_storage_account.${lake}.id}`;
  check(
    instance.storage_account_id === accountId,
    `${core} app: the instance protects ${instance.storage_account_id}, not ${accountId}`,
  );
  check(role.scope === accountId, `${core} app: the role is on ${role.scope}, not the account`);
  check(role.role_definition_name === 'Storage Account Backup Contributor', `${core} app: role ${role.role_definition_name}`);
  check(
    role.principal_id === `\${azurerm_data_protection_backup_vault.${vaultId}.identity[0].principal_id}`,
    `${core} app: the role is for ${role.principal_id}`,
  );
  check(
    JSON.stringify(wait.depends_on) === JSON.stringify([`azurerm_role_assignment.${roleId}`]),
    `${core} app: the wait does not follow the role`,
  );
  const needs = [`azurerm_role_assignment.${roleId}`, `time_sleep.${waitId}`];
  check(
    needs.every((address) => instance.depends_on?.includes(address)) &&
      instance.depends_on?.some((a: string) => a.startsWith('azurerm_storage_container.')),
    `${core} app: the instance depends on ${JSON.stringify(instance.depends_on)}`,
  );
  check(
    JSON.stringify(instance.storage_container_names) === JSON.stringify(['raw', 'curated']),
    `${core} app: containers ${JSON.stringify(instance.storage_container_names)}`,
  );
  check(
    json.terraform?.required_providers?.azurerm?.version === '>= 4.68.0, < 6.0.0',
    `${core} app: azurerm constraint ${json.terraform?.required_providers?.azurerm?.version}`,
  );
  check(json.terraform?.required_version === '>= 1.2.0', `${core} app: required_version ${json.terraform?.required_version}`);
  const annotations: { level: string; message: string; constructPath: string }[] = manifest.stacks?.lake?.annotations ?? [];
  const findings = annotations.filter((a) => a.message.includes('[ADLSBK1]'));
  check(
    findings.length === 1 && findings[0].message.includes("'lakeweu02'") && findings[0].level.endsWith('warn'),
    `${core} app: the compliance check reported ${JSON.stringify(findings.map(({ level, message }) => ({ level, message })))}, expected one warning for lakeweu02`,
  );
}

/**
 * The Terraform without the `//` metadata (where cdktf and cdktn name themselves), and with the app's own directory
 * (in the local backend's state path) written as `<app>`.
 */
function withoutMetadata(json: any, appDir: string): any {
  const copy = JSON.parse(JSON.stringify(json).split(appDir).join('<app>'));
  delete copy['//'];
  for (const kind of ['resource', 'data']) {
    for (const elements of Object.values(copy[kind] ?? {}) as Record<string, any>[]) {
      for (const body of Object.values(elements)) delete body['//'];
    }
  }
  return copy;
}

/** The path of the first value that differs between `a` and `b`, with both values, or undefined. */
function firstDifference(a: unknown, b: unknown, path: string): string | undefined {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return a === b ? undefined : `${path || '(root)'}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  }
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const key of keys) {
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    if (found) return found;
  }
  return JSON.stringify(Object.keys(a)) === JSON.stringify(Object.keys(b)) ? undefined : `${path}: keys in another order`;
}

// ---------------------------------------------------------------------------------------------------------------
// The command line alone
// ---------------------------------------------------------------------------------------------------------------

/** Bytes of a directory tree (symbolic links not followed). */
function sizeOf(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

/** The package and its dependencies (peers left out), as installed in `modules`. */
function dependencyClosure(modules: string, name: string, seen = new Set<string>()): Set<string> {
  if (seen.has(name)) return seen;
  seen.add(name);
  const manifest = JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8'));
  for (const dep of Object.keys(manifest.dependencies ?? {})) dependencyClosure(modules, dep, seen);
  return seen;
}

function runCli(work: string, tarball: string): void {
  const dir = join(work, 'cli-user');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'cli-user', private: true, dependencies: { 'cdktf-adls-backup': `file:${tarball}` } }),
  );
  timed('command-line user: npm install', () => npmInstall(dir));
  const modules = join(dir, 'node_modules');
  check(!existsSync(join(modules, '@cdktf', 'provider-azurerm')), 'command-line user: @cdktf/provider-azurerm was installed');
  check(!existsSync(join(modules, '@cdktf', 'provider-time')), 'command-line user: @cdktf/provider-time was installed');
  const closure = dependencyClosure(modules, 'cdktf-adls-backup');
  const bytes = [...closure].reduce((sum, name) => sum + sizeOf(join(modules, name)), 0);
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
  figures.push(
    `installed: the package and its dependencies ${mib(bytes)} (${[...closure].sort().join(', ')}); with peers, node_modules ${mib(sizeOf(modules))}`,
  );
  check(bytes < 10 * 1024 * 1024, `the package and its dependencies take ${mib(bytes)}, more than 10 MiB`);
  cpSync(join(ROOT, 'examples', 'fleet', 'backup.yaml'), join(dir, 'backup.yaml'));
  const bin = join(modules, '.bin', 'adls-backup');
  timed('command-line user: adls-backup synth', () => run(bin, ['synth', '--config', 'backup.yaml', '--out', 'out'], dir));
  const stacks = readdirSync(join(dir, 'out', 'stacks')).sort();
  check(stacks.length === 3, `command-line user: synth wrote ${stacks.join(', ')}`);
  const review = run(bin, ['review', 'out'], dir);
  check(review.includes('```mermaid'), 'command-line user: the review has no ordering diagram');
}

// ---------------------------------------------------------------------------------------------------------------

function main(): void {
  const [cdktfTarball, cdktnTarball] = timed('npm run package (both flavours)', buildPackages);
  checkTarball(cdktfTarball);
  checkTarball(cdktnTarball);
  const work = mkdtempSync(join(tmpdir(), 'adls-consumer-'));
  try {
    const cdktf = runApp(
      work,
      {
        label: 'cdktf 0.21',
        core: 'cdktf',
        library: 'cdktf-adls-backup',
        provider: '@cdktf/provider-azurerm',
        dependencies: { cdktf: '0.21.0', constructs: '^10.4.2', '@cdktf/provider-azurerm': '14.22.0' },
      },
      cdktfTarball,
    );
    checkApp('cdktf 0.21', cdktf.json, cdktf.manifest);
    // The oldest cdktf the peer range admits, with a provider package built for it (13.x peers cdktf ^0.20).
    const cdktf020 = runApp(
      work,
      {
        label: 'cdktf 0.20',
        core: 'cdktf',
        library: 'cdktf-adls-backup',
        provider: '@cdktf/provider-azurerm',
        dependencies: { cdktf: '0.20.12', constructs: '10.3.0', '@cdktf/provider-azurerm': '13.24.0' },
      },
      cdktfTarball,
    );
    checkApp('cdktf 0.20', cdktf020.json, cdktf020.manifest);
    const cdktn = runApp(
      work,
      {
        label: 'cdktn 0.24',
        core: 'cdktn',
        library: 'cdktn-adls-backup',
        provider: '@cdktn/provider-azurerm',
        dependencies: { cdktn: '0.24.0', constructs: '10.7.2', '@cdktn/provider-azurerm': '16.1.0' },
        // @cdktn/provider-azurerm 16.1.0 declares cdktn ^0.23.0; it works with 0.24 (README: "CDK Terrain").
        overrides: { '@cdktn/provider-azurerm': { cdktn: '$cdktn' } },
      },
      cdktnTarball,
    );
    checkApp('cdktn 0.24', cdktn.json, cdktn.manifest);
    for (const [label, other] of [
      ['cdktn 0.24', cdktn],
      ['cdktf 0.20', cdktf020],
    ] as const) {
      const difference = firstDifference(withoutMetadata(cdktf.json, cdktf.dir), withoutMetadata(other.json, other.dir), '');
      check(
        difference === undefined,
        `the cdktf 0.21 and ${label} apps wrote different Terraform (metadata aside), first at ${difference}`,
      );
    }
    runCli(work, cdktfTarball);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  for (const figure of figures) console.log(`  ${figure}`);
  if (failures.length > 0) {
    console.error(`Consumer test: ${failures.length} failure(s):\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    process.exit(1);
  }
  console.log('Consumer test: both packages install and work in fresh apps.');
}

main();
