/**
 * The changes stage on its own: two hand-written models compared, one concern at a time (stacks, vaults,
 * policies, protection, waits, grants, other), and the pairing and canonical form they rest on.
 */
import { canonical, diffModels, matchModels, pair, sameKey } from '../lib/review/changes';
import { buildModel, Model } from '../lib/review/model';
import type { SynthesizedStack } from '../lib/review/read';

const ROLE = 'Storage Account Backup Contributor';
const accountId = (name: string) =>
  `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/${name}`;
const vaultRef = '${azurerm_data_protection_backup_vault.v.id}';

/** A model of one stack per name, each one vault `bv-<stack>`, one policy and one protected account `lake<stack>`. */
function model(stacks: string[], edit: (r: any, stack: string) => void = () => {}): Model {
  return buildModel(
    stacks.map((name): SynthesizedStack => {
      const r: any = {
        azurerm_data_protection_backup_vault: {
          v: { name: `bv-${name}`, resource_group_name: 'rg', location: 'westeurope', redundancy: 'LocallyRedundant' },
        },
        azurerm_data_protection_backup_policy_data_lake_storage: {
          p: { name: 'daily', data_protection_backup_vault_id: vaultRef, default_retention_duration: 'P30D' },
        },
        azurerm_role_assignment: {
          r: {
            scope: accountId(`lake${name}`),
            role_definition_name: ROLE,
            principal_id: '${azurerm_data_protection_backup_vault.v.identity[0].principal_id}',
          },
        },
        time_sleep: { w: { create_duration: '300s', depends_on: ['azurerm_role_assignment.r'] } },
        azurerm_data_protection_backup_instance_data_lake_storage: {
          i: {
            name: `lake${name}`,
            location: 'westeurope',
            data_protection_backup_vault_id: vaultRef,
            backup_policy_data_lake_storage_id: '${azurerm_data_protection_backup_policy_data_lake_storage.p.id}',
            storage_account_id: accountId(`lake${name}`),
            storage_container_names: ['raw'],
            depends_on: ['azurerm_role_assignment.r', 'time_sleep.w'],
          },
        },
      };
      edit(r, name);
      return { name, file: `stacks/${name}/cdk.tf.json`, json: { resource: r } };
    }),
  );
}

describe('pairing and the canonical form', () => {
  test('pair matches by each key in turn; the rest are only in one side', () => {
    const paired = pair(['a1', 'b1', 'c1'], ['b2', 'a2', 'x2'], [sameKey((s) => s[0]), sameKey((s) => s.slice(1))]);
    expect(paired.pairs).toEqual([
      ['a1', 'a2'],
      ['b1', 'b2'],
    ]);
    expect(paired.onlyBase).toEqual(['c1']);
    expect(paired.onlyNew).toEqual(['x2']);
  });

  test("canonical sorts keys and azurerm's sets, not other lists, and ignores cdktf's metadata", () => {
    expect(canonical({ b: 1, a: 2, '//': 'meta' })).toBe(canonical({ a: 2, b: 1 }));
    expect(canonical({ days_of_week: ['Sunday', 'Monday'] })).toBe(canonical({ days_of_week: ['Monday', 'Sunday'] }));
    expect(canonical({ retention_rule: ['x', 'y'] })).not.toBe(canonical({ retention_rule: ['y', 'x'] }));
  });

  test('a renamed vault at the same address is matched by address', () => {
    const m = matchModels(
      model(['s']),
      model(['s'], (r) => (r.azurerm_data_protection_backup_vault.v.name = 'renamed')),
    );
    expect(m.vaults.pairs.map(([b, n]) => [b.name, n.name])).toEqual([['bv-s', 'renamed']]);
    expect(m.newKey('bv-s in rg')).toBe('renamed in rg');
    expect(m.instances.pairs).toHaveLength(1);
  });
});

