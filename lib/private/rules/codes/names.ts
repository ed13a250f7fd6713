import { CodeEntry } from './entry';

// The names of what the library creates or reads: Azure's and azurerm's rules for each, kept in lib/private/rules.
export const NAME_CODES = {
  'ADLSBK-CONTAINER-NAME': {
    title: 'A blob container name Azure Storage refuses',
    why: 'No container can have such a name, so the backup would protect nothing under it (a typo, or a name from another system).',
    example: {
      kind: 'typescript',
      wrong: "new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account, containers: ['Raw_Data'] })",
      right: "new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account, containers: ['raw-data'] })",
    },
  },
  'ADLSBK-CONTAINER-COUNT': {
    title: 'More containers in one backup instance than azurerm takes',
    why: 'azurerm takes at most 100 container names per instance below 4.79.0 and 1000 from 4.79.0; more fails the plan.',
    example: {
      kind: 'typescript',
      wrong:
        "new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account, containers: Array.from({ length: 1001 }, (_, i) => `c${String(i).padStart(4, '0')}`) })",
      right:
        "new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account, containers: Array.from({ length: 100 }, (_, i) => `c${String(i).padStart(4, '0')}`) })",
    },
  },
  'ADLSBK-STORAGE-ACCOUNT-NAME': {
    title: 'A storage account name Azure refuses',
    why: 'The name becomes part of Terraform addresses and data source lookups; an impossible one fails the plan.',
    example: {
      kind: 'typescript',
      wrong:
        "DataLakeStorageAccount.fromStorageAccount(new StorageAccount(stack, 'Account', { name: 'Lake_WEU', resourceGroupName: 'rg-data', location: 'westeurope', accountTier: 'Standard', accountReplicationType: 'ZRS', isHnsEnabled: true }))",
      right:
        "DataLakeStorageAccount.fromStorageAccount(new StorageAccount(stack, 'Account', { name: 'lakeweu02', resourceGroupName: 'rg-data', location: 'westeurope', accountTier: 'Standard', accountReplicationType: 'ZRS', isHnsEnabled: true }))",
    },
  },
  'ADLSBK-VAULT-NAME': {
    title: 'A Backup vault name azurerm refuses',
    why: 'azurerm checks it at plan (2-50 letters, digits and hyphens); the library says so before.',
    example: {
      kind: 'typescript',
      wrong: "new BackupVault(stack, 'Vault2', { name: 'bv lake', resourceGroupName: 'rg-backup', location: 'westeurope' })",
      right: "new BackupVault(stack, 'Vault2', { name: 'bv-lake-2', resourceGroupName: 'rg-backup', location: 'westeurope' })",
    },
  },
  'ADLSBK-RESOURCE-GROUP-NAME': {
    title: 'A resource group name azurerm refuses',
    why: 'Every resource_group_name the library writes is checked by azurerm at plan.',
    example: {
      kind: 'typescript',
      wrong: "new BackupVault(stack, 'Vault2', { name: 'bv-two', resourceGroupName: 'rg-backup.', location: 'westeurope' })",
      right: "new BackupVault(stack, 'Vault2', { name: 'bv-two', resourceGroupName: 'rg-backup', location: 'westeurope' })",
    },
  },
  'ADLSBK-POLICY-NAME': {
    title: 'A backup policy name azurerm refuses',
    why: 'azurerm checks it at plan (3-150 letters, digits and hyphens, starting with a letter).',
    example: {
      kind: 'typescript',
      wrong:
        "new DataLakeBackupPolicy(stack, 'Policy2', { vault, name: '1-daily', schedule: BackupSchedule.daily({ hour: 2 }), defaultRetention: Duration.days(30) })",
      right:
        "new DataLakeBackupPolicy(stack, 'Policy2', { vault, name: 'daily-2', schedule: BackupSchedule.daily({ hour: 2 }), defaultRetention: Duration.days(30) })",
    },
  },
  'ADLSBK-POLICY-NAME-TAKEN': {
    title: 'Two policies of one vault with the same name',
    why: 'Names are unique per vault, in any case: the second create fails at apply.',
    example: {
      kind: 'typescript',
      wrong:
        "new DataLakeBackupPolicy(stack, 'Policy2', { vault, name: policy.policyName, schedule: BackupSchedule.daily({ hour: 3 }), defaultRetention: Duration.days(30) })",
      right:
        "new DataLakeBackupPolicy(stack, 'Policy2', { vault, name: 'nightly', schedule: BackupSchedule.daily({ hour: 3 }), defaultRetention: Duration.days(30) })",
    },
  },
  'ADLSBK-RETENTION-RULE-NAME': {
    title: "A retention rule's name the library refuses",
    why: 'The name is a key in the policy; "Default" is taken by the default rule, and quotes or new lines would not survive review.',
    example: {
      kind: 'typescript',
      wrong:
        "RetentionRule.custom({ name: 'Default', duration: Duration.days(7), absoluteCriteria: AbsoluteCriteria.FIRST_OF_WEEK })",
      right:
        "RetentionRule.custom({ name: 'FirstOfWeek', duration: Duration.days(7), absoluteCriteria: AbsoluteCriteria.FIRST_OF_WEEK })",
    },
  },
  'ADLSBK-INSTANCE-NAME': {
    title: 'A backup instance name the library refuses',
    why: 'ARM puts the name in a URL path: slashes, spaces at either end, quotes and new lines would break it.',
    example: {
      kind: 'typescript',
      wrong:
        "new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account, containers: ['raw'], name: 'lake/weu' })",
      right:
        "new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account, containers: ['raw'], name: 'lake-weu' })",
    },
  },
  'ADLSBK-GUARD-NAME': {
    title: 'A Resource Guard name azurerm refuses',
    why: 'azurerm checks it at plan.',
    example: {
      kind: 'typescript',
      wrong:
        "new BackupResourceGuard(stack, 'Guard', { name: 'guard/weu', resourceGroupName: 'rg-security', location: 'westeurope' })",
      right:
        "new BackupResourceGuard(stack, 'Guard', { name: 'guard-weu', resourceGroupName: 'rg-security', location: 'westeurope' })",
    },
  },
} as const satisfies Record<string, CodeEntry>;
