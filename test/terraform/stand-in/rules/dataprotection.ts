// The azurerm provider's plan-time rules for the Data Protection (Azure Backup) types this library writes, read from
// internal/services/dataprotection/ at v4.68.0, v4.79.0 and v5.2.0; a rule that only some of them have says so in
// `versions`. Arguments built by commonschema (resource group name, location, tags, identity, resource ID references)
// carry its ValidateFunc and ForceNew; the sources name the resource file that declares the argument.
// The backup vault's three ForceNewIfChange CustomizeDiffs are `forceNew` entries with `when` (old and new values).
import {
  BACKUP_POLICY_ID,
  BACKUP_VAULT_ID,
  commonschemaResourceIdReference,
  IDENTITY_TYPES_SYSTEM_AND_USER,
  identityRules,
  locationEnhancedValidate,
  resourceGroupValidateName,
  STORAGE_ACCOUNT_ID,
  tagsValidate,
  validateISO8601Duration,
  validateISO8601RepeatingTime,
} from './azure';
import type { ArgumentRule, Check, TypeRules, Value } from './rule';
import {
  all,
  floatBetween,
  goQuote,
  isRFC3339Time,
  listItemsBetween,
  stringInSlice,
  stringIsNotEmpty,
  stringLenBetween,
  stringMatch,
} from './validation';

const DIR = 'internal/services/dataprotection';
const VAULT = `${DIR}/data_protection_backup_vault_resource.go`;
const VAULT_DATA = `${DIR}/data_protection_backup_vault_data_source.go`;
const POLICY = `${DIR}/data_protection_backup_policy_data_lake_storage_resource.go`;
const INSTANCE = `${DIR}/data_protection_backup_instance_data_lake_storage_resource.go`;
const GUARD = `${DIR}/data_protection_resource_guard_resource.go`;

// The enums as the generated SDK lists them (PossibleValuesFor..., alphabetical), which the messages print.
const DATASTORE_TYPES = ['ArchiveStore', 'OperationalStore', 'VaultStore'];
const REDUNDANCIES = ['GeoRedundant', 'LocallyRedundant', 'ZoneRedundant'];
const SOFT_DELETE_STATES = ['AlwaysOn', 'Off', 'On'];
const IMMUTABILITY_STATES = ['Disabled', 'Locked', 'Unlocked'];
const ABSOLUTE_MARKERS = ['AllBackup', 'FirstOfDay', 'FirstOfMonth', 'FirstOfWeek', 'FirstOfYear'];
const DAYS_OF_WEEK = ['Friday', 'Monday', 'Saturday', 'Sunday', 'Thursday', 'Tuesday', 'Wednesday'];
const MONTHS = [
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
];
const WEEK_NUMBERS = ['First', 'Fourth', 'Last', 'Second', 'Third'];

