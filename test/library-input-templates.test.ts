// What the run-time checks of issue 14 (item 7) still accept: cdktf's string convention (a string may carry a
// token; a literal `${` is written `$${`, Terraform's escape), lengths counted as Terraform sends the text, valid
// names and IDs, and Terraform references wherever a literal would be checked. The refusals are in bad-input.test.ts.
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import {
  AbsoluteCriteria,
  BackupMonitoring,
  BackupMonitoringProps,
  BackupResourceGuard,
  BackupSchedule,
  BackupVault,
  DataLakeBackup,
  DataLakeBackupPolicy,
  DataLakeStorageAccount,
  Duration,
  RetentionRule,
} from '../lib';
import { templateSequences, terraformLiteral, terraformText } from '../lib/private/terraform-template';

const SUBSCRIPTION = '/subscriptions/00000000-0000-0000-0000-000000000000';
const ACCOUNT_ID = `${SUBSCRIPTION}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/lakeweu01`;
const VAULT_ID = `${SUBSCRIPTION}/resourceGroups/rg-backup/providers/Microsoft.DataProtection/backupVaults/bv-lake-weu`;
const WORKSPACE_ID = `${SUBSCRIPTION}/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/log-central`;
const PRINCIPAL_ID = '11111111-2222-3333-4444-555555555555';

type Json = Record<string, Record<string, Record<string, Record<string, unknown>>>>;

function newStack(): TerraformStack {
  return new TerraformStack(Testing.app(), 'test');
}

function synth(stack: TerraformStack): Json {
  return JSON.parse(Testing.synth(stack)) as Json;
}

function vault(stack: TerraformStack, tags?: Record<string, string>): BackupVault {
  return new BackupVault(stack, 'Vault', { name: 'bv-lake-weu', resourceGroupName: 'rg-backup', location: 'West Europe', tags });
}

function monitoring(props: Partial<BackupMonitoringProps>): BackupMonitoring {
  const stack = newStack();
  return new BackupMonitoring(stack, 'Monitoring', {
    vault: vault(stack),
    logAnalyticsWorkspaceId: WORKSPACE_ID,
    emails: ['oncall@example.com'],
    ...props,
  });
}

/** A backup of lakeweu01 with `name`, in a fresh stack, and the stack's Terraform. */
function backupNamed(name: string): { backup: DataLakeBackup; json: Json } {
  const stack = newStack();
  const v = vault(stack);
  const policy = new DataLakeBackupPolicy(stack, 'Policy', {
    vault: v,
    name: 'adls-daily',
    schedule: BackupSchedule.daily({ hour: 2 }),
    defaultRetention: Duration.days(30),
  });
  const storageAccount = DataLakeStorageAccount.fromAttributes({ storageAccountId: ACCOUNT_ID, location: 'West Europe' });
  const backup = new DataLakeBackup(stack, 'Lake', { vault: v, policy, storageAccount, containers: ['raw'], name });
  return { backup, json: synth(stack) };
}

describe('cdktf writes $${ unchanged, and Terraform reads it as a literal ${', () => {
  // Checked by hand with terraform 1.11.4 on a cdk.tf.json of outputs: "a$${b}" printed a${b} (length 5),
  // "a%%{b}" printed a%{b}, "a$$${b}" printed a$${b}. terraformText mirrors that reading.
  test.each([
    ['a$${b}', 'a${b}'],
    ['a%%{b}', 'a%{b}'],
    ['a$$${b}', 'a$${b}'],
    ['$${a}$${b}', '${a}${b}'],
    ['plain text', 'plain text'],
    ['a $ and a { apart', 'a $ and a { apart'],
  ])('%j is sent as %j', (written, sent) => {
    expect(terraformText(written)).toBe(sent);
  });

  test.each(['a${b}', 'a%{if true}b%{endif}', '$${a}${b}'])(
    '%j holds an unescaped template: only Terraform knows its text',
    (written) => {
      expect(terraformText(written)).toBeUndefined();
    },
  );

  test.each(['${a}', '%{if x}', 'a$${b}', 'a$$${b}', '%%{', '$', '{', '$ {', '${${x}}', 'plain'])(
    'a literal of %j is read back as itself, with no template left',
    (text) => {
      const literal = terraformLiteral(text);
      expect([terraformText(literal), templateSequences(literal).first]).toEqual([text, -1]);
    },
  );

  test('a tag value written with $${ and %%{ reaches cdk.tf.json unchanged', () => {
    const stack = newStack();
    vault(stack, { note: 'use $${var} and %%{if}', ref: '${var.owner}' });
    const tags = Object.values(synth(stack).resource.azurerm_data_protection_backup_vault)[0].tags;
    expect(tags).toEqual({ note: 'use $${var} and %%{if}', ref: '${var.owner}' });
  });
});

