// The second month: a stack applied with the stand-in, then changed the way teams change it, and planned again.
// Terraform's own plan says what is replaced, updated in place or destroyed, which proves README's statements
// about replacements ("Changing a policy replaces it", "the instance's policy ID changes in place",
// "prevent_destroy makes Terraform refuse ... a replacement").
import { App, TerraformStack } from 'cdktf';
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import {
  BackupSchedule,
  BackupVault,
  DataLakeBackup,
  DataLakeBackupPolicy,
  DataLakeStorageAccount,
  Duration,
  Redundancy,
} from '../../lib';
import { AzurermProvider } from '../../lib/azurerm/generated';
import { describeTerraform } from './harness/describe-terraform';
import { accountId } from './harness/stacks';
import type { Account } from './harness/stacks';
import { inParallel, Workspace } from './harness/workspace';
import type { PlanJson } from './harness/workspace';

const ACCOUNT: Account = {
  subscription: '00000000-0000-0000-0000-000000000000',
  resourceGroup: 'rg-data',
  name: 'lakeweu01',
  location: 'westeurope',
};

interface Shape {
  readonly retention?: Duration;
  readonly policyName?: string;
  /** README's way to change a policy: a second policy beside the first, and the backup moved to it. */
  readonly movedToNewPolicy?: Duration;
  readonly containers?: string[];
  readonly redundancy?: Redundancy;
  /** Which of the two vaults protects the account. */
  readonly vault?: 'A' | 'B';
  readonly preventDestroy?: boolean;
}

/** Two vaults in West Europe, a policy in each, and one account protected by one of them. */
function synth(shape: Shape = {}): object {
  const outdir = mkdtempSync(join(tmpdir(), 'adls-day-two-'));
  const app = new App({ outdir, stackTraces: false });
  const stack = new TerraformStack(app, 'day-two');
  new AzurermProvider(stack, 'azurerm', {
    features: [{}],
    resourceProviderRegistrations: 'none',
    resourceProvidersToRegister: ['Microsoft.DataProtection'],
  });
  const preventDestroy = shape.preventDestroy ?? true;
  const vaults = {
    A: new BackupVault(stack, 'VaultA', {
      name: 'bv-a',
      resourceGroupName: 'rg-backup',
      location: 'westeurope',
      redundancy: shape.redundancy,
      preventDestroy,
    }),
    B: new BackupVault(stack, 'VaultB', { name: 'bv-b', resourceGroupName: 'rg-backup', location: 'westeurope', preventDestroy }),
  };
  const vault = vaults[shape.vault ?? 'A'];
  const policies = {
    A: new DataLakeBackupPolicy(stack, 'PolicyA', {
      vault: vaults.A,
      name: shape.policyName ?? 'daily',
      schedule: BackupSchedule.daily({ hour: 2 }),
      defaultRetention: shape.retention ?? Duration.days(30),
    }),
    B: new DataLakeBackupPolicy(stack, 'PolicyB', {
      vault: vaults.B,
      name: 'daily',
      schedule: BackupSchedule.daily({ hour: 2 }),
      defaultRetention: Duration.days(30),
    }),
  };
  const moved =
    shape.movedToNewPolicy &&
    new DataLakeBackupPolicy(stack, 'PolicyA60', {
      vault: vaults.A,
      name: 'daily-60d',
      schedule: BackupSchedule.daily({ hour: 2 }),
      defaultRetention: shape.movedToNewPolicy,
    });
  new DataLakeBackup(stack, 'Lake', {
    vault,
    policy: moved || policies[shape.vault ?? 'A'],
    storageAccount: DataLakeStorageAccount.fromAttributes({ storageAccountId: accountId(ACCOUNT), location: ACCOUNT.location }),
    containers: shape.containers ?? ['raw', 'curated'],
    preventDestroy,
  });
  app.synth();
  return JSON.parse(readFileSync(join(outdir, 'stacks', 'day-two', 'cdk.tf.json'), 'utf8'));
}

/** Each managed resource's actions, by type and construct path (stable across changes, unlike addresses' hashes). */
function actions(plan: PlanJson): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of plan.resource_changes ?? []) {
    if (r.mode !== 'managed') continue;
    const action = r.change.actions.join('+');
    if (action !== 'no-op') out[r.address.replace(/_[0-9A-F]{8}$/, '')] = action;
  }
  return out;
}

const POLICY_A = 'azurerm_data_protection_backup_policy_data_lake_storage.PolicyA';
const INSTANCE = 'azurerm_data_protection_backup_instance_data_lake_storage.Lake';

