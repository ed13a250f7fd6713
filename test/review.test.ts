// The review report: checked against a committed golden text for the examples, and on edited copies of them
// for what a reviewer must be told (ordering, warnings, bad input, big vaults).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import {
  BackupSchedule,
  BackupVault,
  DataLakeBackup,
  DataLakeBackupPolicy,
  DataLakeStorageAccount,
  DayOfWeek,
  Duration,
} from '../lib';
import { InputError } from '../lib/errors';
import { reviewOutDir, ReviewReport } from '../lib/review';
import { editedCopy, onlyOf, synthExamples } from './support/example-output';
import { criteriaWords, goDurationWords, isoDurationWords, ruleWords, scheduleWords } from '../lib/review/words';
import { INSTANCE_TYPE, storageAccountId, vaultId } from './helpers';
import { expectGolden } from './support/golden';

const GOLDEN = path.join(__dirname, 'expected', 'review-examples.md');
let tmp: string;
let examples: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'review-'));
  examples = path.join(tmp, 'examples');
  synthExamples(examples);
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A copy of the examples' output whose stack `stack` is edited by `edit`. */
function edited(name: string, stack: string, edit: (json: any) => void): string {
  return editedCopy(examples, tmp, name, stack, edit);
}

const only = onlyOf;

function jsonReview(dir: string): ReviewReport {
  return JSON.parse(reviewOutDir(dir, { format: 'json' }));
}

/** The markdown section of one vault (from its heading to the next vault's). */
function vaultSection(markdown: string, heading: string): string {
  const start = markdown.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const next = markdown.indexOf('\n## ', start + heading.length);
  return markdown.slice(start, next < 0 ? undefined : next);
}

describe('the examples', () => {
  test('markdown is the committed golden text', () => {
    expectGolden(GOLDEN, reviewOutDir(examples));
  });

  test('the same input gives the same bytes, and md is the default format', () => {
    expect(reviewOutDir(examples)).toBe(reviewOutDir(examples, { format: 'md' }));
    expect(reviewOutDir(examples, { format: 'json' })).toBe(reviewOutDir(examples, { format: 'json' }));
    expect(reviewOutDir(examples, { format: 'json' }).endsWith('}\n')).toBe(true);
  });

  test('json carries the key facts', () => {
    const report = jsonReview(examples);
    expect(report.stacks.map((s) => s.name)).toEqual(['complete', 'existing-account', 'quickstart']);
    expect(report.summary).toEqual({ vaults: 3, policies: 3, protectedAccounts: 3, restoreGrants: 1, warnings: 0 });
    expect(report.changes).toBeUndefined();
    expect(report.vaults.map((v) => [v.stack, v.name, v.resourceGroup])).toEqual([
      ['complete', 'bv-lake-weu', 'rg-lake-weu'], // resolved from azurerm_resource_group.Group.name
      ['existing-account', 'bv-lake-neu', 'rg-backup-neu'],
      ['quickstart', 'bv-lake-weu', 'rg-backup-weu'],
    ]);

    const [complete, existing, quickstart] = report.vaults;
    expect(complete.softDelete).toEqual({ mode: 'On', retentionDays: 30 });
    expect(complete.deletionLocks).toEqual([
      expect.objectContaining({ name: 'bv-lake-weu-cannot-delete', level: 'CanNotDelete' }),
    ]);
    expect(complete.policies[0].retention.rules.map((r) => [r.name, r.words])).toEqual([
      ['Yearly', 'first backup of each year kept 10 years'],
      ['Monthly', 'first backup of each month kept 12 months'],
      ['Weekly', 'first backup of each week kept 12 weeks'],
    ]);
    const lake = complete.accounts[0];
    expect(lake).toMatchObject({
      account: 'lakeweu01',
      via: 'resource',
      policy: 'adls-daily-ltr',
      containers: { count: 3, names: ['raw', 'curated', 'published'], waitedFor: ['raw', 'curated', 'published'] },
      wait: { duration: '600s', words: '10 minutes' },
      ordering: { ok: true, problems: [] },
      preventDestroy: true,
    });
    expect(complete.restoreGrants.map((g) => [g.account, g.kind])).toEqual([['lakeweu01restore', 'restore']]);

    expect(existing.policies[0].schedule.words).toBe('weekly on Wednesday and Saturday at 23:00 GMT Standard Time (UTC+00:00)');
    expect(existing.accounts[0]).toMatchObject({
      account: 'lakeneu07',
      via: 'data source',
      resourceGroup: 'rg-data-neu',
      regionKnownAtSynth: false,
    });
    expect(existing.accounts[0].preconditions).toEqual([
      'same region as the vault',
      'hierarchical namespace on',
      'NFS 3.0 off',
      'StorageV2',
      'Standard tier',
    ]);

    expect(quickstart.policies[0].words).toBe('daily at 02:30 W. Europe Standard Time (UTC+01:00), kept 30 days');
    expect(quickstart.accounts[0]).toMatchObject({
      account: 'lakeweu01',
      via: 'ID',
      resourceGroup: 'rg-data-weu',
      wait: { words: '5 minutes' },
    });
    expect(quickstart.ordering[0].edges).toHaveLength(2); // role -> wait -> instance; the implied role -> instance left out
  });
});

