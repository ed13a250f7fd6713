import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TimeProvider } from '../lib/azurerm/generated/provider-time';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import {
  BackupSchedule,
  BackupVault,
  DataLakeBackup,
  DataLakeBackupPolicy,
  DataLakeStorageAccount,
  Duration,
  IBackupVault,
} from '../lib';
import {
  configErrorOf,
  expectConfigError,
  INSTANCE_TYPE,
  newStack,
  onlyResource,
  resourcesOf,
  storageAccountId,
  synth,
  vaultId,
  warningsOf,
} from './helpers';

function vaultAndPolicy(stack: any, location = 'West Europe'): { vault: BackupVault; policy: DataLakeBackupPolicy } {
  const vault = new BackupVault(stack, 'Vault', { name: 'bv-test', resourceGroupName: 'rg-backup', location });
  const policy = new DataLakeBackupPolicy(stack, 'Policy', {
    vault,
    name: 'adls-daily',
    schedule: BackupSchedule.daily({ hour: 2 }),
    defaultRetention: Duration.days(30),
  });
  return { vault, policy };
}

function account(name = 'lakeweu01', location = 'West Europe') {
  return DataLakeStorageAccount.fromAttributes({ storageAccountId: storageAccountId(name), location });
}

describe('role before backup', () => {
  test('GIVEN defaults WHEN synthesized THEN role -> 5 minute wait -> instance', () => {
    const { stack } = newStack();
    const { vault, policy } = vaultAndPolicy(stack);
    const backup = new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account(), containers: ['raw'] });
    const json = synth(stack);

    const role = onlyResource(json, 'azurerm_role_assignment');
    const wait = onlyResource(json, 'time_sleep');
    const instance = onlyResource(json, INSTANCE_TYPE);
    expect(instance.config.depends_on).toEqual([role.address, wait.address]);
    expect(wait.config.depends_on).toEqual([role.address]);
    expect(wait.config.create_duration).toBe('300s');
    expect(role.address).toBe(`azurerm_role_assignment.${backup.roleAssignment!.friendlyUniqueId}`);
    expect(wait.address).toBe(`time_sleep.${backup.propagationWait!.friendlyUniqueId}`);
    expect(backup.propagationWait!.terraformResourceType).toBe('time_sleep');
  });

  test('depends_on follows a logical ID overridden after construction, and can still be replaced', () => {
    const { stack } = newStack();
    const { vault, policy } = vaultAndPolicy(stack);
    const backup = new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account(), containers: ['raw'] });
    backup.propagationWait!.overrideLogicalId('lake_wait');
    const json = synth(stack);
    const role = onlyResource(json, 'azurerm_role_assignment');
    expect(onlyResource(json, INSTANCE_TYPE).config.depends_on).toEqual([role.address, 'time_sleep.lake_wait']);

    const other = newStack();
    const second = vaultAndPolicy(other.stack);
    const replaced = new DataLakeBackup(other.stack, 'Lake', {
      vault: second.vault,
      policy: second.policy,
      storageAccount: account(),
      containers: ['raw'],
    });
    replaced.instance.dependsOn = ['azurerm_resource_group.elsewhere'];
    expect(onlyResource(synth(other.stack), INSTANCE_TYPE).config.depends_on).toEqual(['azurerm_resource_group.elsewhere']);
  });

  test('rolePropagationWait: false keeps the role but drops the wait', () => {
    const { stack } = newStack();
    const { vault, policy } = vaultAndPolicy(stack);
    const backup = new DataLakeBackup(stack, 'Lake', {
      vault,
      policy,
      storageAccount: account(),
      containers: ['raw'],
      rolePropagationWait: false,
    });
    const json = synth(stack);
    const role = onlyResource(json, 'azurerm_role_assignment');
    expect(resourcesOf(json, 'time_sleep')).toEqual({});
    expect(onlyResource(json, INSTANCE_TYPE).config.depends_on).toEqual([role.address]);
    expect(backup.propagationWait).toBeUndefined();
    expect(json.provider.time).toBeUndefined();
  });

  test('grantAccess: false creates neither role nor wait (the role is granted elsewhere)', () => {
    const { stack } = newStack();
    const { vault, policy } = vaultAndPolicy(stack);
    const backup = new DataLakeBackup(stack, 'Lake', {
      vault,
      policy,
      storageAccount: account(),
      containers: ['raw'],
      grantAccess: false,
    });
    const json = synth(stack);
    expect(resourcesOf(json, 'azurerm_role_assignment')).toEqual({});
    expect(resourcesOf(json, 'time_sleep')).toEqual({});
    expect(onlyResource(json, INSTANCE_TYPE).config.depends_on).toBeUndefined();
    expect(backup.roleAssignment).toBeUndefined();
  });

  test('a grant made earlier with vault.grantBackupAccess is reused, not duplicated', () => {
    const { stack } = newStack();
    const { vault, policy } = vaultAndPolicy(stack);
    const lake = account();
    const grant = vault.grantBackupAccess(lake);
    const backup = new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: lake, containers: ['raw'] });
    expect(backup.roleAssignment).toBe(grant);
    expect(Object.keys(resourcesOf(synth(stack), 'azurerm_role_assignment'))).toHaveLength(1);
  });

  test('containers created in the stack are waited for too', () => {
    const { stack } = newStack();
    const { vault, policy } = vaultAndPolicy(stack);
    const raw = new StorageContainer(stack, 'Raw', { name: 'raw', storageAccountId: storageAccountId('lakeweu01') });
    new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account(), containers: [raw, 'curated'] });
    const instance = onlyResource(synth(stack), INSTANCE_TYPE).config;
    expect(instance.depends_on).toContain('azurerm_storage_container.Raw');
    expect(instance.storage_container_names).toEqual(['raw', 'curated']);
  });

  test('the time provider is added once for several backups, and not when the user has one', () => {
    const auto = newStack();
    const { vault, policy } = vaultAndPolicy(auto.stack);
    new DataLakeBackup(auto.stack, 'A', { vault, policy, storageAccount: account('lakea'), containers: ['raw'] });
    new DataLakeBackup(auto.stack, 'B', { vault, policy, storageAccount: account('lakeb'), containers: ['raw'] });
    expect(synth(auto.stack).provider.time).toEqual([{}]);

    const own = newStack();
    new TimeProvider(own.stack, 'time', { alias: undefined });
    const pair = vaultAndPolicy(own.stack);
    new DataLakeBackup(own.stack, 'A', {
      vault: pair.vault,
      policy: pair.policy,
      storageAccount: account(),
      containers: ['raw'],
    });
    expect(synth(own.stack).provider.time).toHaveLength(1);
    expect(own.stack.node.tryFindChild('AdlsBackupTimeProvider')).toBeUndefined();
  });
});

