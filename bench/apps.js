// The two apps the benchmark compares: the same Terraform, written (a) with the library's constructs and
// (b) by hand with plain provider L1 classes and the project's own ADLS and time_sleep L1 bindings. Both read the
// built package.
'use strict';
const { TerraformStack } = require('cdktf');
const { AzurermProvider } = require('@cdktf/provider-azurerm/lib/provider');
const { DataProtectionBackupVault } = require('@cdktf/provider-azurerm/lib/data-protection-backup-vault');
const { RoleAssignment } = require('@cdktf/provider-azurerm/lib/role-assignment');

const REGIONS = ['westeurope', 'northeurope', 'eastus2', 'uksouth', 'southeastasia'];
const CONTAINERS = ['raw', 'curated'];
const SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';

/** Account i: its name, ID and region (round-robin over the 5 regions). */
function account(i) {
  const name = `lake${String(i).padStart(5, '0')}`;
  return {
    name,
    id: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/${name}`,
    region: REGIONS[i % REGIONS.length],
  };
}

function newStack(app) {
  const stack = new TerraformStack(app, 'bench');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  return stack;
}

/** (a) The library: per region a BackupVault and a policy, per account a DataLakeBackup. */
function buildLibrary(app, n, lib) {
  const stack = newStack(app);
  const byRegion = new Map(
    REGIONS.map((region) => {
      const vault = new lib.BackupVault(stack, `Vault-${region}`, {
        name: `bv-${region}`,
        resourceGroupName: 'rg-backup',
        location: region,
      });
      const policy = new lib.DataLakeBackupPolicy(stack, `Policy-${region}`, {
        vault,
        name: 'adls-daily',
        schedule: lib.BackupSchedule.daily({ hour: 2 }),
        defaultRetention: lib.Duration.days(30),
        retentionRules: [lib.RetentionRule.monthly(lib.Duration.months(12))],
      });
      return [region, { vault, policy }];
    }),
  );
  for (let i = 0; i < n; i++) {
    const a = account(i);
    const { vault, policy } = byRegion.get(a.region);
    new lib.DataLakeBackup(stack, `Backup-${a.name}`, {
      vault,
      policy,
      storageAccount: lib.DataLakeStorageAccount.fromAttributes({ storageAccountId: a.id, location: a.region }),
      containers: CONTAINERS,
    });
  }
  return stack;
}

/** (b) The same resources by hand: vault, policy, role assignment, wait and instance, wired the same way. */
function buildBaseline(app, n, lib) {
  const stack = newStack(app);
  new lib.TimeProvider(stack, 'time', {});
  const byRegion = new Map(
    REGIONS.map((region) => {
      const vault = new DataProtectionBackupVault(stack, `Vault-${region}`, {
        name: `bv-${region}`,
        resourceGroupName: 'rg-backup',
        location: region,
        datastoreType: 'VaultStore',
        redundancy: 'GeoRedundant',
        softDelete: 'On',
        retentionDurationInDays: 14,
        crossRegionRestoreEnabled: false,
        immutability: 'Disabled',
        identity: { type: 'SystemAssigned' },
        lifecycle: { preventDestroy: true },
      });
      const policy = new lib.DataProtectionBackupPolicyDataLakeStorage(stack, `Policy-${region}`, {
        name: 'adls-daily',
        dataProtectionBackupVaultId: vault.id,
        backupSchedule: ['R/2024-01-01T02:00:00+00:00/P1D'],
        defaultRetentionDuration: 'P30D',
        retentionRule: [{ name: 'Monthly', duration: 'P12M', absoluteCriteria: 'FirstOfMonth' }],
      });
      return [region, { vault, policy }];
    }),
  );
  for (let i = 0; i < n; i++) {
    const a = account(i);
    const { vault, policy } = byRegion.get(a.region);
    const role = new RoleAssignment(stack, `Role-${a.name}`, {
      scope: a.id,
      roleDefinitionName: 'Storage Account Backup Contributor',
      principalId: vault.identity.principalId,
      principalType: 'ServicePrincipal',
      skipServicePrincipalAadCheck: true,
    });
    const wait = new lib.Sleep(stack, `Wait-${a.name}`, {
      createDuration: '300s',
      triggers: { role_assignment_id: role.id },
      dependsOn: [role],
    });
    new lib.DataProtectionBackupInstanceDataLakeStorage(stack, `Backup-${a.name}`, {
      name: a.name,
      dataProtectionBackupVaultId: vault.id,
      location: a.region,
      backupPolicyDataLakeStorageId: policy.id,
      storageAccountId: a.id,
      storageContainerNames: CONTAINERS,
      dependsOn: [role, wait],
      lifecycle: { preventDestroy: true },
    });
  }
  return stack;
}

module.exports = { buildLibrary, buildBaseline, REGIONS };