describe('plain words', () => {
  test('schedules', () => {
    expect(scheduleWords(['R/2024-01-01T02:30:00+01:00/P1D'], 'W. Europe Standard Time')).toBe(
      'daily at 02:30 W. Europe Standard Time (UTC+01:00)',
    );
    expect(scheduleWords(['R/2024-01-01T02:30:00+01:00/P1D'], undefined)).toBe('daily at 02:30 (UTC+01:00)');
    expect(scheduleWords(['R/2024-01-01T02:30:00+00:00/P1D'], 'UTC')).toBe('daily at 02:30 UTC');
    expect(scheduleWords(['R/2024-01-01T02:30:00+01:00/P1D'], 'UTC')).toBe('daily at 02:30 UTC (UTC+01:00)');
    // 2024-01-07 is a Sunday, 2024-01-03 a Wednesday.
    expect(scheduleWords(['R/2024-01-07T02:00:00+00:00/P1W', 'R/2024-01-03T02:00:00+00:00/P1W'], undefined)).toBe(
      'weekly on Sunday and Wednesday at 02:00 UTC',
    );
    // The weekday is the date's own, not the UTC instant's (00:30 at +02:00 is still Monday there).
    expect(scheduleWords(['R/2024-01-01T00:30:00+02:00/P1W'], undefined)).toBe('weekly on Monday at 00:30 (UTC+02:00)');
    expect(scheduleWords(['R/2024-01-01T01:00:00Z/P1W', 'R/2024-01-02T03:00:00Z/P1W'], undefined)).toBe(
      'weekly on Monday at 01:00 UTC; weekly on Tuesday at 03:00 UTC',
    );
  });

  test('a schedule that does not parse is shown verbatim', () => {
    expect(scheduleWords(['R/2024-13-01T02:30:00+01:00/P1D'], undefined)).toBe(
      'custom schedule: R/2024-13-01T02:30:00+01:00/P1D',
    );
    expect(scheduleWords(['R/2024-01-01T02:30:00Z/PT4H'], 'UTC')).toBe(
      'custom schedule: R/2024-01-01T02:30:00Z/PT4H (time zone UTC)',
    );
    expect(scheduleWords('${var.schedule}', undefined)).toBe('custom schedule: ${var.schedule}');
    expect(scheduleWords([], undefined)).toBe('custom schedule: (none)');
  });

  test('every retention criterion', () => {
    const kinds: [string, string][] = [
      ['AllBackup', 'every backup'],
      ['FirstOfDay', 'first backup of each day'],
      ['FirstOfWeek', 'first backup of each week'],
      ['FirstOfMonth', 'first backup of each month'],
      ['FirstOfYear', 'first backup of each year'],
    ];
    for (const [criteria, words] of kinds) expect(criteriaWords({ absolute_criteria: criteria })).toBe(words);
    expect(criteriaWords({ absolute_criteria: 'FirstOfDecade' })).toBe('backups matching FirstOfDecade');
    expect(criteriaWords({ days_of_week: ['Sunday'] })).toBe('backups on Sunday');
    // Week names are lower case in running text; months and days keep their capitals.
    expect(criteriaWords({ days_of_week: ['Saturday'], weeks_of_month: ['First'] })).toBe(
      'backups on Saturday in the first week of each month',
    );
    expect(criteriaWords({ days_of_week: ['Sunday'], weeks_of_month: ['Second', 'Third', 'Fourth'] })).toBe(
      'backups on Sunday in the second, third and fourth week of each month',
    );
    expect(criteriaWords({ days_of_week: ['Sunday'], months_of_year: ['January', 'July'] })).toBe(
      'backups on Sunday in January and July',
    );
    expect(
      ruleWords({
        days_of_week: ['Sunday'],
        weeks_of_month: ['First', 'Last'],
        months_of_year: ['January', 'July'],
        duration: 'P10Y',
      }),
    ).toBe('backups on Sunday in the first and last week of January and July kept 10 years');
    expect(criteriaWords({ days_of_week: ['Monday', 'Friday'], scheduled_backup_times: ['2021-05-23T02:30:00Z'] })).toBe(
      'backups on Monday and Friday at 02:30 UTC',
    );
    expect(criteriaWords({ name: 'Broken' })).toBe('no criteria (neither absolute_criteria nor days_of_week)');
  });

  test('durations', () => {
    expect(['P30D', 'P12W', 'P12M', 'P10Y', 'P1Y', 'P1D', 'P1Y6M'].map(isoDurationWords)).toEqual([
      '30 days',
      '12 weeks',
      '12 months',
      '10 years',
      '1 year',
      '1 day',
      '1 year 6 months',
    ]);
    expect(isoDurationWords('30 days')).toBe('30 days'); // not ISO 8601: verbatim
    expect(isoDurationWords('P')).toBe('P');
    expect(['300s', '600s', '90s', '1h', '2m', '3600s'].map(goDurationWords)).toEqual([
      '5 minutes',
      '10 minutes',
      '1 minute 30 seconds',
      '1 hour',
      '2 minutes',
      '1 hour',
    ]);
    expect(goDurationWords('5 fortnights')).toBe('5 fortnights');
  });
});

