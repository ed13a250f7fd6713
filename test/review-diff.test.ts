// Changes against a base: a copy of the examples' output is the base, an edited copy the new output (or the
// other way round), and the report must call out what will go wrong at apply, most dangerous first.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { reviewOutDir, ReviewReport } from '../lib/review';
import { editedCopy, onlyOf, synthExamples } from './support/example-output';
import { INSTANCE_TYPE, POLICY_TYPE, storageAccountId } from './helpers';

let tmp: string;
let examples: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'review-diff-'));
  examples = path.join(tmp, 'examples');
  synthExamples(examples);
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A copy of the examples' output whose stack `stack` is edited by `edit`. */
function edited(name: string, stack: string, edit: (json: any) => void): string {
  return editedCopy(examples, tmp, name, stack, edit);
}

const only = onlyOf;

function changesOf(dir: string, base: string): NonNullable<ReviewReport['changes']> {
  return JSON.parse(reviewOutDir(dir, { base, format: 'json' })).changes;
}

/** The markdown between the changes heading and the first vault. */
function changesSection(markdown: string): string {
  const start = markdown.indexOf('## Changes against base');
  const firstVault = markdown.indexOf('## Vault ');
  expect(start).toBeGreaterThanOrEqual(0);
  expect(start).toBeLessThan(firstVault);
  return markdown.slice(start, firstVault);
}

test('identical outputs: no changes', () => {
  const copy = edited('same', 'quickstart', () => undefined);
  const markdown = reviewOutDir(copy, { base: examples });
  expect(changesSection(markdown)).toBe(`## Changes against base\n\nBase: \`${examples}\`.\n\nNo changes against base.\n\n`);
  expect(changesOf(copy, examples).none).toBe(true);
  // The rest of the report is the report without a base.
  expect(markdown.replace(changesSection(markdown), '')).toBe(reviewOutDir(copy));
});

test('a changed policy is called out at the top as a replacement, with the argument and the way out', () => {
  const dir = edited('longer-retention', 'complete', (json) => {
    only(json, POLICY_TYPE).default_retention_duration = 'P60D';
  });
  const section = changesSection(reviewOutDir(dir, { base: examples }));
  expect(section).toContain('### Policies that will be replaced');
  expect(section).toContain('(`UserErrorDppPolicyObjectInUse`)');
  expect(section).toContain(
    'add a policy under a new name, move the backups to it, apply, then remove the old policy in a later change',
  );
  expect(section).toContain(
    '- `adls-daily-ltr` (vault `bv-lake-weu`, stack `complete`), in use by `lakeweu01`: expect the apply to fail.\n' +
      '  - `default_retention_duration`: 30 days → 60 days\n',
  );
  const changes = changesOf(dir, examples);
  expect(changes.replacedPolicies).toEqual([
    {
      policy: 'adls-daily-ltr',
      vault: 'bv-lake-weu',
      stack: 'complete',
      address: 'azurerm_data_protection_backup_policy_data_lake_storage.Policy_23B91518',
      changes: [{ argument: 'default_retention_duration', old: '30 days', new: '60 days' }],
      vaultReplaced: false,
      usedInBaseBy: ['lakeweu01'],
    },
  ]);
  expect(changes.vaults.replaced).toEqual([]);
  expect(changes.accounts).toEqual({ added: [], removed: [], replaced: [], referenceChanged: [] });
});

test('schedule and retention rule changes are shown in words', () => {
  const dir = edited('new-schedule', 'existing-account', (json) => {
    const policy = only(json, POLICY_TYPE);
    policy.backup_schedule = ['R/2024-01-07T23:00:00+00:00/P1W'];
    policy.retention_rule[0].weeks_of_month = ['First', 'Last'];
  });
  const changes = changesOf(dir, examples).replacedPolicies[0].changes;
  expect(changes).toEqual([
    {
      argument: 'backup_schedule',
      old: 'weekly on Wednesday and Saturday at 23:00 GMT Standard Time (UTC+00:00)',
      new: 'weekly on Sunday at 23:00 GMT Standard Time (UTC+00:00)',
    },
    {
      argument: 'retention_rule Monthly',
      old: 'backups on Saturday in the first week of each month kept 12 months',
      new: 'backups on Saturday in the first and last week of each month kept 12 months',
    },
  ]);
});

