import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { DataAzurermStorageAccount } from '@cdktf/provider-azurerm/lib/data-azurerm-storage-account';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import {
  BackupConfigError,
  BackupSchedule,
  BackupVault,
  DataLakeBackup,
  DataLakeBackupPolicy,
  DataLakeRestoreTarget,
  DataLakeStorageAccount,
  Duration,
  STORAGE_ACCOUNT_BACKUP_CONTRIBUTOR,
} from '../lib';
import { expectConfigError, newStack, resourcesOf, storageAccountId, synth, vaultId } from './helpers';

const RA = 'azurerm_role_assignment';

/** A vault in West Europe protecting account 'lake' (containers raw and curated). */
function protectedLake() {
  const { app, stack } = newStack();
  const vault = new BackupVault(stack, 'Vault', { name: 'bv-weu', resourceGroupName: 'rg-backup', location: 'West Europe' });
  const policy = new DataLakeBackupPolicy(stack, 'Policy', {
    vault,
    name: 'daily',
    schedule: BackupSchedule.daily({ hour: 2 }),
    defaultRetention: Duration.days(30),
  });
  const addBackup = (name: string, containers: string[], id = 'Lake') =>
    new DataLakeBackup(stack, id, { vault, policy, storageAccount: account(name), containers });
  const backup = addBackup('lake', ['raw', 'curated']);
  return { app, stack, vault, policy, backup, addBackup };
}

function account(name: string, location = 'westeurope') {
  return DataLakeStorageAccount.fromAttributes({ storageAccountId: storageAccountId(name), location });
}

function hnsAccount(stack: TerraformStack, name: string): StorageAccount {
  return new StorageAccount(stack, name, {
    name,
    resourceGroupName: 'rg-data',
    location: 'westeurope',
    accountTier: 'Standard',
    accountReplicationType: 'LRS',
    accountKind: 'StorageV2',
    isHnsEnabled: true,
  });
}

describe('DataLakeRestoreTarget grants the vault what a restore needs', () => {
  test('Storage Account Backup Contributor on the target, for the vault identity, as a service principal', () => {
    const { stack, vault } = protectedLake();
    const target = new DataLakeRestoreTarget(stack, 'RestoreTarget', { vault, storageAccount: account('lakerestore') });
    const grants = resourcesOf(synth(stack), RA);
    const restoreGrant = Object.entries(grants).find(([id]) => id.startsWith('Vault_RestoreAccess-lakerestore'));
    expect(restoreGrant?.[1]).toMatchObject({
      scope: storageAccountId('lakerestore'),
      role_definition_name: STORAGE_ACCOUNT_BACKUP_CONTRIBUTOR.name,
      principal_id: expect.stringMatching(
        /^\$\{azurerm_data_protection_backup_vault\.Vault_[0-9A-F]{8}\.identity\[0\]\.principal_id\}$/,
      ),
      principal_type: 'ServicePrincipal',
    });
    expect(restoreGrant?.[1].lifecycle).toBeUndefined(); // both regions literal and equal: checked at synth
    expect(Object.keys(grants)).toHaveLength(2); // the backup's grant and the restore grant
    expect(target.roleAssignment).toBe(vault.grantRestoreAccess(account('lakerestore')));
  });

  test('vault.grantRestoreAccess alone does the same, once per account', () => {
    const { stack, vault } = protectedLake();
    const first = vault.grantRestoreAccess(account('lakerestore'));
    expect(vault.grantRestoreAccess(account('lakerestore'))).toBe(first);
    expect(Object.keys(resourcesOf(synth(stack), RA))).toHaveLength(2);
  });
});