describe('ordering', () => {
  test('an instance without depends_on: a warning, and no edge to it in the diagram', () => {
    const dir = edited('no-depends-on', 'quickstart', (json) => delete only(json, INSTANCE_TYPE).depends_on);
    const markdown = reviewOutDir(dir);
    const section = vaultSection(markdown, '## Vault `bv-lake-weu` (stack `quickstart`)');
    expect(section).toContain(
      '⚠ `lakeweu01`: role before backup is not guaranteed: the instance does not depend on the role assignment; no wait (time_sleep) before the instance.',
    );
    const diagram = section.slice(section.indexOf('```mermaid'), section.lastIndexOf('```'));
    expect(diagram).toContain('backup_Lake_5F1B88EA["backup lakeweu01"]');
    expect(diagram).not.toMatch(/--> backup_/);
    expect(section).toContain(
      '| ✘ the instance does not depend on the role assignment; no wait (time_sleep) before the instance |',
    );

    const report = jsonReview(dir);
    expect(report.vaults[2].accounts[0].ordering).toMatchObject({ ok: false });
    expect(report.summary.warnings).toBe(1);
    expect(markdown).toContain('· 1 warning**');
  });

  test('a wait that does not depend on the role is flagged', () => {
    const dir = edited('wait-not-on-role', 'quickstart', (json) => {
      const wait = only(json, 'time_sleep');
      delete wait.depends_on;
      delete wait.triggers; // a reference orders as depends_on does: take both away
    });
    const report = jsonReview(dir);
    const account = report.vaults[2].accounts[0];
    expect(account.ordering).toEqual({
      ok: false,
      status: '✘ the wait does not depend on the role assignment',
      problems: ['the wait does not depend on the role assignment'],
    });
    expect(report.vaults[2].ordering[0].edges.map(([from, to]) => `${from} -> ${to}`).sort()).toEqual([
      'quickstart:azurerm_role_assignment.Vault_BackupAccess-lakeweu01_CF0661BC -> quickstart:azurerm_data_protection_backup_instance_data_lake_storage.Lake_5F1B88EA',
      'quickstart:time_sleep.Lake_RolePropagationWait_0651F5C9 -> quickstart:azurerm_data_protection_backup_instance_data_lake_storage.Lake_5F1B88EA',
    ]);
  });

  test('a wait ordered after the role by its triggers reference alone is still ordered', () => {
    const dir = edited('wait-by-reference', 'quickstart', (json) => delete only(json, 'time_sleep').depends_on);
    expect(jsonReview(dir).vaults[2].accounts[0].ordering.ok).toBe(true);
  });

  test('the role named by its definition ID counts as the role', () => {
    const dir = edited('role-by-id', 'quickstart', (json) => {
      const role = only(json, 'azurerm_role_assignment');
      delete role.role_definition_name;
      role.role_definition_id = '/providers/Microsoft.Authorization/roleDefinitions/e5e2a7ff-d759-4cd2-bb51-3152d37e2eb1';
    });
    expect(jsonReview(dir).vaults[2].accounts[0].ordering.ok).toBe(true);
  });

  test("a grant to another principal is not the vault's: listed with an unknown vault", () => {
    const dir = edited('role-other-principal', 'quickstart', (json) => {
      only(json, 'azurerm_role_assignment').principal_id = '99999999-8888-7777-6666-555555555555';
    });
    const report = jsonReview(dir);
    expect(report.vaults[2].accounts[0].ordering.problems).toEqual([
      'no Storage Account Backup Contributor grant for the vault on this account in this configuration (a grant on this account is for another principal)',
    ]);
    expect(report.otherGrants.map((g) => [g.account, g.principal])).toEqual([
      ['lakeweu01', '99999999-8888-7777-6666-555555555555'],
    ]);
    expect(reviewOutDir(dir)).toContain(
      '## Grants with an unknown vault\n\nStorage Account Backup Contributor grants whose principal is not the identity of a vault this review knows:\n\n' +
        '- `lakeweu01` (by ID · rg-data-weu): principal `99999999-8888-7777-6666-555555555555` (`azurerm_role_assignment.Vault_BackupAccess-lakeweu01_CF0661BC`, stack `quickstart`)\n',
    );
  });

  test('a role assignment on another account does not count', () => {
    const dir = edited('role-elsewhere', 'quickstart', (json) => {
      only(json, 'azurerm_role_assignment').scope = storageAccountId('otheraccount', 'rg-data-weu');
    });
    const vault = jsonReview(dir).vaults[2];
    expect(vault.accounts[0].ordering.problems).toEqual([
      'no Storage Account Backup Contributor grant for the vault on this account in this configuration',
    ]);
    expect(vault.restoreGrants.map((g) => g.account)).toEqual(['otheraccount']);
  });

  test('the instance naming the account by ID and the grant by its data source: one account, in any letter case', () => {
    const dir = edited('id-and-data-source', 'existing-account', (json) => {
      only(json, INSTANCE_TYPE).storage_account_id = storageAccountId('LAKENEU07', 'RG-Data-NEU');
    });
    const [, existing] = jsonReview(dir).vaults;
    expect(existing.accounts[0]).toMatchObject({ account: 'LAKENEU07', key: 'rg-data-neu/lakeneu07', via: 'ID' });
    expect(existing.accounts[0].ordering).toEqual({ ok: true, status: '✔ role → wait → instance', problems: [] });
    expect(existing.restoreGrants).toEqual([]);
  });
});

