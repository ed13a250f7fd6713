// BackupMonitoring: the diagnostic setting, the workspace, the action group and the two log alerts, and every
// way its props can be wrong.
import { Testing, TerraformStack, TerraformVariable } from 'cdktf';
import {
  BackupMonitoring,
  BackupMonitoringProps,
  BackupSchedule,
  BackupVault,
  DataLakeBackupPolicy,
  DayOfWeek,
  Duration,
  failedJobsQuery,
  missedBackupsQuery,
} from '../lib';
import { annotationsOf, expectConfigError, newStack, onlyResource, resourcesOf, synth, vaultId } from './helpers';
import { analyzeKql } from './support/kql';

const ALERT = 'azurerm_monitor_scheduled_query_rules_alert_v2';
const WORKSPACE =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/log-central';

function vaultWithPolicies(
  stack: TerraformStack,
  schedules: Record<string, BackupSchedule> = { daily: BackupSchedule.daily({ hour: 2 }) },
) {
  const vault = new BackupVault(stack, 'Vault', { name: 'bv-lake', resourceGroupName: 'rg-backup', location: 'West Europe' });
  const policies = Object.entries(schedules).map(
    ([name, schedule]) =>
      new DataLakeBackupPolicy(stack, `Policy-${name}`, { vault, name, schedule, defaultRetention: Duration.days(30) }),
  );
  return { vault, policies };
}

function monitored(props: Partial<BackupMonitoringProps> = {}, schedules?: Record<string, BackupSchedule>) {
  const { stack } = newStack();
  const { vault, policies } = vaultWithPolicies(stack, schedules);
  const monitoring = new BackupMonitoring(stack, 'Monitoring', {
    vault,
    logAnalyticsWorkspaceId: WORKSPACE,
    emails: ['oncall@example.com'],
    ...props,
  });
  return { stack, vault, policies, monitoring, json: synth(stack) };
}

const alertsOf = (json: any) => Object.values<any>(resourcesOf(json, ALERT));

