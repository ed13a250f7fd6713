// BackupMonitoring decides what its missed-backup alert watches at synthesis, when the whole app exists: a policy
// created after the monitoring, or in another stack, is watched as one created before it.
import { TerraformStack } from 'cdktf';
import { readFileSync } from 'fs';
import { join } from 'path';
import { AzurermProvider, ResourceGroup } from '../lib/azurerm';
import { BackupMonitoring, BackupSchedule, BackupVault, DataLakeBackupPolicy, Duration } from '../lib';
import { annotationsOf, newStack, resourcesOf, synth } from './helpers';

const ALERT = 'azurerm_monitor_scheduled_query_rules_alert_v2';
const WORKSPACE =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/log-central';

const daily = (vault: BackupVault, stack: TerraformStack, name: string) =>
  new DataLakeBackupPolicy(stack, `Policy-${name}`, {
    vault,
    name,
    schedule: BackupSchedule.daily({ hour: 2 }),
    defaultRetention: Duration.days(30),
  });

function missedBackupAlerts(json: any): { name: string; query: string }[] {
  return Object.values<any>(resourcesOf(json, ALERT))
    .filter((a) => a.name.endsWith('-missed-backups'))
    .map((a) => ({ name: a.name, query: a.criteria[0].query }));
}

test('policies created after the monitoring are watched, with those before it, and nothing is warned', () => {
  const { stack } = newStack();
  const vault = new BackupVault(stack, 'Vault', { name: 'bv-lake', resourceGroupName: 'rg-backup', location: 'West Europe' });
  daily(vault, stack, 'before');
  const monitoring = new BackupMonitoring(stack, 'Monitoring', {
    vault,
    logAnalyticsWorkspaceId: WORKSPACE,
    emails: ['oncall@example.com'],
  });
  daily(vault, stack, 'after');
  const alerts = missedBackupAlerts(synth(stack));
  expect(alerts.map((a) => a.name)).toEqual(['bv-lake-missed-backups']);
  expect(alerts[0].query).toContain('"before"');
  expect(alerts[0].query).toContain('"after"');
  expect(annotationsOf(stack, 'warn')).toEqual([]);
  expect(monitoring.missedBackupAlert?.node.id).toBe('MissedBackupAlert');
});

test('a policy of the vault in another stack of the app is watched too', () => {
  const { app, stack } = newStack();
  const vault = new BackupVault(stack, 'Vault', { name: 'bv-lake', resourceGroupName: 'rg-backup', location: 'West Europe' });
  new BackupMonitoring(stack, 'Monitoring', { vault, logAnalyticsWorkspaceId: WORKSPACE, emails: ['oncall@example.com'] });
  const other = new TerraformStack(app, 'policies');
  new AzurermProvider(other, 'azurerm', { features: [{}] });
  daily(vault, other, 'elsewhere');
  expect(missedBackupAlerts(synth(stack)).map((a) => a.query)).toEqual([expect.stringContaining('"elsewhere"')]);
});

test('a vault with no policy at synthesis: no missed-backup alert, and a warning that says so', () => {
  const { stack } = newStack();
  const vault = new BackupVault(stack, 'Vault', { name: 'bv-lake', resourceGroupName: 'rg-backup', location: 'West Europe' });
  const monitoring = new BackupMonitoring(stack, 'Monitoring', {
    vault,
    logAnalyticsWorkspaceId: WORKSPACE,
    emails: ['oncall@example.com'],
  });
  expect(missedBackupAlerts(synth(stack))).toEqual([]);
  expect(monitoring.node.tryFindChild('MissedBackupAlert')).toBeUndefined();
  expect(annotationsOf(stack, 'warn').map((w) => w.message)).toEqual([
    'No missed-backup alert: the vault has no DataLakeBackupPolicy in this app. Pass `policies` to choose them.',
  ]);
});

test('a reference to another stack only the missed-backup alert uses becomes remote state, as any other', () => {
  const { app, stack } = newStack();
  const shared = new TerraformStack(app, 'shared');
  new AzurermProvider(shared, 'azurerm', { features: [{}] });
  const group = new ResourceGroup(shared, 'Alerts', { name: 'rg-alerts', location: 'West Europe' });
  const vault = new BackupVault(stack, 'Vault', { name: 'bv-lake', resourceGroupName: 'rg-backup', location: 'West Europe' });
  new BackupMonitoring(stack, 'Monitoring', {
    vault,
    logAnalyticsWorkspaceId: WORKSPACE,
    resourceGroupName: group.name,
    failedJobAlert: false,
    actionGroupIds: [`${WORKSPACE.split('/providers/')[0]}/providers/Microsoft.Insights/actionGroups/ag-oncall`],
  });
  daily(vault, stack, 'after');
  app.synth();
  const json = JSON.parse(readFileSync(join(app.outdir, 'stacks', 'test', 'cdk.tf.json'), 'utf8'));
  const [alert] = Object.values<any>(resourcesOf(json, ALERT));
  expect(alert.resource_group_name).toMatch(/^\$\{data\.terraform_remote_state\.[^.]+\.outputs\./);
  expect(Object.keys(json.data?.terraform_remote_state ?? {})).toHaveLength(1);
});