/** validate/backup_policy_data_lake_storage_time_zone.go: Windows time zone IDs ([System.TimeZoneInfo]). */
export const DATA_LAKE_STORAGE_TIME_ZONES: readonly string[] = [
  'Afghanistan Standard Time',
  'Alaskan Standard Time',
  'Aleutian Standard Time',
  'Altai Standard Time',
  'Arab Standard Time',
  'Arabian Standard Time',
  'Arabic Standard Time',
  'Argentina Standard Time',
  'Astrakhan Standard Time',
  'Atlantic Standard Time',
  'AUS Central Standard Time',
  'Aus Central W. Standard Time',
  'AUS Eastern Standard Time',
  'Azerbaijan Standard Time',
  'Azores Standard Time',
  'Bahia Standard Time',
  'Bangladesh Standard Time',
  'Belarus Standard Time',
  'Bougainville Standard Time',
  'Canada Central Standard Time',
  'Cape Verde Standard Time',
  'Caucasus Standard Time',
  'Cen. Australia Standard Time',
  'Central America Standard Time',
  'Central Asia Standard Time',
  'Central Brazilian Standard Time',
  'Central Europe Standard Time',
  'Central European Standard Time',
  'Central Pacific Standard Time',
  'Central Standard Time',
  'Central Standard Time (Mexico)',
  'Chatham Islands Standard Time',
  'China Standard Time',
  'Coordinated Universal Time',
  'Cuba Standard Time',
  'Dateline Standard Time',
  'E. Africa Standard Time',
  'E. Australia Standard Time',
  'E. Europe Standard Time',
  'E. South America Standard Time',
  'Easter Island Standard Time',
  'Eastern Standard Time',
  'Eastern Standard Time (Mexico)',
  'Egypt Standard Time',
  'Ekaterinburg Standard Time',
  'Fiji Standard Time',
  'FLE Standard Time',
  'Georgian Standard Time',
  'GMT Standard Time',
  'Greenland Standard Time',
  'Greenwich Standard Time',
  'GTB Standard Time',
  'Haiti Standard Time',
  'Hawaiian Standard Time',
  'India Standard Time',
  'Iran Standard Time',
  'Israel Standard Time',
  'Jordan Standard Time',
  'Kaliningrad Standard Time',
  'Kamchatka Standard Time',
  'Korea Standard Time',
  'Libya Standard Time',
  'Line Islands Standard Time',
  'Lord Howe Standard Time',
  'Magadan Standard Time',
  'Magallanes Standard Time',
  'Marquesas Standard Time',
  'Mauritius Standard Time',
  'Mid-Atlantic Standard Time',
  'Middle East Standard Time',
  'Montevideo Standard Time',
  'Morocco Standard Time',
  'Mountain Standard Time',
  'Mountain Standard Time (Mexico)',
  'Myanmar Standard Time',
  'N. Central Asia Standard Time',
  'Namibia Standard Time',
  'Nepal Standard Time',
  'New Zealand Standard Time',
  'Newfoundland Standard Time',
  'Norfolk Standard Time',
  'North Asia East Standard Time',
  'North Asia Standard Time',
  'North Korea Standard Time',
  'Omsk Standard Time',
  'Pacific SA Standard Time',
  'Pacific Standard Time',
  'Pacific Standard Time (Mexico)',
  'Pakistan Standard Time',
  'Paraguay Standard Time',
  'Qyzylorda Standard Time',
  'Romance Standard Time',
  'Russia Time Zone 10',
  'Russia Time Zone 11',
  'Russia Time Zone 3',
  'Russian Standard Time',
  'SA Eastern Standard Time',
  'SA Pacific Standard Time',
  'SA Western Standard Time',
  'Saint Pierre Standard Time',
  'Sakhalin Standard Time',
  'Samoa Standard Time',
  'Sao Tome Standard Time',
  'Saratov Standard Time',
  'SE Asia Standard Time',
  'Singapore Standard Time',
  'South Africa Standard Time',
  'South Sudan Standard Time',
  'Sri Lanka Standard Time',
  'Sudan Standard Time',
  'Syria Standard Time',
  'Taipei Standard Time',
  'Tasmania Standard Time',
  'Tocantins Standard Time',
  'Tokyo Standard Time',
  'Tomsk Standard Time',
  'Tonga Standard Time',
  'Transbaikal Standard Time',
  'Turkey Standard Time',
  'Turks And Caicos Standard Time',
  'Ulaanbaatar Standard Time',
  'US Eastern Standard Time',
  'US Mountain Standard Time',
  'UTC',
  'UTC-02',
  'UTC-08',
  'UTC-09',
  'UTC-11',
  'UTC+12',
  'UTC+13',
  'Venezuela Standard Time',
  'Vladivostok Standard Time',
  'Volgograd Standard Time',
  'W. Australia Standard Time',
  'W. Central Africa Standard Time',
  'W. Europe Standard Time',
  'W. Mongolia Standard Time',
  'West Asia Standard Time',
  'West Bank Standard Time',
  'West Pacific Standard Time',
  'Yakutsk Standard Time',
  'Yukon Standard Time',
];

/** validate.BackupPolicyDataLakeStorageTimeZone(): StringInSlice over the Windows time zones, case-sensitive. */
export const backupPolicyDataLakeStorageTimeZone: Check = stringInSlice(DATA_LAKE_STORAGE_TIME_ZONES, false);

