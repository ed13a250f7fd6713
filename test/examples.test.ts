import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Testing } from 'cdktf';
import { CompleteStack } from '../examples/complete/main';
import { ExistingAccountStack } from '../examples/existing-account/main';
import { QuickstartStack } from '../examples/quickstart/main';
import { AZURERM_VERSION_CONSTRAINT } from '../lib';
import { INSTANCE_TYPE, onlyResource, POLICY_TYPE, resourcesOf, storageAccountId } from './helpers';

function synthExample(Stack: new (scope: any, id: string) => any, id: string): any {
  const app = Testing.app();
  const stack = new Stack(app, id);
  return JSON.parse(Testing.synth(stack, true));
}

/** The one role assignment whose logical ID starts with `<vault id>_<kind>-` (BackupAccess or RestoreAccess). */
function grantOf(json: any, kind: string): { address: string; config: any } {
  const grants = Object.entries(resourcesOf(json, 'azurerm_role_assignment')).filter(([id]) => id.startsWith(`Vault_${kind}-`));
  expect(grants).toHaveLength(1);
  return { address: `azurerm_role_assignment.${grants[0][0]}`, config: grants[0][1] };
}

/** The ordering every example must encode: role -> wait -> instance, role scoped to the account, vault identity as principal. */
function expectRoleBeforeBackup(json: any, accountIdExpression: string): void {
  const vault = onlyResource(json, 'azurerm_data_protection_backup_vault');
  const role = grantOf(json, 'BackupAccess');
  const wait = onlyResource(json, 'time_sleep');
  const instance = onlyResource(json, INSTANCE_TYPE);

  expect(instance.config.depends_on).toEqual(expect.arrayContaining([role.address, wait.address]));
  expect(wait.config.depends_on).toEqual([role.address]);
  expect(wait.config.triggers.role_assignment_id).toBe(`\${${role.address}.id}`);
  expect(role.config.scope).toBe(accountIdExpression);
  expect(instance.config.storage_account_id).toBe(accountIdExpression);
  expect(role.config.principal_id).toBe(`\${${vault.address}.identity[0].principal_id}`);
  expect(role.config.role_definition_name).toBe('Storage Account Backup Contributor');
  expect(role.config.principal_type).toBe('ServicePrincipal');
  expect(vault.config.identity).toEqual({ type: 'SystemAssigned' });
  expect(vault.config.datastore_type).toBe('VaultStore');
  expect(instance.config.data_protection_backup_vault_id).toBe(`\${${vault.address}.id}`);
  expect(json.terraform.required_providers.azurerm.version).toBe(AZURERM_VERSION_CONSTRAINT);
}

describe('examples/quickstart', () => {
  const json = synthExample(QuickstartStack, 'quickstart');

  test('grants the role, waits, then creates the instance', () => {
    expectRoleBeforeBackup(json, storageAccountId('lakeweu01', 'rg-data-weu'));
  });

  test('regions are literal and equal, so the check ran at synth and no precondition is needed', () => {
    const instance = onlyResource(json, INSTANCE_TYPE).config;
    expect(instance.location).toBe('westeurope');
    expect(onlyResource(json, 'azurerm_data_protection_backup_vault').config.location).toBe('West Europe');
    expect(instance.lifecycle).toEqual({ prevent_destroy: true }); // no precondition: checked at synth
  });

  test('protects the two containers with the daily policy', () => {
    const instance = onlyResource(json, INSTANCE_TYPE).config;
    const policy = onlyResource(json, POLICY_TYPE);
    expect(instance.storage_container_names).toEqual(['raw', 'curated']);
    expect(instance.backup_policy_data_lake_storage_id).toBe(`\${${policy.address}.id}`);
    expect(policy.config.backup_schedule).toEqual(['R/2024-01-01T02:30:00+01:00/P1D']);
  });

  test('snapshot', () => {
    expect(json).toMatchSnapshot();
  });
});