test('retention rules added, removed and reordered are told apart', () => {
  const dir = edited('rules-reordered', 'complete', (json) => {
    const rules = only(json, POLICY_TYPE).retention_rule;
    rules.reverse(); // Weekly first: it would now catch the first backup of the year
    rules.splice(1, 1, { name: 'Daily', absolute_criteria: 'FirstOfDay', duration: 'P60D' }); // Monthly out, Daily in
  });
  expect(changesOf(dir, examples).replacedPolicies[0].changes).toEqual([
    { argument: 'retention_rule Daily', old: '(none)', new: 'first backup of each day kept 60 days' },
    { argument: 'retention_rule Monthly', old: 'first backup of each month kept 12 months', new: '(none)' },
    {
      argument: 'retention_rule order',
      old: 'Yearly, Monthly, Weekly',
      new: 'Weekly, Daily, Yearly',
      note: 'the first matching rule wins',
    },
  ]);
});

test('a policy pointing to the same vault by another reference, or with set items reordered, is not replaced', () => {
  const dir = edited('same-vault-other-way', 'existing-account', (json) => {
    const policy = only(json, POLICY_TYPE);
    // Move the vault to another logical ID (with a moved block) and point the policy at it: still the same vault.
    const vaults = json.resource.azurerm_data_protection_backup_vault;
    vaults.Renamed = vaults.Vault_23237E5B;
    delete vaults.Vault_23237E5B;
    json.moved = [
      { from: 'azurerm_data_protection_backup_vault.Vault_23237E5B', to: 'azurerm_data_protection_backup_vault.Renamed' },
    ];
    for (const resource of [policy, only(json, INSTANCE_TYPE)]) {
      resource.data_protection_backup_vault_id = '${azurerm_data_protection_backup_vault.Renamed.id}';
    }
    json.resource.azurerm_role_assignment['Vault_BackupAccess-lakeneu07_2D2244E1'].principal_id =
      '${azurerm_data_protection_backup_vault.Renamed.identity[0].principal_id}';
    only(json, INSTANCE_TYPE).storage_container_names = ['history', 'landing'];
  });
  const changes = changesOf(dir, examples);
  expect(changes.replacedPolicies).toEqual([]);
  expect(changes.vaults.replaced).toEqual([]);
  expect(changes.containers).toEqual([]);
  expect(changes.none).toBe(true);
});

test('a vault moved to another address without a moved block is replaced, and its guard does not help', () => {
  const dir = edited('vault-new-address', 'quickstart', (json) => {
    const vaults = json.resource.azurerm_data_protection_backup_vault;
    vaults.Other = vaults.Vault_23237E5B;
    delete vaults.Vault_23237E5B;
  });
  const changes = changesOf(dir, examples);
  expect(changes.vaults.replaced.map((v) => v.changes.map((c) => c.argument))).toEqual([['address']]);
  expect(changesSection(reviewOutDir(dir, { base: examples }))).toContain(
    'The old address leaves the configuration, and its `prevent_destroy` with it: nothing stops the destroy.',
  );
});

test('a vault in another region is replaced, and so are its policies and instances', () => {
  const dir = edited('vault-moves', 'quickstart', (json) => {
    only(json, 'azurerm_data_protection_backup_vault').location = 'North Europe';
  });
  const changes = changesOf(dir, examples);
  expect(changes.vaults.replaced).toEqual([
    {
      vault: 'bv-lake-weu',
      key: 'bv-lake-weu in rg-backup-weu',
      stack: 'quickstart',
      address: 'azurerm_data_protection_backup_vault.Vault_23237E5B',
      changes: [{ argument: 'location', old: 'West Europe', new: 'North Europe' }],
      preventDestroy: true,
      accounts: ['lakeweu01'],
    },
  ]);
  expect(changes.replacedPolicies.map((p) => [p.policy, p.vaultReplaced, p.changes])).toEqual([['adls-daily-30d', true, []]]);
  expect(changes.accounts.replaced.map((a) => [a.account, a.changes.map((c) => c.argument)])).toEqual([
    ['lakeweu01', ['data_protection_backup_vault_id']],
  ]);
  const section = changesSection(reviewOutDir(dir, { base: examples }));
  expect(section).toContain(
    '- **Replaced**: `bv-lake-weu` (stack `quickstart`): deleting the vault deletes every recovery point in it',
  );
  expect(section).toContain('  - `location`: West Europe → North Europe');
  expect(section).toContain('`prevent_destroy` is set, so `terraform plan` fails (Instance cannot be destroyed).');
  // Most dangerous first: the policy, then the vault, then the accounts.
  expect(section.indexOf('### Policies that will be replaced')).toBeLessThan(section.indexOf('### Vaults'));
  expect(section.indexOf('### Vaults')).toBeLessThan(section.indexOf('### Protected accounts'));
});