describe('refuses what Azure cannot restore to', () => {
  test('the account the vault backs up (restore to the original account is not supported)', () => {
    const { stack, vault } = protectedLake();
    expectConfigError(
      () => new DataLakeRestoreTarget(stack, 'RestoreTarget', { vault, storageAccount: account('lake') }),
      /`storageAccount` is the account DataLakeBackup 'test\/Lake' backs up: Azure restores a backup only to a different storage account \(UserErrorOriginalLocationRestoreNotSupported\), got: "lake"/,
    );
  });

  test('the same, when the backup is declared after the restore target', () => {
    const { vault, addBackup } = protectedLake();
    vault.grantRestoreAccess(account('lakeb'));
    expectConfigError(
      () => addBackup('lakeb', ['raw'], 'LakeB'),
      /`storageAccount` is a restore target of this vault \(prepared by 'test\/Vault.grantRestoreAccess'\): Azure restores only to a different account than the one backed up, got: "lakeb"/,
    );
  });

  test('an account in another region, at synth when both regions are literal', () => {
    const { stack, vault } = protectedLake();
    expect(
      () => new DataLakeRestoreTarget(stack, 'RestoreTarget', { vault, storageAccount: account('lakeneu', 'North Europe') }),
    ).toThrow(
      /`storageAccount.location` must be the vault's region: Azure restores ADLS backups only to an account in the vault's region, got: vault in "West Europe", account in "North Europe"/,
    );
  });

  test('an account whose region is a reference, by a precondition on the role assignment', () => {
    const { stack, vault } = protectedLake();
    const region = new TerraformVariable(stack, 'restore_region', { type: 'string' });
    const target = DataLakeStorageAccount.fromAttributes({
      storageAccountId: storageAccountId('lakerestore'),
      location: region.stringValue,
    });
    new DataLakeRestoreTarget(stack, 'RestoreTarget', { vault, storageAccount: target });
    const grant = Object.entries(resourcesOf(synth(stack), RA)).find(([id]) => id.includes('RestoreAccess'))![1];
    expect(grant.lifecycle.precondition).toEqual([
      {
        condition: '${("westeurope" == lower(replace(var.restore_region, " ", "")))}',
        error_message: expect.stringContaining("Azure restores ADLS backups only to a storage account in the vault's region"),
      },
    ]);
  });

  test('a listed container that a source backup restores (known at construction)', () => {
    const { stack, vault, backup } = protectedLake();
    expect(
      () =>
        new DataLakeRestoreTarget(stack, 'RestoreTarget', {
          vault,
          storageAccount: account('lakerestore'),
          sources: [backup],
          existingContainers: ['landing', 'curated'],
        }),
    ).toThrow(
      /`existingContainers\[1\]` is also a container of DataLakeBackup 'test\/Lake': Azure refuses to restore it into an account that already has it \(UserErrorTargetContainersExistOnAccount\), got: "curated"/,
    );
  });

  test('a container the app creates on the target, found at synth', () => {
    const { stack, vault } = protectedLake();
    const restoreAccount = hnsAccount(stack, 'lakerestore');
    new StorageContainer(stack, 'RestoreRaw', { name: 'raw', storageAccountId: restoreAccount.id });
    new StorageContainer(stack, 'RestoreOther', { name: 'other', storageAccountId: restoreAccount.id });
    new DataLakeRestoreTarget(stack, 'RestoreTarget', {
      vault,
      storageAccount: DataLakeStorageAccount.fromStorageAccount(restoreAccount),
    });
    expect(() => Testing.synth(stack, true)).toThrow(
      /`StorageContainer 'test\/RestoreRaw'` is also a container of DataLakeBackup 'test\/Lake'.*got: "raw"/,
    );
  });

  test('a backup of the vault added after the target, found at synth (sources default to every backup of the vault)', () => {
    const { stack, vault, addBackup } = protectedLake();
    new DataLakeRestoreTarget(stack, 'RestoreTarget', {
      vault,
      storageAccount: account('lakerestore'),
      existingContainers: ['gold'],
    });
    addBackup('lakeb', ['gold'], 'LakeB');
    expect(() => Testing.synth(stack, true)).toThrow(
      /`existingContainers\[0\]` is also a container of DataLakeBackup 'test\/LakeB'/,
    );
  });

  test('no collision: containers on other accounts, or names the sources do not have, are fine', () => {
    const { stack, vault } = protectedLake();
    const restoreAccount = hnsAccount(stack, 'lakerestore');
    const otherAccount = hnsAccount(stack, 'lakeother');
    new StorageContainer(stack, 'OtherRaw', { name: 'raw', storageAccountId: otherAccount.id });
    new StorageContainer(stack, 'RestoreLanding', { name: 'landing', storageAccountId: restoreAccount.id });
    new DataLakeRestoreTarget(stack, 'RestoreTarget', {
      vault,
      storageAccount: DataLakeStorageAccount.fromStorageAccount(restoreAccount),
      existingContainers: ['archive'],
    });
    expect(Object.keys(resourcesOf(synth(stack), RA))).toHaveLength(2);
  });

  test('sources: [] prepares a target for no particular backup (containers are then renamed at restore time)', () => {
    const { stack, vault } = protectedLake();
    new DataLakeRestoreTarget(stack, 'RestoreTarget', {
      vault,
      storageAccount: account('lakerestore'),
      sources: [],
      existingContainers: ['raw'],
    });
    expect(Object.keys(resourcesOf(synth(stack), RA))).toHaveLength(2);
  });
});

