import { CodeEntry } from './entry';

// Rules about the shape of an input, whatever the field: its type, whether it is there, repeats, combinations.
export const GENERAL_CODES = {
  'ADLSBK-TYPE': {
    title: 'A value of the wrong kind',
    why: 'A list where one value is expected, a string where a Duration is: the field cannot be read at all.',
    example: {
      kind: 'typescript',
      wrong: "new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account, containers: 'raw' as any })",
      right: "new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account, containers: ['raw'] })",
    },
  },
  'ADLSBK-REQUIRED': {
    title: 'A required field left out',
    why: 'Without it nothing can be built; the library does not guess.',
    example: {
      kind: 'spec',
      wrong: 'accounts:\n  - region: westeurope\n    containers: [raw]',
      right:
        'accounts:\n  - id: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/lakeweu01\n    region: westeurope\n    containers: [raw]',
    },
  },
  'ADLSBK-UNKNOWN-FIELD': {
    title: 'A field the object does not take',
    why: 'A misspelt option would otherwise be ignored, and the setting the user meant silently not applied.',
    example: {
      kind: 'spec',
      wrong:
        'accounts:\n  - id: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/lakeweu01\n    region: westeurope\n    containers: [raw]\n    container: [curated]',
      right:
        'accounts:\n  - id: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/lakeweu01\n    region: westeurope\n    containers: [raw, curated]',
    },
  },
  'ADLSBK-NOT-ALLOWED': {
    title: 'A value outside the allowed list',
    why: 'Enumerations (redundancies, days, settings) take only the values Azure knows.',
    example: {
      kind: 'typescript',
      wrong:
        "new BackupVault(stack, 'Vault2', { name: 'bv-two', resourceGroupName: 'rg-backup', location: 'westeurope', redundancy: 'Geo' as any })",
      right:
        "new BackupVault(stack, 'Vault2', { name: 'bv-two', resourceGroupName: 'rg-backup', location: 'westeurope', redundancy: Redundancy.GEO_REDUNDANT })",
    },
  },
  'ADLSBK-REPEATED': {
    title: 'A list that repeats an entry',
    why: 'azurerm keeps these lists as sets: a repeat is a typo, or a plan that never settles.',
    example: {
      kind: 'typescript',
      wrong: "new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account, containers: ['raw', 'raw'] })",
      right: "new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account, containers: ['raw', 'curated'] })",
    },
  },
  'ADLSBK-EMPTY': {
    title: 'A list that must hold at least one entry is empty',
    why: 'An empty list would protect, alert or keep nothing while looking configured.',
    example: {
      kind: 'typescript',
      wrong: "new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account, containers: [] })",
      right: "new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account, containers: ['raw'] })",
    },
  },
  'ADLSBK-CONFLICT': {
    title: 'Settings that cannot be combined',
    why: 'One of them would be ignored or refused by Azure at apply: the user must choose.',
    example: {
      kind: 'typescript',
      wrong:
        "new BackupVault(stack, 'Vault2', { name: 'bv-two', resourceGroupName: 'rg-backup', location: 'westeurope', redundancy: Redundancy.LOCALLY_REDUNDANT, crossRegionRestore: true, acknowledgeIrreversible: [IrreversibleSetting.CROSS_REGION_RESTORE] })",
      right:
        "new BackupVault(stack, 'Vault2', { name: 'bv-two', resourceGroupName: 'rg-backup', location: 'westeurope', redundancy: Redundancy.GEO_REDUNDANT, crossRegionRestore: true, acknowledgeIrreversible: [IrreversibleSetting.CROSS_REGION_RESTORE] })",
    },
  },
  'ADLSBK-TAGS': {
    title: 'Tags Azure refuses',
    why: 'Azure takes at most 50 tags, names of 1-512 and values of at most 256 bytes; more fails the apply.',
    example: {
      kind: 'typescript',
      wrong:
        "new BackupVault(stack, 'Vault2', { name: 'bv-two', resourceGroupName: 'rg-backup', location: 'westeurope', tags: { team: 'x'.repeat(300) } })",
      right:
        "new BackupVault(stack, 'Vault2', { name: 'bv-two', resourceGroupName: 'rg-backup', location: 'westeurope', tags: { team: 'data' } })",
    },
  },
  'ADLSBK-RESOURCE-ID': {
    title: 'A resource ID that is not one of the kind expected',
    why: 'An ID of another resource type, or with a segment Azure cannot parse, fails the plan or points at the wrong resource.',
    example: {
      kind: 'typescript',
      wrong:
        "DataLakeStorageAccount.fromAttributes({ storageAccountId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Storage/accounts/lakeweu01', location: 'westeurope' })",
      right:
        "DataLakeStorageAccount.fromAttributes({ storageAccountId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/lakeweu01', location: 'westeurope' })",
    },
  },
  'ADLSBK-PRINCIPAL-ID': {
    title: "The vault identity's object ID is not a GUID",
    why: 'The role is granted to this object ID; anything else fails the role assignment at apply.',
    example: {
      kind: 'typescript',
      wrong:
        "BackupVault.fromVaultAttributes(stack, 'Imported', { vaultId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-backup/providers/Microsoft.DataProtection/backupVaults/bv-lake', location: 'westeurope', principalId: 'bv-lake' })",
      right:
        "BackupVault.fromVaultAttributes(stack, 'Imported', { vaultId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-backup/providers/Microsoft.DataProtection/backupVaults/bv-lake', location: 'westeurope', principalId: '11111111-2222-3333-4444-555555555555' })",
    },
  },
  'ADLSBK-NAME-MISMATCH': {
    title: 'A name that differs from the name in the resource ID given with it',
    why: 'Both are written to the plan: one of them is wrong, and the library cannot tell which.',
    example: {
      kind: 'typescript',
      wrong:
        "DataLakeStorageAccount.fromAttributes({ storageAccountId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/lakeweu01', location: 'westeurope', name: 'lakeweu02' })",
      right:
        "DataLakeStorageAccount.fromAttributes({ storageAccountId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/lakeweu01', location: 'westeurope', name: 'lakeweu01' })",
    },
  },
  'ADLSBK-NOT-KNOWN-AT-SYNTH': {
    title: 'A value that must be known when the app is synthesized is a Terraform reference',
    why: "It becomes part of a Terraform address or a check made before the plan, which a reference's value (known at plan) cannot be.",
    example: {
      kind: 'typescript',
      wrong:
        "new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: DataLakeStorageAccount.fromAttributes({ storageAccountId: new TerraformVariable(stack, 'id', { type: 'string' }).stringValue, location: 'westeurope' }), containers: ['raw'] })",
      right:
        "new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: DataLakeStorageAccount.fromAttributes({ storageAccountId: new TerraformVariable(stack, 'id', { type: 'string' }).stringValue, location: 'westeurope', name: 'lakeweu01' }), containers: ['raw'] })",
    },
  },
  'ADLSBK-REFERENCE': {
    title: "An object of the user's own that does not implement the interface it stands for",
    why: 'A vault or account reference the library cannot read would write a wrong plan.',
    example: {
      kind: 'typescript',
      wrong:
        "new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: { ...account, stableKey: '' }, containers: ['raw'] })",
      right: "new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account, containers: ['raw'] })",
    },
  },
} as const satisfies Record<string, CodeEntry>;
