import { BackupVault, Duration, Immutability, IrreversibleSetting, Redundancy, SoftDelete } from '../lib';
import { newStack, onlyResource, synth, warningsOf } from './helpers';

const VAULT = 'azurerm_data_protection_backup_vault';

describe('BackupVault', () => {
  test('secure, explicit defaults: VaultStore, system identity, geo-redundant, soft delete on for 14 days', () => {
    const { stack } = newStack();
    const vault = new BackupVault(stack, 'Vault', { name: 'bv-weu', resourceGroupName: 'rg', location: 'West Europe' });
    expect(onlyResource(synth(stack), VAULT).config).toMatchObject({
      name: 'bv-weu',
      datastore_type: 'VaultStore',
      identity: { type: 'SystemAssigned' },
      redundancy: 'GeoRedundant',
      soft_delete: 'On',
      retention_duration_in_days: 14,
      immutability: 'Disabled',
      cross_region_restore_enabled: false,
    });
    expect(warningsOf(vault)).toEqual([]);
    expect(vault.resource.friendlyUniqueId).toBe('Vault_23237E5B');
  });

  test('cross_region_restore_enabled is left out of non-geo-redundant vaults (azurerm refuses it there)', () => {
    const { stack } = newStack();
    new BackupVault(stack, 'Vault', {
      name: 'bv-weu',
      resourceGroupName: 'rg',
      location: 'West Europe',
      redundancy: Redundancy.ZONE_REDUNDANT,
    });
    const config = onlyResource(synth(stack), VAULT).config;
    expect(config.redundancy).toBe('ZoneRedundant');
    expect(config).not.toHaveProperty('cross_region_restore_enabled');
  });

  test('soft-delete retention is rendered in days, from days or weeks (cross-region restore on)', () => {
    const { stack } = newStack();
    new BackupVault(stack, 'Vault', {
      name: 'bv-weu',
      resourceGroupName: 'rg',
      location: 'West Europe',
      softDeleteRetention: Duration.weeks(4),
      crossRegionRestore: true,
      acknowledgeIrreversible: [IrreversibleSetting.CROSS_REGION_RESTORE],
      tags: { team: 'data' },
    });
    const config = onlyResource(synth(stack), VAULT).config;
    expect(config.retention_duration_in_days).toBe(28);
    expect(config.cross_region_restore_enabled).toBe(true);
    expect(config.tags).toEqual({ team: 'data' });
  });

  test.each([
    [
      { softDelete: SoftDelete.ALWAYS_ON, acknowledgeIrreversible: [IrreversibleSetting.SOFT_DELETE_ALWAYS_ON] },
      /AlwaysOn is irreversible/,
    ],
    [
      { immutability: Immutability.LOCKED, acknowledgeIrreversible: [IrreversibleSetting.IMMUTABILITY_LOCKED] },
      /Locked is irreversible/,
    ],
    [{ softDelete: SoftDelete.OFF }, /softDelete Off/],
    [
      { crossRegionRestore: true, acknowledgeIrreversible: [IrreversibleSetting.CROSS_REGION_RESTORE] },
      /crossRegionRestore is irreversible/,
    ],
  ])('warns at synth about %j, even when acknowledged', (extra, warning) => {
    const { stack } = newStack();
    const vault = new BackupVault(stack, 'Vault', { name: 'bv-weu', resourceGroupName: 'rg', location: 'West Europe', ...extra });
    expect(warningsOf(vault)).toEqual([expect.stringMatching(warning)]);
  });

  test('soft delete off leaves the retention out', () => {
    const { stack } = newStack();
    new BackupVault(stack, 'Vault', {
      name: 'bv-weu',
      resourceGroupName: 'rg',
      location: 'West Europe',
      softDelete: SoftDelete.OFF,
    });
    expect(onlyResource(synth(stack), VAULT).config).not.toHaveProperty('retention_duration_in_days');
  });
});