/** validate.ResourceGuardName: 1 to 260 bytes (Go's len). */
export const resourceGuardName: Check = (value, k) => {
  if (typeof value !== 'string') return [`expected type of ${goQuote(k)} to be string`];
  const n = Buffer.byteLength(value, 'utf8');
  return n === 0 || n > 260 ? [`${k} cannot be empty and must not exceed 260 characters`] : [];
};

const VAULT_NAME = stringMatch(
  /^[-a-zA-Z0-9]{2,50}$/,
  'DataProtection BackupVault name must be 2 - 50 characters long, contain only letters, numbers and hyphens.).',
);

/**
 * The vault's CustomizeDiffShim: `cross_region_restore_enabled` set in the configuration at all (true, false or
 * unknown: the raw config value is not null) needs `redundancy` to be GeoRedundant. d.Get of an unknown
 * `redundancy` is "", so an unknown redundancy fails too.
 */
export function crossRegionRestoreNeedsGeoRedundant(config: { [key: string]: Value }): string[] {
  const crossRegionRestore = config.cross_region_restore_enabled;
  if (crossRegionRestore === null || crossRegionRestore === undefined) return [];
  if (config.redundancy === 'GeoRedundant') return [];
  return ['`cross_region_restore_enabled` can only be specified when `redundancy` is specified for `GeoRedundant`'];
}

const forceNew = (file: string, paths: readonly string[]) => paths.map((path) => ({ path, source: `${file}: ${path} ForceNew` }));

const resourceGroupName = (file: string): ArgumentRule => ({
  path: 'resource_group_name',
  check: resourceGroupValidateName,
  source: `${file}: resource_group_name commonschema.ResourceGroupName() (resourcegroups.ValidateName)`,
});

const location = (file: string): ArgumentRule => ({
  path: 'location',
  check: locationEnhancedValidate,
  source: `${file}: location commonschema.Location() (location.EnhancedValidate)`,
});

const tags = (file: string): ArgumentRule => ({
  path: 'tags',
  check: tagsValidate,
  source: `${file}: tags commonschema.Tags() (tags.Validate)`,
});

const BACKUP_VAULT: TypeRules = {
  type: 'azurerm_data_protection_backup_vault',
  kind: 'resource',
  arguments: [
    { path: 'name', check: VAULT_NAME, source: `${VAULT}: name ValidateFunc` },
    resourceGroupName(VAULT),
    location(VAULT),
    { path: 'datastore_type', check: stringInSlice(DATASTORE_TYPES, false), source: `${VAULT}: datastore_type ValidateFunc` },
    { path: 'redundancy', check: stringInSlice(REDUNDANCIES, false), source: `${VAULT}: redundancy ValidateFunc` },
    {
      path: 'retention_duration_in_days',
      check: floatBetween(14, 180),
      source: `${VAULT}: retention_duration_in_days ValidateFunc`,
    },
    { path: 'soft_delete', check: stringInSlice(SOFT_DELETE_STATES, false), source: `${VAULT}: soft_delete ValidateFunc` },
    { path: 'immutability', check: stringInSlice(IMMUTABILITY_STATES, false), source: `${VAULT}: immutability ValidateFunc` },
    ...identityRules('identity', IDENTITY_TYPES_SYSTEM_AND_USER, `${VAULT}: identity`),
    tags(VAULT),
  ],
  cross: [
    {
      kind: 'custom',
      paths: ['cross_region_restore_enabled', 'redundancy'],
      check: crossRegionRestoreNeedsGeoRedundant,
      source: `${VAULT}: CustomizeDiff (CustomizeDiffShim: cross_region_restore_enabled needs GeoRedundant)`,
    },
  ],
  forceNew: [
    ...forceNew(VAULT, ['name', 'datastore_type', 'redundancy']),
    { path: 'resource_group_name', source: `${VAULT}: resource_group_name commonschema.ResourceGroupName() ForceNew` },
    { path: 'location', source: `${VAULT}: location commonschema.Location() ForceNew` },
    // Once on, these cannot be undone in place: turning them back replaces the vault.
    {
      path: 'cross_region_restore_enabled',
      source: `${VAULT}: CustomizeDiff ForceNewIfChange`,
      when: (old, now) => old === true && now !== true,
    },
    {
      path: 'immutability',
      source: `${VAULT}: CustomizeDiff ForceNewIfChange`,
      when: (old, now) => old === 'Locked' && now !== 'Locked',
    },
    {
      path: 'soft_delete',
      source: `${VAULT}: CustomizeDiff ForceNewIfChange`,
      when: (old, now) => old === 'AlwaysOn' && now !== 'AlwaysOn',
    },
  ],
};

