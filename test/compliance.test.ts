// DataLakeBackupCompliance: each rule with a hit and a miss, the levels, suppressions, and how it is applied.
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, Testing, TerraformStack, TerraformVariable } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import {
  BackupSchedule,
  BackupVault,
  ComplianceLevel,
  ComplianceRule,
  DataLakeBackup,
  DataLakeBackupCompliance,
  DataLakeBackupPolicy,
  DataLakeStorageAccount,
  Duration,
  SoftDelete,
} from '../lib';
import { UnprotectedAccountStack } from '../examples/unprotected-account/main';
import { annotationsOf, configErrorOf, expectConfigError, newStack, storageAccountId } from './helpers';

const REGION = 'West Europe';

function lake(stack: TerraformStack, name: string, hns: unknown = true): StorageAccount {
  return new StorageAccount(stack, name, {
    name,
    resourceGroupName: 'rg-data',
    location: REGION,
    accountTier: 'Standard',
    accountReplicationType: 'LRS',
    isHnsEnabled: hns as boolean,
  });
}

function vaultAndPolicy(stack: TerraformStack, opts: { softDelete?: SoftDelete; retention?: Duration } = {}) {
  const vault = new BackupVault(stack, 'Vault', {
    name: 'bv-lake',
    resourceGroupName: 'rg-backup',
    location: REGION,
    softDelete: opts.softDelete,
  });
  const policy = new DataLakeBackupPolicy(stack, 'Policy', {
    vault,
    name: 'adls-daily',
    schedule: BackupSchedule.daily({ hour: 2 }),
    defaultRetention: opts.retention ?? Duration.days(30),
  });
  return { vault, policy };
}

function protect(
  stack: TerraformStack,
  account: StorageAccount,
  opts: Parameters<typeof vaultAndPolicy>[1] = {},
): DataLakeBackup {
  const { vault, policy } = vaultAndPolicy(stack, opts);
  return new DataLakeBackup(stack, `Backup-${account.node.id}`, {
    vault,
    policy,
    storageAccount: DataLakeStorageAccount.fromStorageAccount(account),
    containers: ['raw'],
  });
}

/** Runs the aspects (as synth does) and returns the findings by level. */
function check(stack: TerraformStack) {
  Testing.synth(stack);
  return { errors: annotationsOf(stack, 'error'), warnings: annotationsOf(stack, 'warn'), infos: annotationsOf(stack, 'info') };
}

const ids = (list: { message: string }[]) => list.map((a) => /^\[(\w+)\]/.exec(a.message)?.[1]);

describe('ADLSBK1: every ADLS Gen2 account of the app is protected', () => {
  test('hit: an HNS account without a DataLakeBackup is a synth error on that account', () => {
    const { stack } = newStack();
    DataLakeBackupCompliance.applyTo(stack);
    protect(stack, lake(stack, 'lake01'));
    lake(stack, 'lake02');
    const { errors } = check(stack);
    expect(errors).toEqual([
      {
        path: 'test/lake02',
        message:
          "[ADLSBK1] Storage account 'lake02' has hierarchical namespace on (an ADLS Gen2 data lake) but no DataLakeBackup protects it: protect it with a DataLakeBackup (one that reaches it through a variable or data source in another stack should pass the account's `name`), or suppress the finding with a reason, e.g. for scratch data. To accept it: DataLakeBackupCompliance.suppress(construct, [{ rule: ComplianceRule.UNPROTECTED_ACCOUNT, reason: '...' }]).",
      },
    ]);
  });

  test('miss: accounts protected by resource, by literal ID, or from another stack; accounts without HNS', () => {
    const app = Testing.app();
    const data = new TerraformStack(app, 'data');
    new AzurermProvider(data, 'azurerm', { features: [{}] });
    const backups = new TerraformStack(app, 'backups');
    new AzurermProvider(backups, 'azurerm', { features: [{}] });
    DataLakeBackupCompliance.applyTo(app);
    protect(data, lake(data, 'lake01'));
    lake(data, 'lake02');
    lake(data, 'plainblobs', false);
    lake(data, 'planned', '${var.hns}'); // only known at plan: not judged
    const { vault, policy } = vaultAndPolicy(backups);
    new DataLakeBackup(backups, 'Lake02', {
      vault,
      policy,
      storageAccount: DataLakeStorageAccount.fromAttributes({ storageAccountId: storageAccountId('lake02'), location: REGION }),
      containers: ['raw'],
    });
    expect(check(data).errors).toEqual([]);
    expect(check(backups).errors).toEqual([]);
  });

  test('an account protected by a reference to its ID in the same stack counts as protected', () => {
    const { stack } = newStack();
    DataLakeBackupCompliance.applyTo(stack);
    const account = lake(stack, 'lake01');
    const { vault, policy } = vaultAndPolicy(stack);
    new DataLakeBackup(stack, 'Lake', {
      vault,
      policy,
      storageAccount: DataLakeStorageAccount.fromAttributes({
        storageAccountId: account.id,
        location: REGION,
        name: 'x' + 'y'.repeat(3),
      }),
      containers: ['raw'],
    });
    expect(check(stack).errors).toEqual([]);
  });
});