describe('same region', () => {
  test('literal regions in different spellings of one region pass', () => {
    const { stack } = newStack();
    const { vault, policy } = vaultAndPolicy(stack, 'West Europe');
    new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account('lake', 'westeurope'), containers: ['raw'] });
    const instance = onlyResource(synth(stack), INSTANCE_TYPE).config;
    expect(instance.location).toBe('westeurope');
    expect(instance.lifecycle).toEqual({ prevent_destroy: true }); // no precondition: checked at synth
  });

  test('literal regions that differ throw a BackupConfigError naming both', () => {
    const { stack } = newStack();
    const { vault, policy } = vaultAndPolicy(stack, 'West Europe');
    const create = () =>
      new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account('lake', 'East US'), containers: ['raw'] });
    expectConfigError(create, /`storageAccount.location`.*same region.*vault in "West Europe", storage account in "East US"/);
  });

  test('a region known only at plan time yields a precondition comparing the two normalised regions', () => {
    const { stack } = newStack();
    const region = new TerraformVariable(stack, 'lake_region', { type: 'string' });
    const { vault, policy } = vaultAndPolicy(stack, 'West Europe');
    new DataLakeBackup(stack, 'Lake', {
      vault,
      policy,
      storageAccount: DataLakeStorageAccount.fromAttributes({
        storageAccountId: storageAccountId('lake'),
        location: region.stringValue,
      }),
      containers: ['raw'],
    });
    const instance = onlyResource(synth(stack), INSTANCE_TYPE).config;
    expect(instance.lifecycle.precondition).toHaveLength(1);
    expect(instance.lifecycle.precondition[0].condition).toBe('${("westeurope" == lower(replace(var.lake_region, " ", "")))}');
    expect(instance.location).toBe('${var.lake_region}');
  });

  test('both regions as references: both sides are normalised in Terraform', () => {
    const { stack } = newStack();
    const vaultRegion = new TerraformVariable(stack, 'vault_region', { type: 'string' });
    const accountRegion = new TerraformVariable(stack, 'account_region', { type: 'string' });
    const vault = BackupVault.fromVaultAttributes(stack, 'Existing', {
      vaultId: vaultId('bv-existing'),
      location: vaultRegion.stringValue,
      principalId: '11111111-2222-3333-4444-555555555555',
    });
    const policy = new DataLakeBackupPolicy(stack, 'Policy', {
      vault,
      name: 'adls-daily',
      schedule: BackupSchedule.daily({ hour: 2 }),
      defaultRetention: Duration.days(30),
    });
    new DataLakeBackup(stack, 'Lake', {
      vault,
      policy,
      storageAccount: DataLakeStorageAccount.fromAttributes({
        storageAccountId: storageAccountId('lake'),
        location: accountRegion.stringValue,
      }),
      containers: ['raw'],
    });
    const json = synth(stack);
    expect(onlyResource(json, INSTANCE_TYPE).config.lifecycle.precondition[0].condition).toBe(
      '${(lower(replace(var.vault_region, " ", "")) == lower(replace(var.account_region, " ", "")))}',
    );
    const role = onlyResource(json, 'azurerm_role_assignment').config;
    expect(role.principal_id).toBe('11111111-2222-3333-4444-555555555555');
    expect(onlyResource(json, INSTANCE_TYPE).config.data_protection_backup_vault_id).toBe(vaultId('bv-existing'));
  });

  test('an unlisted region is refused, and allowed with a warning when overridden', () => {
    const refused = newStack();
    const a = vaultAndPolicy(refused.stack, 'Brazil South');
    expect(
      () =>
        new DataLakeBackup(refused.stack, 'Lake', {
          vault: a.vault,
          policy: a.policy,
          storageAccount: account('lake', 'Brazil South'),
          containers: ['raw'],
        }),
    ).toThrow(/`storageAccount.location` must be a region where Azure Backup supports ADLS vaulted backup.*got: "Brazil South"/s);

    const allowed = newStack();
    const b = vaultAndPolicy(allowed.stack, 'Brazil South');
    const backup = new DataLakeBackup(allowed.stack, 'Lake', {
      vault: b.vault,
      policy: b.policy,
      storageAccount: account('lake', 'Brazil South'),
      containers: ['raw'],
      allowUnlistedRegion: true,
    });
    expect(warningsOf(backup)).toEqual([
      expect.stringContaining('"Brazil South" is not in the ADLS vaulted backup support list'),
    ]);
  });
});

