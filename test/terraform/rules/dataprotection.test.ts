import { readFileSync } from 'fs';
import { join } from 'path';
import {
  backupPolicyDataLakeStorageTimeZone,
  crossRegionRestoreNeedsGeoRedundant,
  DATA_LAKE_STORAGE_TIME_ZONES,
  DATAPROTECTION_RULES,
  resourceGuardName,
} from '../stand-in/rules/dataprotection';
import type { ArgumentRule, TypeRules, Value } from '../stand-in/rules/rule';
import { goQuoteSlice } from '../stand-in/rules/validation';
import { customProblems, validateConfig } from '../stand-in/validate';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg';
const VAULT_ID = `${SUB}/providers/Microsoft.DataProtection/backupVaults/vault`;
const POLICY_ID = `${VAULT_ID}/backupPolicies/policy`;
const ACCOUNT_ID = `${SUB}/providers/Microsoft.Storage/storageAccounts/account`;
const IDENTITY_ID = `${SUB}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uai`;
const REPEATING = 'R/2021-05-23T02:30:00+00:00/P1W';

const names = (n: number): Value[] => Array.from({ length: n }, (_, i) => `container-${i}`);
const tags = (n: number): { [key: string]: Value } => Object.fromEntries(Array.from({ length: n }, (_, i) => [`t${i}`, 'v']));
const inSlice = (key: string, valid: readonly string[], got: string) =>
  `expected ${key} to be one of ${goQuoteSlice(valid)}, got ${got}`;
const vaultName = 'DataProtection BackupVault name must be 2 - 50 characters long, contain only letters, numbers and hyphens.).';
/** What every resource ID validator says of an empty string. */
const EMPTY_ID = ['parsing "": cannot parse an empty string'];

/** One accepted value, one refused value and the messages it gets, for a rule (`path`, or `path versions`). */
type Case = [accepted: Value, refused: Value, messages: string[]];