describeTerraform('day-2 changes, planned by Terraform against an applied stack', () => {
  interface Change {
    readonly name: string;
    readonly base?: Shape;
    readonly shape: Shape;
  }
  const changes: Change[] = [
    { name: 'policy retention 30 -> 60 days', shape: { retention: Duration.days(60) } },
    { name: 'the only policy renamed, with 60 days', shape: { retention: Duration.days(60), policyName: 'daily-60d' } },
    { name: 'a second policy with 60 days, the backup moved to it (README)', shape: { movedToNewPolicy: Duration.days(60) } },
    { name: 'a container added', shape: { containers: ['raw', 'curated', 'published'] } },
    { name: 'vault redundancy Geo -> Locally', shape: { redundancy: Redundancy.LOCALLY_REDUNDANT } },
    { name: 'the account moved to vault B', shape: { vault: 'B' } },
    {
      name: 'vault redundancy, without prevent_destroy',
      base: { preventDestroy: false },
      shape: { redundancy: Redundancy.LOCALLY_REDUNDANT, preventDestroy: false },
    },
    {
      name: 'the account moved to vault B, without prevent_destroy',
      base: { preventDestroy: false },
      shape: { vault: 'B', preventDestroy: false },
    },
  ];
  const results = new Map<string, { code: number; output: string; actions?: Record<string, string>; plan?: PlanJson }>();

  beforeAll(async () => {
    // One applied workspace per starting shape; every change is planned against it (plans do not change state).
    const bases = [{}, { preventDestroy: false }];
    const workspaces = await inParallel(
      2,
      bases.map((base) => async () => {
        const ws = Workspace.create('4.79.0', { json: synth(base) });
        await ws.init();
        await ws.apply();
        return ws;
      }),
    );
    for (const change of changes) {
      const ws = workspaces[change.base ? 1 : 0];
      ws.update(synth(change.shape));
      const { run, plan } = await ws.plan();
      results.set(change.name, { code: run.code, output: run.stdout + run.stderr, plan, actions: plan && actions(plan) });
    }
  }, 300_000);

  test('the unchanged stack plans no changes after apply', async () => {
    const ws = Workspace.create('4.79.0', { json: synth() });
    await ws.init();
    await ws.apply();
    const { plan } = await ws.plan();
    expect(actions(plan!)).toEqual({});
  }, 120_000);

  test('a policy retention change replaces the policy, and the instance takes the new policy ID in place', () => {
    expect(results.get('policy retention 30 -> 60 days')!.actions).toEqual({
      [POLICY_A]: 'delete+create',
      [INSTANCE]: 'update',
    });
    const replaced = results
      .get('policy retention 30 -> 60 days')!
      .plan!.resource_changes!.find((r) => r.address.startsWith(POLICY_A))!;
    expect(replaced.change.replace_paths).toEqual([['default_retention_duration']]);
  });

  test('renaming the only policy is a replacement too', () => {
    expect(results.get('the only policy renamed, with 60 days')!.actions).toEqual({
      [POLICY_A]: 'delete+create',
      [INSTANCE]: 'update',
    });
  });

  test("README's way: a new policy beside the old one is created, the instance moves to it in place, nothing is destroyed", () => {
    expect(results.get('a second policy with 60 days, the backup moved to it (README)')!.actions).toEqual({
      'azurerm_data_protection_backup_policy_data_lake_storage.PolicyA60': 'create',
      [INSTANCE]: 'update',
    });
  });

  test('a container added updates the instance in place', () => {
    const result = results.get('a container added')!;
    expect(result.actions).toEqual({ [INSTANCE]: 'update' });
    const instance = result.plan!.resource_changes!.find((r) => r.address.startsWith(INSTANCE))!;
    expect(instance.change.after.storage_container_names).toEqual(['curated', 'published', 'raw']);
  });

  test('a vault redundancy change is a replacement, which prevent_destroy refuses at plan', () => {
    const result = results.get('vault redundancy Geo -> Locally')!;
    expect(result.code).toBe(1);
    expect(result.output).toContain('Error: Instance cannot be destroyed');
    expect(result.output).toContain('azurerm_data_protection_backup_vault.VaultA');
  });

  test('moving the account to another vault replaces the instance, which prevent_destroy refuses at plan', () => {
    const result = results.get('the account moved to vault B')!;
    expect(result.code).toBe(1);
    expect(result.output).toContain('Error: Instance cannot be destroyed');
    expect(result.output).toContain(INSTANCE);
  });

  test('without prevent_destroy, a redundancy change replaces the vault and everything that names it', () => {
    expect(results.get('vault redundancy, without prevent_destroy')!.actions).toEqual({
      'azurerm_data_protection_backup_vault.VaultA': 'delete+create',
      [POLICY_A]: 'delete+create',
      [INSTANCE]: 'delete+create',
      // The vault's identity is new, so the role is granted again and the wait runs again.
      'azurerm_role_assignment.VaultA_BackupAccess-lakeweu01': 'delete+create',
      'time_sleep.Lake_RolePropagationWait': 'delete+create',
    });
  });

  test('without prevent_destroy, moving the account replaces the instance and moves the role to the new vault', () => {
    expect(results.get('the account moved to vault B, without prevent_destroy')!.actions).toEqual({
      [INSTANCE]: 'delete+create',
      'azurerm_role_assignment.VaultA_BackupAccess-lakeweu01': 'delete',
      'azurerm_role_assignment.VaultB_BackupAccess-lakeweu01': 'create',
      'time_sleep.Lake_RolePropagationWait': 'delete+create',
    });
  });
});