describe('instance arguments', () => {
  test('name defaults to the account name; an explicit name wins', () => {
    const { stack } = newStack();
    const { vault, policy } = vaultAndPolicy(stack);
    new DataLakeBackup(stack, 'A', { vault, policy, storageAccount: account('lakea'), containers: ['raw'] });
    new DataLakeBackup(stack, 'B', { vault, policy, storageAccount: account('lakeb'), containers: ['raw'], name: 'lakeb-gold' });
    const names = Object.values(resourcesOf(synth(stack), INSTANCE_TYPE))
      .map((r: any) => r.name)
      .sort();
    expect(names).toEqual(['lakea', 'lakeb-gold']);
  });

  test('an imported vault and its policy work together', () => {
    const { stack } = newStack();
    const vault: IBackupVault = BackupVault.fromVaultAttributes(stack, 'Existing', {
      vaultId: vaultId('bv-existing'),
      location: 'West Europe',
      principalId: '11111111-2222-3333-4444-555555555555',
    });
    expect(vault.vaultName).toBe('bv-existing');
    const policy = new DataLakeBackupPolicy(stack, 'Policy', {
      vault,
      name: 'adls-daily',
      schedule: BackupSchedule.daily({ hour: 2 }),
      defaultRetention: Duration.days(30),
    });
    new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account(), containers: ['raw'] });
    const json = synth(stack);
    expect(resourcesOf(json, 'azurerm_data_protection_backup_vault')).toEqual({});
    expect(
      onlyResource(json, 'azurerm_data_protection_backup_policy_data_lake_storage').config.data_protection_backup_vault_id,
    ).toBe(vaultId('bv-existing'));
  });
});

