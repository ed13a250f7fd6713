/**
 * Inputs are recognised by what they are, not by which package made them: a storage account, container, data source
 * or role assignment from the prebuilt provider package or from this package's own bindings (two classes of the same
 * Terraform type, as an app with another provider version holds) is taken alike, and the library's own classes are
 * recognised across copies of the library by their brand.
 */
import { DataAzurermStorageAccount as PrebuiltDataAccount } from '@cdktf/provider-azurerm/lib/data-azurerm-storage-account';
import { StorageAccount as PrebuiltAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer as PrebuiltContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import {
  BackupConfigError,
  BackupSchedule,
  BackupVault,
  DataLakeBackup,
  DataLakeBackupCompliance,
  DataLakeBackupPolicy,
  DataLakeStorageAccount,
  Duration,
  RetentionRule,
} from '../lib';
import {
  DataAzurermStorageAccount as OwnDataAccount,
  StorageAccount as OwnAccount,
  StorageContainer as OwnContainer,
} from '../lib/azurerm';
import { annotationsOf, expectConfigError, INSTANCE_TYPE, newStack, onlyResource, synth, vaultAndPolicy } from './helpers';

const ACCOUNT = {
  resourceGroupName: 'rg-data',
  location: 'westeurope',
  accountKind: 'StorageV2',
  accountTier: 'Standard',
  accountReplicationType: 'ZRS',
  isHnsEnabled: true,
};

function protect(build: (stack: ReturnType<typeof newStack>['stack']) => { account: any; container: any; data?: any }) {
  const { app, stack } = newStack();
  const { account, container, data } = build(stack);
  const { vault, policy } = vaultAndPolicy(stack);
  new DataLakeBackup(stack, 'Lake', {
    vault,
    policy,
    storageAccount: data ? DataLakeStorageAccount.fromDataSource(data) : DataLakeStorageAccount.fromStorageAccount(account),
    containers: [container],
  });
  return { app, stack, json: synth(stack) };
}

describe.each([
  ['the prebuilt provider package', PrebuiltAccount, PrebuiltContainer],
  ["this package's own bindings", OwnAccount, OwnContainer],
])('an account and container made with %s', (_, Account, Container) => {
  test('are protected: the backup reads the account, waits for the container, and grants on the account', () => {
    const { json } = protect((stack) => {
      const account = new Account(stack, 'Account', { ...ACCOUNT, name: 'lakeweu01' });
      return { account, container: new Container(stack, 'Raw', { name: 'raw', storageAccountId: account.id }) };
    });
    const instance = onlyResource(json, INSTANCE_TYPE).config;
    expect(instance.storage_account_id).toBe('${azurerm_storage_account.Account.id}');
    expect(instance.location).toBe('westeurope');
    expect(instance.name).toBe('lakeweu01');
    expect(instance.storage_container_names).toEqual(['raw']);
    expect(instance.depends_on).toContain('azurerm_storage_container.Raw');
    expect(onlyResource(json, 'azurerm_role_assignment').config.scope).toBe('${azurerm_storage_account.Account.id}');
  });

  test("the account's settings are checked as written", () => {
    const { stack } = newStack();
    const account = new Account(stack, 'Account', { ...ACCOUNT, name: 'lakeweu01', isHnsEnabled: false, accountTier: 'Premium' });
    expectConfigError(
      () => DataLakeStorageAccount.fromStorageAccount(account),
      /`isHnsEnabled` must be true.*`accountTier` must be "Standard"/s,
    );
  });
});

test('both kinds give the same Terraform', () => {
  const build = (Account: any, Container: any) =>
    protect((stack) => {
      const account = new Account(stack, 'Account', { ...ACCOUNT, name: 'lakeweu01' });
      return { account, container: new Container(stack, 'Raw', { name: 'raw', storageAccountId: account.id }) };
    }).json;
  expect(build(OwnAccount, OwnContainer)).toEqual(build(PrebuiltAccount, PrebuiltContainer));
});

test.each([
  ['the prebuilt provider package', PrebuiltDataAccount],
  ["this package's own bindings", OwnDataAccount],
])('a storage account data source made with %s becomes plan-time checks', (_, Data) => {
  const { json } = protect((stack) => ({
    account: undefined,
    container: 'raw',
    data: new Data(stack, 'Existing', { name: 'lakeneu07', resourceGroupName: 'rg-data' }),
  }));
  const instance = onlyResource(json, INSTANCE_TYPE).config;
  expect(instance.storage_account_id).toBe('${data.azurerm_storage_account.Existing.id}');
  expect(instance.lifecycle.precondition.map((p: { condition: string }) => p.condition)).toEqual(
    expect.arrayContaining([
      '${(data.azurerm_storage_account.Existing.is_hns_enabled == true)}',
      '${(data.azurerm_storage_account.Existing.nfsv3_enabled != true)}',
      '${(data.azurerm_storage_account.Existing.account_kind == "StorageV2")}',
      '${(data.azurerm_storage_account.Existing.account_tier == "Standard")}',
    ]),
  );
});

describe('what is not a storage account is refused, naming the type expected', () => {
  test.each<[string, (stack: any) => unknown]>([
    ['a container', (stack) => new OwnContainer(stack, 'C', { name: 'raw', storageAccountId: '/a' })],
    ['a data source', (stack) => new OwnDataAccount(stack, 'D', { name: 'lake', resourceGroupName: 'rg' })],
    [
      'a look-alike object',
      () => ({ terraformResourceType: 'azurerm_storage_account', node: {}, getStringAttribute: () => 'x' }),
    ],
  ])('%s', (_, make) => {
    const { stack } = newStack();
    expectConfigError(
      () => DataLakeStorageAccount.fromStorageAccount(make(stack) as never),
      /must be an azurerm_storage_account resource/,
    );
  });

  test('a resource where a data source belongs', () => {
    const { stack } = newStack();
    const account = new OwnAccount(stack, 'A', { ...ACCOUNT, name: 'lakeweu01' });
    expectConfigError(
      () => DataLakeStorageAccount.fromDataSource(account as never),
      /must be an azurerm_storage_account data source/,
    );
  });
});

test('the compliance check finds an unprotected account whichever package made it', () => {
  const { app, stack } = newStack();
  new PrebuiltAccount(stack, 'Prebuilt', { ...ACCOUNT, name: 'lakeweu01' });
  new OwnAccount(stack, 'Own', { ...ACCOUNT, name: 'lakeweu02' });
  DataLakeBackupCompliance.applyTo(stack);
  expect(() => app.synth()).toThrow();
  const findings = annotationsOf(stack, 'error').filter((a) => a.message.includes('[ADLSBK1]'));
  expect(findings.map((f) => f.path).sort()).toEqual(['test/Own', 'test/Prebuilt']);
});

describe("the library's own classes are recognised by brand, not by class", () => {
  // What another copy of the library makes: an object of another class carrying the same brand.
  const fromAnotherCopy = (name: string) => Object.create({ [Symbol.for(`cdktf-adls-backup.${name}`)]: true });

  test.each<[string, (x: unknown) => boolean, unknown]>([
    ['Duration', Duration.isDuration, Duration.days(1)],
    ['BackupSchedule', BackupSchedule.isBackupSchedule, BackupSchedule.daily({ hour: 1 })],
    ['RetentionRule', RetentionRule.isRetentionRule, RetentionRule.monthly(Duration.months(6))],
    [
      'BackupConfigError',
      BackupConfigError.isBackupConfigError,
      new BackupConfigError([{ code: 'ADLSBK-TYPE', path: 'x', rule: 'must be y', message: '`x` must be y' }]),
    ],
  ])('%s', (name, is, own) => {
    expect(is(own)).toBe(true);
    expect(is(fromAnotherCopy(name))).toBe(true);
    expect(is({ ...(own as object) })).toBe(false); // a plain copy of its fields is not one
    expect(is(undefined)).toBe(false);
    expect(is(fromAnotherCopy('SomethingElse'))).toBe(false);
  });

  test('constructs: BackupVault, DataLakeBackupPolicy, DataLakeBackup', () => {
    const { stack } = newStack();
    const vault = new BackupVault(stack, 'Vault', { name: 'bv-weu', resourceGroupName: 'rg', location: 'westeurope' });
    expect(BackupVault.isBackupVault(vault)).toBe(true);
    expect(
      BackupVault.isBackupVault(
        BackupVault.fromVaultAttributes(stack, 'Imported', {
          vaultId:
            '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/bv-x',
          location: 'westeurope',
          principalId: '11111111-2222-3333-4444-555555555555',
        }),
      ),
    ).toBe(false); // an imported vault is an IBackupVault, not a BackupVault
    expect(DataLakeBackupPolicy.isDataLakeBackupPolicy(vault)).toBe(false);
    expect(DataLakeBackup.isDataLakeBackup(fromAnotherCopy('DataLakeBackup'))).toBe(true);
  });
});