describe('warnings', () => {
  test('irreversible settings, unlisted region, no prevent_destroy', () => {
    const dir = edited('risky-vault', 'quickstart', (json) => {
      const vault = only(json, 'azurerm_data_protection_backup_vault');
      Object.assign(vault, {
        soft_delete: 'AlwaysOn',
        immutability: 'Locked',
        cross_region_restore_enabled: true,
        location: 'Atlantis North',
      });
      delete vault.lifecycle;
      delete only(json, INSTANCE_TYPE).lifecycle;
    });
    const vault = jsonReview(dir).vaults[2];
    expect(vault.warnings).toEqual([
      'Soft delete is AlwaysOn: irreversible, it can never be turned off.',
      'Immutability is Locked: irreversible; recovery points cannot be deleted before they expire, and azurerm replaces the vault if it changes.',
      'Cross-region restore is on: irreversible (azurerm replaces the vault to turn it off), and ADLS backups cannot use it.',
      'The vault has no prevent_destroy: `terraform destroy` or a replacement deletes it with every recovery point.',
      'Unlisted region "Atlantis North": not in the ADLS vaulted backup support list of 2025-11-18.',
      '`lakeweu01`: the backup instance has no prevent_destroy: a destroy or replacement stops protection.',
      '`lakeweu01`: the instance is in westeurope but the vault in Atlantis North: Azure needs the same region.',
    ]);
    const section = vaultSection(reviewOutDir(dir), '## Vault `bv-lake-weu` (stack `quickstart`)');
    expect(section).toContain('| soft delete | AlwaysOn, 14 days (irreversible) |');
    expect(section).toContain('| immutability | Locked (irreversible) |');
    expect(section).toContain('| cross-region restore | on (irreversible) |');
    expect(section).toContain('| prevent_destroy | ✘ not set |');
  });

  test('soft delete Off', () => {
    const dir = edited('soft-delete-off', 'quickstart', (json) => {
      only(json, 'azurerm_data_protection_backup_vault').soft_delete = 'Off';
    });
    expect(jsonReview(dir).vaults[2].warnings).toEqual([
      'Soft delete is Off: deleted backup data is gone at once, with no protection against accidental or malicious deletion.',
    ]);
  });

  test('containers near the limit: from 90', () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => `c${String(i).padStart(3, '0')}`);
    const at89 = edited('containers-89', 'quickstart', (json) => (only(json, INSTANCE_TYPE).storage_container_names = names(89)));
    const at90 = edited('containers-90', 'quickstart', (json) => (only(json, INSTANCE_TYPE).storage_container_names = names(90)));
    expect(jsonReview(at89).vaults[2].warnings).toEqual([]);
    expect(jsonReview(at90).vaults[2].warnings).toEqual([
      '`lakeweu01`: 90 containers, near the limit of 100 per account (support matrix; azurerm before 4.79.0).',
    ]);
    expect(reviewOutDir(at90)).toContain('| 90: c000, c001, c002, c003, c004, c005, c006, c007, c008, c009, … (+80) |');
  });

  test('containers near the limit: from 900 where the stack admits only azurerm 4.79.0 and later', () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => `c${String(i).padStart(3, '0')}`);
    const listing = (n: number, constraint: string) => (json: any) => {
      only(json, INSTANCE_TYPE).storage_container_names = names(n);
      json.terraform.required_providers.azurerm.version = constraint;
    };
    const narrowed = '>= 4.79.0, >= 4.68.0, < 6.0.0';
    expect(jsonReview(edited('containers-150', 'quickstart', listing(150, narrowed))).vaults[2].warnings).toEqual([]);
    expect(jsonReview(edited('containers-899', 'quickstart', listing(899, narrowed))).vaults[2].warnings).toEqual([]);
    expect(jsonReview(edited('containers-900', 'quickstart', listing(900, narrowed))).vaults[2].warnings).toEqual([
      '`lakeweu01`: 900 containers, near the limit of 1000 per account (azurerm from 4.79.0).',
    ]);
    // The same 150 under a constraint that still admits 4.78: over the limit of 100.
    expect(jsonReview(edited('containers-150-old', 'quickstart', listing(150, '>= 4.68.0, < 6.0.0'))).vaults[2].warnings).toEqual(
      ['`lakeweu01`: 150 containers, over the limit of 100 per account (support matrix; azurerm before 4.79.0).'],
    );
  });

  test('a container created here that the instance does not wait for', () => {
    const dir = edited('container-not-waited', 'complete', (json) => {
      const instance = only(json, INSTANCE_TYPE);
      instance.depends_on = instance.depends_on.filter((d: string) => d !== 'azurerm_storage_container.Container-raw');
    });
    const vault = jsonReview(dir).vaults[0];
    expect(vault.warnings).toEqual([
      '`lakeweu01`: the instance does not wait for containers this configuration creates (raw): Azure refuses containers that do not exist yet.',
    ]);
    expect(vault.accounts[0].ordering.ok).toBe(true);
  });
});

