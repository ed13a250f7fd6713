// The command line end to end, in a temp directory: spec -> files -> review, and a reviewer's diff with --base.
import { readFileSync } from 'fs';
import { join } from 'path';
import { FLEET_SPEC_SCHEMA } from '../lib/fleet';
import { ADLS_BACKUP_REGIONS, normalizeRegion } from '../lib/regions';
import { POLICY_TIME_ZONES } from '../lib/time-zones';
import { EXIT_INVALID_INPUT, EXIT_OK } from '../lib/cli/main';
import { cli, MINIMAL_SPEC, tempDir, writeSpec } from './support/cli';

const FLEET_EXAMPLE = join(__dirname, '..', 'examples', 'fleet', 'backup.yaml');

describe('help and arguments', () => {
  test.each([[[]], [['--help']], [['help']]])('%j prints the usage and exits 0', (args) => {
    const result = cli(args);
    expect(result).toMatchObject({ code: EXIT_OK, stderr: '' });
    expect(result.stdout).toContain('adls-backup synth --config <spec.yaml> [--out <dir>]');
    expect(result.stdout).toContain('Exit codes: 0 ok, 1 failure, 2 invalid input');
  });

  test.each(['synth', 'validate', 'review'])('%s --help describes the subcommand and exits 0', (command) => {
    for (const args of [
      [command, '--help'],
      [command, '-h'],
      ['help', command],
    ]) {
      const result = cli(args);
      expect(result.code).toBe(EXIT_OK);
      expect(result.stdout.startsWith(`adls-backup ${command} `)).toBe(true);
      expect(result.stdout).toContain('Options:');
    }
  });

  test('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'));
    expect(cli(['--version'])).toEqual({ code: EXIT_OK, stdout: `${version}\n`, stderr: '' });
  });

  test.each<[string[], string]>([
    [['deploy'], '`command` must be a command of adls-backup: synth, validate, review, got: "deploy"'],
    [['synth'], 'synth needs --config <file>'],
    [['validate', '--config'], "Option '-c, --config <value>' argument missing"],
    [['synth', '--config', 'x.yaml', '--colour'], "Unknown option '--colour'"],
    [['review'], '`arguments` must be one synthesized directory, got: 0 directories'],
    [['help', 'deploy'], '`help` must be a command of adls-backup: synth, validate, review, got: "deploy"'],
    [['review', 'a', 'b'], '`arguments` must be one synthesized directory, got: 2 directories'],
    [['review', 'cdktf.out', '--format', 'html'], '`--format` must be md or json, got: "html"'],
  ])('%j exits 2 saying what is wrong', (args, message) => {
    const result = cli(args);
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });

  test('review of a directory that is not a synthesis exits 2 naming it', () => {
    const dir = tempDir();
    const result = cli(['review', dir]);
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toContain(dir);
  });
});

