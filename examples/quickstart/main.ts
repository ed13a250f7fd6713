// Quickstart: protect two containers of an existing ADLS Gen2 account with a new Backup vault and a daily policy.
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { BackupSchedule, BackupVault, DataLakeBackup, DataLakeBackupPolicy, DataLakeStorageAccount, Duration } from '../../lib';

export class QuickstartStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // The same under azurerm 4.x and 5.x: register only what the stack needs (5.x registers nothing by default,
    // 4.x dozens of namespaces). Azure Backup is Microsoft.DataProtection; the account exists, so Storage is registered.
    new AzurermProvider(this, 'azurerm', {
      features: [{}],
      resourceProviderRegistrations: 'none',
      resourceProvidersToRegister: ['Microsoft.DataProtection'],
    });

    // The vault must be in the storage account's region.
    const vault = new BackupVault(this, 'Vault', {
      name: 'bv-lake-weu',
      resourceGroupName: 'rg-backup-weu',
      location: 'West Europe',
    });

    const policy = new DataLakeBackupPolicy(this, 'DailyPolicy', {
      vault,
      name: 'adls-daily-30d',
      schedule: BackupSchedule.daily({ hour: 2, minute: 30, utcOffset: '+01:00' }), // 02:30 CET, as the portal writes it
      defaultRetention: Duration.days(30),
      timeZone: 'W. Europe Standard Time',
    });

    new DataLakeBackup(this, 'Lake', {
      vault,
      policy,
      storageAccount: DataLakeStorageAccount.fromAttributes({
        storageAccountId:
          '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data-weu/providers/Microsoft.Storage/storageAccounts/lakeweu01',
        location: 'westeurope',
      }),
      containers: ['raw', 'curated'],
    });
  }
}

if (require.main === module) {
  const app = new App();
  new QuickstartStack(app, 'quickstart');
  app.synth();
}
