// Existing account: the storage account is looked up with a data source, so its region and settings are only
// known at plan time. The backup instance then carries lifecycle preconditions that stop `terraform plan` if the
// vault and the account are in different regions or the account is not ADLS Gen2.
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { DataAzurermStorageAccount } from '@cdktf/provider-azurerm/lib/data-azurerm-storage-account';
import {
  BackupSchedule,
  BackupVault,
  DataLakeBackup,
  DataLakeBackupPolicy,
  DataLakeStorageAccount,
  DayOfWeek,
  Duration,
  RetentionRule,
  WeekOfMonth,
} from '../../lib';

export class ExistingAccountStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, 'azurerm', {
      features: [{}],
      resourceProviderRegistrations: 'none',
      resourceProvidersToRegister: ['Microsoft.DataProtection'],
    });

    const lookup = new DataAzurermStorageAccount(this, 'ExistingLake', {
      name: 'lakeneu07',
      resourceGroupName: 'rg-data-neu',
    });

    const vault = new BackupVault(this, 'Vault', {
      name: 'bv-lake-neu',
      resourceGroupName: 'rg-backup-neu',
      location: 'North Europe',
    });

    const policy = new DataLakeBackupPolicy(this, 'WeeklyPolicy', {
      vault,
      name: 'adls-weekly-1y',
      schedule: BackupSchedule.weekly({ days: [DayOfWeek.SATURDAY, DayOfWeek.WEDNESDAY], hour: 23 }),
      timeZone: 'GMT Standard Time',
      defaultRetention: Duration.weeks(8),
      retentionRules: [
        // The first Saturday of each month is kept for a year.
        RetentionRule.monthly(Duration.months(12), {
          weeksOfMonth: [WeekOfMonth.FIRST],
          daysOfWeek: [DayOfWeek.SATURDAY],
        }),
      ],
    });

    new DataLakeBackup(this, 'Lake', {
      vault,
      policy,
      // The account's region and settings are read at plan time: they become preconditions of the instance.
      storageAccount: DataLakeStorageAccount.fromDataSource(lookup),
      containers: ['landing', 'history'],
    });
  }
}

if (require.main === module) {
  const app = new App();
  new ExistingAccountStack(app, 'existing-account');
  app.synth();
}
