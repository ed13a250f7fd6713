import { TerraformStack, Testing } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { StorageAccount, StorageAccountConfig } from '@cdktf/provider-azurerm/lib/storage-account';
import {
  AbsoluteCriteria,
  BackupConfigError,
  BackupSchedule,
  BackupVault,
  BackupVaultAttributes,
  BackupVaultProps,
  DataLakeBackup,
  DataLakeBackupPolicy,
  DataLakeBackupPolicyProps,
  DataLakeBackupProps,
  DataLakeStorageAccount,
  DataLakeStorageAccountAttributes,
  CustomRetentionRuleProps,
  DayOfWeek,
  Duration,
  IBackupVault,
  MonthOfYear,
  Redundancy,
  RetentionRule,
  SoftDelete,
  WeekOfMonth,
} from '../lib';

const { MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY } = DayOfWeek;
const { FIRST, LAST } = WeekOfMonth;
const { ALL_BACKUP, FIRST_OF_DAY } = AbsoluteCriteria;

const SUBSCRIPTION = '/subscriptions/00000000-0000-0000-0000-000000000000';
const ACCOUNT_ID = `${SUBSCRIPTION}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/lakeweu01`;
const VAULT_ID = `${SUBSCRIPTION}/resourceGroups/rg-backup/providers/Microsoft.DataProtection/backupVaults/bv-lake-weu`;
const RECOVERY_SERVICES_VAULT_ID = `${SUBSCRIPTION}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-lake`;
const PRINCIPAL_ID = '11111111-2222-3333-4444-555555555555';
const BARE_GUID = PRINCIPAL_ID.replace(/-/g, '');

/** A value the types forbid, as plain JavaScript or a cast would pass it. */
const unchecked = <T>(value: unknown): T => value as T;

// ---------------------------------------------------------------------------------------------------------------
// Assertions

/** How a received value appears in a message: strings JSON-quoted, numbers as-is, Durations as `3651 days`. */
function render(received: unknown): string {
  if (received instanceof Duration) return received.toString();
  if (typeof received === 'string' || (typeof received === 'object' && received !== null)) {
    return JSON.stringify(received);
  }
  return String(received);
}

function catchConfigError(build: () => unknown): BackupConfigError {
  let threw = false;
  let error: unknown;
  try {
    build();
  } catch (e) {
    threw = true;
    error = e;
  }
  if (!threw) throw new Error('expected a BackupConfigError, but nothing was thrown');
  expect(error).toBeInstanceOf(BackupConfigError);
  return error as BackupConfigError;
}

/** Fails unless `build` throws a BackupConfigError with one problem that names `field` and shows `received`. */
function expectConfigError(build: () => unknown, field: string, received: unknown): BackupConfigError {
  const error = catchConfigError(build);
  const fieldText = `\`${field}\``;
  const receivedText = render(received);
  expect(error.message).toContain(fieldText);
  expect(error.message).toContain(receivedText);
  if (!error.problems.some((p) => p.includes(fieldText) && p.includes(receivedText))) {
    throw new Error(`no single problem names ${fieldText} and shows ${receivedText}:\n${error.problems.join('\n')}`);
  }
  return error;
}

type Case = [name: string, build: () => unknown, field: string, received: unknown];