const BACKUP_VAULT_DATA: TypeRules = {
  type: 'azurerm_data_protection_backup_vault',
  kind: 'data',
  arguments: [
    { path: 'name', check: VAULT_NAME, source: `${VAULT_DATA}: name ValidateFunc` },
    {
      path: 'resource_group_name',
      check: resourceGroupValidateName,
      source: `${VAULT_DATA}: resource_group_name commonschema.ResourceGroupNameForDataSource() (resourcegroups.ValidateName)`,
    },
  ],
};

/** A nested set of the policy's retention_rule: at least one element, each one of the enum. */
function retentionSet(name: string, element: Check): ArgumentRule[] {
  const path = `retention_rule.${name}`;
  return [
    { path, check: listItemsBetween(1, 0), source: `${POLICY}: ${path} MinItems` },
    { path: `${path}.*`, check: element, source: `${POLICY}: ${path} ValidateFunc` },
  ];
}

const BACKUP_POLICY: TypeRules = {
  type: 'azurerm_data_protection_backup_policy_data_lake_storage',
  kind: 'resource',
  arguments: [
    {
      path: 'name',
      check: stringMatch(
        /^[a-zA-Z][-a-zA-Z0-9]{2,149}$/,
        '`name` must be 3 - 150 characters long, contain only letters, numbers and hyphens(-), and cannot start with a number or hyphen.',
      ),
      source: `${POLICY}: name ValidateFunc`,
    },
    {
      path: 'data_protection_backup_vault_id',
      check: commonschemaResourceIdReference(BACKUP_VAULT_ID),
      source: `${POLICY}: data_protection_backup_vault_id commonschema.ResourceIDReferenceRequiredForceNew(BackupVaultId)`,
    },
    { path: 'backup_schedule', check: listItemsBetween(1, 5), source: `${POLICY}: backup_schedule MinItems/MaxItems` },
    {
      path: 'backup_schedule.*',
      check: validateISO8601RepeatingTime,
      source: `${POLICY}: backup_schedule ValidateFunc (azValidate.ISO8601RepeatingTime)`,
    },
    {
      path: 'default_retention_duration',
      check: validateISO8601Duration,
      source: `${POLICY}: default_retention_duration ValidateFunc (azValidate.ISO8601Duration)`,
    },
    { path: 'retention_rule.name', check: stringIsNotEmpty, source: `${POLICY}: retention_rule.name ValidateFunc` },
    {
      path: 'retention_rule.duration',
      check: validateISO8601Duration,
      source: `${POLICY}: retention_rule.duration ValidateFunc (azValidate.ISO8601Duration)`,
    },
    {
      path: 'retention_rule.absolute_criteria',
      check: stringInSlice(ABSOLUTE_MARKERS, false),
      source: `${POLICY}: retention_rule.absolute_criteria ValidateFunc`,
    },
    ...retentionSet('days_of_week', stringInSlice(DAYS_OF_WEEK, false)),
    ...retentionSet('months_of_year', stringInSlice(MONTHS, false)),
    ...retentionSet('scheduled_backup_times', isRFC3339Time),
    ...retentionSet('weeks_of_month', stringInSlice(WEEK_NUMBERS, false)),
    {
      path: 'time_zone',
      check: backupPolicyDataLakeStorageTimeZone,
      source: `${POLICY}: time_zone ValidateFunc (validate.BackupPolicyDataLakeStorageTimeZone)`,
    },
  ],
  // The policy has no Update: every argument, nested ones included, is ForceNew.
  forceNew: forceNew(POLICY, [
    'name',
    'data_protection_backup_vault_id',
    'backup_schedule',
    'default_retention_duration',
    'retention_rule',
    ...[
      'name',
      'duration',
      'absolute_criteria',
      'days_of_week',
      'months_of_year',
      'scheduled_backup_times',
      'weeks_of_month',
    ].map((name) => `retention_rule.${name}`),
    'time_zone',
  ]),
};