describe('findings in the JSON report: code, severity, sentence and where', () => {
  const VAULT = { stack: 'quickstart', vault: 'bv-lake-weu', vaultKey: 'bv-lake-weu in rg-backup-weu' };
  const findingsOf = (dir: string, code: string) => jsonReview(dir).findings.filter((f) => f.code === code);

  test('a retention rule with no criteria: an error about its policy', () => {
    const dir = edited('rule-no-criteria', 'quickstart', (json) => {
      only(json, 'azurerm_data_protection_backup_policy_data_lake_storage').retention_rule = [
        { name: 'Weekly', duration: 'P12W', priority: 25 },
      ];
    });
    expect(findingsOf(dir, 'REVIEW-RULE-NO-CRITERIA')).toEqual([
      {
        code: 'REVIEW-RULE-NO-CRITERIA',
        severity: 'error',
        message:
          'Policy `adls-daily-30d`: retention rule `Weekly` has neither absolute_criteria nor days_of_week: azurerm fails at apply.',
        ...VAULT,
        policy: 'adls-daily-30d',
      },
    ]);
  });

  test('a policy of another vault: an error about the account whose instance uses it', () => {
    const dir = edited('policy-of-other-vault', 'quickstart', (json) => {
      json.resource.azurerm_data_protection_backup_vault.Other = {
        ...only(json, 'azurerm_data_protection_backup_vault'),
        name: 'bv-lake-weu-other',
      };
      json.resource.azurerm_data_protection_backup_policy_data_lake_storage.DailyPolicy_0C88268A.data_protection_backup_vault_id =
        '${azurerm_data_protection_backup_vault.Other.id}';
    });
    expect(findingsOf(dir, 'REVIEW-POLICY-OF-OTHER-VAULT')).toEqual([
      {
        code: 'REVIEW-POLICY-OF-OTHER-VAULT',
        severity: 'error',
        message: '`lakeweu01`: policy `adls-daily-30d` belongs to another vault: Azure refuses it.',
        ...VAULT,
        account: 'lakeweu01',
      },
    ]);
  });

  test("an unlisted instance region, the vault's read at plan: a warning about the account", () => {
    const dir = edited('instance-region-unlisted', 'quickstart', (json) => {
      only(json, 'azurerm_data_protection_backup_vault').location = '${var.location}';
      only(json, INSTANCE_TYPE).location = 'Atlantis North';
    });
    expect(findingsOf(dir, 'REVIEW-INSTANCE-REGION-UNLISTED')).toEqual([
      {
        code: 'REVIEW-INSTANCE-REGION-UNLISTED',
        severity: 'warning',
        message: '`lakeweu01`: unlisted region "Atlantis North": not in the ADLS vaulted backup support list of 2025-11-18.',
        ...VAULT,
        account: 'lakeweu01',
      },
    ]);
  });
});