describe('spec -> synth -> review, in a temp directory', () => {
  const dir = tempDir();
  const out = join(dir, 'cdktf.out');
  const synth = cli(['synth', '--config', FLEET_EXAMPLE, '--out', out]);
  const review = cli(['review', out]);

  test('synth writes every regional stack and says so', () => {
    expect(synth.stderr).toBe('');
    expect(synth.code).toBe(EXIT_OK);
    expect(synth.stdout).toContain(
      '7 accounts in 3 regions, one vault each: eastus2 (bv-lake-eastus2, 2 accounts), northeurope (bv-lake-northeurope, 2 accounts), westeurope (bv-lake-westeurope, 3 accounts).',
    );
    expect(synth.stdout).toContain('lake-backup-eastus2, lake-backup-northeurope, lake-backup-westeurope');
  });

  test('review summarizes every vault, account and policy in words, with the ordering diagram', () => {
    expect(review.code).toBe(EXIT_OK);
    for (const vault of ['bv-lake-eastus2', 'bv-lake-northeurope', 'bv-lake-westeurope']) expect(review.stdout).toContain(vault);
    for (const account of [
      'lakeweufinance01',
      'lakeweusales01',
      'lakeweusandbox01',
      'lakeneuhr01',
      'lakeneulogs01',
      'lakeeus2retail01',
      'lakeeus2iot01',
    ]) {
      expect(review.stdout).toContain(account);
    }
    expect(review.stdout).toContain('daily at 02:30 W. Europe Standard Time');
    expect(review.stdout).toContain('kept 30 days');
    expect(review.stdout).toContain('first backup of each month kept 12 months');
    expect(review.stdout).toContain('first backup of each year kept 7 years');
    expect(review.stdout.match(/```mermaid\nflowchart LR/g)).toHaveLength(3);
  });

  test('review --format json gives the same vaults as data', () => {
    const json = JSON.parse(cli(['review', out, '--format', 'json']).stdout);
    expect(json.vaults.map((v: any) => v.name).sort()).toEqual(['bv-lake-eastus2', 'bv-lake-northeurope', 'bv-lake-westeurope']);
  });

  test('review --output writes the report to a file', () => {
    const file = join(dir, 'reports', 'review.md');
    expect(cli(['review', out, '--output', file])).toEqual({ code: EXIT_OK, stdout: '', stderr: '' });
    expect(readFileSync(file, 'utf8')).toBe(review.stdout);
  });
});

describe('review --base: what a pull request changes', () => {
  const dir = tempDir();
  const base = join(dir, 'base');
  const head = join(dir, 'head');
  const spec = writeSpec(dir, MINIMAL_SPEC);
  cli(['synth', '--config', spec, '--out', base]);
  // The pull request: longer retention (replaces the policy), a container more, and a new account.
  writeSpec(
    dir,
    MINIMAL_SPEC.replace('default: P30D', 'default: P60D').replace('[raw]', '[raw, curated]') +
      MINIMAL_SPEC.slice(MINIMAL_SPEC.indexOf('  - id:')).replace('lake01', 'lake02'),
  );
  const synth = cli(['synth', '--config', spec, '--out', head]);
  const review = cli(['review', head, '--base', base]);

  test('calls out the replaced policy before anything else', () => {
    expect(synth).toMatchObject({ code: EXIT_OK, stderr: '' });
    expect(review).toMatchObject({ code: EXIT_OK, stderr: '' });
    const text = review.stdout;
    const changes = text.slice(text.indexOf('## Changes against base'), text.indexOf('## Vault '));
    // The replaced policy first (with the argument that forces it, old and new), then the accounts, the containers,
    // the grant and the other resources the new account adds.
    expect(changes).toBe(
      [
        '## Changes against base',
        '',
        `Base: \`${base}\`.`,
        '',
        '### Policies that will be replaced',
        '',
        'Every argument of `azurerm_data_protection_backup_policy_data_lake_storage` forces replacement, and Azure refuses to delete a policy that backup instances use (`UserErrorDppPolicyObjectInUse`): a changed policy in use typically fails at apply. Instead, add a policy under a new name, move the backups to it, apply, then remove the old policy in a later change.',
        '',
        '- `daily` (vault `bv-adls-westeurope`, stack `adls-backup`), in use by `lake01`: expect the apply to fail.',
        '  - `default_retention_duration`: 30 days → 60 days',
        '',
        '### Protected accounts',
        '',
        '- Newly protected: `lake02` (vault `bv-adls-westeurope`, stack `adls-backup`, policy `daily`, containers: raw)',
        '',
        '### Containers and policies',
        '',
        '- `lake01` (stack `adls-backup`) containers: added `curated`',
        '',
        '### Grants',
        '',
        '- Added: backup access on `lake02` for vault `bv-adls-westeurope` (`azurerm_role_assignment.westeurope_Vault_BackupAccess-lake02_F4B93046`, stack `adls-backup`)',
        '',
        '### Other resources',
        '',
        '- added: `data.azurerm_storage_account.westeurope_Account-lake02_B55032BF` (stack `adls-backup`)',
        '- added: `time_sleep.westeurope_Backup-lake02_RolePropagationWait_1C4FD8E0` (stack `adls-backup`)',
        '',
        '',
      ].join('\n'),
    );
  });

  test('lists the newly protected account and the added container', () => {
    expect(review.stdout).toMatch(/^- Newly protected: `lake02` \(vault `bv-adls-westeurope`.*containers: raw\)$/m);
    expect(review.stdout).toMatch(/^- `lake01` \(stack `adls-backup`\) containers: added `curated`$/m);
  });

  test('against itself, there are no changes', () => {
    expect(cli(['review', head, '--base', head]).stdout).toContain('No changes against base');
  });
});

describe('the published JSON Schema', () => {
  const defs = (FLEET_SPEC_SCHEMA as any).definitions;

  test("lists exactly the library's time zones and supported regions", () => {
    expect(defs.policy.properties.timeZone.enum).toEqual([...POLICY_TIME_ZONES]);
    expect(defs.region.anyOf[0].enum).toEqual(ADLS_BACKUP_REGIONS.map(normalizeRegion).sort());
  });

  test('the example spec points editors at it', () => {
    const first = readFileSync(FLEET_EXAMPLE, 'utf8').split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=../../lib/fleet/fleet-spec.schema.json');
    expect(readFileSync(join(__dirname, '..', 'lib', 'fleet', 'fleet-spec.schema.json'), 'utf8')).toContain(
      '"$schema": "http://json-schema.org/draft-07/schema#"',
    );
  });
});