function catalog(cases: Case[]): void {
  test.each(cases)('%s', (_name, build, field, received) => {
    expectConfigError(build, field, received);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Valid fixtures: each case below changes one thing

function newStack(): TerraformStack {
  return new TerraformStack(Testing.app(), 'test');
}

function vaultProps(overrides: Partial<BackupVaultProps> = {}): BackupVaultProps {
  return { name: 'bv-lake-weu', resourceGroupName: 'rg-backup', location: 'West Europe', ...overrides };
}

function newVault(overrides: Partial<BackupVaultProps> = {}): BackupVault {
  return new BackupVault(newStack(), 'Vault', vaultProps(overrides));
}

function importVault(overrides: Partial<BackupVaultAttributes> = {}): IBackupVault {
  return BackupVault.fromVaultAttributes(newStack(), 'Imported', {
    vaultId: VAULT_ID,
    location: 'West Europe',
    principalId: PRINCIPAL_ID,
    ...overrides,
  });
}

function policyProps(vault: IBackupVault, overrides: Partial<DataLakeBackupPolicyProps> = {}): DataLakeBackupPolicyProps {
  return {
    vault,
    name: 'adls-daily',
    schedule: BackupSchedule.daily({ hour: 2 }),
    defaultRetention: Duration.days(30),
    ...overrides,
  };
}

function newPolicy(overrides: Partial<DataLakeBackupPolicyProps> = {}): DataLakeBackupPolicy {
  const stack = newStack();
  const vault = new BackupVault(stack, 'Vault', vaultProps());
  return new DataLakeBackupPolicy(stack, 'Policy', policyProps(vault, overrides));
}

function accountFromAttributes(overrides: Partial<DataLakeStorageAccountAttributes> = {}): DataLakeStorageAccount {
  return DataLakeStorageAccount.fromAttributes({ storageAccountId: ACCOUNT_ID, location: 'West Europe', ...overrides });
}

function azurermAccount(stack: TerraformStack, overrides: Partial<StorageAccountConfig> = {}): StorageAccount {
  return new StorageAccount(stack, 'Account', {
    name: 'lakeweu01',
    resourceGroupName: 'rg-data',
    location: 'West Europe',
    accountKind: 'StorageV2',
    accountTier: 'Standard',
    accountReplicationType: 'ZRS',
    isHnsEnabled: true,
    ...overrides,
  });
}

function accountFromResource(overrides: Partial<StorageAccountConfig> = {}): DataLakeStorageAccount {
  return DataLakeStorageAccount.fromStorageAccount(azurermAccount(newStack(), overrides));
}

interface Lake {
  readonly stack: TerraformStack;
  readonly vault: BackupVault;
  readonly policy: DataLakeBackupPolicy;
  readonly account: DataLakeStorageAccount;
}

function lake(vaultRegion = 'West Europe', accountRegion = vaultRegion): Lake {
  const stack = newStack();
  const vault = new BackupVault(stack, 'Vault', vaultProps({ location: vaultRegion }));
  const policy = new DataLakeBackupPolicy(stack, 'Policy', policyProps(vault));
  const account = accountFromAttributes({ location: accountRegion });
  return { stack, vault, policy, account };
}

function protect(l: Lake, overrides: Partial<DataLakeBackupProps> = {}, id = 'Lake'): DataLakeBackup {
  return new DataLakeBackup(l.stack, id, {
    vault: l.vault,
    policy: l.policy,
    storageAccount: l.account,
    containers: ['raw'],
    ...overrides,
  });
}

function customRule(props: Partial<CustomRetentionRuleProps>): RetentionRule {
  return RetentionRule.custom({ name: 'Keep', duration: Duration.days(7), ...props });
}

const containers = (n: number) => Array.from({ length: n }, (_, i) => `container${i}`);
const weeklyInterval = (date: string) => `R/${date}T02:30:00+00:00/P1W`;

// ---------------------------------------------------------------------------------------------------------------

describe('the valid fixtures every case starts from', () => {
  test.each<[name: string, build: () => unknown]>([
    ['BackupVault', () => newVault()],
    ['BackupVault.fromVaultAttributes', () => importVault()],
    ['DataLakeBackupPolicy', () => newPolicy()],
    ['DataLakeStorageAccount.fromAttributes', () => accountFromAttributes()],
    ['DataLakeStorageAccount.fromStorageAccount', () => accountFromResource()],
    ['RetentionRule.custom', () => customRule({ absoluteCriteria: ALL_BACKUP })],
    ['BackupSchedule.expression', () => BackupSchedule.expression(weeklyInterval('2024-01-07'))],
  ])('%s is accepted', (_name, build) => {
    expect(build).not.toThrow();
  });

  test('DataLakeBackups of both kinds of account reference synthesize', () => {
    const l = lake();
    new AzurermProvider(l.stack, 'azurerm', { features: [{}] });
    protect(l);
    const created = DataLakeStorageAccount.fromStorageAccount(azurermAccount(l.stack, { name: 'lakeweu02' }));
    protect(l, { storageAccount: created }, 'Created');
    expect(() => Testing.synth(l.stack, true)).not.toThrow();
  });
});

describe('Duration', () => {
  catalog([
    ['days(-1)', () => Duration.days(-1), 'Duration.days(amount)', -1],
    ['days(0)', () => Duration.days(0), 'Duration.days(amount)', 0],
    ['weeks(1.5)', () => Duration.weeks(1.5), 'Duration.weeks(amount)', 1.5],
    ['months(NaN)', () => Duration.months(NaN), 'Duration.months(amount)', NaN],
    ['years(Infinity)', () => Duration.years(Infinity), 'Duration.years(amount)', Infinity],
    ['hours(-Infinity)', () => Duration.hours(-Infinity), 'Duration.hours(amount)', -Infinity],
    ['minutes(0.5)', () => Duration.minutes(0.5), 'Duration.minutes(amount)', 0.5],
    ['seconds("30")', () => Duration.seconds(unchecked('30')), 'Duration.seconds(amount)', '30'],
  ]);
});

describe('BackupSchedule', () => {
  const badInterval = (name: string, interval: string): Case => [name, () => BackupSchedule.expression(interval), 'intervals[0]', interval];
  const sixIntervals = ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-06'].map(weeklyInterval);
  catalog([
    ['daily: hour 24', () => BackupSchedule.daily({ hour: 24 }), 'hour', 24],
    ['daily: hour -1', () => BackupSchedule.daily({ hour: -1 }), 'hour', -1],
    ['daily: hour 2.5', () => BackupSchedule.daily({ hour: 2.5 }), 'hour', 2.5],
    ['daily: hour NaN', () => BackupSchedule.daily({ hour: NaN }), 'hour', NaN],
    ['daily: hour missing', () => BackupSchedule.daily(unchecked({})), 'hour', undefined],
    ['daily: minute 60', () => BackupSchedule.daily({ hour: 2, minute: 60 }), 'minute', 60],
    ['daily: minute 7.5', () => BackupSchedule.daily({ hour: 2, minute: 7.5 }), 'minute', 7.5],
    ['weekly: hour 25', () => BackupSchedule.weekly({ days: [SUNDAY], hour: 25 }), 'hour', 25],
    ['weekly: no days', () => BackupSchedule.weekly({ days: [], hour: 2 }), 'days', []],
    ['weekly: a day twice', () => BackupSchedule.weekly({ days: [MONDAY, MONDAY], hour: 2 }), 'days[1]', 'Monday'],
    [
      'weekly: 6 days',
      () => BackupSchedule.weekly({ days: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY], hour: 2 }),
      'days',
      ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    ],
    ['weekly: day "Mon"', () => BackupSchedule.weekly({ days: [unchecked('Mon')], hour: 2 }), 'days[0]', 'Mon'],
    ['weekly: day "sunday"', () => BackupSchedule.weekly({ days: [MONDAY, unchecked('sunday')], hour: 2 }), 'days[1]', 'sunday'],
    ['expression: no intervals', () => BackupSchedule.expression(), 'intervals', []],
    badInterval('expression: no time', 'R/2024-01-07/P1W'),
    badInterval('expression: not ISO 8601', 'every sunday'),
    badInterval('expression: 30 February', 'R/2024-02-30T02:30:00+00:00/P1D'),
    badInterval('expression: hour 24', 'R/2024-01-07T24:00:00+00:00/P1D'),
    badInterval('expression: monthly (P1M)', 'R/2024-01-07T02:30:00+00:00/P1M'),
    badInterval('expression: every 12 hours (PT12H)', 'R/2024-01-07T02:30:00+00:00/PT12H'),
    [
      'expression: two daily intervals',
      () => BackupSchedule.expression('R/2024-01-07T02:30:00+00:00/P1D', 'R/2024-01-07T14:30:00+00:00/P1D'),
      'intervals',
      ['R/2024-01-07T02:30:00+00:00/P1D', 'R/2024-01-07T14:30:00+00:00/P1D'],
    ],
    [
      'expression: two weekly intervals on Sunday',
      () => BackupSchedule.expression(weeklyInterval('2024-01-07'), weeklyInterval('2024-01-14')),
      'intervals[1]',
      weeklyInterval('2024-01-14'),
    ],
    ['expression: 6 intervals', () => BackupSchedule.expression(...sixIntervals), 'intervals', sixIntervals],
  ]);
});

describe('RetentionRule', () => {
  catalog([
    [
      'custom: 3651 days',
      () => RetentionRule.custom({ name: 'Daily', duration: Duration.days(3651), absoluteCriteria: ALL_BACKUP }),
      'duration',
      Duration.days(3651),
    ],
    ['weekly: 522 weeks', () => RetentionRule.weekly(Duration.weeks(522)), 'duration', Duration.weeks(522)],
    ['monthly: 121 months', () => RetentionRule.monthly(Duration.months(121)), 'duration', Duration.months(121)],
    ['yearly: 11 years', () => RetentionRule.yearly(Duration.years(11)), 'duration', Duration.years(11)],
    ['weekly: 30 minutes', () => RetentionRule.weekly(Duration.minutes(30)), 'duration', Duration.minutes(30)],
    ['monthly: 48 hours', () => RetentionRule.monthly(Duration.hours(48)), 'duration', Duration.hours(48)],
    ['weekly: name "Default"', () => RetentionRule.weekly(Duration.weeks(4), { name: 'Default' }), 'name', 'Default'],
    ['monthly: name "default"', () => RetentionRule.monthly(Duration.months(6), { name: 'default' }), 'name', 'default'],
    ['yearly: empty name', () => RetentionRule.yearly(Duration.years(1), { name: '' }), 'name', ''],
    ['custom: blank name', () => customRule({ name: '  ', absoluteCriteria: ALL_BACKUP }), 'name', '  '],
    ['custom: no duration', () => customRule({ duration: unchecked(undefined), absoluteCriteria: ALL_BACKUP }), 'duration', undefined],
    ['custom: no criteria', () => customRule({}), 'absoluteCriteria', {}],
    [
      'custom: absoluteCriteria with daysOfWeek',
      () => customRule({ absoluteCriteria: FIRST_OF_DAY, daysOfWeek: [MONDAY] }),
      'daysOfWeek',
      ['Monday'],
    ],
    [
      'custom: absoluteCriteria "FirstOfQuarter"',
      () => customRule({ absoluteCriteria: unchecked('FirstOfQuarter') }),
      'absoluteCriteria',
      'FirstOfQuarter',
    ],
    [
      'monthly: weeksOfMonth without daysOfWeek',
      () => RetentionRule.monthly(Duration.months(6), { weeksOfMonth: [FIRST] }),
      'weeksOfMonth',
      ['First'],
    ],
    ['custom: weeksOfMonth without daysOfWeek', () => customRule({ weeksOfMonth: [LAST] }), 'weeksOfMonth', ['Last']],
    [
      'yearly: monthsOfYear without daysOfWeek',
      () => RetentionRule.yearly(Duration.years(2), { monthsOfYear: [MonthOfYear.JANUARY] }),
      'monthsOfYear',
      ['January'],
    ],
    ['weekly: a day twice', () => RetentionRule.weekly(Duration.weeks(4), { daysOfWeek: [SUNDAY, SUNDAY] }), 'daysOfWeek[1]', 'Sunday'],
    ['custom: no days', () => customRule({ daysOfWeek: [] }), 'daysOfWeek', []],
    [
      'monthly: a week twice',
      () => RetentionRule.monthly(Duration.months(6), { daysOfWeek: [SUNDAY], weeksOfMonth: [FIRST, FIRST] }),
      'weeksOfMonth[1]',
      'First',
    ],
    [
      'yearly: month "Jan"',
      () => RetentionRule.yearly(Duration.years(2), { daysOfWeek: [SUNDAY], weeksOfMonth: [FIRST], monthsOfYear: [unchecked('Jan')] }),
      'monthsOfYear[0]',
      'Jan',
    ],
    [
      'custom: scheduledBackupTimes "02:30"',
      () => customRule({ daysOfWeek: [SUNDAY], scheduledBackupTimes: ['02:30'] }),
      'scheduledBackupTimes[0]',
      '02:30',
    ],
    [
      'custom: scheduledBackupTimes without offset',
      () => customRule({ daysOfWeek: [SUNDAY], scheduledBackupTimes: ['2024-01-07T02:30:00Z', '2024-01-07T02:30:00'] }),
      'scheduledBackupTimes[1]',
      '2024-01-07T02:30:00',
    ],
    [
      'custom: scheduledBackupTimes without daysOfWeek',
      () => customRule({ scheduledBackupTimes: ['2024-01-07T02:30:00Z'] }),
      'scheduledBackupTimes',
      ['2024-01-07T02:30:00Z'],
    ],
  ]);
});

describe('BackupVault', () => {
  catalog([
    ['name with underscore', () => newVault({ name: 'bv_lake' }), 'name', 'bv_lake'],
    ['name of 1 character', () => newVault({ name: 'b' }), 'name', 'b'],
    ['name of 51 characters', () => newVault({ name: 'b'.repeat(51) }), 'name', 'b'.repeat(51)],
    ['resource group with slash', () => newVault({ resourceGroupName: 'rg/backup' }), 'resourceGroupName', 'rg/backup'],
    ['resource group ending in a period', () => newVault({ resourceGroupName: 'rg-backup.' }), 'resourceGroupName', 'rg-backup.'],
    ['empty resource group', () => newVault({ resourceGroupName: '' }), 'resourceGroupName', ''],
    ['resource group of 91 characters', () => newVault({ resourceGroupName: 'r'.repeat(91) }), 'resourceGroupName', 'r'.repeat(91)],
    ['location "West-Europe!"', () => newVault({ location: 'West-Europe!' }), 'location', 'West-Europe!'],
    ['empty location', () => newVault({ location: '' }), 'location', ''],
    ['redundancy "Geo"', () => newVault({ redundancy: unchecked('Geo') }), 'redundancy', 'Geo'],
    ['softDelete "Enabled"', () => newVault({ softDelete: unchecked('Enabled') }), 'softDelete', 'Enabled'],
    ['immutability "Immutable"', () => newVault({ immutability: unchecked('Immutable') }), 'immutability', 'Immutable'],
    ['softDeleteRetention 13 days', () => newVault({ softDeleteRetention: Duration.days(13) }), 'softDeleteRetention', Duration.days(13)],
    ['softDeleteRetention 181 days', () => newVault({ softDeleteRetention: Duration.days(181) }), 'softDeleteRetention', Duration.days(181)],
    ['softDeleteRetention 26 weeks', () => newVault({ softDeleteRetention: Duration.weeks(26) }), 'softDeleteRetention', Duration.weeks(26)],
    ['softDeleteRetention 1 month', () => newVault({ softDeleteRetention: Duration.months(1) }), 'softDeleteRetention', Duration.months(1)],
    ['softDeleteRetention 14 (a number)', () => newVault({ softDeleteRetention: unchecked(14) }), 'softDeleteRetention', 14],
    [
      'softDeleteRetention with softDelete Off',
      () => newVault({ softDelete: SoftDelete.OFF, softDeleteRetention: Duration.days(30) }),
      'softDeleteRetention',
      Duration.days(30),
    ],
    [
      'crossRegionRestore with LocallyRedundant',
      () => newVault({ redundancy: Redundancy.LOCALLY_REDUNDANT, crossRegionRestore: true }),
      'crossRegionRestore',
      'true with LocallyRedundant',
    ],
    [
      'crossRegionRestore with ZoneRedundant',
      () => newVault({ redundancy: Redundancy.ZONE_REDUNDANT, crossRegionRestore: true }),
      'crossRegionRestore',
      'true with ZoneRedundant',
    ],
    ['51 tags', () => newVault({ tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`tag${i}`, 'x'])) }), 'tags', '51 tags'],
    ['tag value of 257 characters', () => newVault({ tags: { owner: 'o'.repeat(257) } }), 'tags["owner"]', 'o'.repeat(257)],
    ['tag key of 513 characters', () => newVault({ tags: { ['k'.repeat(513)]: 'x' } }), `tags["${'k'.repeat(513)}"]`, 'k'.repeat(513)],
    ['empty tag key', () => newVault({ tags: { '': 'x' } }), 'tags[""]', ''],
  ]);
});