test('a TimeProvider added after the library added its own fails synth with a clear message', () => {
  const { stack } = newStack();
  const { vault, policy } = vaultAndPolicy(stack);
  new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account(), containers: ['raw'] });
  new TimeProvider(stack, 'time', {});
  const error = configErrorOf(() => synth(stack));
  expect(error.problems).toEqual([
    expect.objectContaining({ code: 'ADLSBK-TIME-PROVIDER-LATE', path: 'TimeProvider', value: '"test/time"' }),
  ]);
  expect(error.message).toContain('must be created before the first DataLakeBackup of the stack');
});

test('a backup in another stack than its vault keeps the role and wait in its own stack (depends_on cannot cross stacks)', () => {
  const app = Testing.app();
  const shared = new TerraformStack(app, 'shared');
  new AzurermProvider(shared, 'azurerm', { features: [{}] });
  const { vault, policy } = vaultAndPolicy(shared);
  const lakeStack = new TerraformStack(app, 'lake');
  new AzurermProvider(lakeStack, 'azurerm', { features: [{}] });
  const backup = new DataLakeBackup(lakeStack, 'Lake', { vault, policy, storageAccount: account(), containers: ['raw'] });
  app.synth();

  expect(TerraformStack.of(backup.roleAssignment!)).toBe(lakeStack);
  const json = JSON.parse(Testing.synth(lakeStack));
  const role = onlyResource(json, 'azurerm_role_assignment');
  const wait = onlyResource(json, 'time_sleep');
  expect(onlyResource(json, INSTANCE_TYPE).config.depends_on).toEqual([role.address, wait.address]);
  expect(resourcesOf(JSON.parse(Testing.synth(shared)), 'azurerm_role_assignment')).toEqual({});
});

test('a grant already made in the vault stack is refused for a backup in another stack, with the way out', () => {
  const app = Testing.app();
  const shared = new TerraformStack(app, 'shared');
  const { vault, policy } = vaultAndPolicy(shared);
  const lake = account();
  vault.grantBackupAccess(lake);
  const lakeStack = new TerraformStack(app, 'lake');
  expect(() => new DataLakeBackup(lakeStack, 'Lake', { vault, policy, storageAccount: lake, containers: ['raw'] })).toThrow(
    /already granted to this vault in stack 'shared'.*grantAccess: false, rolePropagationWait: false/,
  );
});

test('lists and maps known only at plan time are passed through, not checked item by item', () => {
  const { stack } = newStack();
  const containers = new TerraformVariable(stack, 'containers', { type: 'list(string)' });
  const schedule = new TerraformVariable(stack, 'schedule', { type: 'list(string)' });
  const tags = new TerraformVariable(stack, 'tags', { type: 'map(string)' });
  const vault = new BackupVault(stack, 'Vault', {
    name: 'bv-test',
    resourceGroupName: 'rg',
    location: 'West Europe',
    tags: tags.value,
  });
  const policy = new DataLakeBackupPolicy(stack, 'Policy', {
    vault,
    name: 'adls-daily',
    schedule: BackupSchedule.expression(...schedule.listValue),
    defaultRetention: Duration.days(30),
  });
  new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount: account(), containers: containers.listValue });
  const json = synth(stack);
  expect(onlyResource(json, INSTANCE_TYPE).config.storage_container_names).toBe('${var.containers}');
  expect(onlyResource(json, 'azurerm_data_protection_backup_vault').config.tags).toBe('${var.tags}');
  expect(onlyResource(json, 'azurerm_data_protection_backup_policy_data_lake_storage').config.backup_schedule).toBe(
    '${var.schedule}',
  );
});

test('an unlisted vault region is reported on `vault.location` when the account region is a reference', () => {
  const { stack } = newStack();
  const region = new TerraformVariable(stack, 'region', { type: 'string' });
  const { vault, policy } = vaultAndPolicy(stack, 'Brazil South');
  expect(
    () =>
      new DataLakeBackup(stack, 'Lake', {
        vault,
        policy,
        storageAccount: DataLakeStorageAccount.fromAttributes({
          storageAccountId: storageAccountId('lake'),
          location: region.stringValue,
        }),
        containers: ['raw'],
      }),
  ).toThrow(/`vault.location` must be a region where Azure Backup supports ADLS vaulted backup.*got: "Brazil South"/s);
});