describe('what is created', () => {
  test('an existing workspace: no workspace resource, the diagnostic setting and alerts point at it', () => {
    const { json } = monitored();
    expect(resourcesOf(json, 'azurerm_log_analytics_workspace')).toEqual({});
    expect(onlyResource(json, 'azurerm_monitor_diagnostic_setting').config.log_analytics_workspace_id).toBe(WORKSPACE);
    const alerts = alertsOf(json);
    expect(alerts.map((a) => a.name)).toEqual(['bv-lake-failed-backup-jobs', 'bv-lake-missed-backups']);
    for (const alert of alerts) expect(alert.scopes).toEqual([WORKSPACE]);
  });

  test('a new workspace with the chosen retention, in the vault region and resource group', () => {
    const { json } = monitored({
      logAnalyticsWorkspaceId: undefined,
      workspace: { name: 'log-backup', retention: Duration.days(365) },
    });
    const workspace = onlyResource(json, 'azurerm_log_analytics_workspace');
    expect(workspace.config).toMatchObject({
      name: 'log-backup',
      location: 'West Europe',
      resource_group_name: 'rg-backup',
      sku: 'PerGB2018',
      retention_in_days: 365,
    });
    expect(onlyResource(json, 'azurerm_monitor_diagnostic_setting').config.log_analytics_workspace_id).toBe(
      `\${${workspace.address}.id}`,
    );
  });

  test('the default retention of a new workspace is 90 days', () => {
    const { json } = monitored({ logAnalyticsWorkspaceId: undefined, workspace: { name: 'log-backup' } });
    expect(onlyResource(json, 'azurerm_log_analytics_workspace').config.retention_in_days).toBe(90);
  });

  test('the action group has every email and webhook receiver, with the common alert schema', () => {
    const { json } = monitored({
      emails: ['a@example.com', 'b@example.com'],
      webhooks: ['https://hooks.example.com/x'],
      actionGroupShortName: 'lakebkp',
    });
    const group = onlyResource(json, 'azurerm_monitor_action_group').config;
    expect(group).toMatchObject({ name: 'bv-lake-backup-alerts', short_name: 'lakebkp', resource_group_name: 'rg-backup' });
    expect(group.email_receiver).toEqual([
      { name: 'email-1', email_address: 'a@example.com', use_common_alert_schema: true },
      { name: 'email-2', email_address: 'b@example.com', use_common_alert_schema: true },
    ]);
    expect(group.webhook_receiver).toEqual([
      { name: 'webhook-1', service_uri: 'https://hooks.example.com/x', use_common_alert_schema: true },
    ]);
  });

  test('existing action groups alone: no action group is created, the alerts notify them', () => {
    const existing =
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/microsoft.insights/actionGroups/oncall';
    const { json } = monitored({ emails: undefined, actionGroupIds: [existing] });
    expect(resourcesOf(json, 'azurerm_monitor_action_group')).toEqual({});
    const alerts = alertsOf(json);
    expect(alerts.map((a) => a.name)).toEqual(['bv-lake-failed-backup-jobs', 'bv-lake-missed-backups']);
    for (const alert of alerts) expect(alert.action.action_groups).toEqual([existing]);
  });

  test('the failed-job alert: every 15 minutes over an hour, stateful, one alert per backup instance', () => {
    const { json, vault } = monitored({ severity: 0 });
    const alert = alertsOf(json).find((a) => a.name === 'bv-lake-failed-backup-jobs');
    expect(alert).toMatchObject({
      evaluation_frequency: 'PT15M',
      window_duration: 'PT1H',
      severity: 0,
      auto_mitigation_enabled: true,
      skip_query_validation: true,
      location: 'West Europe',
      resource_group_name: 'rg-backup',
    });
    expect(alert.criteria).toEqual([
      {
        query: failedJobsQuery(`\${azurerm_data_protection_backup_vault.${vault.resource.friendlyUniqueId}.id}`),
        time_aggregation_method: 'Count',
        operator: 'GreaterThan',
        threshold: 0,
        dimension: [{ name: 'BackupItemFriendlyName', operator: 'Include', values: ['*'] }],
        failing_periods: { minimum_failing_periods_to_trigger_alert: 1, number_of_evaluation_periods: 1 },
      },
    ]);
  });

  test('the missed-backup alert: daily policies only, a day plus the grace, over the two days a log alert can read', () => {
    const { json, vault } = monitored(
      { missedBackupAlert: { grace: Duration.hours(12) } },
      {
        daily: BackupSchedule.daily({ hour: 2 }),
        nightly: BackupSchedule.daily({ hour: 23 }),
      },
    );
    const alert = alertsOf(json).find((a) => a.name === 'bv-lake-missed-backups');
    expect(alert).toMatchObject({
      evaluation_frequency: 'PT1H',
      window_duration: 'P2D',
      display_name: 'No completed backup for 36 hours in vault bv-lake',
    });
    expect(alert.criteria[0].query).toBe(
      missedBackupsQuery(
        `\${azurerm_data_protection_backup_vault.${vault.resource.friendlyUniqueId}.id}`,
        ['daily', 'nightly'],
        36,
      ),
    );
  });

  test('weekly policies get no missed-backup alert, and a warning that says why', () => {
    const { stack, json } = monitored(
      {},
      {
        daily: BackupSchedule.daily({ hour: 2 }),
        sundays: BackupSchedule.weekly({ days: [DayOfWeek.SUNDAY], hour: 2 }),
      },
    );
    expect(alertsOf(json).find((a) => a.name === 'bv-lake-missed-backups').criteria[0].query).toContain(
      '| where PolicyName in ("daily")',
    );
    expect(annotationsOf(stack, 'warn').map((w) => w.message)).toEqual([
      expect.stringContaining(
        "No missed-backup alert for 'sundays': a weekly schedule leaves more than two days between backups, and Azure Monitor log alerts look back two days at most.",
      ),
    ]);
  });

  test('only weekly policies: the failed-job alert alone', () => {
    const { json } = monitored({}, { sundays: BackupSchedule.weekly({ days: [DayOfWeek.SUNDAY], hour: 2 }) });
    expect(alertsOf(json).map((a) => a.name)).toEqual(['bv-lake-failed-backup-jobs']);
  });

  test('a policy created after the monitoring is watched, without a warning (test/monitoring-synthesis.test.ts has more)', () => {
    const { stack } = newStack();
    const vault = new BackupVault(stack, 'Vault', { name: 'bv-lake', resourceGroupName: 'rg-backup', location: 'West Europe' });
    new BackupMonitoring(stack, 'Monitoring', { vault, logAnalyticsWorkspaceId: WORKSPACE, emails: ['oncall@example.com'] });
    new DataLakeBackupPolicy(stack, 'Late', {
      vault,
      name: 'late',
      schedule: BackupSchedule.daily({ hour: 2 }),
      defaultRetention: Duration.days(30),
    });
    const json = synth(stack);
    expect(alertsOf(json).map((a) => a.name)).toEqual(['bv-lake-failed-backup-jobs', 'bv-lake-missed-backups']);
    expect(annotationsOf(stack, 'warn')).toEqual([]);
  });

  test('policies can be chosen, and alerts turned off one by one', () => {
    const { stack } = newStack();
    const { vault, policies } = vaultWithPolicies(stack, {
      early: BackupSchedule.daily({ hour: 1 }),
      late: BackupSchedule.daily({ hour: 2 }),
    });
    new BackupMonitoring(stack, 'Monitoring', {
      vault,
      logAnalyticsWorkspaceId: WORKSPACE,
      emails: ['x@example.com'],
      policies: [policies[1]],
      failedJobAlert: false,
    });
    const alerts = alertsOf(synth(stack));
    expect(alerts.map((a) => a.name)).toEqual(['bv-lake-missed-backups']);
    expect(alerts[0].criteria[0].query).toContain('| where PolicyName in ("late")');
    const { json } = monitored({ failedJobAlert: false, missedBackupAlert: false, emails: undefined });
    expect(alertsOf(json)).toEqual([]);
    expect(resourcesOf(json, 'azurerm_monitor_diagnostic_setting')).not.toEqual({}); // the logs are still kept
  });

  test('a vault outside the stack: its resource group comes from the literal ID', () => {
    const { stack } = newStack();
    const vault = BackupVault.fromVaultAttributes(stack, 'Vault', {
      vaultId: vaultId('bv-shared', 'rg-shared'),
      location: 'West Europe',
      principalId: '11111111-1111-1111-1111-111111111111',
    });
    new BackupMonitoring(stack, 'Monitoring', {
      vault,
      logAnalyticsWorkspaceId: WORKSPACE,
      emails: ['x@example.com'],
      missedBackupAlert: false,
    });
    const json = synth(stack);
    expect(onlyResource(json, 'azurerm_monitor_diagnostic_setting').config.target_resource_id).toBe(
      vaultId('bv-shared', 'rg-shared'),
    );
    expect(onlyResource(json, ALERT).config).toMatchObject({
      resource_group_name: 'rg-shared',
      name: 'bv-shared-failed-backup-jobs',
    });
    expect(onlyResource(json, ALERT).config.criteria[0].query).toContain(`_ResourceId =~ "${vaultId('bv-shared', 'rg-shared')}"`);
  });

  test('Testing.synth with validations passes (every provider present)', () => {
    const { stack } = monitored();
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });
});