describe('ADLSBK2: the vault keeps soft delete on', () => {
  test('hit: soft delete Off', () => {
    const { stack } = newStack();
    DataLakeBackupCompliance.applyTo(stack);
    protect(stack, lake(stack, 'lake01'), { softDelete: SoftDelete.OFF });
    const { errors } = check(stack);
    expect(ids(errors)).toEqual(['ADLSBK2']);
    expect(errors[0].path).toBe('test/Backup-lake01');
    expect(errors[0].message).toContain("The vault 'bv-lake' of backup 'test/Backup-lake01' has soft delete off");
  });

  test('miss: soft delete On, and a vault outside the app (not judged)', () => {
    const { stack } = newStack();
    DataLakeBackupCompliance.applyTo(stack);
    protect(stack, lake(stack, 'lake01'), { softDelete: SoftDelete.ON });
    expect(check(stack).errors).toEqual([]);
  });
});

describe('ADLSBK3: the default retention is at least the floor', () => {
  test.each<[Duration, Duration | undefined, boolean]>([
    [Duration.days(6), undefined, true], // default floor: 7 days
    [Duration.days(7), undefined, false],
    [Duration.weeks(4), Duration.months(1), true], // 28 days < 30
    [Duration.days(30), Duration.months(1), false],
    [Duration.months(11), Duration.years(1), true], // 330 < 365
    [Duration.months(12), Duration.days(360), false],
  ])('retention %s with floor %s: finding %s', (retention, floor, hit) => {
    const { stack } = newStack();
    DataLakeBackupCompliance.applyTo(stack, { minimumRetention: floor });
    protect(stack, lake(stack, 'lake01'), { retention });
    const { errors } = check(stack);
    expect(ids(errors)).toEqual(hit ? ['ADLSBK3'] : []);
    if (hit)
      expect(errors[0].message).toContain(
        `keeps backups ${retention} by default, less than the minimum of ${floor ?? Duration.days(7)}`,
      );
  });
});

describe('ADLSBK4: the backup role reaches only storage accounts', () => {
  function grant(stack: TerraformStack, id: string, scope: string, principalId: string, role: { name?: string; id?: string }) {
    return new RoleAssignment(stack, id, { scope, principalId, roleDefinitionName: role.name, roleDefinitionId: role.id });
  }

  test('hit: the role on a resource group (by name) or a subscription (by role ID) for a protecting vault', () => {
    const { stack } = newStack();
    DataLakeBackupCompliance.applyTo(stack);
    const backup = protect(stack, lake(stack, 'lake01'));
    grant(
      stack,
      'OnGroup',
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data',
      backup.vault.principalId,
      {
        name: 'Storage Account Backup Contributor',
      },
    );
    grant(stack, 'OnSubscription', '/subscriptions/00000000-0000-0000-0000-000000000000', backup.vault.principalId, {
      id: '/providers/Microsoft.Authorization/roleDefinitions/e5e2a7ff-d759-4cd2-bb51-3152d37e2eb1',
    });
    const { errors } = check(stack);
    expect(errors.map((e) => [e.path, /^\[(\w+)\]/.exec(e.message)![1]])).toEqual([
      ['test/OnGroup', 'ADLSBK4'],
      ['test/OnSubscription', 'ADLSBK4'],
    ]);
    expect(errors[0].message).toContain(
      'grants Storage Account Backup Contributor to the identity of vault \'bv-lake\' on "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data", wider than a storage account',
    );
  });

  test('hit: the role on a resource group by reference', () => {
    const { stack } = newStack();
    DataLakeBackupCompliance.applyTo(stack);
    const backup = protect(stack, lake(stack, 'lake01'));
    const group = new ResourceGroup(stack, 'Group', { name: 'rg-data', location: REGION });
    grant(stack, 'OnGroup', group.id, backup.vault.principalId, { name: 'Storage Account Backup Contributor' });
    const { errors } = check(stack);
    expect(ids(errors)).toEqual(['ADLSBK4']);
    expect(errors[0].message).toContain('on "${azurerm_resource_group.Group.id}", wider than a storage account');
  });

  test('miss: a scope inside an account, and a scope only known at plan (not judged)', () => {
    const { stack } = newStack();
    DataLakeBackupCompliance.applyTo(stack);
    const backup = protect(stack, lake(stack, 'lake01'));
    grant(stack, 'OnBlobService', `${storageAccountId('lake01')}/blobServices/default`, backup.vault.principalId, {
      name: 'Storage Account Backup Contributor',
    });
    const scope = new TerraformVariable(stack, 'scope', { type: 'string' }).stringValue;
    grant(stack, 'FromVariable', scope, backup.vault.principalId, { name: 'Storage Account Backup Contributor' });
    expect(check(stack).errors).toEqual([]);
  });

  test("miss: the library's own grant on the account, an account by reference, another principal, another role", () => {
    const { stack } = newStack();
    DataLakeBackupCompliance.applyTo(stack);
    const account = lake(stack, 'lake01');
    const backup = protect(stack, account);
    grant(stack, 'ByReference', account.id, backup.vault.principalId, { name: 'Storage Account Backup Contributor' });
    grant(
      stack,
      'OtherPrincipal',
      '/subscriptions/00000000-0000-0000-0000-000000000000',
      '11111111-1111-1111-1111-111111111111',
      {
        name: 'Storage Account Backup Contributor',
      },
    );
    grant(stack, 'OtherRole', '/subscriptions/00000000-0000-0000-0000-000000000000', backup.vault.principalId, {
      name: 'Reader',
    });
    expect(check(stack).errors).toEqual([]);
  });
});

