// A green run means something only if the harness goes red on the defects it is there to catch. Each case plants
// one defect in a stack that passes (the quickstart, or the fleet's West Europe stack) and asserts that Terraform,
// with the stand-in provider, refuses it where the real provider would: init, validate or plan.
import { describeTerraform } from './harness/describe-terraform';
import { fleetAccounts, synthExamples, synthFleet, worldOf } from './harness/stacks';
import type { Account } from './harness/stacks';
import { inParallel, Workspace } from './harness/workspace';

const VAULT = 'azurerm_data_protection_backup_vault';
const POLICY = 'azurerm_data_protection_backup_policy_data_lake_storage';
const INSTANCE = 'azurerm_data_protection_backup_instance_data_lake_storage';

function only(json: any, type: string): any {
  const blocks = Object.values(json.resource[type] ?? {});
  if (blocks.length !== 1) throw new Error(`expected one ${type}, found ${blocks.length}`);
  return blocks[0];
}

type Stage = 'init' | 'validate' | 'plan';

interface Outcome {
  readonly stage: Stage | 'passed';
  readonly output: string;
}

/** Runs init, validate and plan, stopping at the first that fails. */
async function outcome(ws: Workspace): Promise<Outcome> {
  const init = await ws.terraform('init', '-input=false', '-no-color');
  if (init.code !== 0) return { stage: 'init', output: init.stdout + init.stderr };
  const validate = await ws.terraform('validate', '-no-color');
  if (validate.code !== 0) return { stage: 'validate', output: validate.stdout + validate.stderr };
  const { run } = await ws.plan();
  if (run.code !== 0) return { stage: 'plan', output: run.stdout + run.stderr };
  return { stage: 'passed', output: run.stdout };
}

/** Terraform's output with the box drawing and line wrapping taken out, so a message reads on one line. */
function flat(output: string): string {
  return output.replace(/[│╷╵]/g, ' ').replace(/\s+/g, ' ');
}