describe('bad props', () => {
  test.each([
    ['vault', { vault: undefined }, /`vault` must be a BackupVault, got: undefined/],
    [
      'storageAccount',
      { storageAccount: { storageAccountId: 42 } },
      /`storageAccount` must be a DataLakeStorageAccount .*got: \{"storageAccountId":42\}/,
    ],
    ['sources', { sources: 'all' }, /`sources` must be a list of DataLakeBackup, got: "all"/],
    ['sources[0]', { sources: [{}] }, /`sources\[0\]` must be a DataLakeBackup, got: \{\}/],
    ['existingContainers', { existingContainers: 'raw' }, /`existingContainers` must be a list of container names, got: "raw"/],
    [
      'existingContainers[0]',
      { existingContainers: [''] },
      /`existingContainers\[0\]` must be a container name known at synth time: 3-63 lowercase letters, digits or single hyphens, got: ""/,
    ],
  ])('`%s`', (_field, override, message) => {
    const { stack, vault } = protectedLake();
    expectConfigError(
      () =>
        new DataLakeRestoreTarget(stack, 'RestoreTarget', {
          vault,
          storageAccount: account('lakerestore'),
          ...(override as object),
        }),
      message,
    );
  });

  test('`sources[0]` from another vault', () => {
    const { stack, vault } = protectedLake();
    const other = protectedLake();
    expect(
      () =>
        new DataLakeRestoreTarget(stack, 'RestoreTarget', {
          vault,
          storageAccount: account('lakerestore'),
          sources: [other.backup],
        }),
    ).toThrow(/`sources\[0\]` must be a backup of this target's vault 'test\/Vault', got: "test\/Lake"/);
  });
});

describe('stacks', () => {
  test('a target in another stack than its vault gets the grant in its own stack, and a backup there is refused by name', () => {
    const { app, stack, vault } = protectedLake();
    const restoreStack = new TerraformStack(app, 'restore');
    new AzurermProvider(restoreStack, 'azurerm', { features: [{}] });
    new DataLakeRestoreTarget(restoreStack, 'RestoreTarget', { vault, storageAccount: account('lakerestore') });
    const grants = Object.keys(resourcesOf(synth(restoreStack), RA));
    expect(grants).toEqual([expect.stringMatching(/^RestoreTarget_RestoreAccess-lakerestore_[0-9A-F]{8}$/)]);
    expect(Object.keys(resourcesOf(synth(stack), RA))).toEqual([expect.stringMatching(/^Vault_BackupAccess-lake_/)]);
    expectConfigError(
      () =>
        new DataLakeBackup(stack, 'LakeRestore', {
          vault,
          policy: new DataLakeBackupPolicy(stack, 'P2', {
            vault,
            name: 'daily2',
            schedule: BackupSchedule.daily({ hour: 3 }),
            defaultRetention: Duration.days(7),
          }),
          storageAccount: account('lakerestore'),
          containers: ['raw'],
        }),
      "`storageAccount` is a restore target of this vault (prepared by 'restore/RestoreTarget')",
    );
  });
});

describe('what Azure allows is not refused (review findings)', () => {
  test('a target that another backup of the vault protects, when the sources are listed: one shared role assignment', () => {
    const { stack, vault, backup, addBackup } = protectedLake();
    const other = addBackup('lakeb', ['gold'], 'LakeB');
    new DataLakeRestoreTarget(stack, 'RestoreTarget', { vault, storageAccount: account('lakeb'), sources: [backup] });
    const grants = Object.entries(resourcesOf(synth(stack), RA));
    expect(grants.map(([id]) => id.replace(/_[0-9A-F]{8}$/, '')).sort()).toEqual([
      'Vault_BackupAccess-lake',
      'Vault_BackupAccess-lakeb',
    ]);
    expect(other.roleAssignment).toBe(vault.grantRestoreAccess(account('lakeb'), undefined, [backup]));
  });

  test('the same target for every backup of the vault (the default) is still refused', () => {
    const { stack, vault, addBackup } = protectedLake();
    addBackup('lakeb', ['gold'], 'LakeB');
    expectConfigError(
      () => new DataLakeRestoreTarget(stack, 'RestoreTarget', { vault, storageAccount: account('lakeb') }),
      "`storageAccount` is the account DataLakeBackup 'test/LakeB' backs up",
    );
  });

  test('a backup of an account prepared for other backups only is allowed', () => {
    const { stack, vault, backup, addBackup } = protectedLake();
    new DataLakeRestoreTarget(stack, 'RestoreTarget', { vault, storageAccount: account('lakeb'), sources: [backup] });
    expect(() => addBackup('lakeb', ['gold'], 'LakeB')).not.toThrow();
  });

  test('a refused grant leaves nothing behind: the account can still be backed up', () => {
    const { vault, addBackup } = protectedLake();
    expect(() => vault.grantRestoreAccess(account('lakeq', 'North Europe'))).toThrow(BackupConfigError);
    // Before the fix the refused grant had registered lakeq as a restore target, and this backup was refused.
    expect(() => addBackup('lakeq', ['raw'], 'LakeQ')).not.toThrow();
  });

  test('accounts with the same logical ID in two stacks are two accounts', () => {
    const { app, vault } = protectedLake();
    const named = (stack: TerraformStack) => {
      new AzurermProvider(stack, 'azurerm', { features: [{}] });
      const name = new TerraformVariable(stack, 'name', { type: 'string' }).stringValue;
      return new StorageAccount(stack, 'Lake', {
        name,
        resourceGroupName: 'rg',
        location: 'westeurope',
        accountTier: 'Standard',
        accountReplicationType: 'LRS',
        accountKind: 'StorageV2',
        isHnsEnabled: true,
      });
    };
    const b = new TerraformStack(app, 'b');
    const c = new TerraformStack(app, 'c');
    const policy = new DataLakeBackupPolicy(b, 'Policy', {
      vault,
      name: 'daily-b',
      schedule: BackupSchedule.daily({ hour: 2 }),
      defaultRetention: Duration.days(7),
    });
    new DataLakeBackup(b, 'Backup', {
      vault,
      policy,
      storageAccount: DataLakeStorageAccount.fromStorageAccount(named(b)),
      containers: ['raw'],
    });
    new DataLakeRestoreTarget(c, 'RestoreTarget', { vault, storageAccount: DataLakeStorageAccount.fromStorageAccount(named(c)) });
    expect(Object.keys(resourcesOf(synth(b), RA))).toEqual([expect.stringMatching(/^Backup_BackupAccess-b-Lake_/)]);
    expect(Object.keys(resourcesOf(synth(c), RA))).toEqual([expect.stringMatching(/^RestoreTarget_RestoreAccess-c-Lake_/)]);
  });

  test('one imported vault in two stacks is one vault: its backups are sources, their containers collide', () => {
    const app = Testing.app();
    const [a, b] = ['a', 'b'].map((id) => {
      const stack = new TerraformStack(app, id);
      new AzurermProvider(stack, 'azurerm', { features: [{}] });
      return stack;
    });
    const importVault = (stack: TerraformStack) =>
      BackupVault.fromVaultAttributes(stack, 'Vault', {
        vaultId: vaultId('bv-weu'),
        location: 'westeurope',
        principalId: '11111111-2222-3333-4444-555555555555',
      });
    const vaultA = importVault(a);
    const policy = new DataLakeBackupPolicy(a, 'Policy', {
      vault: vaultA,
      name: 'daily',
      schedule: BackupSchedule.daily({ hour: 2 }),
      defaultRetention: Duration.days(7),
    });
    const backup = new DataLakeBackup(a, 'Backup', {
      vault: vaultA,
      policy,
      storageAccount: account('lake'),
      containers: ['raw'],
    });
    const vaultB = importVault(b);
    expect(
      () => new DataLakeRestoreTarget(b, 'Listed', { vault: vaultB, storageAccount: account('lakerestore'), sources: [backup] }),
    ).not.toThrow();
    new DataLakeRestoreTarget(b, 'Default', { vault: vaultB, storageAccount: account('lakeother'), existingContainers: ['raw'] });
    expect(() => Testing.synth(b, true)).toThrow(/`existingContainers\[0\]` is also a container of DataLakeBackup 'a\/Backup'/);
  });

  test('a container that names the target by a reference to its name collides too', () => {
    const { stack, vault } = protectedLake();
    const restoreAccount = hnsAccount(stack, 'lakerestore');
    new StorageContainer(stack, 'ByName', { name: 'raw', storageAccountName: restoreAccount.name });
    new DataLakeRestoreTarget(stack, 'RestoreTarget', {
      vault,
      storageAccount: DataLakeStorageAccount.fromStorageAccount(restoreAccount),
    });
    expect(() => Testing.synth(stack, true)).toThrow(
      /`StorageContainer 'test\/ByName'` is also a container of DataLakeBackup 'test\/Lake'/,
    );
  });

  test('a target read by a data source gets the region precondition only: the source-account rules are not restore rules', () => {
    const { stack, vault } = protectedLake();
    const data = new DataAzurermStorageAccount(stack, 'Restore', { name: 'lakerestore', resourceGroupName: 'rg-data' });
    new DataLakeRestoreTarget(stack, 'RestoreTarget', { vault, storageAccount: DataLakeStorageAccount.fromDataSource(data) });
    const grant = Object.entries(resourcesOf(synth(stack), RA)).find(([id]) => id.includes('RestoreAccess'))![1];
    expect(grant.lifecycle.precondition).toHaveLength(1);
    expect(grant.lifecycle.precondition[0].condition).toBe(
      '${("westeurope" == lower(replace(data.azurerm_storage_account.Restore.location, " ", "")))}',
    );
  });
});
