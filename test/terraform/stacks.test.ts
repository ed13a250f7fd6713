// Every example and fleet stack, through Terraform itself, at every supported azurerm version: init from the
// mirror (so required_providers is really resolved), validate with zero diagnostics, plan, show and graph.
import { normalizeRegion } from '../../lib/regions';
import { AZURERM_VERSIONS } from './harness/mirror';
import type { AzurermVersion } from './harness/mirror';
import { EXAMPLE_WORLD, synthExamples, synthExtras, synthFleet } from './harness/stacks';
import type { StackDir } from './harness/stacks';
import { describeTerraform } from './harness/describe-terraform';
import { inParallel, reaches, Workspace } from './harness/workspace';
import type { PlanJson } from './harness/workspace';

const INSTANCE = 'azurerm_data_protection_backup_instance_data_lake_storage';
const ROLE = 'azurerm_role_assignment';
const WAIT = 'time_sleep';

interface Checked {
  readonly stack: string;
  readonly azurerm: AzurermVersion;
  readonly diagnostics: readonly unknown[];
  readonly plan?: PlanJson;
  readonly planOutput: string;
  readonly edges: Map<string, Set<string>>;
}

async function check(stack: StackDir, azurerm: AzurermVersion): Promise<Checked> {
  const ws = Workspace.create(azurerm, stack, EXAMPLE_WORLD);
  await ws.init();
  const { diagnostics } = await ws.validate();
  const { run, plan } = await ws.plan();
  const edges = await ws.graph();
  return { stack: stack.name, azurerm, diagnostics, plan, planOutput: run.stdout + run.stderr, edges };
}

function creates(plan: PlanJson | undefined, type: string) {
  return (plan?.resource_changes ?? []).filter((r) => r.type === type && r.mode === 'managed');
}

describeTerraform('every example and fleet stack, through Terraform', () => {
  const examples = synthExamples();
  const fleet = synthFleet();
  const stacks = [...examples, ...fleet.stacks];
  let results: Checked[];

  beforeAll(async () => {
    const tasks = AZURERM_VERSIONS.flatMap((azurerm) => stacks.map((stack) => () => check(stack, azurerm)));
    results = await inParallel(2, tasks);
  }, 600_000);

  const cases = AZURERM_VERSIONS.flatMap((azurerm) => stacks.map((s) => [s.name, azurerm] as const));
  const result = (stack: string, azurerm: string) => results.find((r) => r.stack === stack && r.azurerm === azurerm)!;

  test("the stacks under test: three example apps and the fleet example's three regions", () => {
    expect(examples.map((s) => s.name).sort()).toEqual(['complete', 'existing-account', 'quickstart']);
    expect(fleet.stacks.map((s) => s.name).sort()).toEqual([
      'lake-backup-eastus2',
      'lake-backup-northeurope',
      'lake-backup-westeurope',
    ]);
    expect(results).toHaveLength(18);
  });

  test.each(cases)('%s with azurerm %s: validate reports no diagnostics', (stack, azurerm) => {
    expect(result(stack, azurerm).diagnostics).toEqual([]);
  });

  test.each(cases)('%s with azurerm %s: plan creates every resource, with the backups wired', (stack, azurerm) => {
    const { plan, planOutput } = result(stack, azurerm);
    expect(planOutput).toContain('Plan: ');
    expect(plan).toBeDefined();
    const changes = plan!.resource_changes!.filter((r) => r.mode === 'managed');
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) expect(change.change.actions).toEqual(['create']);
    const instances = creates(plan, INSTANCE);
    expect(instances.length).toBeGreaterThan(0);
    for (const instance of instances) {
      const after = instance.change.after;
      expect(after.storage_container_names.length).toBeGreaterThan(0);
      expect(after.storage_account_id ?? instance.change.after_unknown.storage_account_id).toBeTruthy();
      // The vault and policy IDs are the vault's and policy's, known after apply.
      expect(instance.change.after_unknown).toMatchObject({
        data_protection_backup_vault_id: true,
        backup_policy_data_lake_storage_id: true,
      });
    }
    // A role assignment (the role Azure Backup needs) and a wait per instance; a restore target adds its own role.
    const backupRoles = creates(plan, ROLE).filter(
      (r) => r.change.after.role_definition_name === 'Storage Account Backup Contributor',
    );
    expect(backupRoles.length).toBeGreaterThanOrEqual(instances.length);
    expect(creates(plan, WAIT)).toHaveLength(instances.length);
  });

  test.each(cases)('%s with azurerm %s: the vault is planned in the region of its accounts', (stack, azurerm) => {
    const { plan } = result(stack, azurerm);
    const vaults = creates(plan, 'azurerm_data_protection_backup_vault');
    expect(vaults).toHaveLength(1);
    const region = normalizeRegion(vaults[0].change.after.location);
    const instances = creates(plan, INSTANCE);
    expect(instances.length).toBeGreaterThan(0);
    for (const instance of instances) {
      const location = instance.change.after.location;
      expect(location === undefined || normalizeRegion(location) === region).toBe(true);
    }
  });

  test.each(cases)(
    '%s with azurerm %s: in the graph every instance reaches its role assignment and its wait',
    (stack, azurerm) => {
      const { plan, edges } = result(stack, azurerm);
      const instances = creates(plan, INSTANCE).map((r) => r.address);
      expect(instances.length).toBeGreaterThan(0);
      for (const instance of instances) {
        const account = creates(plan, INSTANCE).find((r) => r.address === instance)!.change.after.storage_account_id;
        // Its own account's role assignment, where the plan knows the account (the fleet reads it at plan time).
        const roles = creates(plan, ROLE).filter(
          (r) => reaches(edges, instance, r.address) && (account === undefined || r.change.after.scope === account),
        );
        const waits = creates(plan, WAIT).filter((r) => reaches(edges, instance, r.address));
        expect(roles.length).toBeGreaterThanOrEqual(1);
        expect(waits.length).toBeGreaterThanOrEqual(1);
        // The wait comes after the role: it is what the instance waits for.
        for (const wait of waits) expect(roles.some((role) => reaches(edges, wait.address, role.address))).toBe(true);
      }
    },
  );
});

describeTerraform('the unprotected-account example (both accounts protected) and a Resource Guard, through Terraform', () => {
  const extras = synthExtras();
  let results: Checked[];
  beforeAll(async () => {
    results = await inParallel(
      2,
      AZURERM_VERSIONS.flatMap((azurerm) => extras.map((stack) => () => check(stack, azurerm))),
    );
  }, 300_000);

  const cases = AZURERM_VERSIONS.flatMap((azurerm) => extras.map((s) => [s.name, azurerm] as const));
  test.each(cases)('%s with azurerm %s: validate reports no diagnostics and plan creates everything', (stack, azurerm) => {
    const result = results.find((r) => r.stack === stack && r.azurerm === azurerm)!;
    expect(result.diagnostics).toEqual([]);
    const changes = (result.plan?.resource_changes ?? []).filter((r) => r.mode === 'managed');
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) expect(change.change.actions).toEqual(['create']);
    if (stack === 'resource-guard') expect(changes.map((c) => c.type)).toEqual(['azurerm_data_protection_resource_guard']);
  });
});
