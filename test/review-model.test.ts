/**
 * The model stage on its own: stacks written by hand (no synth) to the immutable model. What belongs to which
 * vault, backup or restore grants, role → wait → instance, outside vaults, and that nothing can change it.
 */
import { buildModel, Model } from '../lib/review/model';
import type { SynthesizedStack } from '../lib/review/read';

const ROLE = 'Storage Account Backup Contributor';
const accountId = (name: string) =>
  `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/${name}`;
const vaultRef = '${azurerm_data_protection_backup_vault.v.id}';
const principalRef = '${azurerm_data_protection_backup_vault.v.identity[0].principal_id}';

function stack(name: string, resource: Record<string, Record<string, unknown>>): SynthesizedStack {
  return { name, file: `stacks/${name}/cdk.tf.json`, json: { resource: resource as never } };
}

/** One vault with one policy, one protected account (role → wait → instance unless `edit` says otherwise). */
function resources(edit: (r: any) => void = () => {}): Record<string, Record<string, unknown>> {
  const r: any = {
    azurerm_data_protection_backup_vault: {
      v: { name: 'bv', resource_group_name: 'rg', location: 'westeurope', lifecycle: { prevent_destroy: true } },
    },
    azurerm_data_protection_backup_policy_data_lake_storage: {
      p: { name: 'daily', data_protection_backup_vault_id: vaultRef, default_retention_duration: 'P30D' },
    },
    azurerm_role_assignment: {
      backup: { scope: accountId('lake'), role_definition_name: ROLE, principal_id: principalRef },
      restore: { scope: accountId('target'), role_definition_name: ROLE, principal_id: principalRef },
    },
    time_sleep: { wait: { create_duration: '300s', depends_on: ['azurerm_role_assignment.backup'] } },
    azurerm_data_protection_backup_instance_data_lake_storage: {
      lake: {
        name: 'lake',
        location: 'westeurope',
        data_protection_backup_vault_id: vaultRef,
        backup_policy_data_lake_storage_id: '${azurerm_data_protection_backup_policy_data_lake_storage.p.id}',
        storage_account_id: accountId('lake'),
        storage_container_names: ['raw'],
        depends_on: ['azurerm_role_assignment.backup', 'time_sleep.wait'],
      },
    },
  };
  edit(r);
  return r;
}