test('a region spelled another way is not a location change', () => {
  const dir = edited('region-spelling', 'quickstart', (json) => {
    only(json, 'azurerm_data_protection_backup_vault').location = 'westeurope';
  });
  expect(changesOf(dir, examples).vaults.replaced).toEqual([]);
});

test('accounts newly protected and no longer protected', () => {
  const without = edited('no-quickstart-backup', 'quickstart', (json) => {
    delete json.resource[INSTANCE_TYPE];
  });
  const removed = changesOf(without, examples);
  expect(removed.accounts.removed.map((a) => [a.account, a.vault, a.stack])).toEqual([
    ['lakeweu01', 'bv-lake-weu', 'quickstart'],
  ]);
  expect(changesSection(reviewOutDir(without, { base: examples }))).toContain(
    '- **No longer protected**: `lakeweu01` (vault `bv-lake-weu`, stack `quickstart`): Terraform deletes the backup instance and protection stops.',
  );
  // The role assignment stays as it is: no grant change.
  expect(removed.grants).toEqual({ added: [], removed: [], referenceChanged: [] });

  const added = changesOf(examples, without);
  expect(added.accounts.added.map((a) => [a.account, a.policy, a.containers])).toEqual([
    ['lakeweu01', 'adls-daily-30d', ['raw', 'curated']],
  ]);
  expect(changesSection(reviewOutDir(examples, { base: without }))).toContain(
    '- Newly protected: `lakeweu01` (vault `bv-lake-weu`, stack `quickstart`, policy `adls-daily-30d`, containers: raw, curated)',
  );
});

test('containers added and removed', () => {
  const dir = edited('containers', 'quickstart', (json) => {
    only(json, INSTANCE_TYPE).storage_container_names = ['raw', 'gold', 'silver'];
  });
  expect(changesOf(dir, examples).containers).toEqual([
    { account: 'lakeweu01', vault: 'bv-lake-weu', stack: 'quickstart', added: ['gold', 'silver'], removed: ['curated'] },
  ]);
  expect(changesSection(reviewOutDir(dir, { base: examples }))).toContain(
    '- `lakeweu01` (stack `quickstart`) containers: added `gold`, `silver`; removed `curated` (no longer backed up)',
  );
});

test('a backup moving to a new policy is an update in place; the new policy is added', () => {
  const dir = edited('policy-move', 'quickstart', (json) => {
    const policies = json.resource[POLICY_TYPE];
    policies.Daily60 = { ...policies.DailyPolicy_0C88268A, name: 'adls-daily-60d', default_retention_duration: 'P60D' };
    only(json, INSTANCE_TYPE).backup_policy_data_lake_storage_id = `\${${POLICY_TYPE}.Daily60.id}`;
  });
  const changes = changesOf(dir, examples);
  expect(changes.replacedPolicies).toEqual([]);
  expect(changes.policyMoves).toEqual([
    { account: 'lakeweu01', vault: 'bv-lake-weu', stack: 'quickstart', from: 'adls-daily-30d', to: 'adls-daily-60d' },
  ]);
  expect(changes.policies.added.map((p) => p.policy)).toEqual(['adls-daily-60d']);
  const section = changesSection(reviewOutDir(dir, { base: examples }));
  expect(section).not.toContain('### Policies that will be replaced');
  expect(section).toContain(
    '- `lakeweu01` (stack `quickstart`) moves from policy `adls-daily-30d` to `adls-daily-60d` (updated in place)',
  );
});

test('a policy renamed at the same address is a replacement', () => {
  const dir = edited('policy-renamed', 'quickstart', (json) => {
    only(json, POLICY_TYPE).name = 'adls-daily-30d-v2';
  });
  const changes = changesOf(dir, examples);
  expect(changes.replacedPolicies.map((p) => [p.policy, p.changes])).toEqual([
    ['adls-daily-30d-v2', [{ argument: 'name', old: 'adls-daily-30d', new: 'adls-daily-30d-v2' }]],
  ]);
  expect(changes.policyMoves).toEqual([]);
});