describe('validate --format json: the problems as data, for a pipeline', () => {
  const parse = (stdout: string) => JSON.parse(stdout) as Record<string, unknown>;

  test('a valid spec: valid, no problems, exit 0, nothing on stderr', () => {
    const spec = writeSpec(tempDir(), MINIMAL_SPEC);
    const result = cli(['validate', '--config', spec, '--format', 'json']);
    expect([result.code, result.stderr]).toEqual([EXIT_OK, '']);
    expect(parse(result.stdout)).toEqual({ schemaVersion: 1, file: spec, valid: true, problems: [], warnings: [] });
  });

  test("a valid spec's warnings: each located, a construct's with the construct, exit 0", () => {
    const text = `${MINIMAL_SPEC.replace('region: westeurope', 'region: marscentral')}defaults: { allowUnlistedRegions: [marscentral] }
vaults: { regions: { northeurope: { name: bv-neu } } }
`;
    const spec = writeSpec(tempDir(), text);
    const result = cli(['validate', '--config', spec, '--format', 'json']);
    expect([result.code, result.stderr]).toEqual([EXIT_OK, '']);
    const report = parse(result.stdout);
    expect(report).toMatchObject({ valid: true, problems: [] });
    expect(report.warnings).toEqual([
      {
        path: 'vaults.regions.northeurope',
        message: 'has no account in this region: the override is unused',
        file: spec,
        line: 11,
        column: 22,
      },
      {
        path: 'accounts[0]',
        message:
          'Region "marscentral" is not in the ADLS vaulted backup support list of 2025-11-18; allowed by `defaults.allowUnlistedRegions`.',
        file: spec,
        line: 7,
        column: 5,
        construct: 'adls-backup/marscentral/Backup-lake01',
      },
    ]);
    // The text form prints the same warnings, one line each.
    const text2 = cli(['validate', '--config', spec]);
    expect(text2.stderr).toContain(`warning: ${spec}:11:22: vaults.regions.northeurope: has no account in this region`);
    expect(text2.stderr).toContain(
      `warning: ${spec}:7:5: accounts[0] (adls-backup/marscentral/Backup-lake01): Region "marscentral"`,
    );
  });

  test('a spec with problems from the schema and from a construct: each coded and located, exit 2', () => {
    const text = MINIMAL_SPEC.replace('containers: [raw]', 'containers: [Raw_Data]').replace('default: P30D', 'default: P3651D');
    expect(text).not.toBe(MINIMAL_SPEC);
    const spec = writeSpec(tempDir(), text);
    const result = cli(['validate', '--config', spec, '--format', 'json']);
    expect([result.code, result.stderr]).toEqual([EXIT_INVALID_INPUT, '']);
    const report = parse(result.stdout);
    expect(report).toMatchObject({ schemaVersion: 1, file: spec, valid: false, warnings: [] });
    // The schema refuses the container name first; the construct's rules run once the schema passes.
    expect(report.problems).toEqual([
      {
        code: 'ADLSBK-CONTAINER-NAME',
        path: 'accounts[0].containers[0]',
        rule: expect.stringContaining('must be a container name: 3-63 lowercase letters'),
        value: '"Raw_Data"',
        message: expect.stringMatching(/^`accounts\[0\]\.containers\[0\]` must be a container name: .*, got: "Raw_Data"$/),
        file: spec,
        line: expect.any(Number),
        column: expect.any(Number),
      },
    ]);
    const fixed = writeSpec(tempDir(), text.replace('[Raw_Data]', '[raw-data]'));
    const again = parse(cli(['validate', '--config', fixed, '--format', 'json']).stdout);
    expect(again.problems).toEqual([
      expect.objectContaining({
        code: 'ADLSBK-RETENTION-DURATION',
        path: 'policies.daily.retention.default',
        // As the spec writes it, not as the construct read it ("3651 days").
        value: '"P3651D"',
      }),
    ]);
  });

  test('a file that cannot be read is a coded problem too', () => {
    const result = cli(['validate', '--config', '/nonexistent/backup.yaml', '--format', 'json']);
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(parse(result.stdout).problems).toEqual([
      {
        code: 'ADLSBK-SPEC-FILE',
        path: '/nonexistent/backup.yaml',
        rule: 'cannot be read as the fleet spec (ENOENT)',
        message: '/nonexistent/backup.yaml cannot be read as the fleet spec (ENOENT)',
      },
    ]);
  });

  test.each([
    [['validate', '--format', 'json'], '--config'],
    [['validate', '--format=json', '--config', 'x.yaml', '--bogus'], 'arguments'],
    [['validate', '--config', 'x.yaml', 'extra', '--format', 'json'], 'arguments'],
  ])('%j: a mistake in the arguments is a JSON document too', (args, path) => {
    const result = cli(args);
    expect([result.code, result.stderr]).toEqual([EXIT_INVALID_INPUT, '']);
    const report = parse(result.stdout);
    expect(report).toMatchObject({ schemaVersion: 1, valid: false, warnings: [] });
    expect(report.problems).toEqual([expect.objectContaining({ code: 'ADLSBK-CLI-USAGE', path })]);
  });

  test('a format it does not know is a usage error, in text', () => {
    const result = cli(['validate', '--config', 'x.yaml', '--format', 'xml']);
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('`--format` must be text or json, got: "xml"');
  });
});