describe('examples/complete', () => {
  const json = synthExample(CompleteStack, 'complete');

  test('monitoring: the vault logs its four Azure Backup categories to the workspace, and both alerts notify the action group', () => {
    const vault = `\${${onlyResource(json, 'azurerm_data_protection_backup_vault').address}.id}`;
    const workspace = `\${${onlyResource(json, 'azurerm_log_analytics_workspace').address}.id}`;
    const diagnostic = onlyResource(json, 'azurerm_monitor_diagnostic_setting').config;
    expect(diagnostic.target_resource_id).toBe(vault);
    expect(diagnostic.log_analytics_workspace_id).toBe(workspace);
    expect(diagnostic.log_analytics_destination_type).toBe('Dedicated');
    expect(diagnostic.enabled_log.map((l: any) => l.category)).toEqual([
      'CoreAzureBackup',
      'AddonAzureBackupJobs',
      'AddonAzureBackupPolicy',
      'AddonAzureBackupProtectedInstance',
    ]);
    const group = onlyResource(json, 'azurerm_monitor_action_group');
    expect(group.config.email_receiver.map((r: any) => r.email_address)).toEqual(['data-platform-oncall@example.com']);
    const alerts = Object.values<any>(resourcesOf(json, 'azurerm_monitor_scheduled_query_rules_alert_v2'));
    expect(alerts.map((a) => a.name).sort()).toEqual(['bv-lake-weu-failed-backup-jobs', 'bv-lake-weu-missed-backups']);
    for (const alert of alerts) {
      expect(alert.scopes).toEqual([workspace]);
      expect(alert.action.action_groups).toEqual([`\${${group.address}.id}`]);
      expect(alert.criteria[0].query).toContain(`_ResourceId =~ "${vault}"`);
    }
  });

  test('grants the role, waits, then creates the instance', () => {
    expectRoleBeforeBackup(json, '${azurerm_storage_account.Lake.id}');
  });

  test('the instance also waits for the containers the stack creates', () => {
    const instance = onlyResource(json, INSTANCE_TYPE).config;
    const containers = Object.keys(resourcesOf(json, 'azurerm_storage_container')).map((id) => `azurerm_storage_container.${id}`);
    expect(containers).toHaveLength(3);
    expect(instance.depends_on).toEqual(expect.arrayContaining(containers));
    expect(instance.storage_container_names).toEqual(['raw', 'curated', 'published']);
  });

  test('the storage account is ADLS Gen2 and in the vault region', () => {
    const account = resourcesOf(json, 'azurerm_storage_account').Lake;
    expect(account.is_hns_enabled).toBe(true);
    expect(account.location).toBe(onlyResource(json, 'azurerm_data_protection_backup_vault').config.location);
    expect(onlyResource(json, INSTANCE_TYPE).config.location).toBe(account.location);
  });

  test('the policy keeps weekly, monthly and yearly backups in priority order', () => {
    const policy = onlyResource(json, POLICY_TYPE).config;
    expect(policy.retention_rule.map((r: any) => [r.name, r.absolute_criteria, r.duration])).toEqual([
      ['Yearly', 'FirstOfYear', 'P10Y'],
      ['Monthly', 'FirstOfMonth', 'P12M'],
      ['Weekly', 'FirstOfWeek', 'P12W'],
    ]);
    expect(policy.default_retention_duration).toBe('P30D');
  });

  test('the wait is the configured ten minutes', () => {
    expect(onlyResource(json, 'time_sleep').config.create_duration).toBe('600s');
  });

  test('deletion safety: the vault and the instance carry prevent_destroy, and a CanNotDelete lock guards the vault', () => {
    const vault = onlyResource(json, 'azurerm_data_protection_backup_vault');
    expect(vault.config.lifecycle).toEqual({ prevent_destroy: true });
    expect(onlyResource(json, INSTANCE_TYPE).config.lifecycle).toEqual({ prevent_destroy: true });
    expect(onlyResource(json, 'azurerm_management_lock').config).toMatchObject({
      lock_level: 'CanNotDelete',
      scope: `\${${vault.address}.id}`,
      lifecycle: { prevent_destroy: true }, // `terraform destroy` cannot remove the lock either
    });
  });

  test('restore readiness: the vault may write to a second HNS account in its region, not to the backed-up one', () => {
    const restore = grantOf(json, 'RestoreAccess');
    const backup = grantOf(json, 'BackupAccess');
    const target = resourcesOf(json, 'azurerm_storage_account').RestoreLake;
    expect(restore.config.scope).toBe('${azurerm_storage_account.RestoreLake.id}');
    expect(restore.config.scope).not.toBe(backup.config.scope);
    expect(restore.config.principal_id).toBe(backup.config.principal_id);
    expect(restore.config.role_definition_name).toBe('Storage Account Backup Contributor');
    expect(target).toMatchObject({
      is_hns_enabled: true,
      location: onlyResource(json, 'azurerm_data_protection_backup_vault').config.location,
    });
    // Nothing creates containers on the target, so no restored name can collide.
    const containersOnTarget = Object.values(resourcesOf(json, 'azurerm_storage_container')).filter(
      (c: any) => c.storage_account_id === '${azurerm_storage_account.RestoreLake.id}',
    );
    expect(containersOnTarget).toEqual([]);
  });

  test('snapshot', () => {
    expect(json).toMatchSnapshot();
  });
});