test('grants added and removed; other resources changed', () => {
  const dir = edited('grants', 'complete', (json) => {
    delete json.resource.azurerm_role_assignment['Vault_RestoreAccess-lakeweu01restore_CFE6BA8A'];
    only(json, 'time_sleep').create_duration = '900s';
  });
  const changes = changesOf(dir, examples);
  expect(changes.grants.removed).toEqual([
    {
      account: 'lakeweu01restore',
      vault: 'bv-lake-weu',
      kind: 'restore',
      stack: 'complete',
      address: 'azurerm_role_assignment.Vault_RestoreAccess-lakeweu01restore_CFE6BA8A',
    },
  ]);
  // The wait is told about under its account, in words; only its other arguments would make it an "other" change.
  expect(changes.other).toEqual([]);
  expect(changes.waits).toEqual([
    {
      account: 'lakeweu01',
      vault: 'bv-lake-weu',
      stack: 'complete',
      address: 'time_sleep.LakeBackup_RolePropagationWait_A964F2BD',
      old: '10 minutes',
      new: '15 minutes',
    },
  ]);
  const section = changesSection(reviewOutDir(dir, { base: examples }));
  expect(section).toContain(
    '- Removed: restore access on `lakeweu01restore` for vault `bv-lake-weu` (`azurerm_role_assignment.Vault_RestoreAccess-lakeweu01restore_CFE6BA8A`, stack `complete`)',
  );
  expect(section).toContain('### Role propagation waits\n');
  expect(section).toContain('- `lakeweu01` (vault `bv-lake-weu`, stack `complete`)\n  - wait 10 minutes → 15 minutes\n');
  expect(section).not.toContain('time_sleep.LakeBackup_RolePropagationWait_A964F2BD');
});

test('a wait whose other arguments change is still an other change; a wait removed reads "no wait"', () => {
  const triggers = edited('wait-triggers', 'complete', (json) => {
    only(json, 'time_sleep').triggers = { role_assignment_id: 'changed' };
  });
  expect(changesOf(triggers, examples).other).toEqual([
    { stack: 'complete', address: 'time_sleep.LakeBackup_RolePropagationWait_A964F2BD', change: 'changed' },
  ]);
  expect(changesOf(triggers, examples).waits).toEqual([]);

  const noWait = edited('no-wait', 'quickstart', (json) => {
    delete json.resource.time_sleep;
    only(json, INSTANCE_TYPE).depends_on = only(json, INSTANCE_TYPE).depends_on.filter(
      (d: string) => !d.startsWith('time_sleep.'),
    );
  });
  expect(changesOf(noWait, examples).waits.map((w) => [w.account, w.old, w.new])).toEqual([['lakeweu01', '5 minutes', 'none']]);
  expect(changesSection(reviewOutDir(noWait, { base: examples }))).toContain('  - wait 5 minutes → no wait\n');
  expect(changesSection(reviewOutDir(examples, { base: noWait }))).toContain(
    '  - no wait → wait 5 minutes (created, so this apply waits once)\n',
  );
});

test('vault settings changed in place: irreversible and weakening changes are marked', () => {
  const dir = edited('vault-settings', 'complete', (json) => {
    const vault = only(json, 'azurerm_data_protection_backup_vault');
    vault.soft_delete = 'AlwaysOn';
    delete vault.lifecycle;
    delete json.resource.azurerm_management_lock;
  });
  const changes = changesOf(dir, examples);
  expect(changes.vaults.replaced).toEqual([]);
  expect(changes.vaults.updated.map((v) => v.changes)).toEqual([
    [
      { argument: 'soft_delete', old: 'On', new: 'AlwaysOn', note: 'irreversible: soft delete can never be turned off again' },
      {
        argument: 'lifecycle.prevent_destroy',
        old: 'true',
        new: 'false',
        note: 'Terraform will no longer refuse to destroy the vault',
      },
      {
        argument: 'azurerm_management_lock',
        old: 'bv-lake-weu-cannot-delete (CanNotDelete)',
        new: 'none',
        note: 'a deletion lock is removed: Azure will no longer refuse to delete the vault',
      },
    ],
  ]);
});