const CASES: Record<string, Record<string, Case>> = {
  'resource azurerm_data_protection_backup_vault': {
    name: ['my-vault', 'v', [`invalid value for name (${vaultName})`]],
    resource_group_name: ['rg', 'rg.', ['"resource_group_name" may not end with a period']],
    location: ['westeurope', '', ['expected "location" to not be an empty string, got ']],
    datastore_type: [
      'VaultStore',
      'Vault',
      [inSlice('datastore_type', ['ArchiveStore', 'OperationalStore', 'VaultStore'], 'Vault')],
    ],
    redundancy: ['ZoneRedundant', 'GRS', [inSlice('redundancy', ['GeoRedundant', 'LocallyRedundant', 'ZoneRedundant'], 'GRS')]],
    retention_duration_in_days: [
      14,
      181,
      ['expected retention_duration_in_days to be in the range (14.000000 - 180.000000), got 181.000000'],
    ],
    soft_delete: ['AlwaysOn', 'on', [inSlice('soft_delete', ['AlwaysOn', 'Off', 'On'], 'on')]],
    immutability: ['Locked', 'Enabled', [inSlice('immutability', ['Disabled', 'Locked', 'Unlocked'], 'Enabled')]],
    'identity.type': [
      'SystemAssigned, UserAssigned',
      'None',
      [inSlice('identity.0.type', ['UserAssigned', 'SystemAssigned', 'SystemAssigned, UserAssigned'], 'None')],
    ],
    'identity.identity_ids.*': [IDENTITY_ID, '', EMPTY_ID],
    tags: [tags(50), tags(51), ['a maximum of 50 tags can be applied to each resource']],
  },
  'data azurerm_data_protection_backup_vault': {
    name: ['my-vault', 'my_vault', [`invalid value for name (${vaultName})`]],
    resource_group_name: ['rg', '', ['"resource_group_name" cannot be blank']],
  },
  'resource azurerm_data_protection_backup_policy_data_lake_storage': {
    name: [
      'daily-policy',
      '1policy',
      [
        'invalid value for name (`name` must be 3 - 150 characters long, contain only letters, numbers and hyphens(-), and cannot start with a number or hyphen.)',
      ],
    ],
    data_protection_backup_vault_id: [VAULT_ID, '', EMPTY_ID],
    backup_schedule: [
      [REPEATING],
      [REPEATING, REPEATING, REPEATING, REPEATING, REPEATING, REPEATING],
      ['Too many list items: Attribute backup_schedule supports 5 item maximum, but config has 6 declared.'],
    ],
    'backup_schedule.*': [REPEATING, 'P1W', ["backup_schedule.0 must start with 'R/'"]],
    default_retention_duration: ['P4M', '4M', ["expected 'P' period mark at the start: 4M"]],
    'retention_rule.name': ['monthly', '', ['expected "retention_rule.0.name" to not be an empty string, got ']],
    'retention_rule.duration': ['P6M', 'six months', ["expected 'P' period mark at the start: six months"]],
    'retention_rule.absolute_criteria': [
      'FirstOfMonth',
      'First',
      [
        inSlice(
          'retention_rule.0.absolute_criteria',
          ['AllBackup', 'FirstOfDay', 'FirstOfMonth', 'FirstOfWeek', 'FirstOfYear'],
          'First',
        ),
      ],
    ],
    'retention_rule.days_of_week': [
      ['Monday'],
      [],
      ['Not enough list items: Attribute retention_rule.0.days_of_week requires 1 item minimum, but config has only 0 declared.'],
    ],
    'retention_rule.days_of_week.*': [
      'Monday',
      'monday',
      [
        inSlice(
          'retention_rule.0.days_of_week.0',
          ['Friday', 'Monday', 'Saturday', 'Sunday', 'Thursday', 'Tuesday', 'Wednesday'],
          'monday',
        ),
      ],
    ],
    'retention_rule.months_of_year': [
      ['January'],
      [],
      [
        'Not enough list items: Attribute retention_rule.0.months_of_year requires 1 item minimum, but config has only 0 declared.',
      ],
    ],
    'retention_rule.months_of_year.*': [
      'January',
      'Jan',
      [
        inSlice(
          'retention_rule.0.months_of_year.0',
          [
            'April',
            'August',
            'December',
            'February',
            'January',
            'July',
            'June',
            'March',
            'May',
            'November',
            'October',
            'September',
          ],
          'Jan',
        ),
      ],
    ],
    'retention_rule.scheduled_backup_times': [
      ['2021-05-23T02:30:00Z'],
      [],
      [
        'Not enough list items: Attribute retention_rule.0.scheduled_backup_times requires 1 item minimum, but config has only 0 declared.',
      ],
    ],
    'retention_rule.scheduled_backup_times.*': [
      '2021-05-23T02:30:00Z',
      '02:30',
      [
        'expected "retention_rule.0.scheduled_backup_times.0" to be a valid RFC3339 date, got "02:30": parsing time "02:30" as "2006-01-02T15:04:05Z07:00": cannot parse "02:30" as "2006"',
      ],
    ],
    'retention_rule.weeks_of_month': [
      ['First'],
      [],
      [
        'Not enough list items: Attribute retention_rule.0.weeks_of_month requires 1 item minimum, but config has only 0 declared.',
      ],
    ],
    'retention_rule.weeks_of_month.*': [
      'Last',
      '1st',
      [inSlice('retention_rule.0.weeks_of_month.0', ['First', 'Fourth', 'Last', 'Second', 'Third'], '1st')],
    ],
    time_zone: [
      'W. Europe Standard Time',
      'Europe/Berlin',
      [inSlice('time_zone', DATA_LAKE_STORAGE_TIME_ZONES, 'Europe/Berlin')],
    ],
  },
  'resource azurerm_data_protection_backup_instance_data_lake_storage': {
    name: ['instance', '', ['expected "name" to not be an empty string, got ']],
    data_protection_backup_vault_id: [VAULT_ID, '', EMPTY_ID],
    location: ['westeurope', '', ['expected "location" to not be an empty string, got ']],
    backup_policy_data_lake_storage_id: [POLICY_ID, '', EMPTY_ID],
    storage_account_id: [ACCOUNT_ID, '', EMPTY_ID],
    'storage_container_names < 4.79.0': [
      names(100),
      names(101),
      ['Too many list items: Attribute storage_container_names supports 100 item maximum, but config has 101 declared.'],
    ],
    'storage_container_names >= 4.79.0': [
      names(1000),
      names(1001),
      ['Too many list items: Attribute storage_container_names supports 1000 item maximum, but config has 1001 declared.'],
    ],
    'storage_container_names.*': [
      'raw-data',
      '-a',
      [
        'expected length of storage_container_names.0 to be in the range (3 - 63), got -a',
        'invalid value for storage_container_names.0 (only lowercase alphanumeric characters and hyphens are allowed, and the value must not start with a hyphen)',
      ],
    ],
  },
  'resource azurerm_data_protection_resource_guard': {
    name: ['guard', 'g'.repeat(261), ['name cannot be empty and must not exceed 260 characters']],
    resource_group_name: [
      'rg',
      'r g',
      ['"resource_group_name" may only contain alphanumeric characters, dash, underscores, parentheses and periods'],
    ],
    location: ['westeurope', '', ['expected "location" to not be an empty string, got ']],
    'vault_critical_operation_exclusion_list.*': [
      'Microsoft.DataProtection/backupVaults/backupInstances/delete',
      '',
      ['expected "vault_critical_operation_exclusion_list.0" to not be an empty string, got '],
    ],
    tags: [
      { env: 'prod' },
      { env: 'v'.repeat(257) },
      ['the maximum length for a tag value is 256 characters: the value for "env" is 257 characters'],
    ],
  },
};