describe('BackupVault.fromVaultAttributes', () => {
  catalog([
    ['a storage account ID', () => importVault({ vaultId: ACCOUNT_ID }), 'vaultId', ACCOUNT_ID],
    ['a Recovery Services vault ID', () => importVault({ vaultId: RECOVERY_SERVICES_VAULT_ID }), 'vaultId', RECOVERY_SERVICES_VAULT_ID],
    ['a vault name instead of an ID', () => importVault({ vaultId: 'bv-lake-weu' }), 'vaultId', 'bv-lake-weu'],
    ['principalId not a GUID', () => importVault({ principalId: 'vault-identity' }), 'principalId', 'vault-identity'],
    ['principalId GUID without hyphens', () => importVault({ principalId: BARE_GUID }), 'principalId', BARE_GUID],
    ['location "West_Europe"', () => importVault({ location: 'West_Europe' }), 'location', 'West_Europe'],
    ['name with underscore', () => importVault({ name: 'bv_lake' }), 'name', 'bv_lake'],
  ]);
});

describe('DataLakeBackupPolicy', () => {
  catalog([
    ['name of 2 characters', () => newPolicy({ name: 'ab' }), 'name', 'ab'],
    ['name starting with a digit', () => newPolicy({ name: '1-daily' }), 'name', '1-daily'],
    ['name of 151 characters', () => newPolicy({ name: 'p'.repeat(151) }), 'name', 'p'.repeat(151)],
    ['name with underscore', () => newPolicy({ name: 'adls_daily' }), 'name', 'adls_daily'],
    ['schedule as a string', () => newPolicy({ schedule: unchecked('daily') }), 'schedule', 'daily'],
    ['time zone "Europe/Berlin"', () => newPolicy({ timeZone: 'Europe/Berlin' }), 'timeZone', 'Europe/Berlin'],
    ['time zone "CET"', () => newPolicy({ timeZone: 'CET' }), 'timeZone', 'CET'],
    [
      'two rules named "Weekly"',
      () => newPolicy({ retentionRules: [RetentionRule.weekly(Duration.weeks(4)), RetentionRule.weekly(Duration.weeks(8))] }),
      'retentionRules[1].name',
      'Weekly',
    ],
    [
      'rule names differing only in case',
      () =>
        newPolicy({
          retentionRules: [RetentionRule.monthly(Duration.months(6)), customRule({ name: 'monthly', absoluteCriteria: FIRST_OF_DAY })],
        }),
      'retentionRules[1].name',
      'monthly',
    ],
    [
      'rule days not in the weekly schedule',
      () =>
        newPolicy({
          schedule: BackupSchedule.weekly({ days: [SUNDAY], hour: 2 }),
          retentionRules: [RetentionRule.weekly(Duration.weeks(4), { daysOfWeek: [SUNDAY, SATURDAY] })],
        }),
      'retentionRules[0].daysOfWeek',
      ['Saturday'],
    ],
    [
      'monthly rule day not in the weekly expression',
      () =>
        newPolicy({
          schedule: BackupSchedule.expression(weeklyInterval('2024-01-07')),
          retentionRules: [RetentionRule.monthly(Duration.months(6), { daysOfWeek: [MONDAY], weeksOfMonth: [FIRST] })],
        }),
      'retentionRules[0].daysOfWeek',
      ['Monday'],
    ],
    ['rule as a plain object', () => newPolicy({ retentionRules: [unchecked({ name: 'Weekly' })] }), 'retentionRules[0]', { name: 'Weekly' }],
    ['defaultRetention 3651 days', () => newPolicy({ defaultRetention: Duration.days(3651) }), 'defaultRetention', Duration.days(3651)],
    ['defaultRetention 11 years', () => newPolicy({ defaultRetention: Duration.years(11) }), 'defaultRetention', Duration.years(11)],
    ['defaultRetention 90 minutes', () => newPolicy({ defaultRetention: Duration.minutes(90) }), 'defaultRetention', Duration.minutes(90)],
    ['defaultRetention "P30D"', () => newPolicy({ defaultRetention: unchecked('P30D') }), 'defaultRetention', 'P30D'],
  ]);

  test.each([
    ['w. europe standard time', 'W. Europe Standard Time'],
    ['W. Europe  Standard Time', 'W. Europe Standard Time'],
    ['utc', 'UTC'],
  ])('time zone %j is answered with the accepted spelling %j', (given, accepted) => {
    const error = expectConfigError(() => newPolicy({ timeZone: given }), 'timeZone', given);
    expect(error.message).toContain(`spelled exactly as azurerm lists it: ${JSON.stringify(accepted)}`);
  });
});