describe('the queries are valid Kusto over the Azure Backup tables', () => {
  const vault = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/bv';

  test('the analyzer catches a broken query (so the checks below can fail)', () => {
    expect(analyzeKql('AddonAzureBackupJobs | where NoSuchColumn == 1 | summarize arg_max(').diagnostics.length).toBeGreaterThan(
      0,
    );
    expect(
      analyzeKql(missedBackupsQuery(vault, ['daily'], 30).replace('kind=leftanti', 'kind=leftantii')).diagnostics.length,
    ).toBeGreaterThan(0);
  });

  test.each<[string, string]>([
    ['failed jobs', failedJobsQuery(vault)],
    ['missed backups', missedBackupsQuery(vault, ['adls-daily', 'adls-nightly'], 30)],
    [
      'missed backups as README runs it for a weekly policy',
      missedBackupsQuery(vault, ['weekly'], 30).replace('lookback = 30h', 'lookback = 8d'),
    ],
  ])('%s: no diagnostics, and the alert dimension is a result column', (_name, query) => {
    const { diagnostics, columns } = analyzeKql(query);
    expect(diagnostics).toEqual([]);
    expect(columns).toContain('BackupItemFriendlyName');
  });

  test('missedBackupsQuery refuses what would not be valid Kusto or a valid look-back', () => {
    expectConfigError(() => missedBackupsQuery(vault, [], 30), '`policyNames` must name at least one policy');
    expectConfigError(() => missedBackupsQuery(vault, ['daily'], 30.5), '`lookbackHours` must be whole hours from 1 to 47');
  });
});

