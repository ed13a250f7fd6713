/**
 * The L1 bindings in lib/azurerm/generated/: what `npm run generate` writes from codegen/schema/ must be what is
 * committed, they hold only what every supported azurerm version accepts, and they render and reference as
 * cdktf's own generated bindings do.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { generateBindings, OUTPUT_DIR } from '../codegen/generate';
import {
  AzurermProvider,
  DataAzurermStorageContainers,
  DataProtectionBackupPolicyDataLakeStorage,
  DataProtectionBackupVault,
  MonitorActionGroup,
  MonitorDiagnosticSetting,
  Sleep,
  StorageAccount,
  StorageContainer,
  TimeProvider,
} from '../lib/azurerm';

const ROOT = join(__dirname, '..');

describe('the committed bindings are what the generator writes from the schema files', () => {
  let generated: Map<string, string>;
  beforeAll(async () => {
    generated = await generateBindings();
  }, 60_000);

  test('the same files', () => {
    const committed = readdirSync(join(ROOT, OUTPUT_DIR)).sort();
    expect(committed).toEqual([...generated.keys()].sort());
    expect(committed.length).toBeGreaterThan(20);
  });

  test('the same text in every file (run `npm run generate` after changing codegen/ or its schemas)', () => {
    const stale = [...generated].filter(([file, text]) => readFileSync(join(ROOT, OUTPUT_DIR, file), 'utf8') !== text);
    expect(stale.map(([file]) => file)).toEqual([]);
  });

  test('each file names the schema files it was generated from and what it left out', () => {
    const container = generated.get('storage-container.ts')!;
    for (const file of ['azurerm-4.68.0.json', 'azurerm-4.79.0.json', 'azurerm-5.x-derived.json']) {
      expect(container).toContain(`codegen/schema/${file}`);
    }
    expect(container).toContain('//   storage_account_name (not in azurerm 5.x)');
    expect(container).toContain('//   url (not in azurerm 4.68.0)');
    expect(generated.get('time-sleep.ts')).toContain('codegen/schema/time-0.13.1.json');
  });
});

function newStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'bindings');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  return stack;
}

function synth(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack));
}

describe('rendering', () => {
  test('every value type and block nesting renders under its Terraform name', () => {
    const stack = newStack();
    new StorageAccount(stack, 'Account', {
      name: 'lakeweu01',
      resourceGroupName: 'rg',
      location: 'westeurope',
      accountTier: 'Standard',
      accountReplicationType: 'ZRS',
      isHnsEnabled: true, // bool
      tags: { env: 'prod' }, // map(string)
      blobProperties: {
        versioningEnabled: false,
        corsRule: [
          { allowedHeaders: ['*'], allowedMethods: ['GET'], allowedOrigins: ['*'], exposedHeaders: [], maxAgeInSeconds: 60 },
        ],
      },
      networkRules: { defaultAction: 'Deny', ipRules: ['10.0.0.1'] }, // set(string) in a list-of-one block
      timeouts: { create: '1h' }, // nesting single
    });
    const body = synth(stack).resource.azurerm_storage_account.Account;
    expect(body).toEqual({
      name: 'lakeweu01',
      resource_group_name: 'rg',
      location: 'westeurope',
      account_tier: 'Standard',
      account_replication_type: 'ZRS',
      is_hns_enabled: true,
      tags: { env: 'prod' },
      blob_properties: {
        versioning_enabled: false,
        cors_rule: [
          {
            allowed_headers: ['*'],
            allowed_methods: ['GET'],
            allowed_origins: ['*'],
            exposed_headers: [],
            max_age_in_seconds: 60,
          },
        ],
      },
      network_rules: { default_action: 'Deny', ip_rules: ['10.0.0.1'] },
      timeouts: { create: '1h' },
    });
  });

  test('a list of blocks and a set of blocks render as lists; tokens pass through', () => {
    const stack = newStack();
    const days = new TerraformVariable(stack, 'days', { type: 'number' });
    new MonitorDiagnosticSetting(stack, 'Diag', {
      name: 'backup',
      targetResourceId: '/x',
      logAnalyticsWorkspaceId: '/w',
      enabledLog: [{ category: 'CoreAzureBackup' }, { category: 'AddonAzureBackupJobs' }], // set of blocks
    });
    new DataProtectionBackupPolicyDataLakeStorage(stack, 'Policy', {
      name: 'daily',
      dataProtectionBackupVaultId: '/v',
      backupSchedule: ['R/2024-01-01T02:00:00+00:00/P1D'],
      defaultRetentionDuration: `P${days.numberValue}D`,
      retentionRule: [{ name: 'Monthly', duration: 'P12M', absoluteCriteria: 'FirstOfMonth' }], // list of blocks
    });
    const json = synth(stack);
    expect(json.resource.azurerm_monitor_diagnostic_setting.Diag.enabled_log).toEqual([
      { category: 'CoreAzureBackup' },
      { category: 'AddonAzureBackupJobs' },
    ]);
    const policy = json.resource.azurerm_data_protection_backup_policy_data_lake_storage.Policy;
    expect(policy.retention_rule).toEqual([{ name: 'Monthly', duration: 'P12M', absolute_criteria: 'FirstOfMonth' }]);
    expect(policy.default_retention_duration).toBe('P${var.days}D');
  });

  test('setters, put and reset change what is rendered; Input getters read what is configured', () => {
    const stack = newStack();
    const vault = new DataProtectionBackupVault(stack, 'Vault', {
      name: 'bv',
      resourceGroupName: 'rg',
      location: 'westeurope',
      datastoreType: 'VaultStore',
      redundancy: 'GeoRedundant',
      softDelete: 'On',
    });
    vault.redundancy = 'ZoneRedundant';
    vault.resetSoftDelete();
    vault.putIdentity({ type: 'SystemAssigned' });
    expect(vault.redundancyInput).toBe('ZoneRedundant');
    expect(vault.softDeleteInput).toBeUndefined();
    expect(vault.identityInput).toEqual({ type: 'SystemAssigned' });
    const body = synth(stack).resource.azurerm_data_protection_backup_vault.Vault;
    expect(body.redundancy).toBe('ZoneRedundant');
    expect(body).not.toHaveProperty('soft_delete');
    expect(body.identity).toEqual({ type: 'SystemAssigned' });
  });

  test('meta-arguments go to cdktf, not into the arguments', () => {
    const stack = newStack();
    const group = new StorageContainer(stack, 'First', { name: 'raw', storageAccountId: '/a' });
    new StorageContainer(stack, 'Second', {
      name: 'curated',
      storageAccountId: '/a',
      dependsOn: [group],
      lifecycle: { preventDestroy: true },
    });
    const second = synth(stack).resource.azurerm_storage_container.Second;
    expect(second).toEqual({
      name: 'curated',
      storage_account_id: '/a',
      depends_on: ['azurerm_storage_container.First'],
      lifecycle: { prevent_destroy: true },
    });
  });

  test('the HCL output names the same arguments', () => {
    const app = Testing.app({ hclOutput: true } as never);
    const stack = new TerraformStack(app, 'hcl');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    new TimeProvider(stack, 'time');
    new Sleep(stack, 'Wait', { createDuration: '300s', triggers: { role: 'x' } });
    new DataProtectionBackupVault(stack, 'Vault', {
      name: 'bv',
      resourceGroupName: 'rg',
      location: 'westeurope',
      datastoreType: 'VaultStore',
      redundancy: 'GeoRedundant',
      retentionDurationInDays: 14,
      identity: { type: 'SystemAssigned' },
    });
    const hcl = Testing.synthHcl(stack);
    expect(hcl).toMatch(/resource "time_sleep" "Wait" \{\s+create_duration = "300s"\s+triggers = \{\s+role = "x"\s+\}/);
    expect(hcl).toMatch(/retention_duration_in_days = 14/);
    expect(hcl).toMatch(/identity \{\s+type = "SystemAssigned"\s+\}/);
  });
});

describe('attribute references', () => {
  test('blocks, lists of blocks, sets and computed object lists are read as cdktf reads them', () => {
    const stack = newStack();
    const vault = new DataProtectionBackupVault(stack, 'Vault', {
      name: 'bv',
      resourceGroupName: 'rg',
      location: 'westeurope',
      datastoreType: 'VaultStore',
      redundancy: 'GeoRedundant',
      identity: { type: 'SystemAssigned' },
    });
    const group = new MonitorActionGroup(stack, 'Group', { name: 'g', resourceGroupName: 'rg', shortName: 'g' });
    const diagnostics = new MonitorDiagnosticSetting(stack, 'Diag', {
      name: 'd',
      targetResourceId: '/x',
      enabledLog: [{ category: 'CoreAzureBackup' }],
    });
    const containers = new DataAzurermStorageContainers(stack, 'Containers', { storageAccountId: '/a' });
    const outputs: Record<string, unknown> = {
      principal: vault.identity.principalId,
      timeout: vault.timeouts.create,
      tags: vault.tags,
      firstEmail: group.emailReceiver.get(0).emailAddress,
      firstLog: diagnostics.enabledLog.get(0).category,
      firstContainer: containers.containers.get(0).name,
      ids: vault.identity.identityIds,
    };
    for (const [id, value] of Object.entries(outputs)) new TerraformOutput(stack, id, { value });
    const json = synth(stack);
    expect(Object.fromEntries(Object.entries(json.output).map(([k, v]: [string, any]) => [k, v.value]))).toEqual({
      principal: '${azurerm_data_protection_backup_vault.Vault.identity[0].principal_id}',
      timeout: '${azurerm_data_protection_backup_vault.Vault.timeouts.create}',
      tags: '${azurerm_data_protection_backup_vault.Vault.tags}',
      firstEmail: '${azurerm_monitor_action_group.Group.email_receiver[0].email_address}',
      // cdktf's form for an element of a set (Terraform reads `.0` as `[0]`).
      firstLog: '${tolist(azurerm_monitor_diagnostic_setting.Diag.enabled_log).0.category}',
      firstContainer: '${data.azurerm_storage_containers.Containers.containers[0].name}',
      ids: '${tolist(azurerm_data_protection_backup_vault.Vault.identity[0].identity_ids)}',
    });
  });

  test('a provider binding declares its source and the supported versions, and renders blocks as lists', () => {
    const stack = new TerraformStack(Testing.app(), 'providers');
    new AzurermProvider(stack, 'azurerm', { features: [{}], resourceProviderRegistrations: 'none', alias: 'reader' });
    new TimeProvider(stack, 'time');
    const json = synth(stack);
    expect(json.provider.azurerm).toEqual([{ alias: 'reader', features: [{}], resource_provider_registrations: 'none' }]);
    expect(json.provider.time).toEqual([{}]);
    expect(json.terraform.required_providers).toEqual({
      azurerm: { source: 'azurerm', version: '>= 4.68.0, < 6.0.0' },
      time: { source: 'hashicorp/time', version: '>= 0.13.0, < 1.0.0' },
    });
  });
});