describe('levels and suppressions', () => {
  test('level WARNING reports the same findings as warnings, and synth goes on', () => {
    const { stack } = newStack();
    DataLakeBackupCompliance.applyTo(stack, { level: ComplianceLevel.WARNING });
    lake(stack, 'lake02');
    const { errors, warnings } = check(stack);
    expect(errors).toEqual([]);
    expect(ids(warnings)).toEqual(['ADLSBK1']);
  });

  test('a suppression replaces the finding with its reason, on the construct or any ancestor, for that rule only', () => {
    const { stack } = newStack();
    DataLakeBackupCompliance.applyTo(stack);
    DataLakeBackupCompliance.suppress(lake(stack, 'scratch01'), [
      { rule: ComplianceRule.UNPROTECTED_ACCOUNT, reason: 'Scratch data, rebuilt nightly' },
    ]);
    const backup = protect(stack, lake(stack, 'lake01'), { softDelete: SoftDelete.OFF, retention: Duration.days(1) });
    DataLakeBackupCompliance.suppress(stack, [
      { rule: ComplianceRule.SOFT_DELETE_OFF, reason: 'Sandbox subscription, wiped weekly' },
    ]);
    const { errors, infos } = check(stack);
    expect(errors.map((e) => [e.path, ids([e])[0]])).toEqual([[backup.node.path, 'ADLSBK3']]);
    expect(infos).toEqual([
      {
        path: 'test/scratch01',
        message:
          "[ADLSBK1] suppressed: Storage account 'scratch01' has hierarchical namespace on (an ADLS Gen2 data lake) but no DataLakeBackup protects it. Reason: Scratch data, rebuilt nightly",
      },
      {
        path: 'test/Backup-lake01',
        message:
          "[ADLSBK2] suppressed: The vault 'bv-lake' of backup 'test/Backup-lake01' has soft delete off. Reason: Sandbox subscription, wiped weekly",
      },
    ]);
  });

  test.each<[string, () => void, string]>([
    [
      'no reason',
      () => DataLakeBackupCompliance.suppress(newStack().stack, [{ rule: ComplianceRule.UNPROTECTED_ACCOUNT, reason: '' }]),
      '`suppressions[0].reason` must say why in at least 10 characters',
    ],
    [
      'a short reason',
      () => DataLakeBackupCompliance.suppress(newStack().stack, [{ rule: ComplianceRule.UNPROTECTED_ACCOUNT, reason: 'ok' }]),
      'got: "ok"',
    ],
    [
      'an unknown rule',
      () =>
        DataLakeBackupCompliance.suppress(newStack().stack, [
          { rule: 'ADLSBK9' as ComplianceRule, reason: 'a good long reason' },
        ]),
      '`suppressions[0].rule` must be one of ADLSBK1, ADLSBK2, ADLSBK3, ADLSBK4, got: "ADLSBK9"',
    ],
    [
      'no suppressions',
      () => DataLakeBackupCompliance.suppress(newStack().stack, []),
      '`suppressions` must list at least one { rule, reason }',
    ],
    [
      'not a construct',
      () =>
        DataLakeBackupCompliance.suppress({} as never, [
          { rule: ComplianceRule.UNPROTECTED_ACCOUNT, reason: 'a good long reason' },
        ]),
      '`construct` must be a construct',
    ],
    [
      'a bad level',
      () => DataLakeBackupCompliance.applyTo(newStack().stack, { level: 'fatal' as ComplianceLevel }),
      '`level` must be one of error, warning, got: "fatal"',
    ],
    [
      'a floor in minutes',
      () => DataLakeBackupCompliance.applyTo(newStack().stack, { minimumRetention: Duration.minutes(5) }),
      '`minimumRetention` must be a Duration in days, weeks, months or years',
    ],
    [
      'null as the scope',
      () => DataLakeBackupCompliance.applyTo(null as never),
      '`scope` must be an App or a TerraformStack, got: null',
    ],
    [
      'applied to neither app nor stack',
      () => DataLakeBackupCompliance.applyTo({} as never),
      '`scope` must be an App or a TerraformStack',
    ],
  ])('refuses %s', (_name, build, message) => expectConfigError(build, message));
});