describe('examples/existing-account (region known only at plan time)', () => {
  const json = synthExample(ExistingAccountStack, 'existing-account');

  test('grants the role, waits, then creates the instance', () => {
    expectRoleBeforeBackup(json, '${data.azurerm_storage_account.ExistingLake.id}');
  });

  test('the instance carries a precondition comparing the normalised vault and account regions', () => {
    const instance = onlyResource(json, INSTANCE_TYPE).config;
    const [sameRegion] = instance.lifecycle.precondition;
    expect(sameRegion.condition).toBe(
      '${("northeurope" == lower(replace(data.azurerm_storage_account.ExistingLake.location, " ", "")))}',
    );
    expect(sameRegion.error_message).toContain('same region');
    expect(sameRegion.error_message).toContain('data.azurerm_storage_account.ExistingLake.location');
    expect(instance.location).toBe('${data.azurerm_storage_account.ExistingLake.location}');
  });

  test('the account read at plan time must be ADLS Gen2: preconditions on its settings', () => {
    const conditions = onlyResource(json, INSTANCE_TYPE).config.lifecycle.precondition.map((p: any) => p.condition);
    const account = 'data.azurerm_storage_account.ExistingLake';
    expect(conditions.slice(1)).toEqual([
      `\${(${account}.is_hns_enabled == true)}`,
      `\${(${account}.nfsv3_enabled != true)}`,
      `\${(${account}.account_kind == "StorageV2")}`,
      `\${(${account}.account_tier == "Standard")}`,
    ]);
  });

  test('snapshot', () => {
    expect(json).toMatchSnapshot();
  });
});

describe('synthesizing the same app twice gives identical bytes', () => {
  test.each([
    ['quickstart', QuickstartStack],
    ['complete', CompleteStack],
    ['existing-account', ExistingAccountStack],
  ])('%s: cdk.tf.json and manifest.json, written by app.synth() into two directories', (id, Stack) => {
    const written = [1, 2].map(() => {
      const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'adls-synth-'));
      const app = new App({ outdir, skipValidation: false });
      new Stack(app, id);
      app.synth();
      const read = (file: string) => fs.readFileSync(path.join(outdir, file), 'utf8');
      const files = [read(`stacks/${id}/cdk.tf.json`), read('manifest.json')];
      fs.rmSync(outdir, { recursive: true, force: true });
      return files;
    });
    expect(written[0][0].length).toBeGreaterThan(1000);
    expect(written[1]).toEqual(written[0]);
  });
});