describeTerraform('negative controls: planted defects fail where the real provider fails', () => {
  const quickstart = synthExamples().find((s) => s.name === 'quickstart')!;
  const westeurope = synthFleet().stacks.find((s) => s.name === 'lake-backup-westeurope')!;
  const base = () => Workspace.create('4.79.0', quickstart).stack();

  interface Case {
    readonly name: string;
    readonly stage: Stage;
    readonly message: string;
    /** A second part of Terraform's output the failure must show. */
    readonly detail?: string;
    readonly json?: (json: any) => void;
  }
  const cases: Case[] = [
    {
      name: 'a required argument missing (the vault without datastore_type)',
      stage: 'validate',
      message: 'The argument "datastore_type" is required, but no definition was found.',
      json: (j) => delete only(j, VAULT).datastore_type,
    },
    {
      name: 'an argument the schema does not have',
      stage: 'validate',
      message:
        'Extraneous JSON object property on cdk.tf.json line 98, in resource.azurerm_data_protection_backup_vault.Vault_23237E5B: 98: "colour": "blue" No argument or block type is named "colour".',
      json: (j) => (only(j, VAULT).colour = 'blue'),
    },
    {
      name: 'a reference to a resource that is not declared',
      stage: 'validate',
      message: 'Reference to undeclared resource',
      json: (j) =>
        (only(j, INSTANCE).backup_policy_data_lake_storage_id =
          '${azurerm_data_protection_backup_policy_data_lake_storage.Missing.id}'),
    },
    {
      name: 'a value of the wrong type (a list for a string)',
      stage: 'validate',
      message: 'Incorrect attribute value type',
      json: (j) => (only(j, POLICY).default_retention_duration = ['P30D']),
    },
    {
      name: "a value outside the provider's enum (redundancy)",
      stage: 'validate',
      message: 'expected redundancy to be one of ["GeoRedundant" "LocallyRedundant" "ZoneRedundant"], got TripleRedundant',
      json: (j) => (only(j, VAULT).redundancy = 'TripleRedundant'),
    },
    {
      name: 'a container name the provider refuses (an element of a set attribute)',
      stage: 'validate',
      message: '(only lowercase alphanumeric characters and hyphens are allowed, and the value must not start with a hyphen)',
      json: (j) => (only(j, INSTANCE).storage_container_names = ['raw', 'Raw_Data']),
    },
    {
      name: 'a backup schedule the provider refuses (HH:MM with a UTC offset)',
      stage: 'validate',
      message: 'has the invalid ISO8601 date format "R/2024-01-01T02:30+01:00/P1D"',
      json: (j) => (only(j, POLICY).backup_schedule = ['R/2024-01-01T02:30+01:00/P1D']),
    },
    {
      name: 'a precondition that is false',
      stage: 'plan',
      message: 'Planted: the vault is not named another.',
      json: (j) => {
        const vault = Object.keys(j.resource[VAULT])[0];
        only(j, INSTANCE).lifecycle.precondition = [
          { condition: `\${${VAULT}.${vault}.name == "another"}`, error_message: 'Planted: the vault is not named another.' },
        ];
      },
    },
    {
      name: 'a version constraint that excludes the provider',
      stage: 'init',
      message: 'no available releases match the given constraints >= 6.0.0',
      json: (j) => (j.terraform.required_providers.azurerm.version = '>= 6.0.0'),
    },
  ];

  let outcomes: Outcome[];
  let control: Outcome;
  beforeAll(async () => {
    const tasks = cases.map((c) => async () => {
      const json = base();
      c.json?.(json);
      return outcome(Workspace.create('4.79.0', { json }));
    });
    [control, ...outcomes] = await inParallel(2, [() => outcome(Workspace.create('4.79.0', quickstart)), ...tasks]);
  }, 300_000);

  test('the unchanged stack passes (the control)', () => {
    expect(control.stage).toBe('passed');
  });

  test.each(cases.map((c, i) => [c.name, c.stage, i] as const))('%s fails at %s', (_name, stage, i) => {
    if (outcomes[i].stage !== stage) console.log(outcomes[i].output);
    expect(outcomes[i].stage).toBe(stage);
    expect(flat(outcomes[i].output)).toContain(flat(cases[i].message));
    if (cases[i].detail) expect(flat(outcomes[i].output)).toContain(flat(cases[i].detail!));
  });

  describe("the library's preconditions on the account the fleet reads", () => {
    const accounts = fleetAccounts();
    const withAccount = (name: string, change: Partial<Account>) =>
      worldOf(accounts.map((a) => (a.name === name ? { ...a, ...change } : a)));
    const world = (change: Partial<Account>) => withAccount('lakeweufinance01', change);
    const preconditions: [string, Partial<Account> | null, string][] = [
      ['agree: the account in "West Europe", as Azure may spell it', { location: 'West Europe' }, ''],
      [
        'disagree: the account in North Europe',
        { location: 'northeurope' },
        "Azure Backup for ADLS needs the Backup vault and the storage account in the same region, but the vault is in 'westeurope' and the storage account in 'northeurope'. Use a vault in the storage account's region.",
      ],
      [
        'hierarchical namespace off',
        { isHnsEnabled: false },
        "Storage account 'lakeweufinance01' has hierarchical namespace off",
      ],
      ['NFS 3.0 on', { nfsv3Enabled: true }, "Storage account 'lakeweufinance01' has NFS 3.0 on"],
      ['a BlobStorage account', { accountKind: 'BlobStorage' }, "Storage account 'lakeweufinance01' is not StorageV2"],
      ['a Premium account', { accountTier: 'Premium' }, "Storage account 'lakeweufinance01' is not Standard tier"],
      [
        'an account that does not exist',
        null,
        'Storage Account (Subscription: "22222222-2222-2222-2222-222222222222"\nResource Group Name: "rg-data-weu"\nStorage Account Name: "lakeweufinance01") was not found',
      ],
    ];
    let results: Outcome[];
    beforeAll(async () => {
      results = await inParallel(
        2,
        preconditions.map(([, change]) => () => {
          const w = change === null ? worldOf(accounts.filter((a) => a.name !== 'lakeweufinance01')) : world(change);
          return outcome(Workspace.create('4.79.0', westeurope, w));
        }),
      );
    }, 300_000);

    test.each(preconditions.map(([name, , message], i) => [name, message, i] as const))('%s', (_name, message, i) => {
      if (message === '') {
        expect(results[i].stage).toBe('passed');
      } else {
        expect(results[i].stage).toBe('plan');
        expect(flat(results[i].output)).toContain(flat(message));
      }
    });
  });
});