const ruleKey = (rule: ArgumentRule) => (rule.versions === undefined ? rule.path : `${rule.path} ${rule.versions}`);
const typeKey = (rules: TypeRules) => `${rules.kind} ${rules.type}`;
/**
 * The key the SDK passes a ValidateFunc for the first value at `path`: blocks and collections indexed from 0
 * (`retention_rule.0.days_of_week.0`).
 */
function sdkKey(path: string): string {
  const segments = path.split('.');
  return segments.map((s, i) => (s === '*' ? '0' : i < segments.length - 1 && segments[i + 1] !== '*' ? `${s}.0` : s)).join('.');
}

const ARGUMENT_RULES = DATAPROTECTION_RULES.flatMap((rules) =>
  rules.arguments.map((rule) => [rule.source, ruleKey(rule), rules, rule] as const),
);

describe('DATAPROTECTION_RULES argument rules', () => {
  test('every rule has a case and every case a rule', () => {
    const ruleKeys = ARGUMENT_RULES.map(([, key, rules]) => `${typeKey(rules)} › ${key}`).sort();
    const caseKeys = Object.entries(CASES)
      .flatMap(([type, cases]) => Object.keys(cases).map((key) => `${type} › ${key}`))
      .sort();
    expect(ruleKeys).toHaveLength(43);
    expect(caseKeys).toEqual(ruleKeys);
  });

  test.each(ARGUMENT_RULES)('%s (%s): one value accepted, one refused', (_, key, rules, rule) => {
    const [accepted, refused, messages] = CASES[typeKey(rules)][key];
    expect(rule.check(accepted, sdkKey(rule.path))).toEqual([]);
    expect(rule.check(refused, sdkKey(rule.path))).toEqual(messages);
  });
});

describe('resource ID references refuse IDs of another type (commonschema.ResourceIDReference*)', () => {
  const check = (type: string, path: string) =>
    DATAPROTECTION_RULES.find((r) => r.type === type && r.kind === 'resource')!.arguments.find((r) => r.path === path)!.check;

  test.each([
    [
      'azurerm_data_protection_backup_policy_data_lake_storage',
      'data_protection_backup_vault_id',
      POLICY_ID,
      'BackupVault',
      'unexpected segment',
    ],
    [
      'azurerm_data_protection_backup_instance_data_lake_storage',
      'data_protection_backup_vault_id',
      ACCOUNT_ID,
      'BackupVault',
      'position 5',
    ],
    [
      'azurerm_data_protection_backup_instance_data_lake_storage',
      'backup_policy_data_lake_storage_id',
      VAULT_ID,
      'BackupPolicy',
      'number of segments',
    ],
    ['azurerm_data_protection_backup_instance_data_lake_storage', 'storage_account_id', VAULT_ID, 'StorageAccount', 'position 5'],
  ])('%s %s refuses %s', (type, path, id, idName, why) => {
    const messages = check(type, path)(id, path);
    expect(messages).toHaveLength(1);
    expect(messages[0].startsWith(`parsing "${id}": `)).toBe(true);
    expect(messages[0]).toContain(why);
    if (why !== 'unexpected segment') expect(messages[0]).toContain(`parsing the ${idName} ID`);
  });
});