describe('the queries, as README.md prints them', () => {
  test('failed jobs: the last record of each backup or restore job of the vault, when Failed', () => {
    expect(failedJobsQuery('<vault resource ID>')).toBe(
      [
        'AddonAzureBackupJobs',
        '| where _ResourceId =~ "<vault resource ID>"',
        '| where JobOperation in ("Backup", "Restore")',
        '| summarize arg_max(TimeGenerated, *) by JobUniqueId',
        '| where JobStatus == "Failed"',
        '| project TimeGenerated, JobOperation, JobStatus, JobFailureCode, BackupItemFriendlyName, DatasourceFriendlyName, JobStartDateTime, JobUniqueId',
      ].join('\n'),
    );
  });

  test('missed backups: instances of the policies seen before the look-back with no completed backup in it', () => {
    const query = missedBackupsQuery('<vault resource ID>', ['adls-daily', 'adls-nightly'], 30);
    expect(query.split('\n')[0]).toBe('let lookback = 30h;');
    expect(query).toContain('| where PolicyName in ("adls-daily", "adls-nightly")');
    expect(query).toContain('| where JobStatus == "Completed" and TimeGenerated > ago(lookback)');
    expect(query).toContain('| where FirstSeen < ago(lookback) and TimeGenerated > ago(lookback)');
    expect(query).toContain('| join kind=leftanti succeeded on BackupItemUniqueId');
  });
});