describe('DataLakeStorageAccount.fromAttributes', () => {
  const containerId = `${ACCOUNT_ID}/blobServices/default/containers/raw`;
  const upperCaseId = ACCOUNT_ID.replace('lakeweu01', 'LakeWeu01');
  catalog([
    ['a Backup vault ID', () => accountFromAttributes({ storageAccountId: VAULT_ID }), 'storageAccountId', VAULT_ID],
    ['a container ID', () => accountFromAttributes({ storageAccountId: containerId }), 'storageAccountId', containerId],
    ['an ID with an upper-case name', () => accountFromAttributes({ storageAccountId: upperCaseId }), 'storageAccountId', upperCaseId],
    ['an account name instead of an ID', () => accountFromAttributes({ storageAccountId: 'lakeweu01' }), 'storageAccountId', 'lakeweu01'],
    ['upper-case name', () => accountFromAttributes({ name: 'LakeWeu01' }), 'name', 'LakeWeu01'],
    ['name not matching the ID', () => accountFromAttributes({ name: 'lakeweu02' }), 'name', 'lakeweu02'],
    ['location "West_Europe"', () => accountFromAttributes({ location: 'West_Europe' }), 'location', 'West_Europe'],
    ['location 42', () => accountFromAttributes({ location: unchecked(42) }), 'location', 42],
  ]);
});