describe('buildModel', () => {
  test('a vault with its policy, instance and grants; the instance uses the policy object itself', () => {
    const model = buildModel([stack('s', resources())]);
    expect(model.vaults).toHaveLength(1);
    const [vault] = model.vaults;
    expect(vault).toMatchObject({ key: 'bv in rg', name: 'bv', stack: 's', outside: false, preventDestroy: true });
    expect(vault.policies.map((p) => p.name)).toEqual(['daily']);
    expect(vault.instances[0].policy).toBe(vault.policies[0]);
    expect(vault.instances[0].account).toMatchObject({ key: 'rg/lake', name: 'lake', via: 'ID' });
    expect(vault.grants.map((g) => [g.account.name, g.kind])).toEqual([
      ['lake', 'backup'],
      ['target', 'restore'],
    ]);
    expect(model.strayGrants).toEqual([]);
  });

  test('role → wait → instance: ok, with the grant and wait it found, and the reduced diagram', () => {
    const { ordering } = buildModel([stack('s', resources())]).vaults[0].instances[0];
    expect(ordering).toMatchObject({ ok: true, instanceOnRole: true, instanceOnWait: true, waitOnRole: true, problems: [] });
    expect(ordering.grant?.block.address).toBe('azurerm_role_assignment.backup');
    expect(ordering.wait?.duration).toBe('300s');
    // role → instance is implied by role → wait → instance: left out.
    expect(ordering.edges).toEqual([
      ['s:time_sleep.wait', 's:azurerm_data_protection_backup_instance_data_lake_storage.lake'],
      ['s:azurerm_role_assignment.backup', 's:time_sleep.wait'],
    ]);
    expect(ordering.shape).toBe('role>wait,wait>instance');
  });

  test('a wait that does not depend on the role, and no wait at all, are problems', () => {
    const noRole = buildModel([
      stack(
        's',
        resources((r) => delete r.time_sleep.wait.depends_on),
      ),
    ]);
    expect(noRole.vaults[0].instances[0].ordering.problems).toEqual(['the wait does not depend on the role assignment']);
    const noWait = buildModel([
      stack(
        's',
        resources((r) => {
          delete r.time_sleep;
          r.azurerm_data_protection_backup_instance_data_lake_storage.lake.depends_on = ['azurerm_role_assignment.backup'];
        }),
      ),
    ]);
    expect(noWait.vaults[0].instances[0].ordering).toMatchObject({
      ok: false,
      problems: ['no wait (time_sleep) before the instance'],
    });
  });

  test('an outside vault referenced by ID from two stacks: one vault, both stacks', () => {
    const id = '/subscriptions/x/resourceGroups/rg-v/providers/Microsoft.DataProtection/backupVaults/shared';
    const outside = (r: any) => {
      delete r.azurerm_data_protection_backup_vault;
      delete r.azurerm_data_protection_backup_policy_data_lake_storage;
      r.azurerm_role_assignment = {};
      r.azurerm_data_protection_backup_instance_data_lake_storage.lake.data_protection_backup_vault_id = id;
      r.azurerm_data_protection_backup_instance_data_lake_storage.lake.backup_policy_data_lake_storage_id = `${id}/backupPolicies/daily`;
    };
    const model = buildModel([stack('b', resources(outside)), stack('a', resources(outside))]);
    expect(model.vaults).toHaveLength(1);
    expect(model.vaults[0]).toMatchObject({ key: id, name: 'shared', resourceGroup: 'rg-v', outside: true, stack: 'a, b' });
    expect(model.vaults[0].instances.map((i) => i.policyText)).toEqual(['daily', 'daily']);
  });

  test("a literal principal is an outside vault's when its instance waits for the grant, else a stray grant", () => {
    const guid = '12345678-1234-1234-1234-123456789abc';
    const id = '/subscriptions/x/resourceGroups/rg-v/providers/Microsoft.DataProtection/backupVaults/shared';
    const imported = (r: any) => {
      delete r.azurerm_data_protection_backup_vault;
      r.azurerm_data_protection_backup_policy_data_lake_storage.p.data_protection_backup_vault_id = id;
      r.azurerm_data_protection_backup_instance_data_lake_storage.lake.data_protection_backup_vault_id = id;
      r.azurerm_role_assignment.backup.principal_id = guid;
      r.azurerm_role_assignment.restore.principal_id = 'aaaaaaaa-1234-1234-1234-123456789abc';
    };
    const model = buildModel([stack('s', resources(imported))]);
    expect(model.vaults[0].grants.map((g) => [g.account.name, g.kind, g.vaultKey])).toEqual([['lake', 'backup', id]]);
    expect(model.strayGrants.map((g) => [g.account.name, g.kind, g.vaultKey])).toEqual([['target', 'restore', undefined]]);
    expect(model.vaults[0].instances[0].ordering.ok).toBe(true);
  });

  test('the same vault declared twice keeps both, each with its own key', () => {
    const model = buildModel([stack('a', resources()), stack('b', resources())]);
    expect(model.vaults.map((v) => v.key)).toEqual(['bv in rg', 'bv in rg (b/azurerm_data_protection_backup_vault.v)']);
    expect(model.vaults.map((v) => v.instances.length)).toEqual([1, 1]);
  });

  test('the model is frozen: built once, nothing changes it afterwards', () => {
    const model: Model = buildModel([stack('s', resources())]);
    const [vault] = model.vaults;
    for (const part of [model, model.vaults, vault, vault.policies, vault.instances, vault.grants, vault.locks]) {
      expect(Object.isFrozen(part)).toBe(true);
    }
    const instance = vault.instances[0];
    for (const part of [
      instance,
      instance.ordering,
      instance.ordering.nodes,
      instance.account,
      instance.block,
      instance.block.args,
    ]) {
      expect(Object.isFrozen(part)).toBe(true);
    }
    expect(() => (vault.instances as unknown[]).push(instance)).toThrow(TypeError);
    expect(() => ((vault.grants[0] as { kind: string }).kind = 'restore')).toThrow(TypeError);
  });
});