describe('internal/services/dataprotection/validate', () => {
  test('resource_guard_name.go ResourceGuardName counts bytes', () => {
    expect(resourceGuardName('é'.repeat(130), 'name')).toEqual([]);
    expect(resourceGuardName('é'.repeat(131), 'name')).toEqual(['name cannot be empty and must not exceed 260 characters']);
    expect(resourceGuardName('', 'name')).toEqual(['name cannot be empty and must not exceed 260 characters']);
    expect(resourceGuardName(1, 'name')).toEqual(['expected type of "name" to be string']);
  });

  test('backup_policy_data_lake_storage_time_zone.go: 142 Windows time zones, case-sensitive', () => {
    expect(DATA_LAKE_STORAGE_TIME_ZONES).toHaveLength(142);
    expect(new Set(DATA_LAKE_STORAGE_TIME_ZONES).size).toBe(142);
    expect(DATA_LAKE_STORAGE_TIME_ZONES.slice(0, 2)).toEqual(['Afghanistan Standard Time', 'Alaskan Standard Time']);
    expect(backupPolicyDataLakeStorageTimeZone('UTC', 'time_zone')).toEqual([]);
    expect(backupPolicyDataLakeStorageTimeZone('Yukon Standard Time', 'time_zone')).toEqual([]);
    expect(backupPolicyDataLakeStorageTimeZone('utc', 'time_zone')).toHaveLength(1);
  });
});

describe('internal/services/dataprotection/data_protection_backup_vault_resource.go CustomizeDiff', () => {
  const vault = DATAPROTECTION_RULES.find((r) => r.type === 'azurerm_data_protection_backup_vault' && r.kind === 'resource')!;
  const custom = (config: { [key: string]: Value }) => customProblems(vault, config, '4.79.0').map((p) => p.summary);
  const message = '`cross_region_restore_enabled` can only be specified when `redundancy` is specified for `GeoRedundant`';

  test('cross_region_restore_enabled needs a GeoRedundant vault, whether true, false or unknown', () => {
    expect(custom({ redundancy: 'GeoRedundant', cross_region_restore_enabled: true })).toEqual([]);
    expect(custom({ redundancy: 'LocallyRedundant', cross_region_restore_enabled: null })).toEqual([]);
    expect(custom({ redundancy: 'LocallyRedundant', cross_region_restore_enabled: false })).toEqual([message]);
    expect(custom({ redundancy: 'ZoneRedundant', cross_region_restore_enabled: { unknown: true } })).toEqual([message]);
  });

  test('an unknown redundancy reads as "" in the CustomizeDiff, so it fails too', () => {
    expect(crossRegionRestoreNeedsGeoRedundant({ redundancy: { unknown: true }, cross_region_restore_enabled: true })).toEqual([
      message,
    ]);
  });

  test('it is the one cross-argument rule of the five types', () => {
    expect(DATAPROTECTION_RULES.flatMap((r) => r.cross ?? []).map((c) => [c.kind, c.paths])).toEqual([
      ['custom', ['cross_region_restore_enabled', 'redundancy']],
    ]);
  });
});

describe('internal/services/dataprotection/data_protection_backup_instance_data_lake_storage_resource.go storage_container_names', () => {
  const instance = DATAPROTECTION_RULES.find((r) => r.type === 'azurerm_data_protection_backup_instance_data_lake_storage')!;
  const problems = (version: string, n: number) =>
    validateConfig(instance, { storage_container_names: names(n) }, version).length;

  test('MaxItems rose from 100 to 1000 in v4.79.0', () => {
    expect([problems('4.68.0', 100), problems('4.68.0', 101), problems('4.78.0', 101)]).toEqual([0, 1, 1]);
    expect([problems('4.79.0', 101), problems('5.2.0', 1000), problems('5.2.0', 1001)]).toEqual([0, 0, 1]);
    expect([problems('4.68.0', 0), problems('5.2.0', 0)]).toEqual([1, 1]);
  });
});

describe("the vault's ForceNewIfChange (data_protection_backup_vault_resource.go CustomizeDiff)", () => {
  const vault = DATAPROTECTION_RULES.find((r) => r.kind === 'resource' && r.type === 'azurerm_data_protection_backup_vault')!;
  const when = (path: string) => vault.forceNew!.find((f) => f.path === path)!.when!;
  test.each([
    ['cross_region_restore_enabled', true, false, true],
    ['cross_region_restore_enabled', false, true, false],
    ['immutability', 'Locked', 'Unlocked', true],
    ['immutability', 'Unlocked', 'Locked', false],
    ['soft_delete', 'AlwaysOn', 'On', true],
    ['soft_delete', 'On', 'AlwaysOn', false],
  ] as const)('%s %j -> %j replaces the vault: %s', (path, old, now, replaces) => {
    expect(when(path)(old, now)).toBe(replaces);
  });
});