describe('DataLakeStorageAccount.fromStorageAccount', () => {
  catalog([
    ['isHnsEnabled false', () => accountFromResource({ isHnsEnabled: false }), 'isHnsEnabled', false],
    ['isHnsEnabled absent', () => accountFromResource({ isHnsEnabled: undefined }), 'isHnsEnabled', undefined],
    ['nfsv3Enabled true', () => accountFromResource({ nfsv3Enabled: true }), 'nfsv3Enabled', true],
    ['sftpEnabled true', () => accountFromResource({ sftpEnabled: true }), 'sftpEnabled', true],
    ['accountKind "BlobStorage"', () => accountFromResource({ accountKind: 'BlobStorage' }), 'accountKind', 'BlobStorage'],
    ['accountTier "Premium"', () => accountFromResource({ accountTier: 'Premium' }), 'accountTier', 'Premium'],
  ]);
});

describe('DataLakeBackup', () => {
  const otherVaultsPolicy = () => {
    const l = lake();
    const otherVault = new BackupVault(l.stack, 'OtherVault', vaultProps({ name: 'bv-other-weu' }));
    const otherPolicy = new DataLakeBackupPolicy(l.stack, 'OtherPolicy', policyProps(otherVault));
    return protect(l, { policy: otherPolicy });
  };
  const waitFor = (rolePropagationWait: Duration | false) => protect(lake(), { rolePropagationWait });
  const protectTwice = () => {
    const l = lake();
    protect(l, {}, 'Lake');
    return protect(l, { storageAccount: accountFromAttributes() }, 'LakeAgain');
  };
  catalog([
    ['no containers', () => protect(lake(), { containers: [] }), 'containers', '0 containers'],
    ['101 containers', () => protect(lake(), { containers: containers(101) }), 'containers', '101 containers'],
    ['container "Raw_Data"', () => protect(lake(), { containers: ['raw', 'Raw_Data'] }), 'containers[1]', 'Raw_Data'],
    ['container "$root"', () => protect(lake(), { containers: ['$root'] }), 'containers[0]', '$root'],
    ['container "$web"', () => protect(lake(), { containers: ['$web'] }), 'containers[0]', '$web'],
    ['container "ab"', () => protect(lake(), { containers: ['ab'] }), 'containers[0]', 'ab'],
    ['container "a--b"', () => protect(lake(), { containers: ['a--b'] }), 'containers[0]', 'a--b'],
    ['container "abc-"', () => protect(lake(), { containers: ['abc-'] }), 'containers[0]', 'abc-'],
    ['container "-abc"', () => protect(lake(), { containers: ['-abc'] }), 'containers[0]', '-abc'],
    ['container of 64 characters', () => protect(lake(), { containers: ['c'.repeat(64)] }), 'containers[0]', 'c'.repeat(64)],
    ['container listed twice', () => protect(lake(), { containers: ['raw', 'curated', 'raw'] }), 'containers[2]', 'raw'],
    ['unlisted region "Brazil South"', () => protect(lake('Brazil South')), 'storageAccount.location', 'Brazil South'],
    ['policy of another vault', otherVaultsPolicy, 'policy', 'test/OtherPolicy'],
    ['rolePropagationWait of 2 hours', () => waitFor(Duration.hours(2)), 'rolePropagationWait', Duration.hours(2)],
    ['rolePropagationWait of 61 minutes', () => waitFor(Duration.minutes(61)), 'rolePropagationWait', Duration.minutes(61)],
    ['rolePropagationWait of 1 month', () => waitFor(Duration.months(1)), 'rolePropagationWait', Duration.months(1)],
    ['rolePropagationWait true', () => waitFor(unchecked(true)), 'rolePropagationWait', true],
    [
      'rolePropagationWait with grantAccess false',
      () => protect(lake(), { grantAccess: false, rolePropagationWait: Duration.minutes(5) }),
      'rolePropagationWait',
      Duration.minutes(5),
    ],
    ['grantAccess "yes"', () => protect(lake(), { grantAccess: unchecked('yes') }), 'grantAccess', 'yes'],
    ['name with a slash', () => protect(lake(), { name: 'lake/raw' }), 'name', 'lake/raw'],
    ['the same account protected twice', protectTwice, 'storageAccount', 'lakeweu01'],
  ]);

  test('vault in West Europe, account in East US: names both regions', () => {
    const error = expectConfigError(() => protect(lake('West Europe', 'East US')), 'storageAccount.location', 'West Europe');
    expect(error.message).toContain('"East US"');
  });
});