test('an account referenced by ID instead of by its resource is the same account: the reference changes', () => {
  // The complete example's account is a resource whose group is `${azurerm_resource_group.Group.name}` (rg-lake-weu).
  const id = storageAccountId('lakeweu01', 'rg-lake-weu');
  const dir = edited('account-by-id', 'complete', (json) => {
    only(json, INSTANCE_TYPE).storage_account_id = id;
    json.resource.azurerm_role_assignment['Vault_BackupAccess-lakeweu01_CF0661BC'].scope = id;
  });
  const report: ReviewReport = JSON.parse(reviewOutDir(dir, { base: examples, format: 'json' }));
  const baseReport: ReviewReport = JSON.parse(reviewOutDir(examples, { format: 'json' }));
  // One key for the account however it is referenced: resource group and name, lower case.
  expect(report.vaults[0].accounts[0].key).toBe('rg-lake-weu/lakeweu01');
  expect(baseReport.vaults[0].accounts[0].key).toBe('rg-lake-weu/lakeweu01');
  const changes = report.changes!;
  expect(changes.accounts).toEqual({
    added: [],
    removed: [],
    replaced: [],
    referenceChanged: [
      {
        account: 'lakeweu01',
        vault: 'bv-lake-weu',
        stack: 'complete',
        address: 'azurerm_data_protection_backup_instance_data_lake_storage.LakeBackup_B93F1349',
        argument: 'storage_account_id',
        old: 'resource `azurerm_storage_account.Lake`',
        new: `ID \`${id}\``,
      },
    ],
  });
  expect(changes.grants.added).toEqual([]);
  expect(changes.grants.removed).toEqual([]);
  expect(changes.grants.referenceChanged.map((g) => [g.account, g.kind, g.argument])).toEqual([['lakeweu01', 'backup', 'scope']]);
  // No subscription in the provider: the ID the resource will have is not known at synth.
  expect(changesSection(reviewOutDir(dir, { base: examples }))).toContain(
    '- Reference changed: `lakeweu01` (vault `bv-lake-weu`, stack `complete`): `storage_account_id` resource `azurerm_storage_account.Lake` → ' +
      `ID \`${id}\`. The argument forces replacement (azurerm ForceNew) if the ID differs from the one in the state: the plan shows whether it does.\n`,
  );
});

test("the local state's directory is where cdktf ran: only another file name is another state", () => {
  const backend = (json: any) => json.terraform.backend.local;
  const elsewhere = edited('local-elsewhere', 'quickstart', (json) => {
    backend(json).path = `/builds/other-checkout/${backend(json).path.split('/').pop()}`;
  });
  expect(changesOf(elsewhere, examples).none).toBe(true);
  const renamed = edited('local-renamed', 'quickstart', (json) => {
    backend(json).path = backend(json).path.replace('terraform.quickstart.tfstate', 'quickstart-v2.tfstate');
  });
  const [change] = changesOf(renamed, examples).stacks.settings;
  expect(change.stack).toBe('quickstart');
  expect(change.changes.map((c) => [c.argument, c.old.split('/').pop(), c.new.split('/').pop()])).toEqual([
    ['terraform.backend.local.path', 'terraform.quickstart.tfstate', 'quickstart-v2.tfstate'],
  ]);
  const toRemote = edited('to-remote', 'quickstart', (json) => {
    json.terraform.backend = { azurerm: { storage_account_name: 'sttf', container_name: 'tfstate', key: 'quickstart.tfstate' } };
  });
  expect(changesOf(toRemote, examples).stacks.settings[0].changes.map((c) => [c.argument, c.old, c.new])).toEqual([
    ['terraform.backend', 'local', 'azurerm'],
  ]);
});

test('a provider setting other than the subscription is reported with its value', () => {
  const dir = edited('provider-setting', 'quickstart', (json) => {
    json.provider.azurerm[0].resource_provider_registrations = 'core';
  });
  const changes = changesOf(dir, examples);
  expect(changes.none).toBe(false);
  expect(changes.stacks.settings).toEqual([
    {
      stack: 'quickstart',
      changes: [
        {
          argument: 'provider.azurerm.resource_provider_registrations',
          old: 'none',
          new: 'core',
          note: 'a provider setting: it applies to every resource and data source of the stack that uses this provider',
        },
      ],
    },
  ]);
});