describe('refused props', () => {
  const build = (props: Partial<BackupMonitoringProps>, schedules?: Record<string, BackupSchedule>) => () => {
    const { stack } = newStack();
    const { vault } = vaultWithPolicies(stack, schedules);
    new BackupMonitoring(stack, 'M', {
      vault,
      logAnalyticsWorkspaceId: WORKSPACE,
      emails: ['oncall@example.com'],
      ...props,
    } as BackupMonitoringProps);
  };
  test.each<[string, Partial<BackupMonitoringProps>, string]>([
    ['no vault', { vault: undefined }, '`vault` must be a BackupVault or BackupVault.fromVaultAttributes(...), got: undefined'],
    [
      'both workspaces',
      { workspace: { name: 'log-x' } },
      '`logAnalyticsWorkspaceId` or `workspace` must be given, and not both: give exactly one of `logAnalyticsWorkspaceId` (an existing workspace) and `workspace` (a new one), got: both',
    ],
    [
      'neither workspace',
      { logAnalyticsWorkspaceId: undefined },
      '`logAnalyticsWorkspaceId` or `workspace` must be given, and not both: give exactly one of `logAnalyticsWorkspaceId` (an existing workspace) and `workspace` (a new one), got: neither',
    ],
    [
      'a workspace ID of another type',
      { logAnalyticsWorkspaceId: vaultId('bv') },
      '`logAnalyticsWorkspaceId` must be a Log Analytics workspace resource ID',
    ],
    [
      'a bad workspace name',
      { logAnalyticsWorkspaceId: undefined, workspace: { name: 'x_' } },
      '`workspace.name` must be 4-63 letters, digits and hyphens',
    ],
    [
      'a retention under 30 days',
      { logAnalyticsWorkspaceId: undefined, workspace: { name: 'log-x', retention: Duration.days(7) } },
      '`workspace.retention` must be Duration.days(30) to Duration.days(730), got: "7 days"',
    ],
    [
      'a retention in months',
      { logAnalyticsWorkspaceId: undefined, workspace: { name: 'log-x', retention: Duration.months(3) } },
      'got: "3 months"',
    ],
    [
      'nobody to tell',
      { emails: [] },
      '`emails` (or `webhooks` or `actionGroupIds`) must give at least one recipient: an alert that reaches no one is the silent failure this construct exists to prevent, got: none',
    ],
    ['a bad email', { emails: ['oncall'] }, '`emails[0]` must be an email address, got: "oncall"'],
    ['an email twice', { emails: ['a@example.com', 'a@example.com'] }, '`emails` must not repeat an entry'],
    ['an http webhook', { webhooks: ['http://hooks.example.com'] }, '`webhooks[0]` must be an https:// URL'],
    ['a bad action group ID', { actionGroupIds: ['oncall'] }, '`actionGroupIds[0]` must be an action group resource ID'],
    ['a long short name', { actionGroupShortName: 'adls-backup-alerts' }, '`actionGroupShortName` must be 1-12 bytes of UTF-8'],
    // internal/services/monitor/monitor_action_group_resource.go short_name: validation.StringLenBetween(1, 12), Go len.
    [
      'a short name of 7 characters and 14 bytes',
      { actionGroupShortName: 'ééééééé' },
      '`actionGroupShortName` must be 1-12 bytes of UTF-8',
    ],
    // ... webhook_receiver.service_uri: validation.IsURLWithScheme, which parses with Go's net/url.
    [
      'a webhook with an invalid percent escape',
      { webhooks: ['https://hooks.example.com/a%zz'] },
      "that Go's URL parser accepts",
    ],
    ['a webhook with a space in the host', { webhooks: ['https://hooks example.com/x'] }, "that Go's URL parser accepts"],
    ['a webhook with braces in the host', { webhooks: ['https://{hooks}.example.com/x'] }, "that Go's URL parser accepts"],
    [
      'a webhook with a space in the user info',
      { webhooks: ['https://us er@hooks.example.com/x'] },
      "that Go's URL parser accepts",
    ],
    ['severity 5', { severity: 5 }, '`severity` must be a whole number from 0 (critical) to 4 (verbose), got: 5'],
    [
      'a grace of 20 hours',
      { missedBackupAlert: { grace: Duration.hours(20) } },
      '`missedBackupAlert.grace` must be whole hours from Duration.hours(1) to Duration.hours(18)',
    ],
    ['a grace in minutes', { missedBackupAlert: { grace: Duration.minutes(90) } }, 'got: "90 minutes"'],
    [
      'missedBackupAlert: true',
      { missedBackupAlert: true as never },
      '`missedBackupAlert` must be an options object or false, got: true',
    ],
    ['failedJobAlert as text', { failedJobAlert: 'no' as never }, '`failedJobAlert` must be true or false'],
    ['a policy that is not one', { policies: [{} as never] }, '`policies[0]` must be a DataLakeBackupPolicy'],
    ['a bad resource group', { resourceGroupName: 'rg/x' }, '`resourceGroupName` must be 1-90 ASCII letters'],
  ])('%s', (_name, props, message) => expectConfigError(build(props), message));

  test('a second monitor on one vault (duplicate diagnostic setting and alert names)', () =>
    expectConfigError(() => {
      const { stack } = newStack();
      const { vault } = vaultWithPolicies(stack);
      new BackupMonitoring(stack, 'First', { vault, logAnalyticsWorkspaceId: WORKSPACE, emails: ['x@example.com'] });
      new BackupMonitoring(stack, 'Second', { vault, logAnalyticsWorkspaceId: WORKSPACE, emails: ['y@example.com'] });
    }, '`vault` is already monitored by BackupMonitoring \'test/First\': one per vault, got: "bv-lake"'));

  test("a refused monitor does not count as the vault's monitor", () => {
    const { stack } = newStack();
    const { vault } = vaultWithPolicies(stack);
    expect(
      () => new BackupMonitoring(stack, 'Broken', { vault, logAnalyticsWorkspaceId: WORKSPACE, emails: ['nope'] }),
    ).toThrow();
    expect(
      () => new BackupMonitoring(stack, 'Fixed', { vault, logAnalyticsWorkspaceId: WORKSPACE, emails: ['x@example.com'] }),
    ).not.toThrow();
  });

  test("another vault's policy", () =>
    expectConfigError(() => {
      const { stack } = newStack();
      const { vault } = vaultWithPolicies(stack);
      const other = new BackupVault(stack, 'Other', {
        name: 'bv-other',
        resourceGroupName: 'rg-backup',
        location: 'West Europe',
      });
      const foreign = new DataLakeBackupPolicy(stack, 'Foreign', {
        vault: other,
        name: 'foreign',
        schedule: BackupSchedule.daily({ hour: 2 }),
        defaultRetention: Duration.days(30),
      });
      new BackupMonitoring(stack, 'M', {
        vault,
        logAnalyticsWorkspaceId: WORKSPACE,
        emails: ['x@example.com'],
        policies: [foreign],
      });
    }, '`policies[0]` must be a policy of this vault, got: "test/Foreign"'));

  test('a vault outside the stack whose ID is a reference needs a resource group', () =>
    expectConfigError(() => {
      const { stack } = newStack();
      const variable = (name: string) => new TerraformVariable(stack, name, { type: 'string' }).stringValue;
      const vault = BackupVault.fromVaultAttributes(stack, 'V', {
        vaultId: variable('vault_id'),
        location: 'West Europe',
        principalId: variable('principal'),
        name: 'bv-x',
      });
      new BackupMonitoring(stack, 'M', { vault, logAnalyticsWorkspaceId: WORKSPACE, emails: ['x@example.com'] });
    }, '`resourceGroupName` must be given'));
});