describe('diffModels', () => {
  test('the same output: none', () => {
    const changes = diffModels(model(['s']), model(['s']), 'old');
    expect(changes).toMatchObject({ base: 'old', none: true, other: [], waits: [] });
  });

  test('a dropped stack is listed with what it still holds, and nothing of it is removed', () => {
    const changes = diffModels(model(['a', 'b']), model(['a']), 'old');
    expect(changes.stacks.removed).toEqual([{ stack: 'b', vaults: ['bv-b'], accounts: ['lakeb'] }]);
    expect(changes.vaults.removed).toEqual([]);
    expect(changes.accounts.removed).toEqual([]);
    expect(changes.none).toBe(false);
  });

  test('protection: a vault rename replaces the vault and every instance in it', () => {
    const changes = diffModels(
      model(['s']),
      model(['s'], (r) => (r.azurerm_data_protection_backup_vault.v.name = 'renamed')),
      'old',
    );
    expect(changes.vaults.replaced.map((v) => [v.vault, v.changes.map((c) => c.argument), v.accounts])).toEqual([
      ['renamed', ['name'], ['lakes']],
    ]);
    expect(changes.replacedPolicies.map((p) => [p.policy, p.vaultReplaced, p.usedInBaseBy])).toEqual([
      ['daily', true, ['lakes']],
    ]);
    expect(changes.accounts.replaced[0].changes).toEqual([
      { argument: 'data_protection_backup_vault_id', old: 'bv-s', new: 'renamed, replaced (a new vault ID)' },
    ]);
  });

  test('policies: a changed retention is a replacement of a policy in use', () => {
    const changes = diffModels(
      model(['s']),
      model(['s'], (r) => (r.azurerm_data_protection_backup_policy_data_lake_storage.p.default_retention_duration = 'P7D')),
      'old',
    );
    expect(changes.replacedPolicies).toEqual([
      {
        policy: 'daily',
        vault: 'bv-s',
        stack: 's',
        address: 'azurerm_data_protection_backup_policy_data_lake_storage.p',
        changes: [{ argument: 'default_retention_duration', old: '30 days', new: '7 days' }],
        vaultReplaced: false,
        usedInBaseBy: ['lakes'],
      },
    ]);
    expect(changes.vaults.replaced).toEqual([]);
  });

  test('ordering: a changed wait is told under its account, not again under other resources', () => {
    const changes = diffModels(
      model(['s']),
      model(['s'], (r) => (r.time_sleep.w.create_duration = '60s')),
      'old',
    );
    expect(changes.waits).toEqual([
      { account: 'lakes', vault: 'bv-s', stack: 's', address: 'time_sleep.w', old: '5 minutes', new: '1 minute' },
    ]);
    expect(changes.other).toEqual([]);
  });

  test('containers change in place; a new account is protected with its grant added', () => {
    const changes = diffModels(
      model(['s']),
      model(
        ['s'],
        (r) => (r.azurerm_data_protection_backup_instance_data_lake_storage.i.storage_container_names = ['raw', 'curated']),
      ),
      'old',
    );
    expect(changes.containers).toEqual([{ account: 'lakes', vault: 'bv-s', stack: 's', added: ['curated'], removed: [] }]);
    const added = diffModels(model(['a']), model(['a', 'b']), 'old');
    expect(added.stacks.added).toEqual(['b']);
    expect(added.accounts.added.map((a) => a.account)).toEqual(['lakeb']);
    expect(added.grants.added.map((g) => [g.account, g.kind])).toEqual([['lakeb', 'backup']]);
  });

  test('other resources: added, changed and removed by address', () => {
    const extra = (value: string) => (r: any) => (r.azurerm_resource_group = { g: { name: value, location: 'westeurope' } });
    expect(diffModels(model(['s']), model(['s'], extra('rg')), 'old').other).toEqual([
      { stack: 's', address: 'azurerm_resource_group.g', change: 'added' },
    ]);
    expect(diffModels(model(['s'], extra('rg')), model(['s'], extra('rg2')), 'old').other).toEqual([
      { stack: 's', address: 'azurerm_resource_group.g', change: 'changed' },
    ]);
    expect(diffModels(model(['s'], extra('rg')), model(['s']), 'old').other).toEqual([
      { stack: 's', address: 'azurerm_resource_group.g', change: 'removed' },
    ]);
  });
});
