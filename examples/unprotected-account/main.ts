// The compliance check failing synth: two ADLS Gen2 accounts, and only one of them protected.
// `npm run build && node dist/examples/unprotected-account/main.js` fails with [ADLSBK1] naming 'lakeweu02';
// pass `protectBoth: true` (or suppress the finding with a reason) and it synthesizes.
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import {
  BackupSchedule,
  BackupVault,
  DataLakeBackup,
  DataLakeBackupCompliance,
  DataLakeBackupPolicy,
  DataLakeStorageAccount,
  Duration,
} from '../../lib';

const LOCATION = 'West Europe';

export interface UnprotectedAccountStackProps {
  /** Protect the second account too, which makes the compliance check pass. */
  readonly protectBoth?: boolean;
}

export class UnprotectedAccountStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: UnprotectedAccountStackProps = {}) {
    super(scope, id);
    new AzurermProvider(this, 'azurerm', {
      features: [{}],
      resourceProviderRegistrations: 'none',
      resourceProvidersToRegister: ['Microsoft.DataProtection', 'Microsoft.Storage'],
    });
    DataLakeBackupCompliance.applyTo(this);

    const lake = (name: string) =>
      new StorageAccount(this, name, {
        name,
        resourceGroupName: 'rg-data-weu',
        location: LOCATION,
        accountKind: 'StorageV2',
        accountTier: 'Standard',
        accountReplicationType: 'ZRS',
        isHnsEnabled: true, // an ADLS Gen2 data lake: the check wants it protected
      });
    const accounts = [lake('lakeweu01'), lake('lakeweu02')];

    const vault = new BackupVault(this, 'Vault', { name: 'bv-lake-weu', resourceGroupName: 'rg-backup-weu', location: LOCATION });
    const policy = new DataLakeBackupPolicy(this, 'Policy', {
      vault,
      name: 'adls-daily',
      schedule: BackupSchedule.daily({ hour: 2 }),
      defaultRetention: Duration.days(30),
    });
    for (const account of props.protectBoth ? accounts : accounts.slice(0, 1)) {
      new DataLakeBackup(this, `Backup-${account.node.id}`, {
        vault,
        policy,
        storageAccount: DataLakeStorageAccount.fromStorageAccount(account),
        containers: ['raw'],
      });
    }
  }
}

if (require.main === module) {
  const app = new App();
  new UnprotectedAccountStack(app, 'unprotected-account');
  app.synth(); // throws: [ADLSBK1] Storage account 'lakeweu02' has hierarchical namespace on ... but no DataLakeBackup protects it
}