describe('one construct with several problems reports them all at once', () => {
  test.each<[name: string, build: () => unknown, fields: string[]]>([
    ['BackupSchedule.weekly', () => BackupSchedule.weekly({ days: [], hour: 24, minute: 60 }), ['hour', 'minute', 'days']],
    [
      'RetentionRule.custom',
      () => RetentionRule.custom({ name: 'Default', duration: Duration.years(11), absoluteCriteria: FIRST_OF_DAY, daysOfWeek: [MONDAY] }),
      ['name', 'duration', 'daysOfWeek'],
    ],
    [
      'BackupVault',
      () =>
        newVault({
          name: 'bv_lake',
          resourceGroupName: 'rg/backup',
          location: '',
          redundancy: Redundancy.LOCALLY_REDUNDANT,
          crossRegionRestore: true,
          softDeleteRetention: Duration.days(13),
        }),
      ['name', 'resourceGroupName', 'location', 'crossRegionRestore', 'softDeleteRetention'],
    ],
    [
      'BackupVault.fromVaultAttributes',
      () => importVault({ vaultId: ACCOUNT_ID, principalId: 'vault-identity', location: '' }),
      ['vaultId', 'principalId', 'location'],
    ],
    [
      'DataLakeBackupPolicy',
      () => newPolicy({ name: '1-daily', timeZone: 'Mars Standard Time', defaultRetention: Duration.days(3651) }),
      ['name', 'timeZone', 'defaultRetention'],
    ],
    [
      'DataLakeStorageAccount.fromAttributes',
      () => accountFromAttributes({ storageAccountId: VAULT_ID, name: 'LakeWeu01', location: '' }),
      ['storageAccountId', 'name', 'location'],
    ],
    [
      'DataLakeStorageAccount.fromStorageAccount',
      () =>
        accountFromResource({ isHnsEnabled: false, nfsv3Enabled: true, sftpEnabled: true, accountKind: 'BlobStorage', accountTier: 'Premium' }),
      ['isHnsEnabled', 'nfsv3Enabled', 'sftpEnabled', 'accountKind', 'accountTier'],
    ],
    [
      'DataLakeBackup',
      () => protect(lake(), { containers: ['Raw_Data', '$root', 'raw', 'raw'], rolePropagationWait: Duration.hours(2), name: 'lake/raw' }),
      ['containers[0]', 'containers[1]', 'containers[3]', 'rolePropagationWait', 'name'],
    ],
    [
      'DataLakeBackup across regions',
      () => protect(lake('West Europe', 'East US'), { containers: [] }),
      ['storageAccount.location', 'containers'],
    ],
  ])('%s', (_name, build, fields) => {
    const error = catchConfigError(build);
    expect(error.problems.length).toBeGreaterThanOrEqual(Math.max(2, fields.length));
    for (const field of fields) {
      expect(error.problems).toContainEqual(expect.stringContaining(`\`${field}\``));
    }
    expect(error.message).toContain(`${error.problems.length} problems:`);
  });
});

describe('edge values found by review: impossible offsets and dates, mismatched names, null', () => {
  const OFFSET_99 = 'R/2024-01-07T02:30:00+99:99/P1W';
  test.each<Case>([
    ['expression with UTC offset +99:99', () => BackupSchedule.expression(OFFSET_99), 'intervals[0]', OFFSET_99],
    [
      'scheduledBackupTimes on the 45th day of month 13',
      () => customRule({ daysOfWeek: [SUNDAY], scheduledBackupTimes: ['2024-13-45T25:61:00Z'] }),
      'scheduledBackupTimes[0]',
      '2024-13-45T25:61:00Z',
    ],
    ['fromVaultAttributes: name not matching the vault ID', () => importVault({ name: 'bv-other' }), 'name', 'bv-other'],
    ['softDeleteRetention in hours, even a whole number of days', () => newVault({ softDeleteRetention: Duration.hours(336) }), 'softDeleteRetention', '336 hours'],
    [
      'softDeleteRetention null with softDelete Off',
      () => newVault({ softDelete: SoftDelete.OFF, softDeleteRetention: unchecked(null) }),
      'softDeleteRetention',
      null,
    ],
  ])('%s', (_name, build, field, received) => {
    expectConfigError(build, field, received);
  });
});