describe('bad input', () => {
  function inputError(run: () => unknown): InputError {
    let error: unknown;
    try {
      run();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }

  test('a missing directory', () => {
    const missing = path.join(tmp, 'nowhere');
    const refused = inputError(() => reviewOutDir(missing));
    expect(refused.message).toBe(`${missing} does not exist (the output directory)`);
    expect(refused.problems).toEqual([
      {
        code: 'ADLSBK-REVIEW-INPUT',
        path: missing,
        rule: 'does not exist (the output directory)',
        message: refused.message,
      },
    ]);
    expect(inputError(() => reviewOutDir(examples, { base: missing })).message).toBe(
      `${missing} does not exist (the base directory)`,
    );
  });

  test('no manifest.json', () => {
    const empty = fs.mkdtempSync(path.join(tmp, 'empty-'));
    expect(inputError(() => reviewOutDir(empty)).message).toContain(`${path.join(empty, 'manifest.json')} not found`);
  });

  test('a manifest or stack file that is not JSON, or a stack file missing', () => {
    const broken = edited('broken-manifest', 'quickstart', () => undefined);
    fs.writeFileSync(path.join(broken, 'manifest.json'), '{ "stacks": ');
    expect(inputError(() => reviewOutDir(broken)).message).toMatch(
      new RegExp(`^${escape(path.join(broken, 'manifest.json'))} is not valid JSON`),
    );

    const brokenStack = edited('broken-stack', 'quickstart', () => undefined);
    const stackFile = path.join(brokenStack, 'stacks', 'complete', 'cdk.tf.json');
    fs.writeFileSync(stackFile, 'not json');
    expect(inputError(() => reviewOutDir(brokenStack)).message).toMatch(
      new RegExp(`^${escape(stackFile)} is not valid JSON \\(stack "complete"\\)`),
    );

    const missingStack = edited('missing-stack', 'quickstart', () => undefined);
    fs.rmSync(path.join(missingStack, 'stacks', 'existing-account'), { recursive: true });
    expect(inputError(() => reviewOutDir(missingStack)).message).toBe(
      `${path.join(missingStack, 'stacks', 'existing-account', 'cdk.tf.json')} not found: manifest.json lists it for stack "existing-account"`,
    );
  });

  test('an unknown format', () => {
    expect(inputError(() => reviewOutDir(examples, { format: 'html' as 'md' })).message).toBe(
      '`format` must be md or json, got: "html"',
    );
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('stacks beyond the examples', () => {
  test('a big vault draws 10 chains and counts the rest; a different chain is listed', () => {
    const outdir = path.join(tmp, 'big');
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'big');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    const vault = new BackupVault(stack, 'Vault', { name: 'bv-big', resourceGroupName: 'rg-backup', location: 'West Europe' });
    const policy = new DataLakeBackupPolicy(stack, 'Policy', {
      vault,
      name: 'daily',
      schedule: BackupSchedule.daily({ hour: 1 }),
      defaultRetention: Duration.days(7),
    });
    for (let i = 0; i < 40; i++) {
      const name = `lake${String(i).padStart(2, '0')}`;
      new DataLakeBackup(stack, `Backup-${name}`, {
        vault,
        policy,
        storageAccount: DataLakeStorageAccount.fromAttributes({
          storageAccountId: storageAccountId(name),
          location: 'West Europe',
        }),
        containers: ['raw'],
        rolePropagationWait: name === 'lake35' ? false : undefined,
      });
    }
    app.synth();

    const markdown = reviewOutDir(outdir);
    const diagram = markdown.slice(markdown.indexOf('```mermaid'), markdown.indexOf('```\n', markdown.indexOf('```mermaid') + 3));
    expect(diagram.match(/\["backup lake\d\d"\]/g)).toEqual(Array.from({ length: 10 }, (_, i) => `["backup lake0${i}"]`));
    expect(markdown).toContain('… and 29 more instances with the same ordering as drawn above.');
    expect(markdown).toContain('Not drawn, with another ordering (1):\n\n- `lake35`: ✘ no wait (time_sleep) before the instance');
    const report = jsonReview(outdir);
    expect(report.vaults[0].accounts).toHaveLength(40);
    expect(report.summary.warnings).toBe(1);
  });

  test('an imported vault is shown by its name, outside this configuration; its grant matched by principal', () => {
    const outdir = path.join(tmp, 'imported');
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'lake');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    const principalId = '11111111-2222-3333-4444-555555555555';
    const vault = BackupVault.fromVaultAttributes(stack, 'Vault', {
      vaultId: vaultId('bv-central'),
      location: 'West Europe',
      principalId,
    });
    const policy = new DataLakeBackupPolicy(stack, 'Policy', {
      vault,
      name: 'weekly',
      schedule: BackupSchedule.weekly({ days: [DayOfWeek.SUNDAY], hour: 3 }),
      defaultRetention: Duration.weeks(12),
    });
    new DataLakeBackup(stack, 'Lake', {
      vault,
      policy,
      storageAccount: DataLakeStorageAccount.fromAttributes({
        storageAccountId: storageAccountId('lakecentral'),
        location: 'West Europe',
      }),
      containers: ['raw'],
    });
    vault.grantRestoreAccess(
      DataLakeStorageAccount.fromAttributes({ storageAccountId: storageAccountId('lakerestore'), location: 'West Europe' }),
    );
    app.synth();

    const report = jsonReview(outdir);
    expect(report.vaults).toHaveLength(1);
    expect(report.vaults[0]).toMatchObject({
      name: 'bv-central',
      resourceGroup: 'rg-backup',
      outsideConfiguration: true,
      stack: 'lake',
    });
    expect(report.vaults[0].accounts[0]).toMatchObject({ account: 'lakecentral', ordering: { ok: true } });
    expect(report.vaults[0].restoreGrants.map((g) => g.account)).toEqual(['lakerestore']);
    expect(report.otherGrants).toEqual([]);
    expect(reviewOutDir(outdir)).toContain(
      `## Vault \`bv-central\` (outside this configuration; used from stack \`lake\`)\n\nReferenced by ID \`${vaultId('bv-central')}\`: its settings are not in this configuration.`,
    );
  });

  test('a vault read by a data source is outside this configuration; its identity is matched through the data source', () => {
    const dir = edited('vault-data-source', 'quickstart', (json) => {
      delete json.resource.azurerm_data_protection_backup_vault;
      json.data = { azurerm_data_protection_backup_vault: { Central: { name: 'bv-central', resource_group_name: 'rg-backup' } } };
      const ref = '${data.azurerm_data_protection_backup_vault.Central';
      only(json, INSTANCE_TYPE).data_protection_backup_vault_id = `${ref}.id}`;
      only(json, 'azurerm_data_protection_backup_policy_data_lake_storage').data_protection_backup_vault_id = `${ref}.id}`;
      only(json, 'azurerm_role_assignment').principal_id = `${ref}.identity[0].principal_id}`;
    });
    const report = jsonReview(dir);
    const vault = report.vaults.find((v) => v.stack === 'quickstart')!;
    expect(vault).toMatchObject({
      name: 'bv-central',
      resourceGroup: 'rg-backup',
      outsideConfiguration: true,
      dataSource: 'data.azurerm_data_protection_backup_vault.Central',
    });
    expect(vault.policies.map((p) => p.name)).toEqual(['adls-daily-30d']);
    expect(vault.accounts[0].ordering.ok).toBe(true);
    expect(report.otherGrants).toEqual([]);
    expect(reviewOutDir(dir)).toContain(
      'Referenced by the data source `data.azurerm_data_protection_backup_vault.Central`: its settings are not in this configuration.',
    );
  });

  test('a backup in another stack than its vault: followed through the cross-stack reference', () => {
    const outdir = path.join(tmp, 'cross-stack');
    const app = new App({ outdir });
    const vaults = new TerraformStack(app, 'vaults');
    new AzurermProvider(vaults, 'azurerm', { features: [{}] });
    const vault = new BackupVault(vaults, 'Vault', {
      name: 'bv-shared',
      resourceGroupName: 'rg-backup',
      location: 'West Europe',
    });
    const policy = new DataLakeBackupPolicy(vaults, 'Policy', {
      vault,
      name: 'daily',
      schedule: BackupSchedule.daily({ hour: 1 }),
      defaultRetention: Duration.days(7),
    });
    const lakes = new TerraformStack(app, 'lakes');
    new AzurermProvider(lakes, 'azurerm', { features: [{}] });
    new DataLakeBackup(lakes, 'Lake', {
      vault,
      policy,
      storageAccount: DataLakeStorageAccount.fromAttributes({
        storageAccountId: storageAccountId('lakeremote'),
        location: 'West Europe',
      }),
      containers: ['raw'],
    });
    app.synth();

    const report = jsonReview(outdir);
    expect(report.vaults.map((v) => v.name)).toEqual(['bv-shared']);
    expect(report.vaults[0].accounts[0]).toMatchObject({
      account: 'lakeremote',
      stack: 'lakes',
      policy: 'daily',
      ordering: { ok: true },
    });
    expect(report.vaults[0].policies[0].usedBy).toEqual(['lakeremote']);
  });
});
