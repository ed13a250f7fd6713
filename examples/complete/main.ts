// Complete: a resource group, an ADLS Gen2 account and its containers, a Backup vault with a deletion lock,
// a policy with weekly, monthly and yearly retention, monitoring and alerts, the protection, a second account
// prepared as the restore target, and the compliance check, all in one stack.
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import {
  BackupMonitoring,
  BackupSchedule,
  ComplianceRule,
  DataLakeBackupCompliance,
  BackupVault,
  DataLakeBackup,
  DataLakeBackupPolicy,
  DataLakeRestoreTarget,
  DataLakeStorageAccount,
  Duration,
  Redundancy,
  RetentionRule,
} from '../../lib';

const LOCATION = 'West Europe';
const TAGS = { workload: 'analytics', 'managed-by': 'cdktf' };

export class CompleteStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // Register only the namespaces this stack uses, the same under azurerm 4.x and 5.x (see README, "Permissions").
    new AzurermProvider(this, 'azurerm', {
      features: [{}],
      resourceProviderRegistrations: 'none',
      resourceProvidersToRegister: [
        'Microsoft.DataProtection',
        'Microsoft.Storage',
        'microsoft.insights',
        'Microsoft.OperationalInsights',
      ],
    });

    const group = new ResourceGroup(this, 'Group', { name: 'rg-lake-weu', location: LOCATION, tags: TAGS });

    const account = new StorageAccount(this, 'Lake', {
      name: 'lakeweu01',
      resourceGroupName: group.name,
      location: LOCATION,
      accountKind: 'StorageV2',
      accountTier: 'Standard',
      accountReplicationType: 'ZRS',
      isHnsEnabled: true,
      minTlsVersion: 'TLS1_2',
      tags: TAGS,
    });
    const containers = ['raw', 'curated', 'published'].map(
      (name) => new StorageContainer(this, `Container-${name}`, { name, storageAccountId: account.id }),
    );

    const vault = new BackupVault(this, 'Vault', {
      name: 'bv-lake-weu',
      resourceGroupName: group.name,
      location: LOCATION,
      redundancy: Redundancy.GEO_REDUNDANT,
      softDeleteRetention: Duration.days(30),
      // Azure refuses to delete the vault (and so its recovery points) until this lock is removed.
      deletionLock: true,
      tags: TAGS,
    });

    const policy = new DataLakeBackupPolicy(this, 'Policy', {
      vault,
      name: 'adls-daily-ltr',
      schedule: BackupSchedule.daily({ hour: 1, utcOffset: '+01:00' }),
      timeZone: 'W. Europe Standard Time',
      defaultRetention: Duration.days(30),
      retentionRules: [
        RetentionRule.weekly(Duration.weeks(12)),
        RetentionRule.monthly(Duration.months(12)),
        RetentionRule.yearly(Duration.years(10)),
      ],
    });

    // Failed jobs and missed backups reach the on-call team; the vault's logs are kept 180 days for queries.
    new BackupMonitoring(this, 'Monitoring', {
      vault,
      workspace: { name: 'log-lake-weu-backup', retention: Duration.days(180) },
      emails: ['data-platform-oncall@example.com'],
      webhooks: ['https://example.com/hooks/backup-alerts'],
      tags: TAGS,
    });

    const backup = new DataLakeBackup(this, 'LakeBackup', {
      vault,
      policy,
      storageAccount: DataLakeStorageAccount.fromStorageAccount(account),
      containers,
      rolePropagationWait: Duration.minutes(10),
    });

    // Azure restores ADLS backups only into another account of the same region, with none of the restored
    // container names: an empty account kept ready for that, which the vault may write to.
    const restoreAccount = new StorageAccount(this, 'RestoreLake', {
      name: 'lakeweu01restore',
      resourceGroupName: group.name,
      location: LOCATION,
      accountKind: 'StorageV2',
      accountTier: 'Standard',
      accountReplicationType: 'LRS',
      isHnsEnabled: true,
      minTlsVersion: 'TLS1_2',
      tags: TAGS,
    });
    new DataLakeRestoreTarget(this, 'RestoreTarget', {
      vault,
      storageAccount: DataLakeStorageAccount.fromStorageAccount(restoreAccount),
      sources: [backup],
    });
    // It holds nothing until a restore, so it needs no backup of its own: say so, rather than silence the check.
    DataLakeBackupCompliance.suppress(restoreAccount, [
      { rule: ComplianceRule.UNPROTECTED_ACCOUNT, reason: 'Empty restore target: it receives restores of lakeweu01 only' },
    ]);

    // Every ADLS Gen2 account of this stack must be protected, with soft delete on and at least 30 days kept.
    DataLakeBackupCompliance.applyTo(this, { minimumRetention: Duration.days(30) });
  }
}

if (require.main === module) {
  const app = new App();
  new CompleteStack(app, 'complete');
  app.synth();
}