describe('applying it, and the examples', () => {
  const outdir = () => mkdtempSync(join(tmpdir(), 'compliance-'));

  test('the unprotected-account example fails synth naming the account, and passes once both are protected', () => {
    const failing = new App({ outdir: outdir() });
    new UnprotectedAccountStack(failing, 'unprotected-account');
    expect(() => failing.synth()).toThrow(/\[unprotected-account\/lakeweu02\] \[ADLSBK1\] Storage account 'lakeweu02'/);
    const passing = new App({ outdir: outdir() });
    new UnprotectedAccountStack(passing, 'unprotected-account', { protectBoth: true });
    expect(() => passing.synth()).not.toThrow();
  });

  test('applyTo(app) checks every stack, and a stack created afterwards fails app.synth()', () => {
    const app = new App({ outdir: outdir() });
    const early = new TerraformStack(app, 'early');
    new AzurermProvider(early, 'azurerm', { features: [{}] });
    DataLakeBackupCompliance.applyTo(app);
    lake(early, 'lake01');
    expect(() => app.synth()).toThrow(/\[early\/lake01\] \[ADLSBK1\]/);

    const app2 = new App({ outdir: outdir() });
    DataLakeBackupCompliance.applyTo(app2);
    const late = new TerraformStack(app2, 'late');
    new AzurermProvider(late, 'azurerm', { features: [{}] });
    const error = configErrorOf(() => app2.synth());
    expect(error.problems).toEqual([
      expect.objectContaining({ code: 'ADLSBK-COMPLIANCE-SCOPE', path: 'scope', value: '"late"' }),
    ]);
    expect(error.message).toContain('this one was created after it, so it was not checked');
  });

  test('props may be left out or null', () => {
    const { stack } = newStack();
    DataLakeBackupCompliance.applyTo(stack, null as never);
    lake(stack, 'lake01');
    expect(ids(check(stack).errors)).toEqual(['ADLSBK1']);
  });

  test('a finding is reported once, however often the stack is synthesized or the check applied', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'test');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    DataLakeBackupCompliance.applyTo(stack);
    DataLakeBackupCompliance.applyTo(app);
    lake(stack, 'lake01');
    Testing.synth(stack);
    expect(ids(check(stack).errors)).toEqual(['ADLSBK1']);
  });

  test("a backup in another stack than its account: the library's own grant and the account both pass app.synth()", () => {
    const app = new App({ outdir: outdir() });
    const data = new TerraformStack(app, 'data');
    new AzurermProvider(data, 'azurerm', { features: [{}] });
    const backups = new TerraformStack(app, 'backups');
    new AzurermProvider(backups, 'azurerm', { features: [{}] });
    const account = lake(data, 'lakecross');
    const { vault, policy } = vaultAndPolicy(backups);
    new DataLakeBackup(backups, 'Cross', {
      vault,
      policy,
      storageAccount: DataLakeStorageAccount.fromStorageAccount(account),
      containers: ['raw'],
    });
    const other = lake(data, 'lakeother');
    new DataLakeBackup(backups, 'ById', {
      vault,
      policy,
      storageAccount: DataLakeStorageAccount.fromAttributes({ storageAccountId: other.id, location: REGION }),
      containers: ['raw'],
      grantAccess: false,
    });
    DataLakeBackupCompliance.applyTo(app);
    expect(() => app.synth()).not.toThrow();
  });
});