const CONTAINER_NAME = all(
  stringLenBetween(3, 63),
  stringMatch(
    /^[0-9a-z][0-9a-z-]*$/,
    'only lowercase alphanumeric characters and hyphens are allowed, and the value must not start with a hyphen',
  ),
);

const BACKUP_INSTANCE: TypeRules = {
  type: 'azurerm_data_protection_backup_instance_data_lake_storage',
  kind: 'resource',
  arguments: [
    { path: 'name', check: stringIsNotEmpty, source: `${INSTANCE}: name ValidateFunc` },
    {
      path: 'data_protection_backup_vault_id',
      check: commonschemaResourceIdReference(BACKUP_VAULT_ID),
      source: `${INSTANCE}: data_protection_backup_vault_id commonschema.ResourceIDReferenceRequiredForceNew(BackupVaultId)`,
    },
    location(INSTANCE),
    {
      path: 'backup_policy_data_lake_storage_id',
      check: commonschemaResourceIdReference(BACKUP_POLICY_ID),
      source: `${INSTANCE}: backup_policy_data_lake_storage_id commonschema.ResourceIDReferenceRequired(BackupPolicyId)`,
    },
    {
      path: 'storage_account_id',
      check: commonschemaResourceIdReference(STORAGE_ACCOUNT_ID),
      source: `${INSTANCE}: storage_account_id commonschema.ResourceIDReferenceRequiredForceNew(StorageAccountId)`,
    },
    {
      path: 'storage_container_names',
      check: listItemsBetween(1, 100),
      source: `${INSTANCE}: storage_container_names MinItems/MaxItems (MaxItems 100)`,
      versions: '< 4.79.0',
    },
    {
      path: 'storage_container_names',
      check: listItemsBetween(1, 1000),
      source: `${INSTANCE}: storage_container_names MinItems/MaxItems (MaxItems 1000)`,
      versions: '>= 4.79.0',
    },
    { path: 'storage_container_names.*', check: CONTAINER_NAME, source: `${INSTANCE}: storage_container_names ValidateFunc` },
  ],
  forceNew: [
    ...forceNew(INSTANCE, ['name', 'data_protection_backup_vault_id', 'storage_account_id']),
    { path: 'location', source: `${INSTANCE}: location commonschema.Location() ForceNew` },
  ],
};

const RESOURCE_GUARD: TypeRules = {
  type: 'azurerm_data_protection_resource_guard',
  kind: 'resource',
  arguments: [
    { path: 'name', check: resourceGuardName, source: `${GUARD}: name ValidateFunc (validate.ResourceGuardName)` },
    resourceGroupName(GUARD),
    location(GUARD),
    {
      path: 'vault_critical_operation_exclusion_list.*',
      check: stringIsNotEmpty,
      source: `${GUARD}: vault_critical_operation_exclusion_list ValidateFunc`,
    },
    tags(GUARD),
  ],
  forceNew: [
    ...forceNew(GUARD, ['name']),
    { path: 'resource_group_name', source: `${GUARD}: resource_group_name commonschema.ResourceGroupName() ForceNew` },
    { path: 'location', source: `${GUARD}: location commonschema.Location() ForceNew` },
  ],
};

export const DATAPROTECTION_RULES: readonly TypeRules[] = [
  BACKUP_VAULT,
  BACKUP_POLICY,
  BACKUP_INSTANCE,
  RESOURCE_GUARD,
  BACKUP_VAULT_DATA,
];