describe('lengths count the text Terraform sends', () => {
  test('a tag value of 254 characters and $${ (256 bytes sent) is accepted', () => {
    expect(() => vault(newStack(), { owner: 'o'.repeat(254) + '$${' })).not.toThrow();
  });

  test('a tag value with a raw ${...} template is only known at plan: its length is not judged', () => {
    const value = '${var.owner}' + 'o'.repeat(300);
    const stack = newStack();
    vault(stack, { owner: value });
    expect(Object.values(synth(stack).resource.azurerm_data_protection_backup_vault)[0].tags).toEqual({ owner: value });
  });

  test('a resource guard name of 256 characters and $${x} (260 bytes sent) is accepted', () => {
    const name = 'g'.repeat(256) + '$${x}';
    expect(
      () => new BackupResourceGuard(newStack(), 'Guard', { name, resourceGroupName: 'rg-security', location: 'West Europe' }),
    ).not.toThrow();
  });

  test('an action group short name of 13 characters with $${ (12 bytes sent) is accepted', () => {
    expect(() => monitoring({ actionGroupShortName: 'ab$${x}cdefgh' })).not.toThrow();
  });
});

describe('valid names are accepted and written as given', () => {
  test.each(['lakeweu01', 'lake01-backup', 'lake_weu.01', 'Lake-WEU-01', 'l', 'n'.repeat(150)])(
    'backup instance name %j',
    (name) => {
      const { json } = backupNamed(name);
      const instance = Object.values(json.resource.azurerm_data_protection_backup_instance_data_lake_storage)[0];
      expect(instance.name).toBe(name);
    },
  );

  test.each(['Keep', 'QuarterEnd', 'keep-12-months', 'K', 'K'.repeat(150)])('retention rule name %j', (name) => {
    expect(RetentionRule.custom({ name, duration: Duration.days(7), absoluteCriteria: AbsoluteCriteria.ALL_BACKUP }).name).toBe(
      name,
    );
  });

  test('a region with spaces around it (azurerm drops every space) is still accepted', () => {
    expect(() =>
      DataLakeStorageAccount.fromAttributes({ storageAccountId: ACCOUNT_ID, location: '  West Europe ' }),
    ).not.toThrow();
  });
});

describe('valid IDs are accepted', () => {
  const UPPER_CASE_SUBSCRIPTION = '/subscriptions/ABCDEF01-2345-6789-ABCD-EF0123456789';

  test('an action group ID as Azure returns it (microsoft.insights in lower case), a name with spaces and parentheses', () => {
    const id = `${SUBSCRIPTION}/resourceGroups/rg-alerts/providers/microsoft.insights/actiongroups/On-Call (EU)`;
    expect(() => monitoring({ emails: undefined, actionGroupIds: [id] })).not.toThrow();
  });

  test('a subscription GUID in upper case, a resource group with periods and parentheses', () => {
    const storageAccountId = `${UPPER_CASE_SUBSCRIPTION}/resourceGroups/rg.data-(weu)_1/providers/Microsoft.Storage/storageAccounts/lakeweu01`;
    expect(() => DataLakeStorageAccount.fromAttributes({ storageAccountId, location: 'westeurope' })).not.toThrow();
  });
});

describe('Terraform references pass through where a literal would be checked', () => {
  test('IDs and names given as variables', () => {
    const stack = newStack();
    const v = (name: string) => new TerraformVariable(stack, name, { type: 'string' }).stringValue;
    const imported = BackupVault.fromVaultAttributes(stack, 'Imported', {
      vaultId: v('vault_id'),
      location: 'West Europe',
      principalId: v('principal_id'),
      name: v('vault_name'),
    });
    const account = DataLakeStorageAccount.fromAttributes({
      storageAccountId: v('account_id'),
      location: v('region'),
      name: 'lakeweu01',
    });
    const policy = new DataLakeBackupPolicy(stack, 'Policy', {
      vault: imported,
      name: v('policy_name'),
      schedule: BackupSchedule.daily({ hour: 2 }),
      defaultRetention: Duration.days(30),
      retentionRules: [RetentionRule.weekly(Duration.weeks(4), { name: v('rule_name') })],
    });
    expect(
      () =>
        new DataLakeBackup(stack, 'Lake', {
          vault: imported,
          policy,
          storageAccount: account,
          containers: ['raw'],
          name: v('instance'),
        }),
    ).not.toThrow();
    expect(
      () =>
        new BackupMonitoring(stack, 'Monitoring', {
          vault: imported,
          resourceGroupName: 'rg-backup',
          logAnalyticsWorkspaceId: v('workspace_id'),
          actionGroupIds: [v('action_group_id')],
        }),
    ).not.toThrow();
    expect(Object.keys(synth(stack).resource.azurerm_data_protection_backup_instance_data_lake_storage)).toHaveLength(1);
  });

  test('an imported vault by a literal ID still gives the monitoring its resource group', () => {
    const stack = newStack();
    const imported = BackupVault.fromVaultAttributes(stack, 'Imported', {
      vaultId: VAULT_ID,
      location: 'West Europe',
      principalId: PRINCIPAL_ID,
    });
    new BackupMonitoring(stack, 'Monitoring', {
      vault: imported,
      logAnalyticsWorkspaceId: WORKSPACE_ID,
      emails: ['oncall@example.com'],
    });
    const alerts = Object.values(synth(stack).resource.azurerm_monitor_scheduled_query_rules_alert_v2 ?? {});
    const groups = Object.values(synth(stack).resource.azurerm_monitor_action_group);
    expect(groups.map((g) => g.resource_group_name)).toEqual(['rg-backup']);
    expect(alerts.every((a) => a.resource_group_name === 'rg-backup')).toBe(true);
  });
});
