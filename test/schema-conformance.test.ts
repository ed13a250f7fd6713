/**
 * Conformance of the synthesized ADLS backup resources with the azurerm provider's schema.
 *
 * The schema facts live in `test/fixtures/azurerm-adls-schema.json` (provider hashicorp/azurerm: the policy since
 * 4.67.0, the instance since 4.68.0, unchanged up to 4.73.0). Every synthesized
 * `azurerm_data_protection_backup_policy_data_lake_storage` and `azurerm_data_protection_backup_instance_data_lake_storage`
 * is checked against it: argument names, required arguments, types, nested blocks, allowed values, item counts,
 * formats, and that no computed attribute is set. These are the value rules azurerm validates; that every stack
 * matches the real schema of each supported azurerm version is `schema-versions.test.ts`.
 */
import { TerraformIterator, TerraformMetaArguments, TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import {
  BackupSchedule,
  BackupVault,
  DataLakeBackup,
  DataLakeBackupPolicy,
  DataLakeStorageAccount,
  DataProtectionBackupInstanceDataLakeStorage,
  DataProtectionBackupInstanceDataLakeStorageConfig,
  DataProtectionBackupInstanceDataLakeStorageTimeouts,
  DataProtectionBackupPolicyDataLakeStorage,
  DataProtectionBackupPolicyDataLakeStorageConfig,
  DataProtectionBackupPolicyDataLakeStorageRetentionRule,
  DataProtectionBackupPolicyDataLakeStorageTimeouts,
  DayOfWeek,
  Duration,
  MonthOfYear,
  Redundancy,
  RetentionRule,
  WeekOfMonth,
} from '../lib';
import {
  type ArgumentFact,
  type Tally,
  INSTANCE,
  META_ARGUMENTS,
  POLICY,
  SCHEMA,
  checkResource,
  newTally,
  resourceFact,
} from './support/azurerm-schema';

// ---------------------------------------------------------------------------------------------------------------
// Synthesis helpers
// ---------------------------------------------------------------------------------------------------------------

type Synthesized = {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  terraform?: { required_providers?: Record<string, { source?: string; version?: string }> };
};

function synth(stack: TerraformStack): Synthesized {
  return JSON.parse(Testing.synth(stack, true)) as Synthesized;
}

/** Every synthesized resource of the two ADLS types, checked; returns the violations and the tally. */
function checkStack(json: Synthesized): { violations: string[]; tally: Tally; counts: Record<string, number> } {
  const tally = newTally();
  const violations: string[] = [];
  const counts: Record<string, number> = {};
  for (const type of Object.keys(SCHEMA.resources)) {
    const resources = json.resource?.[type] ?? {};
    counts[type] = Object.keys(resources).length;
    for (const [address, body] of Object.entries(resources)) violations.push(...checkResource(type, address, body, tally));
  }
  return { violations, tally, counts };
}

const SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';
const VAULT_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-backup/providers/Microsoft.DataProtection/backupVaults/bv-lake-weu`;
const POLICY_ID = `${VAULT_ID}/backupPolicies/adls-daily`;
const ACCOUNT_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/lakeweu01`;
const PRINCIPAL_ID = '11111111-2222-3333-4444-555555555555';

function newStack(id: string): TerraformStack {
  const stack = new TerraformStack(Testing.app(), id);
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  return stack;
}

/** Daily schedule, no retention rules, no time zone, an existing vault and account, one container. */
function minimalStack(): TerraformStack {
  const stack = newStack('minimal');
  const vault = BackupVault.fromVaultAttributes(stack, 'Vault', {
    vaultId: VAULT_ID,
    location: 'West Europe',
    principalId: PRINCIPAL_ID,
  });
  const policy = new DataLakeBackupPolicy(stack, 'Daily', {
    vault,
    name: 'adls-daily',
    schedule: BackupSchedule.daily({ hour: 2 }),
    defaultRetention: Duration.days(30),
  });
  new DataLakeBackup(stack, 'Lake', {
    vault,
    policy,
    storageAccount: DataLakeStorageAccount.fromAttributes({ storageAccountId: ACCOUNT_ID, location: 'westeurope' }),
    containers: ['raw'],
  });
  return stack;
}

/**
 * Weekly schedule on two days, weekly/monthly/yearly rules plus a custom rule with days, weeks and months,
 * a time zone, a vault and an account created in the stack with their containers.
 */
function fullStack(): TerraformStack {
  const stack = newStack('full');
  const vault = new BackupVault(stack, 'Vault', {
    name: 'bv-lake-weu',
    resourceGroupName: 'rg-backup',
    location: 'West Europe',
    redundancy: Redundancy.ZONE_REDUNDANT,
  });
  const policy = new DataLakeBackupPolicy(stack, 'Weekly', {
    vault,
    name: 'adls-weekly',
    schedule: BackupSchedule.weekly({ days: [DayOfWeek.SUNDAY, DayOfWeek.WEDNESDAY], hour: 1, minute: 30 }),
    defaultRetention: Duration.weeks(8),
    timeZone: 'W. Europe Standard Time',
    retentionRules: [
      RetentionRule.weekly(Duration.weeks(26)),
      RetentionRule.monthly(Duration.months(24)),
      RetentionRule.yearly(Duration.years(10)),
      RetentionRule.custom({
        name: 'QuarterStart',
        duration: Duration.months(36),
        daysOfWeek: [DayOfWeek.SUNDAY],
        weeksOfMonth: [WeekOfMonth.FIRST],
        monthsOfYear: [MonthOfYear.JANUARY, MonthOfYear.APRIL, MonthOfYear.JULY, MonthOfYear.OCTOBER],
      }),
    ],
  });
  const account = new StorageAccount(stack, 'Lake', {
    name: 'lakeweu01',
    resourceGroupName: 'rg-data',
    location: 'West Europe',
    accountKind: 'StorageV2',
    accountTier: 'Standard',
    accountReplicationType: 'ZRS',
    isHnsEnabled: true,
  });
  const containers = ['raw', 'curated', 'sandbox-01'].map(
    (name) => new StorageContainer(stack, `Container-${name}`, { name, storageAccountId: account.id }),
  );
  new DataLakeBackup(stack, 'LakeBackup', {
    vault,
    policy,
    storageAccount: DataLakeStorageAccount.fromStorageAccount(account),
    containers,
    name: 'lake-weu-01',
    rolePropagationWait: Duration.minutes(10),
  });
  return stack;
}

/** One policy protecting two accounts whose regions come from a variable (so a lifecycle precondition is added). */
function sharedPolicyStack(): TerraformStack {
  const stack = newStack('shared');
  const region = new TerraformVariable(stack, 'region', { type: 'string' });
  const vault = BackupVault.fromVaultAttributes(stack, 'Vault', {
    vaultId: VAULT_ID,
    location: 'West Europe',
    principalId: PRINCIPAL_ID,
  });
  const policy = new DataLakeBackupPolicy(stack, 'Daily', {
    vault,
    name: 'adls-daily-90',
    schedule: BackupSchedule.expression('R/2024-01-01T23:15:00+00:00/P1D'),
    defaultRetention: Duration.days(90),
    timeZone: 'UTC',
    retentionRules: [RetentionRule.monthly(Duration.months(12), { name: 'MonthEnd' })],
  });
  for (const name of ['lakeweu01', 'lakeweu02']) {
    new DataLakeBackup(stack, name, {
      vault,
      policy,
      storageAccount: DataLakeStorageAccount.fromAttributes({
        storageAccountId: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/${name}`,
        location: region.stringValue,
      }),
      containers: ['landing', 'archive-2024'],
      grantAccess: false,
      rolePropagationWait: false,
    });
  }
  return stack;
}

/** The L1 classes used directly, with timeouts and meta-arguments. */
function l1Stack(): TerraformStack {
  const stack = newStack('l1');
  const aliased = new AzurermProvider(stack, 'backup', { features: [{}], alias: 'backup' });
  const policy = new DataProtectionBackupPolicyDataLakeStorage(stack, 'Policy', {
    name: 'adls-l1',
    dataProtectionBackupVaultId: VAULT_ID,
    backupSchedule: ['R/2024-01-01T02:00:00+01:00/P1W', 'R/2024-01-05T02:00:00+01:00/P1W'],
    defaultRetentionDuration: 'P4W',
    timeZone: 'Romance Standard Time',
    retentionRule: [
      { name: 'Yearly', duration: 'P7Y', absoluteCriteria: 'FirstOfYear' },
      {
        name: 'FridayTwo',
        duration: 'P1Y6M',
        daysOfWeek: ['Friday'],
        weeksOfMonth: ['Second', 'Last'],
        scheduledBackupTimes: ['2024-01-05T01:00:00Z'],
      },
    ],
    timeouts: { create: '45m', read: '10m', delete: '45m' },
    provider: aliased,
    lifecycle: { preventDestroy: true },
  });
  new DataProtectionBackupInstanceDataLakeStorage(stack, 'Instance', {
    name: 'lakeweu01',
    dataProtectionBackupVaultId: VAULT_ID,
    location: 'westeurope',
    backupPolicyDataLakeStorageId: policy.id,
    storageAccountId: ACCOUNT_ID,
    storageContainerNames: ['raw', 'curated'],
    timeouts: { create: '2h', read: '10m', update: '90m', delete: '1h30m' },
    provider: aliased,
    dependsOn: [policy],
  });
  new DataProtectionBackupInstanceDataLakeStorage(stack, 'PerAccount', {
    forEach: TerraformIterator.fromList(['lakeweu02', 'lakeweu03']),
    name: 'per-account',
    dataProtectionBackupVaultId: VAULT_ID,
    location: 'westeurope',
    backupPolicyDataLakeStorageId: POLICY_ID,
    storageAccountId: ACCOUNT_ID,
    storageContainerNames: ['raw'],
    timeouts: { create: '60m' },
  });
  return stack;
}

// ---------------------------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------------------------

const snakeToCamel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const sorted = (names: Iterable<string>) => [...names].sort();
const argumentNames = (facts: readonly ArgumentFact[]) => sorted(facts.map((f) => f.name));
const nestedFacts = (type: string, name: string) =>
  resourceFact(type).arguments.find((a) => a.name === name)?.block?.arguments ?? [];

describe('azurerm schema fixture (test/fixtures/azurerm-adls-schema.json)', () => {
  test('records its provenance: hashicorp/azurerm, first released 4.67.0 (policy) / 4.68.0 (instance), unchanged up to 4.73.0', () => {
    expect(SCHEMA.provenance.provider).toBe('hashicorp/azurerm');
    expect(SCHEMA.provenance.firstReleased).toEqual({ [POLICY]: '4.67.0', [INSTANCE]: '4.68.0' });
    expect(SCHEMA.provenance.unchangedUpTo).toBe('4.73.0');
    expect(SCHEMA.provenance.source).toMatch(/resource schema/);
    expect(resourceFact(POLICY).firstReleased).toBe('4.67.0');
    expect(resourceFact(INSTANCE).firstReleased).toBe('4.68.0');
    // Each resource's facts cite the provider source file and commit they were checked against.
    const commits = (SCHEMA.provenance as unknown as { sourceCommits: Record<string, string> }).sourceCommits;
    expect(commits.policy).toMatch(
      new RegExp(
        `^hashicorp/terraform-provider-azurerm@[0-9a-f]{40} .*/data_protection_backup_policy_data_lake_storage_resource\\.go$`,
      ),
    );
    expect(commits.instance).toMatch(
      new RegExp(
        `^hashicorp/terraform-provider-azurerm@[0-9a-f]{40} .*/data_protection_backup_instance_data_lake_storage_resource\\.go$`,
      ),
    );
  });

  test('describes both ADLS resources with their timeouts blocks and computed attributes', () => {
    expect(sorted(Object.keys(SCHEMA.resources))).toEqual([INSTANCE, POLICY]);
    expect(argumentNames(nestedFacts(POLICY, 'timeouts'))).toEqual(['create', 'delete', 'read']);
    expect(argumentNames(nestedFacts(INSTANCE, 'timeouts'))).toEqual(['create', 'delete', 'read', 'update']);
    expect(resourceFact(POLICY).attributes.map((a) => a.name)).toEqual(['id']);
    expect(resourceFact(INSTANCE).attributes.map((a) => a.name)).toEqual(['id', 'protection_state']);
  });
});

describe('the checker enforces the azurerm schema (it must be able to fail)', () => {
  const good = {
    name: 'adls-daily',
    data_protection_backup_vault_id: VAULT_ID,
    backup_schedule: ['R/2024-01-01T02:00:00+00:00/P1D'],
    default_retention_duration: 'P30D',
  };
  const violationsOf = (body: Record<string, unknown>, type = POLICY) => checkResource(type, 'probe', body, newTally());

  test('accepts a valid policy body', () => {
    expect(violationsOf(good)).toEqual([]);
  });

  test.each<[string, Record<string, unknown>, RegExp]>([
    ['an argument the schema lacks', { ...good, backup_policy_id: 'x' }, /`backup_policy_id` is not an argument/],
    ['a computed attribute', { ...good, id: 'x' }, /`id` is computed by azurerm/],
    [
      'a missing required argument',
      { ...good, default_retention_duration: undefined },
      /is required by the azurerm schema but missing/,
    ],
    ['an empty required string', { ...good, name: '' }, /must not be empty/],
    ['a list given as a string', { ...good, backup_schedule: 'R/2024-01-01T02:00:00+00:00/P1D' }, /must be a list\(string\)/],
    [
      'six schedule intervals',
      { ...good, backup_schedule: Array(6).fill('R/2024-01-01T02:00:00+00:00/P1D') },
      /must hold 1 to 5 items/,
    ],
    ['an hourly interval', { ...good, backup_schedule: ['R/2024-01-01T02:00:00+00:00/PT1H'] }, /iso8601-repeating-interval/],
    ['a duration in hours', { ...good, default_retention_duration: 'PT36H' }, /iso8601-duration/],
    [
      'a lowercase vault ID',
      { ...good, data_protection_backup_vault_id: VAULT_ID.replace('resourceGroups', 'resourcegroups') },
      /resource-id/,
    ],
    ['a name against the pattern', { ...good, name: '1policy' }, /must match/],
    [
      'an unknown criterion',
      { ...good, retention_rule: [{ name: 'r', duration: 'P1Y', absolute_criteria: 'FirstOfQuarter' }] },
      /must be one of AllBackup/,
    ],
    [
      'a day in lowercase',
      { ...good, retention_rule: [{ name: 'r', duration: 'P1Y', days_of_week: ['sunday'] }] },
      /case-sensitive/,
    ],
    [
      'a repeated set value',
      { ...good, retention_rule: [{ name: 'r', duration: 'P1Y', days_of_week: ['Sunday', 'Sunday'] }] },
      /values must be distinct/,
    ],
    [
      'an unknown nested key',
      { ...good, retention_rule: [{ name: 'r', duration: 'P1Y', priority: 1 }] },
      /`priority` is not an argument of the `retention_rule` block/,
    ],
    [
      'an update timeout on the policy',
      { ...good, timeouts: { update: '30m' } },
      /`update` is not an argument of the `timeouts` block/,
    ],
    ['a block given as a string', { ...good, timeouts: '30m' }, /must be a block/],
  ])('refuses %s', (_, body, message) => {
    expect(violationsOf(body).join('\n')).toMatch(message);
  });

  const goodInstance = {
    name: 'i',
    data_protection_backup_vault_id: VAULT_ID,
    location: 'westeurope',
    backup_policy_data_lake_storage_id: POLICY_ID,
    storage_account_id: ACCOUNT_ID,
    storage_container_names: ['raw', 'curated-2024'],
  };

  test('refuses an instance without containers or with protection_state set', () => {
    const instance = { ...goodInstance, storage_container_names: [] as string[], protection_state: 'ProtectionConfigured' };
    const text = violationsOf(instance, INSTANCE).join('\n');
    expect(text).toMatch(/`storage_container_names` is required and must not be empty/);
    expect(text).toMatch(/`protection_state` is computed by azurerm/);
  });

  test.each<[string, string[], RegExp]>([
    ['a container name with capitals', ['Raw'], /`storage_container_names`\[0\] must match/],
    ['a two-letter container name', ['ab'], /`storage_container_names`\[0\] must match/],
    ['a container name of 64 characters', ['c'.repeat(64)], /must match/],
    ['$root', ['$root'], /must match/],
    [
      '101 containers (azurerm MaxItems 100 up to #32643)',
      Array.from({ length: 101 }, (_, i) => `c${String(i).padStart(3, '0')}`),
      /must hold 1 to 100 items/,
    ],
    ['a repeated container (a set)', ['raw', 'raw'], /values must be distinct/],
  ])('refuses an instance with %s', (_, names, message) => {
    expect(violationsOf({ ...goodInstance, storage_container_names: names }, INSTANCE).join('\n')).toMatch(message);
    expect(violationsOf(goodInstance, INSTANCE)).toEqual([]);
  });
});

describe('synthesized ADLS resources conform to the azurerm schema (4.68.0-4.73.0)', () => {
  test.each<[string, () => TerraformStack, Record<string, number>]>([
    ['minimal stack: daily schedule, no rules, no time zone', minimalStack, { [POLICY]: 1, [INSTANCE]: 1 }],
    [
      'full stack: weekly on 2 days, weekly/monthly/yearly/custom rules, time zone, created account and containers',
      fullStack,
      { [POLICY]: 1, [INSTANCE]: 1 },
    ],
    [
      'shared policy stack: two accounts, regions from a variable (lifecycle precondition)',
      sharedPolicyStack,
      { [POLICY]: 1, [INSTANCE]: 2 },
    ],
    [
      'L1 stack: both classes used directly with timeouts, provider alias, depends_on, for_each',
      l1Stack,
      { [POLICY]: 1, [INSTANCE]: 2 },
    ],
  ])(
    '%s: only schema arguments, required ones set, right types, allowed values, valid schedule and durations',
    (_, build, expected) => {
      const json = synth(build());
      const { violations, tally, counts } = checkStack(json);
      expect(violations).toEqual([]);
      expect(counts).toEqual(expected);
      // Not vacuous: the value rules ran on literals: each policy name and each literal container name.
      const containerNames = Object.values(json.resource?.[INSTANCE] ?? {}).flatMap((i) =>
        Array.isArray(i.storage_container_names) ? i.storage_container_names.filter((n: string) => !n.includes('${')) : [],
      );
      expect(tally.formats).toBeGreaterThan(0);
      expect(tally.itemCounts).toBeGreaterThan(0);
      expect(containerNames.length).toBeGreaterThan(0);
      expect(tally.patterns).toBe(counts[POLICY] + containerNames.length);
    },
  );

  test('full stack: every retention rule criterion and the schedule are literal values inside the azurerm allowed sets', () => {
    const json = synth(fullStack());
    const { tally } = checkStack(json);
    const policy = Object.values(json.resource?.[POLICY] ?? {})[0];
    expect(policy.backup_schedule).toHaveLength(2);
    expect((policy.retention_rule as unknown[]).length).toBe(4);
    // absolute_criteria x3, days_of_week x1, weeks_of_month x1, months_of_year x4
    expect(tally.allowedValues).toBe(3 + 1 + 1 + 4);
    expect(policy.time_zone).toBe('W. Europe Standard Time');
  });

  test('minimal stack: no retention_rule, time_zone or timeouts is rendered (all optional in the azurerm schema)', () => {
    const policies = Object.values(synth(minimalStack()).resource?.[POLICY] ?? {});
    expect(policies).toHaveLength(1);
    const policy = policies[0];
    expect(policy).toMatchObject({ name: 'adls-daily', default_retention_duration: 'P30D' });
    expect(policy).not.toHaveProperty('retention_rule');
    expect(policy).not.toHaveProperty('time_zone');
    expect(policy).not.toHaveProperty('timeouts');
  });

  test('L1 stack: the timeouts blocks hold only the operations azurerm defines (policy: create/read/delete)', () => {
    const json = synth(l1Stack());
    const policy = json.resource?.[POLICY]?.Policy;
    const instance = json.resource?.[INSTANCE]?.Instance;
    expect(policy?.timeouts).toEqual({ create: '45m', read: '10m', delete: '45m' });
    expect(instance?.timeouts).toEqual({ create: '2h', read: '10m', update: '90m', delete: '1h30m' });
  });

  // azurerm parses these IDs with its case-sensitive resource ID parser: other casings fail at plan, so the
  // library refuses them at synth.
  test('IDs in another casing are refused at synth, as azurerm parses resource IDs case-sensitively', () => {
    const stack = newStack('casing');
    expect(() =>
      BackupVault.fromVaultAttributes(stack, 'Vault', {
        vaultId: VAULT_ID.replace('resourceGroups', 'resourcegroups'),
        location: 'West Europe',
        principalId: PRINCIPAL_ID,
      }),
    ).toThrow(/`vaultId` must be a Backup vault resource ID/);
    expect(() =>
      DataLakeStorageAccount.fromAttributes({
        storageAccountId: ACCOUNT_ID.replace('Microsoft.Storage/storageAccounts', 'microsoft.storage/storageaccounts'),
        location: 'westeurope',
      }),
    ).toThrow(/`storageAccountId` must be a storage account resource ID/);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The L1 bindings expose exactly the schema's arguments
// ---------------------------------------------------------------------------------------------------------------

/** A valid, distinct sample for each argument, derived from the fixture (so swapped mappings show). */
function sampleFor(fact: ArgumentFact, index: number): unknown {
  const one = (): string => {
    if (fact.allowedValues) return fact.allowedValues[index % fact.allowedValues.length];
    switch (fact.format) {
      case 'iso8601-repeating-interval':
        return `R/2024-01-0${1 + (index % 7)}T02:00:00+00:00/P1W`;
      case 'iso8601-duration':
        return `P${index + 1}D`;
      case 'rfc3339-time':
        return `2024-01-01T0${index % 10}:00:00Z`;
      case 'go-duration':
        return `${index + 10}m`;
      case 'resource-id': {
        const [namespace, ...types] = (fact.resourceType ?? '').split('/');
        return `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg/providers/${namespace}${types.map((t, i) => `/${t}/${t.toLowerCase()}${i}`).join('')}`;
      }
      default:
        return `sample-${fact.name.replace(/_/g, '-')}`;
    }
  };
  switch (fact.type) {
    case 'string':
      return one();
    case 'list(string)':
    case 'set(string)':
      return [one()];
    case 'block':
      return sampleBlock(fact.block?.arguments ?? []);
    case 'block list':
      return [sampleBlock(fact.block?.arguments ?? [])];
  }
}

function sampleBlock(facts: readonly ArgumentFact[]): { camel: Record<string, unknown>; snake: Record<string, unknown> } {
  const camel: Record<string, unknown> = {};
  const snake: Record<string, unknown> = {};
  facts.forEach((fact, i) => {
    const value = sampleFor(fact, i);
    const asBlock = (v: unknown) => v as { camel: unknown; snake: unknown };
    if (fact.type === 'block') {
      camel[snakeToCamel(fact.name)] = asBlock(value).camel;
      snake[fact.name] = asBlock(value).snake;
    } else if (fact.type === 'block list') {
      camel[snakeToCamel(fact.name)] = (value as unknown[]).map((v) => asBlock(v).camel);
      snake[fact.name] = (value as unknown[]).map((v) => asBlock(v).snake);
    } else {
      camel[snakeToCamel(fact.name)] = value;
      snake[fact.name] = value;
    }
  });
  return { camel, snake };
}

/** Strips Terraform meta-arguments and cdktf metadata, leaving the schema arguments. */
function schemaArgumentsOf(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([key]) => !META_ARGUMENTS.has(key)));
}

// Compile-time: the config interfaces have exactly these inputs besides the Terraform meta-arguments.
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type OwnInputs<C> = Exclude<keyof C, keyof TerraformMetaArguments>;
const POLICY_INPUTS = [
  'name',
  'dataProtectionBackupVaultId',
  'backupSchedule',
  'defaultRetentionDuration',
  'retentionRule',
  'timeZone',
  'timeouts',
] as const;
const RETENTION_RULE_INPUTS = [
  'name',
  'duration',
  'absoluteCriteria',
  'daysOfWeek',
  'weeksOfMonth',
  'monthsOfYear',
  'scheduledBackupTimes',
] as const;
const POLICY_TIMEOUT_INPUTS = ['create', 'read', 'delete'] as const;
const INSTANCE_INPUTS = [
  'name',
  'dataProtectionBackupVaultId',
  'location',
  'backupPolicyDataLakeStorageId',
  'storageAccountId',
  'storageContainerNames',
  'timeouts',
] as const;
const INSTANCE_TIMEOUT_INPUTS = ['create', 'read', 'update', 'delete'] as const;
// Checked by the type-checker alone (`npx tsc --noEmit -p tsconfig.json`): an entry does not compile when its config
// interface has other inputs than the list. There is nothing to assert at run time.
type Assert<T extends true> = T;
export type InterfacesMatch = [
  Assert<Equals<OwnInputs<DataProtectionBackupPolicyDataLakeStorageConfig>, (typeof POLICY_INPUTS)[number]>>,
  Assert<Equals<keyof DataProtectionBackupPolicyDataLakeStorageRetentionRule, (typeof RETENTION_RULE_INPUTS)[number]>>,
  Assert<Equals<keyof DataProtectionBackupPolicyDataLakeStorageTimeouts, (typeof POLICY_TIMEOUT_INPUTS)[number]>>,
  Assert<Equals<OwnInputs<DataProtectionBackupInstanceDataLakeStorageConfig>, (typeof INSTANCE_INPUTS)[number]>>,
  Assert<Equals<keyof DataProtectionBackupInstanceDataLakeStorageTimeouts, (typeof INSTANCE_TIMEOUT_INPUTS)[number]>>,
];

describe('the L1 bindings expose exactly the azurerm schema arguments', () => {
  test('their config interfaces have one input per schema argument, camelCased, and nothing else (type-checked)', () => {
    const camel = (facts: readonly ArgumentFact[]) => sorted(facts.map((f) => snakeToCamel(f.name)));
    expect(sorted(POLICY_INPUTS)).toEqual(camel(resourceFact(POLICY).arguments));
    expect(sorted(RETENTION_RULE_INPUTS)).toEqual(camel(nestedFacts(POLICY, 'retention_rule')));
    expect(sorted(POLICY_TIMEOUT_INPUTS)).toEqual(camel(nestedFacts(POLICY, 'timeouts')));
    expect(sorted(INSTANCE_INPUTS)).toEqual(camel(resourceFact(INSTANCE).arguments));
    expect(sorted(INSTANCE_TIMEOUT_INPUTS)).toEqual(camel(nestedFacts(INSTANCE, 'timeouts')));
  });

  test.each([
    [
      POLICY,
      (stack: TerraformStack, config: Record<string, unknown>) =>
        new DataProtectionBackupPolicyDataLakeStorage(
          stack,
          'All',
          config as unknown as DataProtectionBackupPolicyDataLakeStorageConfig,
        ),
    ],
    [
      INSTANCE,
      (stack: TerraformStack, config: Record<string, unknown>) =>
        new DataProtectionBackupInstanceDataLakeStorage(
          stack,
          'All',
          config as unknown as DataProtectionBackupInstanceDataLakeStorageConfig,
        ),
    ],
  ])('%s: every schema argument set renders under its own name, nothing missing, nothing invented', (type, create) => {
    const fact = resourceFact(type);
    const { camel, snake } = sampleBlock(fact.arguments);
    const stack = newStack('all-arguments');
    create(stack, camel);
    const json = synth(stack);
    const body = json.resource?.[type]?.All ?? {};
    const rendered = schemaArgumentsOf(body);

    expect(sorted(Object.keys(rendered))).toEqual(argumentNames(fact.arguments));
    // The nested blocks of the fixture: the policy's retention_rule and timeouts, the instance's timeouts.
    const nestedBlocks = fact.arguments.filter((a) => a.block);
    expect(nestedBlocks.map((a) => a.name).sort()).toEqual(type === POLICY ? ['retention_rule', 'timeouts'] : ['timeouts']);
    for (const nested of nestedBlocks) {
      const blocks = ([] as Record<string, unknown>[]).concat(rendered[nested.name] as Record<string, unknown>);
      expect(blocks).toHaveLength(1); // sampleFor gives one block, or a list of one
      for (const block of blocks) expect(sorted(Object.keys(block))).toEqual(argumentNames(nested.block?.arguments ?? []));
    }
    // Each input lands on the matching argument with its value unchanged (no swapped or dropped mappings).
    expect(rendered).toEqual(snake);
    expect(checkStack(json).violations).toEqual([]);
  });

  test('computed attributes are readable as references, never inputs (id, protection_state)', () => {
    const stack = newStack('computed');
    const instance = new DataProtectionBackupInstanceDataLakeStorage(stack, 'I', {
      name: 'lakeweu01',
      dataProtectionBackupVaultId: VAULT_ID,
      location: 'westeurope',
      backupPolicyDataLakeStorageId: POLICY_ID,
      storageAccountId: ACCOUNT_ID,
      storageContainerNames: ['raw'],
    });
    new TerraformOutput(stack, 'id', { value: instance.id });
    new TerraformOutput(stack, 'state', { value: instance.protectionState });
    new TerraformOutput(stack, 'containers', { value: instance.storageContainerNames });
    const json = synth(stack) as Synthesized & { output?: Record<string, { value: string }> };
    expect(json.output?.id.value).toBe(`\${${INSTANCE}.I.id}`);
    expect(json.output?.state.value).toBe(`\${${INSTANCE}.I.protection_state}`);
    // storage_container_names is a set: read back through tolist(), as generated bindings read sets.
    expect(json.output?.containers.value).toBe(`\${tolist(${INSTANCE}.I.storage_container_names)}`);
    const body = json.resource?.[INSTANCE]?.I ?? {};
    // The instance is there (an empty body would pass the loop below), and both computed attributes are checked.
    expect(body).toMatchObject({ name: 'lakeweu01', storage_container_names: ['raw'] });
    const computed = resourceFact(INSTANCE).attributes.map((a) => a.name);
    expect(computed).toEqual(['id', 'protection_state']);
    for (const attribute of computed) expect(body).not.toHaveProperty(attribute);
  });
});