describe('rule counts and ForceNew', () => {
  test.each([
    [
      'resource azurerm_data_protection_backup_vault',
      11,
      1,
      [
        'name',
        'datastore_type',
        'redundancy',
        'resource_group_name',
        'location',
        'cross_region_restore_enabled',
        'immutability',
        'soft_delete',
      ],
    ],
    [
      'resource azurerm_data_protection_backup_policy_data_lake_storage',
      17,
      0,
      [
        'name',
        'data_protection_backup_vault_id',
        'backup_schedule',
        'default_retention_duration',
        'retention_rule',
        'retention_rule.name',
        'retention_rule.duration',
        'retention_rule.absolute_criteria',
        'retention_rule.days_of_week',
        'retention_rule.months_of_year',
        'retention_rule.scheduled_backup_times',
        'retention_rule.weeks_of_month',
        'time_zone',
      ],
    ],
    [
      'resource azurerm_data_protection_backup_instance_data_lake_storage',
      8,
      0,
      ['name', 'data_protection_backup_vault_id', 'storage_account_id', 'location'],
    ],
    ['resource azurerm_data_protection_resource_guard', 5, 0, ['name', 'resource_group_name', 'location']],
    ['data azurerm_data_protection_backup_vault', 2, 0, []],
  ])('%s: %i argument rules, %i cross rules, ForceNew %j', (type, argumentCount, crossCount, forceNew) => {
    const rules = DATAPROTECTION_RULES.find((r) => typeKey(r) === type)!;
    expect(rules.arguments).toHaveLength(argumentCount);
    expect(rules.cross ?? []).toHaveLength(crossCount);
    expect((rules.forceNew ?? []).map((f) => f.path)).toEqual(forceNew);
    for (const f of rules.forceNew ?? [])
      expect(f.source).toMatch(/^internal\/services\/dataprotection\/data_protection_\w+\.go: /);
  });

  test('every source names its file in internal/services/dataprotection', () => {
    const sources = DATAPROTECTION_RULES.flatMap((r) => [...r.arguments, ...(r.cross ?? [])].map((a) => a.source));
    expect(sources).toHaveLength(44);
    for (const source of sources) expect(source).toMatch(/^internal\/services\/dataprotection\/data_protection_\w+\.go: \S/);
  });
});

interface Block {
  readonly attributes?: Record<string, { readonly type: unknown }>;
  readonly block_types?: Record<string, { readonly block: Block }>;
}

/** Whether `path` (`a`, `a.b`, `a.*`) names an attribute or block of `block`; `*` only after a collection attribute. */
function pathExists(block: Block, path: string): boolean {
  const [name, ...rest] = path.split('.');
  const nested = block.block_types?.[name];
  if (nested) return rest.length === 0 || pathExists(nested.block, rest.join('.'));
  const attribute = block.attributes?.[name];
  if (attribute === undefined) return false;
  const collection = Array.isArray(attribute.type) && ['list', 'set', 'map'].includes(attribute.type[0] as string);
  return rest.length === 0 || (rest.length === 1 && rest[0] === '*' && collection);
}

describe('the rules against the azurerm 4.79.0 schema (codegen/schema/azurerm-4.79.0.json)', () => {
  const schema = JSON.parse(readFileSync(join(__dirname, '../../../codegen/schema/azurerm-4.79.0.json'), 'utf8')) as {
    resource_schemas: Record<string, { block: Block }>;
    data_source_schemas: Record<string, { block: Block }>;
  };
  const paths = DATAPROTECTION_RULES.flatMap((rules) =>
    [
      ...rules.arguments.map((r) => r.path),
      ...(rules.cross ?? []).flatMap((c) => c.paths),
      ...(rules.forceNew ?? []).map((f) => f.path),
    ].map((path) => [typeKey(rules), path, rules] as const),
  );

  test('the walk finds real paths and refuses made-up ones', () => {
    const policy = schema.resource_schemas.azurerm_data_protection_backup_policy_data_lake_storage.block;
    expect([
      pathExists(policy, 'retention_rule.days_of_week.*'),
      pathExists(policy, 'retention_rule.nope'),
      pathExists(policy, 'name.*'),
    ]).toEqual([true, false, false]);
    expect(paths).toHaveLength(43 + 2 + 25 + 3); // argument rules, cross rules, ForceNew (3 of them conditional)
  });

  test.each(paths)('%s: %s exists', (_, path, rules) => {
    const block = (rules.kind === 'data' ? schema.data_source_schemas : schema.resource_schemas)[rules.type]?.block;
    expect(block).toBeDefined();
    expect(pathExists(block, path)).toBe(true);
  });
});
