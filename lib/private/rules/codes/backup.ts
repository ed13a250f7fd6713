import { CodeEntry } from './entry';

// The rules of protecting an account: regions, the account's features, one instance per account, the role.
export const BACKUP_CODES = {
  'ADLSBK-REGION': {
    title: 'Not an Azure region',
    why: 'A region name azurerm cannot normalise fails the plan.',
    example: {
      kind: 'typescript',
      wrong: "new BackupVault(stack, 'Vault2', { name: 'bv-two', resourceGroupName: 'rg-backup', location: 'West-Europe' })",
      right: "new BackupVault(stack, 'Vault2', { name: 'bv-two', resourceGroupName: 'rg-backup', location: 'West Europe' })",
    },
  },
  'ADLSBK-REGION-UNSUPPORTED': {
    title: 'A region where Azure Backup does not offer ADLS vaulted backup',
    why: 'The backup instance would fail at apply. Set `allowUnlistedRegion` when Azure has added the region since this release.',
    example: {
      kind: 'typescript',
      wrong:
        "const far = BackupVault.fromVaultAttributes(stack, 'Far', { vaultId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-backup/providers/Microsoft.DataProtection/backupVaults/bv-lake-brs', location: 'brazilsouth', principalId: '11111111-2222-3333-4444-555555555555' }); new DataLakeBackup(stack, 'Lake', { vault: far, policy: new DataLakeBackupPolicy(stack, 'FarPolicy', { vault: far, name: 'daily', schedule: BackupSchedule.daily({ hour: 2 }), defaultRetention: Duration.days(30) }), storageAccount: DataLakeStorageAccount.fromAttributes({ storageAccountId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/lakebrs01', location: 'brazilsouth' }), containers: ['raw'] })",
      right: "new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account, containers: ['raw'] })",
    },
  },
  'ADLSBK-REGION-MISMATCH': {
    title: 'The Backup vault and the storage account are in different regions',
    why: 'Azure Backup for ADLS needs both in the same region; the instance fails at apply, after the role was granted.',
    example: {
      kind: 'typescript',
      wrong:
        "new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: DataLakeStorageAccount.fromAttributes({ storageAccountId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/lakeneu01', location: 'northeurope' }), containers: ['raw'] })",
      right: "new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account, containers: ['raw'] })",
    },
  },
  'ADLSBK-ACCOUNT-UNSUPPORTED': {
    title: 'A storage account ADLS vaulted backup cannot protect',
    why: 'Only general-purpose v2, Standard accounts with hierarchical namespace and without NFS 3.0 or SFTP can be protected.',
    example: {
      kind: 'typescript',
      wrong:
        "DataLakeStorageAccount.fromStorageAccount(new StorageAccount(stack, 'Account', { name: 'lakeweu02', resourceGroupName: 'rg-data', location: 'westeurope', accountTier: 'Standard', accountReplicationType: 'ZRS', isHnsEnabled: false }))",
      right:
        "DataLakeStorageAccount.fromStorageAccount(new StorageAccount(stack, 'Account', { name: 'lakeweu02', resourceGroupName: 'rg-data', location: 'westeurope', accountTier: 'Standard', accountReplicationType: 'ZRS', isHnsEnabled: true }))",
    },
  },
  'ADLSBK-ACCOUNT-PROTECTED-TWICE': {
    title: 'One storage account protected twice',
    why: 'Azure allows one backup instance per account; the second fails at apply.',
    example: {
      kind: 'typescript',
      wrong:
        "new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account, containers: ['raw'] }); new DataLakeBackup(stack, 'Again', { vault, policy, storageAccount: account, containers: ['curated'] })",
      right: "new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account, containers: ['raw', 'curated'] })",
    },
  },
  'ADLSBK-RESTORE-TO-SOURCE': {
    title: 'A restore into the account that is backed up',
    why: 'Azure restores an ADLS backup only to another storage account (UserErrorOriginalLocationRestoreNotSupported).',
    example: {
      kind: 'typescript',
      wrong:
        "const lake = new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account, containers: ['raw'] }); new DataLakeRestoreTarget(stack, 'Target', { vault, storageAccount: account, sources: [lake] })",
      right:
        "const lake = new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account, containers: ['raw'] }); new DataLakeRestoreTarget(stack, 'Target', { vault, storageAccount: DataLakeStorageAccount.fromAttributes({ storageAccountId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/restoreweu01', location: 'westeurope' }), sources: [lake] })",
    },
  },
  'ADLSBK-RESTORE-CONTAINER-EXISTS': {
    title: 'A restore target that already holds a container the backup restores',
    why: 'Azure refuses to restore a container into an account that already has it (UserErrorTargetContainersExistOnAccount).',
    example: {
      kind: 'typescript',
      wrong:
        "const lake = new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account, containers: ['raw'] }); new DataLakeRestoreTarget(stack, 'Target', { vault, storageAccount: DataLakeStorageAccount.fromAttributes({ storageAccountId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/restoreweu01', location: 'westeurope' }), sources: [lake], existingContainers: ['raw'] })",
      right:
        "const lake = new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account, containers: ['raw'] }); new DataLakeRestoreTarget(stack, 'Target', { vault, storageAccount: DataLakeStorageAccount.fromAttributes({ storageAccountId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/restoreweu01', location: 'westeurope' }), sources: [lake], existingContainers: ['archive'] })",
    },
  },
  'ADLSBK-OTHER-VAULT': {
    title: 'A policy, backup or restore source of another vault',
    why: "A backup instance can use only a policy of its own vault, and a restore only backups of the target's vault.",
    example: {
      kind: 'typescript',
      wrong:
        "const other = new BackupVault(stack, 'Other', { name: 'bv-other', resourceGroupName: 'rg-backup', location: 'westeurope' }); new DataLakeBackup(stack, 'Lake', { vault: other, policy, storageAccount: account, containers: ['raw'] })",
      right: "new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account, containers: ['raw'] })",
    },
  },
  'ADLSBK-ROLE-WAIT': {
    title: 'A wait for the role to take effect that is out of range or has nothing to wait for',
    why: 'The backup instance is created after the role assignment and this wait; Azure takes minutes to apply a role.',
    example: {
      kind: 'typescript',
      wrong:
        "new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account, containers: ['raw'], rolePropagationWait: Duration.hours(2) })",
      right:
        "new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account, containers: ['raw'], rolePropagationWait: Duration.minutes(5) })",
    },
  },
  'ADLSBK-ROLE-GRANTED-TWICE': {
    title: 'The same role granted to the vault on one account twice, in different stacks',
    why: "Azure refuses a second identical role assignment, and a resource cannot depend on another stack's.",
    example: {
      kind: 'typescript',
      wrong:
        "new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account, containers: ['raw'] }); vault.grantBackupAccess(account, new TerraformStack(stack.node.root, 'other'))",
      right: "new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account, containers: ['raw'] })",
    },
  },
  'ADLSBK-TIME-PROVIDER-LATE': {
    title: "A time provider of the user's own, created after the first DataLakeBackup of its stack",
    why: 'The backup adds a time provider for its wait when the stack has none; a second default one is refused by Terraform.',
    example: {
      kind: 'typescript',
      wrong:
        "class Time extends TerraformProvider { constructor(scope: TerraformStack, id: string) { super(scope, id, { terraformResourceType: 'time', terraformProviderSource: 'hashicorp/time', terraformGeneratorMetadata: { providerName: 'time' } }); } } new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account, containers: ['raw'] }); new Time(stack, 'time')",
      right:
        "class Time extends TerraformProvider { constructor(scope: TerraformStack, id: string) { super(scope, id, { terraformResourceType: 'time', terraformProviderSource: 'hashicorp/time', terraformGeneratorMetadata: { providerName: 'time' } }); } } new Time(stack, 'time'); new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account, containers: ['raw'] })",
    },
  },
} as const satisfies Record<string, CodeEntry>;
