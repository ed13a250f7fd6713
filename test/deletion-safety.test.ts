import { TerraformStack, TerraformVariable } from 'cdktf';
import {
  BackupConfigError,
  BackupResourceGuard,
  BackupSchedule,
  BackupVault,
  DataLakeBackup,
  DataLakeBackupPolicy,
  DataLakeStorageAccount,
  CriticalOperation,
  Duration,
  Immutability,
  IrreversibleSetting,
  Redundancy,
  SoftDelete,
} from '../lib';
import type { BackupVaultProps, IBackupVault } from '../lib';
import { INSTANCE_TYPE, newStack, onlyResource, resourcesOf, storageAccountId, synth, vaultId, warningsOf } from './helpers';

const VAULT = 'azurerm_data_protection_backup_vault';
const LOCK = 'azurerm_management_lock';
const BASE = { name: 'bv-weu', resourceGroupName: 'rg-backup', location: 'West Europe' };

/** A vault with the given props (or made by `makeVault`) plus one protected account, synthesized. */
function synthBackup(
  vaultProps: Partial<BackupVaultProps>,
  backupProps: { preventDestroy?: boolean } = {},
  makeVault = (stack: TerraformStack): IBackupVault => new BackupVault(stack, 'Vault', { ...BASE, ...vaultProps }),
) {
  const { stack } = newStack();
  const vault = makeVault(stack);
  const policy = new DataLakeBackupPolicy(stack, 'Policy', {
    vault,
    name: 'daily',
    schedule: BackupSchedule.daily({ hour: 2 }),
    defaultRetention: Duration.days(30),
  });
  const storageAccount = DataLakeStorageAccount.fromAttributes({
    storageAccountId: storageAccountId('lake'),
    location: 'westeurope',
  });
  new DataLakeBackup(stack, 'Lake', { vault, policy, storageAccount, containers: ['raw'], ...backupProps });
  return { json: synth(stack), vault };
}

describe('prevent_destroy guards the vault and the backup instances by default', () => {
  test('both carry lifecycle.prevent_destroy = true, and nothing else is guarded (the policy must stay replaceable)', () => {
    const { json } = synthBackup({});
    expect(onlyResource(json, VAULT).config.lifecycle).toEqual({ prevent_destroy: true });
    expect(onlyResource(json, INSTANCE_TYPE).config.lifecycle).toEqual({ prevent_destroy: true });
    expect(onlyResource(json, 'azurerm_data_protection_backup_policy_data_lake_storage').config.lifecycle).toBeUndefined();
    expect(onlyResource(json, 'azurerm_role_assignment').config.lifecycle).toBeUndefined();
  });

  test('preventDestroy: false on the vault (a sandbox) removes it from the vault and, by default, its backups, with a warning', () => {
    const { json, vault } = synthBackup({ preventDestroy: false });
    expect(onlyResource(json, VAULT).config.lifecycle).toBeUndefined();
    expect(onlyResource(json, INSTANCE_TYPE).config.lifecycle).toBeUndefined();
    expect(warningsOf(vault)).toEqual([expect.stringMatching(/preventDestroy is false: `terraform destroy` deletes this vault/)]);
  });

  test('a backup can opt out on its own, or stay guarded in a sandbox vault', () => {
    expect(onlyResource(synthBackup({}, { preventDestroy: false }).json, INSTANCE_TYPE).config.lifecycle).toBeUndefined();
    const guarded = synthBackup({ preventDestroy: false }, { preventDestroy: true }).json;
    expect(onlyResource(guarded, INSTANCE_TYPE).config.lifecycle).toEqual({ prevent_destroy: true });
    expect(onlyResource(guarded, VAULT).config.lifecycle).toBeUndefined();
  });

  test('backups of a vault outside the stack are guarded, and prevent_destroy sits beside the preconditions', () => {
    const imported = (stack: TerraformStack) =>
      BackupVault.fromVaultAttributes(stack, 'Vault', {
        vaultId: vaultId('bv-weu'),
        location: new TerraformVariable(stack, 'region', { type: 'string' }).stringValue,
        principalId: '11111111-2222-3333-4444-555555555555',
      });
    const lifecycle = onlyResource(synthBackup({}, {}, imported).json, INSTANCE_TYPE).config.lifecycle;
    expect(lifecycle.prevent_destroy).toBe(true);
    expect(lifecycle.precondition).toHaveLength(1);
  });
});

describe('deletion lock', () => {
  test('deletionLock: true adds a CanNotDelete management lock scoped to the vault', () => {
    const { json } = synthBackup({ deletionLock: true });
    const { config } = onlyResource(json, LOCK);
    expect(config).toMatchObject({
      name: 'bv-weu-cannot-delete',
      lock_level: 'CanNotDelete',
      scope: expect.stringMatching(new RegExp(`^\\$\\{${VAULT}\\.Vault_[0-9A-F]{8}\\.id\\}$`)),
    });
    expect(config.notes).toMatch(/deletes every recovery point/);
  });

  test('the lock follows the vault: prevent_destroy on it too, unless the vault is a sandbox', () => {
    expect(onlyResource(synthBackup({ deletionLock: true }).json, LOCK).config.lifecycle).toEqual({ prevent_destroy: true });
    expect(onlyResource(synthBackup({ deletionLock: true, preventDestroy: false }).json, LOCK).config.lifecycle).toBeUndefined();
  });

  test('no lock unless asked (creating one needs Owner or User Access Administrator)', () => {
    expect(resourcesOf(synthBackup({}).json, LOCK)).toEqual({});
  });
});

describe('irreversible settings need an acknowledgement', () => {
  test.each([
    ['softDelete', { softDelete: SoftDelete.ALWAYS_ON }, 'SOFT_DELETE_ALWAYS_ON', '"AlwaysOn"'],
    ['immutability', { immutability: Immutability.LOCKED }, 'IMMUTABILITY_LOCKED', '"Locked"'],
    ['crossRegionRestore', { crossRegionRestore: true }, 'CROSS_REGION_RESTORE', 'true'],
  ])('`%s` without it is refused, naming the acknowledgement to add', (field, props, key, shown) => {
    const make = () => new BackupVault(newStack().stack, 'Vault', { ...BASE, ...props });
    expect(make).toThrow(BackupConfigError);
    expect(make).toThrow(
      `\`${field}\` is irreversible in Azure; to set it, also set \`acknowledgeIrreversible: [IrreversibleSetting.${key}]\`, got: ${shown}`,
    );
  });

  test('acknowledged, it is rendered and still warns at synth', () => {
    const { json, vault } = synthBackup({
      softDelete: SoftDelete.ALWAYS_ON,
      immutability: Immutability.LOCKED,
      redundancy: Redundancy.GEO_REDUNDANT,
      crossRegionRestore: true,
      acknowledgeIrreversible: [
        IrreversibleSetting.CROSS_REGION_RESTORE,
        IrreversibleSetting.IMMUTABILITY_LOCKED,
        IrreversibleSetting.SOFT_DELETE_ALWAYS_ON,
      ],
    });
    expect(onlyResource(json, VAULT).config).toMatchObject({
      soft_delete: 'AlwaysOn',
      immutability: 'Locked',
      cross_region_restore_enabled: true,
    });
    expect(warningsOf(vault).sort()).toEqual([
      expect.stringMatching(/^crossRegionRestore is irreversible: .*ADLS vaulted backups cannot use it/),
      expect.stringMatching(/^immutability Locked is irreversible/),
      expect.stringMatching(/^softDelete AlwaysOn is irreversible/),
    ]);
  });

  test('acknowledging one setting does not cover another, and a stale acknowledgement is refused', () => {
    const { stack } = newStack();
    expect(
      () =>
        new BackupVault(stack, 'Vault', {
          ...BASE,
          softDelete: SoftDelete.ALWAYS_ON,
          immutability: Immutability.LOCKED,
          acknowledgeIrreversible: [IrreversibleSetting.SOFT_DELETE_ALWAYS_ON],
        }),
    ).toThrow(/^BackupVault 'test\/Vault': `immutability` is irreversible in Azure/);
    expect(
      () => new BackupVault(stack, 'Vault2', { ...BASE, acknowledgeIrreversible: [IrreversibleSetting.IMMUTABILITY_LOCKED] }),
    ).toThrow(
      '`acknowledgeIrreversible[0]` acknowledges a setting this vault does not set (`immutability`); remove it, got: "ImmutabilityLocked"',
    );
  });

  test('reversible settings need no acknowledgement: Unlocked immutability, soft delete Off (which warns)', () => {
    const { json, vault } = synthBackup({ immutability: Immutability.UNLOCKED, softDelete: SoftDelete.OFF });
    expect(onlyResource(json, VAULT).config).toMatchObject({ immutability: 'Unlocked', soft_delete: 'Off' });
    expect(warningsOf(vault)).toEqual([expect.stringMatching(/^softDelete Off/)]);
  });
});

describe('Resource Guard (multi-user authorization)', () => {
  const GUARD = 'azurerm_data_protection_resource_guard';
  const GUARD_PROPS = { name: 'guard-weu', resourceGroupName: 'rg-security', location: 'West Europe' };

  test('guards every critical operation by default (no exclusion list rendered)', () => {
    const { stack } = newStack();
    new BackupResourceGuard(stack, 'Guard', GUARD_PROPS);
    const { config } = onlyResource(synth(stack), GUARD);
    expect(config).toEqual({ name: 'guard-weu', resource_group_name: 'rg-security', location: 'West Europe' });
  });

  test('unguardedOperations become vault_critical_operation_exclusion_list, as the azurerm operation names', () => {
    const { stack } = newStack();
    new BackupResourceGuard(stack, 'Guard', {
      ...GUARD_PROPS,
      unguardedOperations: [CriticalOperation.RESTORE, CriticalOperation.CHANGE_POLICY],
    });
    expect(onlyResource(synth(stack), GUARD).config.vault_critical_operation_exclusion_list).toEqual([
      'Microsoft.DataProtection/backupVaults/backupInstances/restore/action',
      'Microsoft.DataProtection/backupVaults/backupInstances/write',
    ]);
  });

  test('warns at synth that azurerm cannot attach it, with the az command to run instead', () => {
    const { stack } = newStack();
    const guard = new BackupResourceGuard(stack, 'Guard', GUARD_PROPS);
    expect(warningsOf(guard)).toEqual([
      expect.stringContaining('guards no vault until it is attached: azurerm has no resource for that'),
    ]);
    expect(warningsOf(guard)[0]).toContain('az dataprotection backup-vault resource-guard-mapping create');
  });

  test('an operation given as a Terraform reference is left to azurerm; a literal one is checked', () => {
    const { stack } = newStack();
    const op = new TerraformVariable(stack, 'op', { type: 'string' }).stringValue;
    new BackupResourceGuard(stack, 'Guard', { ...GUARD_PROPS, unguardedOperations: [op as CriticalOperation] });
    expect(onlyResource(synth(stack), GUARD).config.vault_critical_operation_exclusion_list).toEqual(['${var.op}']);
  });
});
