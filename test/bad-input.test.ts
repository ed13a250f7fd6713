import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { DataAzurermStorageAccount } from '@cdktf/provider-azurerm/lib/data-azurerm-storage-account';
import { StorageAccount, StorageAccountConfig } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import {
  AbsoluteCriteria,
  BackupConfigError,
  BackupMonitoring,
  BackupMonitoringProps,
  BackupResourceGuard,
  BackupResourceGuardProps,
  BackupSchedule,
  BackupVault,
  BackupVaultAttributes,
  BackupVaultProps,
  ComplianceLevel,
  CriticalOperation,
  DataLakeBackupCompliance,
  DataLakeBackup,
  DataLakeBackupPolicy,
  DataLakeBackupPolicyProps,
  DataLakeBackupProps,
  DataLakeRestoreTarget,
  DataLakeRestoreTargetProps,
  DataLakeStorageAccount,
  DataLakeStorageAccountAttributes,
  CustomRetentionRuleProps,
  DayOfWeek,
  Duration,
  failedJobsQuery,
  IBackupVault,
  Immutability,
  IrreversibleSetting,
  missedBackupsQuery,
  MonthOfYear,
  normalizeRegion,
  Redundancy,
  RetentionRule,
  SoftDelete,
  WeekOfMonth,
} from '../lib';
import type { ProblemCode } from '../lib/error-catalog';

const { MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY } = DayOfWeek;
const { FIRST, LAST } = WeekOfMonth;
const { ALL_BACKUP, FIRST_OF_DAY } = AbsoluteCriteria;
const { JANUARY } = MonthOfYear;
const { SOFT_DELETE_ALWAYS_ON, IMMUTABILITY_LOCKED, CROSS_REGION_RESTORE } = IrreversibleSetting;

const SUBSCRIPTION = '/subscriptions/00000000-0000-0000-0000-000000000000';
const accountIdOf = (name: string) =>
  `${SUBSCRIPTION}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/${name}`;
const vaultIdOf = (name: string) =>
  `${SUBSCRIPTION}/resourceGroups/rg-backup/providers/Microsoft.DataProtection/backupVaults/${name}`;
const ACCOUNT_ID = accountIdOf('lakeweu01');
const VAULT_ID = vaultIdOf('bv-lake-weu');
const RECOVERY_SERVICES_VAULT_ID = `${SUBSCRIPTION}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-lake`;
const PRINCIPAL_ID = '11111111-2222-3333-4444-555555555555';
const BARE_GUID = PRINCIPAL_ID.replace(/-/g, '');

/** A value the types forbid, as plain JavaScript or a cast would pass it. */
const unchecked = <T>(value: unknown): T => value as T;

// ---------------------------------------------------------------------------------------------------------------
// Assertions

// Between the beginning of a cut value and its length in what render() gives.
const CUT = ' ... ';

/**
 * How a received value appears in a message: strings JSON-quoted, numbers as-is, Durations as `3651 days`,
 * constructs as their path. A value longer than about 200 characters is cut: what must appear is its beginning
 * and, after it, its length (`"ooo…" (257 characters)`).
 */
function render(received: unknown): string {
  if (received instanceof Duration) return received.toString();
  if (Construct.isConstruct(received)) return String(received);
  if (typeof received === 'string' || (typeof received === 'object' && received !== null)) {
    const json = JSON.stringify(received);
    if (json.length <= 200) return json;
    const length = typeof received === 'string' ? [...received].length : json.length;
    return `${json.slice(0, 150)}${CUT}(${length.toLocaleString('en-US')} characters`;
  }
  return String(received);
}

/** Whether `message` shows `receivedText` as render() gives it (a cut value: its beginning, then its length). */
function shows(message: string, receivedText: string): boolean {
  const cut = receivedText.split(CUT);
  if (cut.length === 1) return message.includes(receivedText);
  const start = message.indexOf(cut[0]);
  return start >= 0 && message.indexOf(cut[1], start) > start;
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

/** Whether `problem` names `fieldText` and states `rule` after it. */
function statesAfter(problem: string, fieldText: string, rule: string): boolean {
  const at = problem.indexOf(fieldText);
  return at >= 0 && problem.indexOf(rule, at + fieldText.length) >= 0;
}

/**
 * Fails unless `build` throws a BackupConfigError with one problem whose `path` is `field`, whose `rule` holds `rule`
 * (the words of the rule broken), whose message names the field, states the rule after it and shows `received`,
 * and whose `code` is `code`.
 */
function expectConfigError(
  build: () => unknown,
  field: string,
  received: unknown,
  rule: string,
  code: ProblemCode,
): BackupConfigError {
  // An empty rule would be found in any message: each case must say which rule it expects.
  expect(rule.trim()).not.toBe('');
  const error = catchConfigError(build);
  const fieldText = `\`${field}\``;
  const receivedText = render(received);
  expect(error.message).toContain(fieldText);
  expect(error.message).toContain(rule);
  expect([shows(error.message, receivedText), receivedText]).toEqual([true, receivedText]);
  const matching = error.problems.filter(
    (p) => p.path === field && p.rule.includes(rule) && statesAfter(p.message, fieldText, rule) && shows(p.message, receivedText),
  );
  if (matching.length === 0) {
    throw new Error(
      `no single problem has the path ${fieldText}, states "${rule}" and shows ${receivedText}:\n` +
        error.problems.map((p) => `${p.code} ${p.path}: ${p.message}`).join('\n'),
    );
  }
  // The rule broken is told by its code, which programs match on: the one the case expects.
  expect({ field, rule, code: matching.find((p) => p.code === code)?.code ?? matching[0].code }).toEqual({ field, rule, code });
  return error;
}

/** A refused input: the field named, the words of the rule it breaks, the value shown, and the rule's code. */
type Case = [name: string, build: () => unknown, field: string, received: unknown, rule: string, code: ProblemCode];

function catalog(cases: Case[]): void {
  // Each row as [name, case]: jest passes `done` to a callback with more parameters than the row has values.
  test.each(cases.map((c): [string, Case] => [c[0], c]))('%s', (_name, [, build, field, received, rule, code]) => {
    expectConfigError(build, field, received, rule, code);
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
  readonly vault: IBackupVault;
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

/** Another stack of the same app. */
function otherStack(stack: TerraformStack): TerraformStack {
  return new TerraformStack(stack.node.root as Construct, 'other');
}

/** An account whose ID is a Terraform variable and whose name is not given: no name is known at synth time. */
function unnamedAccount(stack: TerraformStack): DataLakeStorageAccount {
  const id = new TerraformVariable(stack, 'account_id', { type: 'string' });
  return DataLakeStorageAccount.fromAttributes({ storageAccountId: id.stringValue, location: 'West Europe' });
}

function dataSource(stack: TerraformStack): DataAzurermStorageAccount {
  return new DataAzurermStorageAccount(stack, 'Data', { name: 'lakeweu01', resourceGroupName: 'rg-data' });
}

function guardProps(overrides: Partial<BackupResourceGuardProps> = {}): BackupResourceGuardProps {
  return { name: 'guard-weu', resourceGroupName: 'rg-security', location: 'West Europe', ...overrides };
}

function newGuard(overrides: Partial<BackupResourceGuardProps> = {}): BackupResourceGuard {
  return new BackupResourceGuard(newStack(), 'Guard', guardProps(overrides));
}

interface ProtectedLake extends Lake {
  /** The DataLakeBackup 'test/Lake' of account lakeweu01, containers raw and curated. */
  readonly backup: DataLakeBackup;
}

function protectedLake(): ProtectedLake {
  const l = lake();
  return { ...l, backup: protect(l, { containers: ['raw', 'curated'] }) };
}

/** Account lakerestore: not backed up, in the vault's region unless told otherwise. */
function restoreAccount(location = 'West Europe'): DataLakeStorageAccount {
  return accountFromAttributes({ storageAccountId: accountIdOf('lakerestore'), location });
}

type RestoreOverrides = Partial<DataLakeRestoreTargetProps> | ((l: ProtectedLake) => Partial<DataLakeRestoreTargetProps>);

/** A DataLakeRestoreTarget 'test/RestoreTarget' of a protected lake's vault, on account lakerestore. */
function restoreTarget(overrides: RestoreOverrides = {}): DataLakeRestoreTarget {
  const l = protectedLake();
  const changes = typeof overrides === 'function' ? overrides(l) : overrides;
  return new DataLakeRestoreTarget(l.stack, 'RestoreTarget', { vault: l.vault, storageAccount: restoreAccount(), ...changes });
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
    ['BackupSchedule.daily with utcOffset', () => BackupSchedule.daily({ hour: 2, utcOffset: '+01:00' })],
    [
      'BackupVault with every irreversible setting, acknowledged',
      () =>
        newVault({
          softDelete: SoftDelete.ALWAYS_ON,
          immutability: Immutability.LOCKED,
          crossRegionRestore: true,
          acknowledgeIrreversible: [SOFT_DELETE_ALWAYS_ON, IMMUTABILITY_LOCKED, CROSS_REGION_RESTORE],
          preventDestroy: false,
          deletionLock: true,
        }),
    ],
    ['DataLakeStorageAccount.fromDataSource', () => DataLakeStorageAccount.fromDataSource(dataSource(newStack()))],
    ['BackupResourceGuard', () => newGuard({ unguardedOperations: [CriticalOperation.RESTORE], tags: { owner: 'security' } })],
    ['DataLakeRestoreTarget', () => restoreTarget()],
    [
      'DataLakeRestoreTarget with sources and existingContainers',
      () => restoreTarget((l) => ({ sources: [l.backup], existingContainers: ['gold'] })),
    ],
    ['vault.grantRestoreAccess', () => lake().vault.grantRestoreAccess(restoreAccount())],
    ['vault.grantBackupAccess', () => lake().vault.grantBackupAccess(accountFromAttributes())],
    [
      'DataLakeBackup with its booleans set',
      () =>
        protect(lake('Brazil South'), {
          preventDestroy: false,
          allowUnlistedRegion: true,
          grantAccess: false,
          rolePropagationWait: false,
        }),
    ],
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
  const WHOLE = 'must be a whole number of at least 1';
  const named: Case[] = [
    ['days(-1)', () => Duration.days(-1), 'Duration.days(amount)', -1, WHOLE, 'ADLSBK-DURATION'],
    ['days(0)', () => Duration.days(0), 'Duration.days(amount)', 0, WHOLE, 'ADLSBK-DURATION'],
    ['weeks(1.5)', () => Duration.weeks(1.5), 'Duration.weeks(amount)', 1.5, WHOLE, 'ADLSBK-DURATION'],
    ['months(NaN)', () => Duration.months(NaN), 'Duration.months(amount)', NaN, WHOLE, 'ADLSBK-DURATION'],
    ['years(Infinity)', () => Duration.years(Infinity), 'Duration.years(amount)', Infinity, WHOLE, 'ADLSBK-DURATION'],
    ['hours(-Infinity)', () => Duration.hours(-Infinity), 'Duration.hours(amount)', -Infinity, WHOLE, 'ADLSBK-DURATION'],
    ['minutes(0.5)', () => Duration.minutes(0.5), 'Duration.minutes(amount)', 0.5, WHOLE, 'ADLSBK-DURATION'],
    ['seconds("30")', () => Duration.seconds(unchecked('30')), 'Duration.seconds(amount)', '30', WHOLE, 'ADLSBK-TYPE'],
  ];
  catalog(named);

  // Every factory with every kind of bad amount, except the combinations named above.
  const factories = ['seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'years'] as const;
  const badAmounts: unknown[] = [-1, 0, 0.5, NaN, Infinity, -Infinity, '1', undefined, null];
  const seen = new Set(named.map(([name]) => name));
  catalog(
    factories
      .flatMap((unit) =>
        badAmounts.map((amount): Case => [
          `${unit}(${render(amount)})`,
          () => Duration[unit](unchecked(amount)),
          `Duration.${unit}(amount)`,
          amount,
          WHOLE,
          // A number that is not whole breaks the duration's rule; anything else is not a number at all.
          amount === undefined ? 'ADLSBK-REQUIRED' : typeof amount === 'number' ? 'ADLSBK-DURATION' : 'ADLSBK-TYPE',
        ]),
      )
      .filter(([name]) => !seen.has(name)),
  );
});

describe('BackupSchedule', () => {
  // Every one a string that is not an interval azurerm or ADLS vaulted backup takes.
  const badInterval = (name: string, interval: string, rule: string): Case => [
    name,
    () => BackupSchedule.expression(interval),
    'intervals[0]',
    interval,
    rule,
    'ADLSBK-SCHEDULE-INTERVAL',
  ];
  const sixIntervals = ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-06'].map(weeklyInterval);
  catalog([
    [
      'daily: hour 24',
      () => BackupSchedule.daily({ hour: 24 }),
      'hour',
      24,
      'must be a whole number from 0 to 23',
      'ADLSBK-SCHEDULE-TIME',
    ],
    [
      'daily: hour -1',
      () => BackupSchedule.daily({ hour: -1 }),
      'hour',
      -1,
      'must be a whole number from 0 to 23',
      'ADLSBK-SCHEDULE-TIME',
    ],
    [
      'daily: hour 2.5',
      () => BackupSchedule.daily({ hour: 2.5 }),
      'hour',
      2.5,
      'must be a whole number from 0 to 23',
      'ADLSBK-SCHEDULE-TIME',
    ],
    [
      'daily: hour NaN',
      () => BackupSchedule.daily({ hour: NaN }),
      'hour',
      NaN,
      'must be a whole number from 0 to 23',
      'ADLSBK-SCHEDULE-TIME',
    ],
    [
      'daily: hour missing',
      () => BackupSchedule.daily(unchecked({})),
      'hour',
      undefined,
      'must be a whole number from 0 to 23',
      'ADLSBK-REQUIRED',
    ],
    [
      'daily: minute 60',
      () => BackupSchedule.daily({ hour: 2, minute: 60 }),
      'minute',
      60,
      'must be a whole number from 0 to 59',
      'ADLSBK-SCHEDULE-TIME',
    ],
    [
      'daily: minute 7.5',
      () => BackupSchedule.daily({ hour: 2, minute: 7.5 }),
      'minute',
      7.5,
      'must be a whole number from 0 to 59',
      'ADLSBK-SCHEDULE-TIME',
    ],
    [
      'daily: hour Infinity',
      () => BackupSchedule.daily({ hour: Infinity }),
      'hour',
      Infinity,
      'must be a whole number from 0 to 23',
      'ADLSBK-SCHEDULE-TIME',
    ],
    [
      'daily: hour "2"',
      () => BackupSchedule.daily({ hour: unchecked('2') }),
      'hour',
      '2',
      'must be a whole number from 0 to 23',
      'ADLSBK-TYPE',
    ],
    [
      'daily: hour null',
      () => BackupSchedule.daily({ hour: unchecked(null) }),
      'hour',
      null,
      'must be a whole number from 0 to 23',
      'ADLSBK-TYPE',
    ],
    [
      'daily: no options',
      () => BackupSchedule.daily(unchecked(undefined)),
      'hour',
      undefined,
      'must be a whole number from 0 to 23',
      'ADLSBK-REQUIRED',
    ],
    [
      'daily: minute -1',
      () => BackupSchedule.daily({ hour: 2, minute: -1 }),
      'minute',
      -1,
      'must be a whole number from 0 to 59',
      'ADLSBK-SCHEDULE-TIME',
    ],
    [
      'daily: minute NaN',
      () => BackupSchedule.daily({ hour: 2, minute: NaN }),
      'minute',
      NaN,
      'must be a whole number from 0 to 59',
      'ADLSBK-SCHEDULE-TIME',
    ],
    [
      'daily: minute Infinity',
      () => BackupSchedule.daily({ hour: 2, minute: Infinity }),
      'minute',
      Infinity,
      'must be a whole number from 0 to 59',
      'ADLSBK-SCHEDULE-TIME',
    ],
    [
      'daily: minute "30"',
      () => BackupSchedule.daily({ hour: 2, minute: unchecked('30') }),
      'minute',
      '30',
      'must be a whole number from 0 to 59',
      'ADLSBK-TYPE',
    ],
    [
      'daily: utcOffset "+15:00"',
      () => BackupSchedule.daily({ hour: 2, utcOffset: '+15:00' }),
      'utcOffset',
      '+15:00',
      'must be a UTC offset from -14:00 to +14:00 written like "+01:00"',
      'ADLSBK-SCHEDULE-TIME',
    ],
    [
      'daily: utcOffset "-15:00"',
      () => BackupSchedule.daily({ hour: 2, utcOffset: '-15:00' }),
      'utcOffset',
      '-15:00',
      'must be a UTC offset from -14:00 to +14:00 written like "+01:00"',
      'ADLSBK-SCHEDULE-TIME',
    ],
    [
      'daily: utcOffset "01:00" (no sign)',
      () => BackupSchedule.daily({ hour: 2, utcOffset: '01:00' }),
      'utcOffset',
      '01:00',
      'must be a UTC offset from -14:00 to +14:00 written like "+01:00"',
      'ADLSBK-SCHEDULE-TIME',
    ],
    [
      'daily: utcOffset "+1:00"',
      () => BackupSchedule.daily({ hour: 2, utcOffset: '+1:00' }),
      'utcOffset',
      '+1:00',
      'must be a UTC offset from -14:00 to +14:00 written like "+01:00"',
      'ADLSBK-SCHEDULE-TIME',
    ],
    [
      'daily: utcOffset "+0100"',
      () => BackupSchedule.daily({ hour: 2, utcOffset: '+0100' }),
      'utcOffset',
      '+0100',
      'must be a UTC offset from -14:00 to +14:00 written like "+01:00"',
      'ADLSBK-SCHEDULE-TIME',
    ],
    [
      'daily: utcOffset "+01:60"',
      () => BackupSchedule.daily({ hour: 2, utcOffset: '+01:60' }),
      'utcOffset',
      '+01:60',
      'must be a UTC offset from -14:00 to +14:00 written like "+01:00"',
      'ADLSBK-SCHEDULE-TIME',
    ],
    [
      'daily: utcOffset "Z"',
      () => BackupSchedule.daily({ hour: 2, utcOffset: 'Z' }),
      'utcOffset',
      'Z',
      'must be a UTC offset from -14:00 to +14:00 written like "+01:00"',
      'ADLSBK-SCHEDULE-TIME',
    ],
    [
      'daily: utcOffset "UTC"',
      () => BackupSchedule.daily({ hour: 2, utcOffset: 'UTC' }),
      'utcOffset',
      'UTC',
      'must be a UTC offset from -14:00 to +14:00 written like "+01:00"',
      'ADLSBK-SCHEDULE-TIME',
    ],
    [
      'daily: empty utcOffset',
      () => BackupSchedule.daily({ hour: 2, utcOffset: '' }),
      'utcOffset',
      '',
      'must be a UTC offset from -14:00 to +14:00 written like "+01:00"',
      'ADLSBK-SCHEDULE-TIME',
    ],
    [
      'daily: utcOffset 1 (a number)',
      () => BackupSchedule.daily({ hour: 2, utcOffset: unchecked(1) }),
      'utcOffset',
      1,
      'must be a UTC offset from -14:00 to +14:00 written like "+01:00"',
      'ADLSBK-TYPE',
    ],
    [
      'weekly: hour 25',
      () => BackupSchedule.weekly({ days: [SUNDAY], hour: 25 }),
      'hour',
      25,
      'must be a whole number from 0 to 23',
      'ADLSBK-SCHEDULE-TIME',
    ],
    [
      'weekly: minute -1',
      () => BackupSchedule.weekly({ days: [SUNDAY], hour: 2, minute: -1 }),
      'minute',
      -1,
      'must be a whole number from 0 to 59',
      'ADLSBK-SCHEDULE-TIME',
    ],
    [
      'weekly: utcOffset "+01"',
      () => BackupSchedule.weekly({ days: [SUNDAY], hour: 2, utcOffset: '+01' }),
      'utcOffset',
      '+01',
      'must be a UTC offset from -14:00 to +14:00 written like "+01:00"',
      'ADLSBK-SCHEDULE-TIME',
    ],
    [
      'weekly: days missing',
      () => BackupSchedule.weekly(unchecked({ hour: 2 })),
      'days',
      undefined,
      'must be a list of 1 to 5 days of the week (DayOfWeek values)',
      'ADLSBK-REQUIRED',
    ],
    [
      'weekly: days "Sunday" (not a list)',
      () => BackupSchedule.weekly({ days: unchecked('Sunday'), hour: 2 }),
      'days',
      'Sunday',
      'must be a list of 1 to 5 days of the week (DayOfWeek values)',
      'ADLSBK-TYPE',
    ],
    [
      'weekly: day null',
      () => BackupSchedule.weekly({ days: [unchecked(null)], hour: 2 }),
      'days[0]',
      null,
      'must be one of Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday',
      'ADLSBK-NOT-ALLOWED',
    ],
    [
      'weekly: day "SUNDAY" (the enum key)',
      () => BackupSchedule.weekly({ days: [unchecked('SUNDAY')], hour: 2 }),
      'days[0]',
      'SUNDAY',
      'must be one of Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday',
      'ADLSBK-NOT-ALLOWED',
    ],
    [
      'weekly: 7 days',
      () => BackupSchedule.weekly({ days: Object.values(DayOfWeek), hour: 2 }),
      'days',
      ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
      'can list at most 5 days (azurerm takes at most 5 intervals); use BackupSchedule.daily for more',
      'ADLSBK-SCHEDULE-LIMIT',
    ],
    [
      'weekly: no days',
      () => BackupSchedule.weekly({ days: [], hour: 2 }),
      'days',
      [],
      'must list at least one day of the week',
      'ADLSBK-EMPTY',
    ],
    [
      'weekly: a day twice',
      () => BackupSchedule.weekly({ days: [MONDAY, MONDAY], hour: 2 }),
      'days[1]',
      'Monday',
      'repeats a day already listed',
      'ADLSBK-REPEATED',
    ],
    [
      'weekly: 6 days',
      () => BackupSchedule.weekly({ days: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY], hour: 2 }),
      'days',
      ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
      'can list at most 5 days (azurerm takes at most 5 intervals); use BackupSchedule.daily for more',
      'ADLSBK-SCHEDULE-LIMIT',
    ],
    [
      'weekly: day "Mon"',
      () => BackupSchedule.weekly({ days: [unchecked('Mon')], hour: 2 }),
      'days[0]',
      'Mon',
      'must be one of Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday',
      'ADLSBK-NOT-ALLOWED',
    ],
    [
      'weekly: day "sunday"',
      () => BackupSchedule.weekly({ days: [MONDAY, unchecked('sunday')], hour: 2 }),
      'days[1]',
      'sunday',
      'must be one of Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday',
      'ADLSBK-NOT-ALLOWED',
    ],
    [
      'expression: no intervals',
      () => BackupSchedule.expression(),
      'intervals',
      [],
      'must hold 1 to 5 repeating intervals',
      'ADLSBK-EMPTY',
    ],
    badInterval(
      'expression: no time',
      'R/2024-01-07/P1W',
      'must start at a real date, time of day and UTC offset, like "2024-01-07T02:30:00+00:00"',
    ),
    badInterval(
      'expression: not ISO 8601',
      'every sunday',
      'must be an ISO 8601 repeating interval like "R/2024-01-07T02:30:00+00:00/P1W"',
    ),
    badInterval(
      'expression: 30 February',
      'R/2024-02-30T02:30:00+00:00/P1D',
      'must start at a real date, time of day and UTC offset, like "2024-01-07T02:30:00+00:00"',
    ),
    badInterval(
      'expression: hour 24',
      'R/2024-01-07T24:00:00+00:00/P1D',
      'must start at a real date, time of day and UTC offset, like "2024-01-07T02:30:00+00:00"',
    ),
    badInterval(
      'expression: monthly (P1M)',
      'R/2024-01-07T02:30:00+00:00/P1M',
      'must repeat every day (P1D) or every week (P1W): ADLS vaulted backup runs at most once a day',
    ),
    badInterval(
      'expression: every 12 hours (PT12H)',
      'R/2024-01-07T02:30:00+00:00/PT12H',
      'must repeat every day (P1D) or every week (P1W): ADLS vaulted backup runs at most once a day',
    ),
    [
      'expression: two daily intervals',
      () => BackupSchedule.expression('R/2024-01-07T02:30:00+00:00/P1D', 'R/2024-01-07T14:30:00+00:00/P1D'),
      'intervals',
      ['R/2024-01-07T02:30:00+00:00/P1D', 'R/2024-01-07T14:30:00+00:00/P1D'],
      'may hold one daily interval and nothing else (at most one backup a day)',
      'ADLSBK-SCHEDULE-LIMIT',
    ],
    [
      'expression: two weekly intervals on Sunday',
      () => BackupSchedule.expression(weeklyInterval('2024-01-07'), weeklyInterval('2024-01-14')),
      'intervals[1]',
      weeklyInterval('2024-01-14'),
      'starts on Sunday (UTC) like an earlier interval (at most one backup a day)',
      'ADLSBK-SCHEDULE-LIMIT',
    ],
    [
      'expression: 6 intervals',
      () => BackupSchedule.expression(...sixIntervals),
      'intervals',
      sixIntervals,
      'must hold 1 to 5 repeating intervals',
      'ADLSBK-SCHEDULE-LIMIT',
    ],
    badInterval('expression: empty string', '', 'must be an ISO 8601 repeating interval like "R/2024-01-07T02:30:00+00:00/P1W"'),
    badInterval(
      'expression: lower-case "r/"',
      'r/2024-01-07T02:30:00+00:00/P1W',
      'must be an ISO 8601 repeating interval like "R/2024-01-07T02:30:00+00:00/P1W"',
    ),
    badInterval(
      'expression: lower-case period "p1w"',
      'R/2024-01-07T02:30:00+00:00/p1w',
      'must be an ISO 8601 repeating interval like "R/2024-01-07T02:30:00+00:00/P1W"',
    ),
    badInterval(
      'expression: bounded repetition "R5/"',
      'R5/2024-01-07T02:30:00+00:00/P1W',
      'must be an ISO 8601 repeating interval like "R/2024-01-07T02:30:00+00:00/P1W"',
    ),
    badInterval(
      'expression: every 2 days (P2D)',
      'R/2024-01-07T02:30:00+00:00/P2D',
      'must repeat every day (P1D) or every week (P1W): ADLS vaulted backup runs at most once a day',
    ),
    badInterval(
      'expression: every 24 hours (PT24H)',
      'R/2024-01-07T02:30:00+00:00/PT24H',
      'must repeat every day (P1D) or every week (P1W): ADLS vaulted backup runs at most once a day',
    ),
    badInterval(
      'expression: UTC offset +15:00',
      'R/2024-01-07T02:30:00+15:00/P1W',
      'must start at a real date, time of day and UTC offset, like "2024-01-07T02:30:00+00:00"',
    ),
    badInterval(
      'expression: minute 60',
      'R/2024-01-07T02:60:00+00:00/P1D',
      'must start at a real date, time of day and UTC offset, like "2024-01-07T02:30:00+00:00"',
    ),
    [
      'expression: interval 42 (a number)',
      () => BackupSchedule.expression(unchecked(42)),
      'intervals[0]',
      42,
      'must be an ISO 8601 repeating interval like "R/2024-01-07T02:30:00+00:00/P1W"',
      'ADLSBK-TYPE',
    ],
    [
      'expression: a daily and a weekly interval',
      () => BackupSchedule.expression('R/2024-01-07T02:30:00+00:00/P1D', weeklyInterval('2024-01-08')),
      'intervals',
      ['R/2024-01-07T02:30:00+00:00/P1D', weeklyInterval('2024-01-08')],
      'may hold one daily interval and nothing else (at most one backup a day)',
      'ADLSBK-SCHEDULE-LIMIT',
    ],
    [
      'expression: Sunday 23:30 at -01:00 and Monday 02:30 UTC (both Monday in UTC)',
      () => BackupSchedule.expression('R/2024-01-07T23:30:00-01:00/P1W', 'R/2024-01-08T02:30:00+00:00/P1W'),
      'intervals[1]',
      'R/2024-01-08T02:30:00+00:00/P1W',
      'starts on Monday (UTC) like an earlier interval (at most one backup a day)',
      'ADLSBK-SCHEDULE-LIMIT',
    ],
  ]);
});

describe('RetentionRule', () => {
  catalog([
    [
      'custom: 3651 days',
      () => RetentionRule.custom({ name: 'Daily', duration: Duration.days(3651), absoluteCriteria: ALL_BACKUP }),
      'duration',
      Duration.days(3651),
      "can be at most 3650 days (Azure Backup's limit, 10 years)",
      'ADLSBK-RETENTION-DURATION',
    ],
    [
      'weekly: 522 weeks',
      () => RetentionRule.weekly(Duration.weeks(522)),
      'duration',
      Duration.weeks(522),
      "can be at most 521 weeks (Azure Backup's limit, 10 years)",
      'ADLSBK-RETENTION-DURATION',
    ],
    [
      'monthly: 121 months',
      () => RetentionRule.monthly(Duration.months(121)),
      'duration',
      Duration.months(121),
      "can be at most 120 months (Azure Backup's limit, 10 years)",
      'ADLSBK-RETENTION-DURATION',
    ],
    [
      'yearly: 11 years',
      () => RetentionRule.yearly(Duration.years(11)),
      'duration',
      Duration.years(11),
      "can be at most 10 years (Azure Backup's limit, 10 years)",
      'ADLSBK-RETENTION-DURATION',
    ],
    [
      'weekly: 30 minutes',
      () => RetentionRule.weekly(Duration.minutes(30)),
      'duration',
      Duration.minutes(30),
      'must be given in days, weeks, months or years',
      'ADLSBK-RETENTION-DURATION',
    ],
    [
      'monthly: 48 hours',
      () => RetentionRule.monthly(Duration.hours(48)),
      'duration',
      Duration.hours(48),
      'must be given in days, weeks, months or years',
      'ADLSBK-RETENTION-DURATION',
    ],
    [
      'weekly: name "Default"',
      () => RetentionRule.weekly(Duration.weeks(4), { name: 'Default' }),
      'name',
      'Default',
      'must not be "Default": azurerm names the default retention rule so',
      'ADLSBK-RETENTION-RULE-NAME',
    ],
    [
      'monthly: name "default"',
      () => RetentionRule.monthly(Duration.months(6), { name: 'default' }),
      'name',
      'default',
      'must not be "Default": azurerm names the default retention rule so',
      'ADLSBK-RETENTION-RULE-NAME',
    ],
    [
      'yearly: empty name',
      () => RetentionRule.yearly(Duration.years(1), { name: '' }),
      'name',
      '',
      'must be 1-150 letters, digits or hyphens, starting with a letter',
      'ADLSBK-RETENTION-RULE-NAME',
    ],
    [
      'custom: blank name',
      () => customRule({ name: '  ', absoluteCriteria: ALL_BACKUP }),
      'name',
      '  ',
      'must be 1-150 letters, digits or hyphens, starting with a letter',
      'ADLSBK-RETENTION-RULE-NAME',
    ],
    [
      'custom: no duration',
      () => customRule({ duration: unchecked(undefined), absoluteCriteria: ALL_BACKUP }),
      'duration',
      undefined,
      'must be a Duration, e.g. Duration.days(30)',
      'ADLSBK-REQUIRED',
    ],
    [
      'custom: no criteria',
      () => customRule({}),
      'absoluteCriteria',
      {},
      'must be given, or else `daysOfWeek`: a retention rule needs one of them',
      'ADLSBK-RETENTION-CRITERIA',
    ],
    [
      'custom: absoluteCriteria with daysOfWeek',
      () => customRule({ absoluteCriteria: FIRST_OF_DAY, daysOfWeek: [MONDAY] }),
      'daysOfWeek',
      ['Monday'],
      'cannot be combined with `absoluteCriteria`',
      'ADLSBK-RETENTION-CRITERIA',
    ],
    [
      'custom: absoluteCriteria "FirstOfQuarter"',
      () => customRule({ absoluteCriteria: unchecked('FirstOfQuarter') }),
      'absoluteCriteria',
      'FirstOfQuarter',
      'must be one of AllBackup, FirstOfDay, FirstOfWeek, FirstOfMonth, FirstOfYear',
      'ADLSBK-NOT-ALLOWED',
    ],
    [
      'monthly: weeksOfMonth without daysOfWeek',
      () => RetentionRule.monthly(Duration.months(6), { weeksOfMonth: [FIRST] }),
      'weeksOfMonth',
      ['First'],
      'needs `daysOfWeek` beside it',
      'ADLSBK-RETENTION-CRITERIA',
    ],
    [
      'custom: weeksOfMonth without daysOfWeek',
      () => customRule({ weeksOfMonth: [LAST] }),
      'weeksOfMonth',
      ['Last'],
      'needs `daysOfWeek` beside it',
      'ADLSBK-RETENTION-CRITERIA',
    ],
    [
      'yearly: monthsOfYear without daysOfWeek',
      () => RetentionRule.yearly(Duration.years(2), { monthsOfYear: [MonthOfYear.JANUARY] }),
      'monthsOfYear',
      ['January'],
      'needs `daysOfWeek` beside it',
      'ADLSBK-RETENTION-CRITERIA',
    ],
    [
      'weekly: a day twice',
      () => RetentionRule.weekly(Duration.weeks(4), { daysOfWeek: [SUNDAY, SUNDAY] }),
      'daysOfWeek[1]',
      'Sunday',
      'repeats a value already listed',
      'ADLSBK-REPEATED',
    ],
    ['custom: no days', () => customRule({ daysOfWeek: [] }), 'daysOfWeek', [], 'must list at least one value', 'ADLSBK-EMPTY'],
    [
      'monthly: a week twice',
      () => RetentionRule.monthly(Duration.months(6), { daysOfWeek: [SUNDAY], weeksOfMonth: [FIRST, FIRST] }),
      'weeksOfMonth[1]',
      'First',
      'repeats a value already listed',
      'ADLSBK-REPEATED',
    ],
    [
      'yearly: month "Jan"',
      () =>
        RetentionRule.yearly(Duration.years(2), {
          daysOfWeek: [SUNDAY],
          weeksOfMonth: [FIRST],
          monthsOfYear: [unchecked('Jan')],
        }),
      'monthsOfYear[0]',
      'Jan',
      'must be one of January, February, March, April, May, June, July, August, September, October, November, December',
      'ADLSBK-NOT-ALLOWED',
    ],
    [
      'custom: scheduledBackupTimes "02:30"',
      () => customRule({ daysOfWeek: [SUNDAY], scheduledBackupTimes: ['02:30'] }),
      'scheduledBackupTimes[0]',
      '02:30',
      'must be an RFC 3339 time like "2024-01-07T02:30:00Z"',
      'ADLSBK-BACKUP-TIME',
    ],
    [
      'custom: scheduledBackupTimes without offset',
      () => customRule({ daysOfWeek: [SUNDAY], scheduledBackupTimes: ['2024-01-07T02:30:00Z', '2024-01-07T02:30:00'] }),
      'scheduledBackupTimes[1]',
      '2024-01-07T02:30:00',
      'must be an RFC 3339 time like "2024-01-07T02:30:00Z"',
      'ADLSBK-BACKUP-TIME',
    ],
    [
      'custom: scheduledBackupTimes without daysOfWeek',
      () => customRule({ scheduledBackupTimes: ['2024-01-07T02:30:00Z'] }),
      'scheduledBackupTimes',
      ['2024-01-07T02:30:00Z'],
      'needs `daysOfWeek` beside it',
      'ADLSBK-RETENTION-CRITERIA',
    ],
    // RetentionRule.weekly(duration, options)
    [
      'weekly: no duration',
      () => RetentionRule.weekly(unchecked(undefined)),
      'duration',
      undefined,
      'must be a Duration, e.g. Duration.days(30)',
      'ADLSBK-REQUIRED',
    ],
    [
      'weekly: duration 4 (a number)',
      () => RetentionRule.weekly(unchecked(4)),
      'duration',
      4,
      'must be a Duration, e.g. Duration.days(30)',
      'ADLSBK-TYPE',
    ],
    [
      'weekly: 3651 days',
      () => RetentionRule.weekly(Duration.days(3651)),
      'duration',
      Duration.days(3651),
      "can be at most 3650 days (Azure Backup's limit, 10 years)",
      'ADLSBK-RETENTION-DURATION',
    ],
    [
      'weekly: name 42',
      () => RetentionRule.weekly(Duration.weeks(4), { name: unchecked(42) }),
      'name',
      42,
      'must be 1-150 letters, digits or hyphens, starting with a letter',
      'ADLSBK-TYPE',
    ],
    [
      'weekly: no days',
      () => RetentionRule.weekly(Duration.weeks(4), { daysOfWeek: [] }),
      'daysOfWeek',
      [],
      'must list at least one value',
      'ADLSBK-EMPTY',
    ],
    [
      'weekly: days "Sunday" (not a list)',
      () => RetentionRule.weekly(Duration.weeks(4), { daysOfWeek: unchecked('Sunday') }),
      'daysOfWeek',
      'Sunday',
      'must be a list of at least one of Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday',
      'ADLSBK-TYPE',
    ],
    [
      'weekly: day "sunday"',
      () => RetentionRule.weekly(Duration.weeks(4), { daysOfWeek: [unchecked('sunday')] }),
      'daysOfWeek[0]',
      'sunday',
      'must be one of Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday',
      'ADLSBK-NOT-ALLOWED',
    ],
    // RetentionRule.monthly(duration, options)
    [
      'monthly: duration "P6M"',
      () => RetentionRule.monthly(unchecked('P6M')),
      'duration',
      'P6M',
      'must be a Duration, e.g. Duration.days(30)',
      'ADLSBK-TYPE',
    ],
    [
      'monthly: 30 seconds',
      () => RetentionRule.monthly(Duration.seconds(30)),
      'duration',
      Duration.seconds(30),
      'must be given in days, weeks, months or years',
      'ADLSBK-RETENTION-DURATION',
    ],
    [
      'monthly: 522 weeks',
      () => RetentionRule.monthly(Duration.weeks(522)),
      'duration',
      Duration.weeks(522),
      "can be at most 521 weeks (Azure Backup's limit, 10 years)",
      'ADLSBK-RETENTION-DURATION',
    ],
    [
      'monthly: empty name',
      () => RetentionRule.monthly(Duration.months(6), { name: '' }),
      'name',
      '',
      'must be 1-150 letters, digits or hyphens, starting with a letter',
      'ADLSBK-RETENTION-RULE-NAME',
    ],
    [
      'monthly: week "Fifth"',
      () => RetentionRule.monthly(Duration.months(6), { daysOfWeek: [SUNDAY], weeksOfMonth: [unchecked('Fifth')] }),
      'weeksOfMonth[0]',
      'Fifth',
      'must be one of First, Second, Third, Fourth, Last',
      'ADLSBK-NOT-ALLOWED',
    ],
    [
      'monthly: week "first"',
      () => RetentionRule.monthly(Duration.months(6), { daysOfWeek: [SUNDAY], weeksOfMonth: [unchecked('first')] }),
      'weeksOfMonth[0]',
      'first',
      'must be one of First, Second, Third, Fourth, Last',
      'ADLSBK-NOT-ALLOWED',
    ],
    [
      'monthly: no weeks',
      () => RetentionRule.monthly(Duration.months(6), { daysOfWeek: [SUNDAY], weeksOfMonth: [] }),
      'weeksOfMonth',
      [],
      'must list at least one value',
      'ADLSBK-EMPTY',
    ],
    [
      'monthly: a day twice',
      () => RetentionRule.monthly(Duration.months(6), { daysOfWeek: [MONDAY, SUNDAY, MONDAY], weeksOfMonth: [FIRST] }),
      'daysOfWeek[2]',
      'Monday',
      'repeats a value already listed',
      'ADLSBK-REPEATED',
    ],
    // RetentionRule.yearly(duration, options)
    [
      'yearly: 1 hour',
      () => RetentionRule.yearly(Duration.hours(1)),
      'duration',
      Duration.hours(1),
      'must be given in days, weeks, months or years',
      'ADLSBK-RETENTION-DURATION',
    ],
    [
      'yearly: 121 months',
      () => RetentionRule.yearly(Duration.months(121)),
      'duration',
      Duration.months(121),
      "can be at most 120 months (Azure Backup's limit, 10 years)",
      'ADLSBK-RETENTION-DURATION',
    ],
    [
      'yearly: name "DEFAULT"',
      () => RetentionRule.yearly(Duration.years(1), { name: 'DEFAULT' }),
      'name',
      'DEFAULT',
      'must not be "Default": azurerm names the default retention rule so',
      'ADLSBK-RETENTION-RULE-NAME',
    ],
    [
      'yearly: a month twice',
      () =>
        RetentionRule.yearly(Duration.years(2), {
          daysOfWeek: [SUNDAY],
          weeksOfMonth: [FIRST],
          monthsOfYear: [JANUARY, JANUARY],
        }),
      'monthsOfYear[1]',
      'January',
      'repeats a value already listed',
      'ADLSBK-REPEATED',
    ],
    [
      'yearly: no months',
      () => RetentionRule.yearly(Duration.years(2), { daysOfWeek: [SUNDAY], weeksOfMonth: [FIRST], monthsOfYear: [] }),
      'monthsOfYear',
      [],
      'must list at least one value',
      'ADLSBK-EMPTY',
    ],
    [
      'yearly: month "january"',
      () =>
        RetentionRule.yearly(Duration.years(2), {
          daysOfWeek: [SUNDAY],
          weeksOfMonth: [FIRST],
          monthsOfYear: [unchecked('january')],
        }),
      'monthsOfYear[0]',
      'january',
      'must be one of January, February, March, April, May, June, July, August, September, October, November, December',
      'ADLSBK-NOT-ALLOWED',
    ],
    [
      'yearly: monthsOfYear "January" (not a list)',
      () =>
        RetentionRule.yearly(Duration.years(2), {
          daysOfWeek: [SUNDAY],
          weeksOfMonth: [FIRST],
          monthsOfYear: unchecked('January'),
        }),
      'monthsOfYear',
      'January',
      'must be a list of at least one of January, February, March, April, May, June, July, August, September, October, November, December',
      'ADLSBK-TYPE',
    ],
    // RetentionRule.custom(props)
    [
      'custom: no props',
      () => RetentionRule.custom(unchecked(undefined)),
      'name',
      undefined,
      'must be 1-150 letters, digits or hyphens, starting with a letter',
      'ADLSBK-REQUIRED',
    ],
    [
      'custom: name 42',
      () => customRule({ name: unchecked(42), absoluteCriteria: ALL_BACKUP }),
      'name',
      42,
      'must be 1-150 letters, digits or hyphens, starting with a letter',
      'ADLSBK-TYPE',
    ],
    [
      'custom: name "DEFAULT"',
      () => customRule({ name: 'DEFAULT', absoluteCriteria: ALL_BACKUP }),
      'name',
      'DEFAULT',
      'must not be "Default": azurerm names the default retention rule so',
      'ADLSBK-RETENTION-RULE-NAME',
    ],
    [
      'custom: duration "P7D"',
      () => customRule({ duration: unchecked('P7D'), absoluteCriteria: ALL_BACKUP }),
      'duration',
      'P7D',
      'must be a Duration, e.g. Duration.days(30)',
      'ADLSBK-TYPE',
    ],
    [
      'custom: 121 months',
      () => customRule({ duration: Duration.months(121), absoluteCriteria: ALL_BACKUP }),
      'duration',
      Duration.months(121),
      "can be at most 120 months (Azure Backup's limit, 10 years)",
      'ADLSBK-RETENTION-DURATION',
    ],
    [
      'custom: 30 seconds',
      () => customRule({ duration: Duration.seconds(30), absoluteCriteria: ALL_BACKUP }),
      'duration',
      Duration.seconds(30),
      'must be given in days, weeks, months or years',
      'ADLSBK-RETENTION-DURATION',
    ],
    [
      'custom: absoluteCriteria "allbackup"',
      () => customRule({ absoluteCriteria: unchecked('allbackup') }),
      'absoluteCriteria',
      'allbackup',
      'must be one of AllBackup, FirstOfDay, FirstOfWeek, FirstOfMonth, FirstOfYear',
      'ADLSBK-NOT-ALLOWED',
    ],
    [
      'custom: absoluteCriteria with weeksOfMonth',
      () => customRule({ absoluteCriteria: FIRST_OF_DAY, weeksOfMonth: [FIRST] }),
      'weeksOfMonth',
      ['First'],
      'cannot be combined with `absoluteCriteria`',
      'ADLSBK-RETENTION-CRITERIA',
    ],
    [
      'custom: absoluteCriteria with monthsOfYear',
      () => customRule({ absoluteCriteria: FIRST_OF_DAY, monthsOfYear: [JANUARY] }),
      'monthsOfYear',
      ['January'],
      'cannot be combined with `absoluteCriteria`',
      'ADLSBK-RETENTION-CRITERIA',
    ],
    [
      'custom: absoluteCriteria with scheduledBackupTimes',
      () => customRule({ absoluteCriteria: ALL_BACKUP, scheduledBackupTimes: ['2024-01-07T02:30:00Z'] }),
      'scheduledBackupTimes',
      ['2024-01-07T02:30:00Z'],
      'cannot be combined with `absoluteCriteria`',
      'ADLSBK-RETENTION-CRITERIA',
    ],
    [
      'custom: monthsOfYear without daysOfWeek',
      () => customRule({ monthsOfYear: [JANUARY] }),
      'monthsOfYear',
      ['January'],
      'needs `daysOfWeek` beside it',
      'ADLSBK-RETENTION-CRITERIA',
    ],
    [
      'custom: day "Funday"',
      () => customRule({ daysOfWeek: [unchecked('Funday')] }),
      'daysOfWeek[0]',
      'Funday',
      'must be one of Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday',
      'ADLSBK-NOT-ALLOWED',
    ],
    [
      'custom: empty scheduledBackupTimes entry',
      () => customRule({ daysOfWeek: [SUNDAY], scheduledBackupTimes: [''] }),
      'scheduledBackupTimes[0]',
      '',
      'must be an RFC 3339 time like "2024-01-07T02:30:00Z"',
      'ADLSBK-BACKUP-TIME',
    ],
    [
      'custom: scheduledBackupTimes without seconds',
      () => customRule({ daysOfWeek: [SUNDAY], scheduledBackupTimes: ['2024-01-07T02:30Z'] }),
      'scheduledBackupTimes[0]',
      '2024-01-07T02:30Z',
      'must be an RFC 3339 time like "2024-01-07T02:30:00Z"',
      'ADLSBK-BACKUP-TIME',
    ],
    [
      'custom: scheduledBackupTimes on 30 February',
      () => customRule({ daysOfWeek: [SUNDAY], scheduledBackupTimes: ['2024-02-30T02:30:00Z'] }),
      'scheduledBackupTimes[0]',
      '2024-02-30T02:30:00Z',
      'must be an RFC 3339 time like "2024-01-07T02:30:00Z"',
      'ADLSBK-BACKUP-TIME',
    ],
  ]);
});

describe('BackupVault', () => {
  catalog([
    [
      'name with underscore',
      () => newVault({ name: 'bv_lake' }),
      'name',
      'bv_lake',
      'must be 2-50 letters, digits or hyphens',
      'ADLSBK-VAULT-NAME',
    ],
    [
      'name of 1 character',
      () => newVault({ name: 'b' }),
      'name',
      'b',
      'must be 2-50 letters, digits or hyphens',
      'ADLSBK-VAULT-NAME',
    ],
    [
      'name of 51 characters',
      () => newVault({ name: 'b'.repeat(51) }),
      'name',
      'b'.repeat(51),
      'must be 2-50 letters, digits or hyphens',
      'ADLSBK-VAULT-NAME',
    ],
    [
      'resource group with slash',
      () => newVault({ resourceGroupName: 'rg/backup' }),
      'resourceGroupName',
      'rg/backup',
      'must be 1-90 ASCII letters, digits, underscores, hyphens, periods or parentheses, not ending in a period',
      'ADLSBK-RESOURCE-GROUP-NAME',
    ],
    [
      'resource group ending in a period',
      () => newVault({ resourceGroupName: 'rg-backup.' }),
      'resourceGroupName',
      'rg-backup.',
      'must be 1-90 ASCII letters, digits, underscores, hyphens, periods or parentheses, not ending in a period',
      'ADLSBK-RESOURCE-GROUP-NAME',
    ],
    [
      'empty resource group',
      () => newVault({ resourceGroupName: '' }),
      'resourceGroupName',
      '',
      'must be 1-90 ASCII letters, digits, underscores, hyphens, periods or parentheses, not ending in a period',
      'ADLSBK-RESOURCE-GROUP-NAME',
    ],
    [
      'resource group of 91 characters',
      () => newVault({ resourceGroupName: 'r'.repeat(91) }),
      'resourceGroupName',
      'r'.repeat(91),
      'must be 1-90 ASCII letters, digits, underscores, hyphens, periods or parentheses, not ending in a period',
      'ADLSBK-RESOURCE-GROUP-NAME',
    ],
    [
      'location "West-Europe!"',
      () => newVault({ location: 'West-Europe!' }),
      'location',
      'West-Europe!',
      'must be an Azure region such as "West Europe" or "westeurope"',
      'ADLSBK-REGION',
    ],
    [
      'empty location',
      () => newVault({ location: '' }),
      'location',
      '',
      'must be an Azure region such as "West Europe" or "westeurope"',
      'ADLSBK-REGION',
    ],
    [
      'redundancy "Geo"',
      () => newVault({ redundancy: unchecked('Geo') }),
      'redundancy',
      'Geo',
      'must be one of GeoRedundant, LocallyRedundant, ZoneRedundant',
      'ADLSBK-NOT-ALLOWED',
    ],
    [
      'softDelete "Enabled"',
      () => newVault({ softDelete: unchecked('Enabled') }),
      'softDelete',
      'Enabled',
      'must be one of On, Off, AlwaysOn',
      'ADLSBK-NOT-ALLOWED',
    ],
    [
      'immutability "Immutable"',
      () => newVault({ immutability: unchecked('Immutable') }),
      'immutability',
      'Immutable',
      'must be one of Disabled, Unlocked, Locked',
      'ADLSBK-NOT-ALLOWED',
    ],
    [
      'softDeleteRetention 13 days',
      () => newVault({ softDeleteRetention: Duration.days(13) }),
      'softDeleteRetention',
      Duration.days(13),
      'must be 14 to 180 days, given as Duration.days or Duration.weeks',
      'ADLSBK-SOFT-DELETE-RETENTION',
    ],
    [
      'softDeleteRetention 181 days',
      () => newVault({ softDeleteRetention: Duration.days(181) }),
      'softDeleteRetention',
      Duration.days(181),
      'must be 14 to 180 days, given as Duration.days or Duration.weeks',
      'ADLSBK-SOFT-DELETE-RETENTION',
    ],
    [
      'softDeleteRetention 26 weeks',
      () => newVault({ softDeleteRetention: Duration.weeks(26) }),
      'softDeleteRetention',
      Duration.weeks(26),
      'must be 14 to 180 days, given as Duration.days or Duration.weeks',
      'ADLSBK-SOFT-DELETE-RETENTION',
    ],
    [
      'softDeleteRetention 1 month',
      () => newVault({ softDeleteRetention: Duration.months(1) }),
      'softDeleteRetention',
      Duration.months(1),
      'must be 14 to 180 days, given as Duration.days or Duration.weeks',
      'ADLSBK-SOFT-DELETE-RETENTION',
    ],
    [
      'softDeleteRetention 14 (a number)',
      () => newVault({ softDeleteRetention: unchecked(14) }),
      'softDeleteRetention',
      14,
      'must be 14 to 180 days, given as Duration.days or Duration.weeks',
      'ADLSBK-TYPE',
    ],
    [
      'softDeleteRetention with softDelete Off',
      () => newVault({ softDelete: SoftDelete.OFF, softDeleteRetention: Duration.days(30) }),
      'softDeleteRetention',
      Duration.days(30),
      'has no effect when `softDelete` is Off; remove one of them',
      'ADLSBK-CONFLICT',
    ],
    [
      'crossRegionRestore with LocallyRedundant',
      () => newVault({ redundancy: Redundancy.LOCALLY_REDUNDANT, crossRegionRestore: true }),
      'crossRegionRestore',
      'true with LocallyRedundant',
      'can only be true when `redundancy` is GeoRedundant',
      'ADLSBK-CONFLICT',
    ],
    [
      'crossRegionRestore with ZoneRedundant',
      () => newVault({ redundancy: Redundancy.ZONE_REDUNDANT, crossRegionRestore: true }),
      'crossRegionRestore',
      'true with ZoneRedundant',
      'can only be true when `redundancy` is GeoRedundant',
      'ADLSBK-CONFLICT',
    ],
    [
      '51 tags',
      () => newVault({ tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`tag${i}`, 'x'])) }),
      'tags',
      '51 tags',
      'can hold at most 50 tags',
      'ADLSBK-TAGS',
    ],
    [
      'tag value of 257 characters',
      () => newVault({ tags: { owner: 'o'.repeat(257) } }),
      'tags["owner"]',
      'o'.repeat(257),
      'value must be a string of at most 256 bytes of UTF-8 (an accented letter counts 2; `$${` counts as `${`)',
      'ADLSBK-TAGS',
    ],
    [
      'tag key of 513 characters',
      () => newVault({ tags: { ['k'.repeat(513)]: 'x' } }),
      `tags["${'k'.repeat(513)}"]`,
      'k'.repeat(513),
      'key must be 1-512 bytes of UTF-8 (as Terraform sends it: `$${` counts as `${`)',
      'ADLSBK-TAGS',
    ],
    // go-azure-helpers resourcemanager/tags/validate.go (tags.Validate) limits Go's len: bytes, not characters.
    [
      'tag value of 200 "é" (400 bytes; tags/validate.go counts bytes)',
      () => newVault({ tags: { owner: 'é'.repeat(200) } }),
      'tags["owner"]',
      'é'.repeat(200),
      'value must be a string of at most 256 bytes of UTF-8 (an accented letter counts 2; `$${` counts as `${`)',
      'ADLSBK-TAGS',
    ],
    [
      'tag key of 300 "é" (600 bytes; tags/validate.go counts bytes)',
      () => newVault({ tags: { ['é'.repeat(300)]: 'x' } }),
      `tags["${'é'.repeat(300)}"]`,
      'é'.repeat(300),
      'key must be 1-512 bytes of UTF-8 (as Terraform sends it: `$${` counts as `${`)',
      'ADLSBK-TAGS',
    ],
    [
      'empty tag key',
      () => newVault({ tags: { '': 'x' } }),
      'tags[""]',
      '',
      'key must be 1-512 bytes of UTF-8 (as Terraform sends it: `$${` counts as `${`)',
      'ADLSBK-TAGS',
    ],
    [
      'tag value 42 (a number)',
      () => newVault({ tags: { owner: unchecked(42) } }),
      'tags["owner"]',
      42,
      'value must be a string of at most 256 bytes of UTF-8 (an accented letter counts 2; `$${` counts as `${`)',
      'ADLSBK-TYPE',
    ],
    ['empty name', () => newVault({ name: '' }), 'name', '', 'must be 2-50 letters, digits or hyphens', 'ADLSBK-VAULT-NAME'],
    [
      'name with a space',
      () => newVault({ name: 'bv lake' }),
      'name',
      'bv lake',
      'must be 2-50 letters, digits or hyphens',
      'ADLSBK-VAULT-NAME',
    ],
    ['name 42', () => newVault({ name: unchecked(42) }), 'name', 42, 'must be 2-50 letters, digits or hyphens', 'ADLSBK-TYPE'],
    [
      'resource group with a space',
      () => newVault({ resourceGroupName: 'rg backup' }),
      'resourceGroupName',
      'rg backup',
      'must be 1-90 ASCII letters, digits, underscores, hyphens, periods or parentheses, not ending in a period',
      'ADLSBK-RESOURCE-GROUP-NAME',
    ],
    [
      'resource group missing',
      () => newVault({ resourceGroupName: unchecked(undefined) }),
      'resourceGroupName',
      undefined,
      'must be 1-90 ASCII letters, digits, underscores, hyphens, periods or parentheses, not ending in a period',
      'ADLSBK-REQUIRED',
    ],
    [
      'location "West_Europe"',
      () => newVault({ location: 'West_Europe' }),
      'location',
      'West_Europe',
      'must be an Azure region such as "West Europe" or "westeurope"',
      'ADLSBK-REGION',
    ],
    [
      'location starting with a digit',
      () => newVault({ location: '1westeurope' }),
      'location',
      '1westeurope',
      'must be an Azure region such as "West Europe" or "westeurope"',
      'ADLSBK-REGION',
    ],
    [
      'location of 51 characters',
      () => newVault({ location: 'w'.repeat(51) }),
      'location',
      'w'.repeat(51),
      'must be an Azure region such as "West Europe" or "westeurope"',
      'ADLSBK-REGION',
    ],
    [
      'location missing',
      () => newVault({ location: unchecked(undefined) }),
      'location',
      undefined,
      'must be an Azure region such as "West Europe" or "westeurope"',
      'ADLSBK-REQUIRED',
    ],
    [
      'location 42',
      () => newVault({ location: unchecked(42) }),
      'location',
      42,
      'must be an Azure region such as "West Europe" or "westeurope"',
      'ADLSBK-TYPE',
    ],
    [
      'redundancy "georedundant"',
      () => newVault({ redundancy: unchecked('georedundant') }),
      'redundancy',
      'georedundant',
      'must be one of GeoRedundant, LocallyRedundant, ZoneRedundant',
      'ADLSBK-NOT-ALLOWED',
    ],
    [
      'redundancy "GRS"',
      () => newVault({ redundancy: unchecked('GRS') }),
      'redundancy',
      'GRS',
      'must be one of GeoRedundant, LocallyRedundant, ZoneRedundant',
      'ADLSBK-NOT-ALLOWED',
    ],
    [
      'softDelete "on"',
      () => newVault({ softDelete: unchecked('on') }),
      'softDelete',
      'on',
      'must be one of On, Off, AlwaysOn',
      'ADLSBK-NOT-ALLOWED',
    ],
    [
      'softDelete true',
      () => newVault({ softDelete: unchecked(true) }),
      'softDelete',
      true,
      'must be one of On, Off, AlwaysOn',
      'ADLSBK-NOT-ALLOWED',
    ],
    [
      'immutability "locked"',
      () => newVault({ immutability: unchecked('locked') }),
      'immutability',
      'locked',
      'must be one of Disabled, Unlocked, Locked',
      'ADLSBK-NOT-ALLOWED',
    ],
    [
      'softDeleteRetention "P14D"',
      () => newVault({ softDeleteRetention: unchecked('P14D') }),
      'softDeleteRetention',
      'P14D',
      'must be 14 to 180 days, given as Duration.days or Duration.weeks',
      'ADLSBK-TYPE',
    ],
    [
      'softDeleteRetention 1 year',
      () => newVault({ softDeleteRetention: Duration.years(1) }),
      'softDeleteRetention',
      Duration.years(1),
      'must be 14 to 180 days, given as Duration.days or Duration.weeks',
      'ADLSBK-SOFT-DELETE-RETENTION',
    ],
    [
      'crossRegionRestore "true"',
      () => newVault({ crossRegionRestore: unchecked('true') }),
      'crossRegionRestore',
      'true',
      'must be true or false',
      'ADLSBK-TYPE',
    ],
    [
      'crossRegionRestore 1',
      () => newVault({ crossRegionRestore: unchecked(1) }),
      'crossRegionRestore',
      1,
      'must be true or false',
      'ADLSBK-TYPE',
    ],
    [
      'preventDestroy "false"',
      () => newVault({ preventDestroy: unchecked('false') }),
      'preventDestroy',
      'false',
      'must be true or false',
      'ADLSBK-TYPE',
    ],
    [
      'preventDestroy 0',
      () => newVault({ preventDestroy: unchecked(0) }),
      'preventDestroy',
      0,
      'must be true or false',
      'ADLSBK-TYPE',
    ],
    [
      'preventDestroy null',
      () => newVault({ preventDestroy: unchecked(null) }),
      'preventDestroy',
      null,
      'must be true or false',
      'ADLSBK-TYPE',
    ],
    [
      'deletionLock "yes"',
      () => newVault({ deletionLock: unchecked('yes') }),
      'deletionLock',
      'yes',
      'must be true or false',
      'ADLSBK-TYPE',
    ],
    ['deletionLock 1', () => newVault({ deletionLock: unchecked(1) }), 'deletionLock', 1, 'must be true or false', 'ADLSBK-TYPE'],
  ]);

  // Irreversible settings and their acknowledgement
  catalog([
    [
      'softDelete AlwaysOn without acknowledgement',
      () => newVault({ softDelete: SoftDelete.ALWAYS_ON }),
      'softDelete',
      'AlwaysOn',
      'is irreversible in Azure; to set it, also set `acknowledgeIrreversible: [IrreversibleSetting.SOFT_DELETE_ALWAYS_ON]`',
      'ADLSBK-IRREVERSIBLE',
    ],
    [
      'immutability Locked without acknowledgement',
      () => newVault({ immutability: Immutability.LOCKED }),
      'immutability',
      'Locked',
      'is irreversible in Azure; to set it, also set `acknowledgeIrreversible: [IrreversibleSetting.IMMUTABILITY_LOCKED]`',
      'ADLSBK-IRREVERSIBLE',
    ],
    [
      'crossRegionRestore true without acknowledgement',
      () => newVault({ crossRegionRestore: true }),
      'crossRegionRestore',
      true,
      'is irreversible in Azure; to set it, also set `acknowledgeIrreversible: [IrreversibleSetting.CROSS_REGION_RESTORE]`',
      'ADLSBK-IRREVERSIBLE',
    ],
    [
      'Locked acknowledged, AlwaysOn not',
      () =>
        newVault({
          softDelete: SoftDelete.ALWAYS_ON,
          immutability: Immutability.LOCKED,
          acknowledgeIrreversible: [IMMUTABILITY_LOCKED],
        }),
      'softDelete',
      'AlwaysOn',
      'is irreversible in Azure; to set it, also set `acknowledgeIrreversible: [IrreversibleSetting.SOFT_DELETE_ALWAYS_ON]`',
      'ADLSBK-IRREVERSIBLE',
    ],
    [
      'acknowledgeIrreversible not a list',
      () => newVault({ softDelete: SoftDelete.ALWAYS_ON, acknowledgeIrreversible: unchecked(SOFT_DELETE_ALWAYS_ON) }),
      'acknowledgeIrreversible',
      'SoftDeleteAlwaysOn',
      'must be a list of IrreversibleSetting values',
      'ADLSBK-TYPE',
    ],
    [
      'acknowledgeIrreversible null',
      () => newVault({ acknowledgeIrreversible: unchecked(null) }),
      'acknowledgeIrreversible',
      null,
      'must be a list of IrreversibleSetting values',
      'ADLSBK-TYPE',
    ],
    [
      'acknowledgeIrreversible "Locked" (the immutability value)',
      () => newVault({ immutability: Immutability.LOCKED, acknowledgeIrreversible: [unchecked('Locked')] }),
      'acknowledgeIrreversible[0]',
      'Locked',
      'must be one of SoftDeleteAlwaysOn, ImmutabilityLocked, CrossRegionRestore',
      'ADLSBK-NOT-ALLOWED',
    ],
    [
      'acknowledgeIrreversible "softdeletealwayson"',
      () => newVault({ softDelete: SoftDelete.ALWAYS_ON, acknowledgeIrreversible: [unchecked('softdeletealwayson')] }),
      'acknowledgeIrreversible[0]',
      'softdeletealwayson',
      'must be one of SoftDeleteAlwaysOn, ImmutabilityLocked, CrossRegionRestore',
      'ADLSBK-NOT-ALLOWED',
    ],
    [
      'acknowledgeIrreversible a setting twice',
      () =>
        newVault({ softDelete: SoftDelete.ALWAYS_ON, acknowledgeIrreversible: [SOFT_DELETE_ALWAYS_ON, SOFT_DELETE_ALWAYS_ON] }),
      'acknowledgeIrreversible[1]',
      'SoftDeleteAlwaysOn',
      'repeats a setting already acknowledged',
      'ADLSBK-REPEATED',
    ],
    [
      'acknowledging Locked on an Unlocked vault',
      () => newVault({ immutability: Immutability.UNLOCKED, acknowledgeIrreversible: [IMMUTABILITY_LOCKED] }),
      'acknowledgeIrreversible[0]',
      'ImmutabilityLocked',
      'acknowledges a setting this vault does not set (`immutability`); remove it',
      'ADLSBK-IRREVERSIBLE',
    ],
    [
      'acknowledging AlwaysOn with softDelete On',
      () => newVault({ softDelete: SoftDelete.ON, acknowledgeIrreversible: [SOFT_DELETE_ALWAYS_ON] }),
      'acknowledgeIrreversible[0]',
      'SoftDeleteAlwaysOn',
      'acknowledges a setting this vault does not set (`softDelete`); remove it',
      'ADLSBK-IRREVERSIBLE',
    ],
    [
      'acknowledging CrossRegionRestore with crossRegionRestore false',
      () => newVault({ crossRegionRestore: false, acknowledgeIrreversible: [CROSS_REGION_RESTORE] }),
      'acknowledgeIrreversible[0]',
      'CrossRegionRestore',
      'acknowledges a setting this vault does not set (`crossRegionRestore`); remove it',
      'ADLSBK-IRREVERSIBLE',
    ],
    [
      'crossRegionRestore acknowledged on a LocallyRedundant vault',
      () =>
        newVault({
          redundancy: Redundancy.LOCALLY_REDUNDANT,
          crossRegionRestore: true,
          acknowledgeIrreversible: [CROSS_REGION_RESTORE],
        }),
      'crossRegionRestore',
      'true with LocallyRedundant',
      'can only be true when `redundancy` is GeoRedundant',
      'ADLSBK-CONFLICT',
    ],
  ]);
});

describe('BackupVault.fromVaultAttributes', () => {
  const lowerCaseId = VAULT_ID.replace('resourceGroups', 'resourcegroups');
  const policyId = `${VAULT_ID}/backupPolicies/adls-daily`;
  const guardId = `${SUBSCRIPTION}/resourceGroups/rg-security/providers/Microsoft.DataProtection/resourceGuards/guard-weu`;
  const underscoreId = vaultIdOf('bv_lake_weu');
  catalog([
    [
      'a storage account ID',
      () => importVault({ vaultId: ACCOUNT_ID }),
      'vaultId',
      ACCOUNT_ID,
      'must be a Backup vault resource ID: it must read /subscriptions/<GUID>/resourceGroups/<group>/providers/Microsoft.DataProtection/backupVaults/<name> (segment "Microsoft.DataProtection" cased as azurerm reads it), found "Microsoft.Storage"',
      'ADLSBK-RESOURCE-ID',
    ],
    [
      'a Recovery Services vault ID',
      () => importVault({ vaultId: RECOVERY_SERVICES_VAULT_ID }),
      'vaultId',
      RECOVERY_SERVICES_VAULT_ID,
      'must be a Backup vault resource ID: it must read /subscriptions/<GUID>/resourceGroups/<group>/providers/Microsoft.DataProtection/backupVaults/<name> (segment "Microsoft.DataProtection" cased as azurerm reads it), found "Microsoft.RecoveryServices"',
      'ADLSBK-RESOURCE-ID',
    ],
    [
      'a vault name instead of an ID',
      () => importVault({ vaultId: 'bv-lake-weu' }),
      'vaultId',
      'bv-lake-weu',
      'must be a Backup vault resource ID: it must be a resource ID of 8 segments, /subscriptions/<GUID>/resourceGroups/<group>/providers/Microsoft.DataProtection/backupVaults/<name>',
      'ADLSBK-RESOURCE-ID',
    ],
    [
      'principalId not a GUID',
      () => importVault({ principalId: 'vault-identity' }),
      'principalId',
      'vault-identity',
      "must be the object ID (a GUID) of the vault's system-assigned identity",
      'ADLSBK-PRINCIPAL-ID',
    ],
    [
      'principalId GUID without hyphens',
      () => importVault({ principalId: BARE_GUID }),
      'principalId',
      BARE_GUID,
      "must be the object ID (a GUID) of the vault's system-assigned identity",
      'ADLSBK-PRINCIPAL-ID',
    ],
    [
      'location "West_Europe"',
      () => importVault({ location: 'West_Europe' }),
      'location',
      'West_Europe',
      'must be an Azure region such as "West Europe" or "westeurope"',
      'ADLSBK-REGION',
    ],
    [
      'name with underscore',
      () => importVault({ name: 'bv_lake' }),
      'name',
      'bv_lake',
      'must be 2-50 letters, digits or hyphens',
      'ADLSBK-VAULT-NAME',
    ],
    [
      'empty vaultId',
      () => importVault({ vaultId: '' }),
      'vaultId',
      '',
      'must be a Backup vault resource ID: it must be a resource ID of 8 segments, /subscriptions/<GUID>/resourceGroups/<group>/providers/Microsoft.DataProtection/backupVaults/<name>',
      'ADLSBK-RESOURCE-ID',
    ],
    [
      'vaultId missing',
      () => importVault({ vaultId: unchecked(undefined) }),
      'vaultId',
      undefined,
      'must be a Backup vault resource ID',
      'ADLSBK-REQUIRED',
    ],
    [
      'vaultId with "resourcegroups" in lower case',
      () => importVault({ vaultId: lowerCaseId }),
      'vaultId',
      lowerCaseId,
      'must be a Backup vault resource ID: it must read /subscriptions/<GUID>/resourceGroups/<group>/providers/Microsoft.DataProtection/backupVaults/<name> (segment "resourceGroups" cased as azurerm reads it), found "resourcegroups"',
      'ADLSBK-RESOURCE-ID',
    ],
    [
      'a backup policy ID',
      () => importVault({ vaultId: policyId }),
      'vaultId',
      policyId,
      'must be a Backup vault resource ID: it must be a resource ID of 8 segments, /subscriptions/<GUID>/resourceGroups/<group>/providers/Microsoft.DataProtection/backupVaults/<name>',
      'ADLSBK-RESOURCE-ID',
    ],
    [
      'a Resource Guard ID',
      () => importVault({ vaultId: guardId }),
      'vaultId',
      guardId,
      'must be a Backup vault resource ID: it must read /subscriptions/<GUID>/resourceGroups/<group>/providers/Microsoft.DataProtection/backupVaults/<name> (segment "backupVaults" cased as azurerm reads it), found "resourceGuards"',
      'ADLSBK-RESOURCE-ID',
    ],
    [
      'vaultId with a trailing slash',
      () => importVault({ vaultId: `${VAULT_ID}/` }),
      'vaultId',
      `${VAULT_ID}/`,
      'must be a Backup vault resource ID: it must be a resource ID of 8 segments, /subscriptions/<GUID>/resourceGroups/<group>/providers/Microsoft.DataProtection/backupVaults/<name>',
      'ADLSBK-RESOURCE-ID',
    ],
    [
      'vaultId of a vault named with underscores',
      () => importVault({ vaultId: underscoreId }),
      'vaultId',
      underscoreId,
      'must be a Backup vault resource ID: it must end in a name of 2-50 letters, digits or hyphens, found "bv_lake_weu"',
      'ADLSBK-RESOURCE-ID',
    ],
    [
      'empty location',
      () => importVault({ location: '' }),
      'location',
      '',
      'must be an Azure region such as "West Europe" or "westeurope"',
      'ADLSBK-REGION',
    ],
    [
      'location missing',
      () => importVault({ location: unchecked(undefined) }),
      'location',
      undefined,
      'must be an Azure region such as "West Europe" or "westeurope"',
      'ADLSBK-REQUIRED',
    ],
    [
      'empty principalId',
      () => importVault({ principalId: '' }),
      'principalId',
      '',
      "must be the object ID (a GUID) of the vault's system-assigned identity",
      'ADLSBK-PRINCIPAL-ID',
    ],
    [
      'principalId missing',
      () => importVault({ principalId: unchecked(undefined) }),
      'principalId',
      undefined,
      "must be the object ID (a GUID) of the vault's system-assigned identity",
      'ADLSBK-REQUIRED',
    ],
    [
      'principalId in braces',
      () => importVault({ principalId: `{${PRINCIPAL_ID}}` }),
      'principalId',
      `{${PRINCIPAL_ID}}`,
      "must be the object ID (a GUID) of the vault's system-assigned identity",
      'ADLSBK-PRINCIPAL-ID',
    ],
    ['empty name', () => importVault({ name: '' }), 'name', '', 'must be 2-50 letters, digits or hyphens', 'ADLSBK-VAULT-NAME'],
    [
      'name of 1 character',
      () => importVault({ name: 'b' }),
      'name',
      'b',
      'must be 2-50 letters, digits or hyphens',
      'ADLSBK-VAULT-NAME',
    ],
  ]);
});

describe('DataLakeBackupPolicy', () => {
  catalog([
    [
      'name of 2 characters',
      () => newPolicy({ name: 'ab' }),
      'name',
      'ab',
      'must be 3-150 letters, digits or hyphens, starting with a letter',
      'ADLSBK-POLICY-NAME',
    ],
    [
      'name starting with a digit',
      () => newPolicy({ name: '1-daily' }),
      'name',
      '1-daily',
      'must be 3-150 letters, digits or hyphens, starting with a letter',
      'ADLSBK-POLICY-NAME',
    ],
    [
      'name of 151 characters',
      () => newPolicy({ name: 'p'.repeat(151) }),
      'name',
      'p'.repeat(151),
      'must be 3-150 letters, digits or hyphens, starting with a letter',
      'ADLSBK-POLICY-NAME',
    ],
    [
      'name with underscore',
      () => newPolicy({ name: 'adls_daily' }),
      'name',
      'adls_daily',
      'must be 3-150 letters, digits or hyphens, starting with a letter',
      'ADLSBK-POLICY-NAME',
    ],
    [
      'schedule as a string',
      () => newPolicy({ schedule: unchecked('daily') }),
      'schedule',
      'daily',
      'must be a BackupSchedule (BackupSchedule.daily, .weekly or .expression)',
      'ADLSBK-TYPE',
    ],
    [
      'time zone "Europe/Berlin"',
      () => newPolicy({ timeZone: 'Europe/Berlin' }),
      'timeZone',
      'Europe/Berlin',
      'must be one of the 142 Windows time-zone names azurerm accepts, e.g. "W. Europe Standard Time" or "UTC"',
      'ADLSBK-TIME-ZONE',
    ],
    [
      'time zone "CET"',
      () => newPolicy({ timeZone: 'CET' }),
      'timeZone',
      'CET',
      'must be one of the 142 Windows time-zone names azurerm accepts, e.g. "W. Europe Standard Time" or "UTC"',
      'ADLSBK-TIME-ZONE',
    ],
    [
      'two rules named "Weekly"',
      () => newPolicy({ retentionRules: [RetentionRule.weekly(Duration.weeks(4)), RetentionRule.weekly(Duration.weeks(8))] }),
      'retentionRules[1].name',
      'Weekly',
      'repeats the name of retentionRules[0]',
      'ADLSBK-REPEATED',
    ],
    [
      'rule names differing only in case',
      () =>
        newPolicy({
          retentionRules: [
            RetentionRule.monthly(Duration.months(6)),
            customRule({ name: 'monthly', absoluteCriteria: FIRST_OF_DAY }),
          ],
        }),
      'retentionRules[1].name',
      'monthly',
      'repeats the name of retentionRules[0]',
      'ADLSBK-REPEATED',
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
      'names days the weekly schedule never runs (it runs on Sunday)',
      'ADLSBK-RETENTION-SCHEDULE-MISMATCH',
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
      'names days the weekly schedule never runs (it runs on Sunday)',
      'ADLSBK-RETENTION-SCHEDULE-MISMATCH',
    ],
    [
      'rule as a plain object',
      () => newPolicy({ retentionRules: [unchecked({ name: 'Weekly' })] }),
      'retentionRules[0]',
      { name: 'Weekly' },
      'must be a RetentionRule (RetentionRule.weekly, .monthly, .yearly or .custom)',
      'ADLSBK-TYPE',
    ],
    [
      'defaultRetention 3651 days',
      () => newPolicy({ defaultRetention: Duration.days(3651) }),
      'defaultRetention',
      Duration.days(3651),
      "can be at most 3650 days (Azure Backup's limit, 10 years)",
      'ADLSBK-RETENTION-DURATION',
    ],
    [
      'defaultRetention 11 years',
      () => newPolicy({ defaultRetention: Duration.years(11) }),
      'defaultRetention',
      Duration.years(11),
      "can be at most 10 years (Azure Backup's limit, 10 years)",
      'ADLSBK-RETENTION-DURATION',
    ],
    [
      'defaultRetention 90 minutes',
      () => newPolicy({ defaultRetention: Duration.minutes(90) }),
      'defaultRetention',
      Duration.minutes(90),
      'must be given in days, weeks, months or years',
      'ADLSBK-RETENTION-DURATION',
    ],
    [
      'defaultRetention "P30D"',
      () => newPolicy({ defaultRetention: unchecked('P30D') }),
      'defaultRetention',
      'P30D',
      'must be a Duration, e.g. Duration.days(30)',
      'ADLSBK-TYPE',
    ],
    [
      'vault missing',
      () => newPolicy({ vault: unchecked(undefined) }),
      'vault',
      undefined,
      'must be a BackupVault',
      'ADLSBK-REQUIRED',
    ],
    [
      'vault as an ID',
      () => newPolicy({ vault: unchecked(VAULT_ID) }),
      'vault',
      VAULT_ID,
      'must be a BackupVault',
      'ADLSBK-TYPE',
    ],
    [
      'vault as an empty object',
      () => newPolicy({ vault: unchecked({}) }),
      'vault',
      {},
      'must be a BackupVault',
      'ADLSBK-REFERENCE',
    ],
    [
      'empty name',
      () => newPolicy({ name: '' }),
      'name',
      '',
      'must be 3-150 letters, digits or hyphens, starting with a letter',
      'ADLSBK-POLICY-NAME',
    ],
    [
      'name with a space',
      () => newPolicy({ name: 'adls daily' }),
      'name',
      'adls daily',
      'must be 3-150 letters, digits or hyphens, starting with a letter',
      'ADLSBK-POLICY-NAME',
    ],
    [
      'name starting with a hyphen',
      () => newPolicy({ name: '-daily' }),
      'name',
      '-daily',
      'must be 3-150 letters, digits or hyphens, starting with a letter',
      'ADLSBK-POLICY-NAME',
    ],
    [
      'name 42',
      () => newPolicy({ name: unchecked(42) }),
      'name',
      42,
      'must be 3-150 letters, digits or hyphens, starting with a letter',
      'ADLSBK-TYPE',
    ],
    [
      'schedule missing',
      () => newPolicy({ schedule: unchecked(undefined) }),
      'schedule',
      undefined,
      'must be a BackupSchedule (BackupSchedule.daily, .weekly or .expression)',
      'ADLSBK-REQUIRED',
    ],
    [
      'schedule as a list of intervals',
      () => newPolicy({ schedule: unchecked([weeklyInterval('2024-01-07')]) }),
      'schedule',
      [weeklyInterval('2024-01-07')],
      'must be a BackupSchedule (BackupSchedule.daily, .weekly or .expression)',
      'ADLSBK-TYPE',
    ],
    [
      'defaultRetention missing',
      () => newPolicy({ defaultRetention: unchecked(undefined) }),
      'defaultRetention',
      undefined,
      'must be a Duration, e.g. Duration.days(30)',
      'ADLSBK-REQUIRED',
    ],
    [
      'defaultRetention 522 weeks',
      () => newPolicy({ defaultRetention: Duration.weeks(522) }),
      'defaultRetention',
      Duration.weeks(522),
      "can be at most 521 weeks (Azure Backup's limit, 10 years)",
      'ADLSBK-RETENTION-DURATION',
    ],
    [
      'defaultRetention 121 months',
      () => newPolicy({ defaultRetention: Duration.months(121) }),
      'defaultRetention',
      Duration.months(121),
      "can be at most 120 months (Azure Backup's limit, 10 years)",
      'ADLSBK-RETENTION-DURATION',
    ],
    [
      'defaultRetention 30 seconds',
      () => newPolicy({ defaultRetention: Duration.seconds(30) }),
      'defaultRetention',
      Duration.seconds(30),
      'must be given in days, weeks, months or years',
      'ADLSBK-RETENTION-DURATION',
    ],
    [
      'defaultRetention 30 (a number)',
      () => newPolicy({ defaultRetention: unchecked(30) }),
      'defaultRetention',
      30,
      'must be a Duration, e.g. Duration.days(30)',
      'ADLSBK-TYPE',
    ],
    [
      'retentionRules "weekly" (not a list)',
      () => newPolicy({ retentionRules: unchecked('weekly') }),
      'retentionRules',
      'weekly',
      'must be a list of RetentionRule',
      'ADLSBK-TYPE',
    ],
    [
      'retentionRules [undefined]',
      () => newPolicy({ retentionRules: [unchecked(undefined)] }),
      'retentionRules[0]',
      undefined,
      'must be a RetentionRule (RetentionRule.weekly, .monthly, .yearly or .custom)',
      'ADLSBK-TYPE',
    ],
    [
      'two rules named "Yearly"',
      () => newPolicy({ retentionRules: [RetentionRule.yearly(Duration.years(1)), RetentionRule.yearly(Duration.years(5))] }),
      'retentionRules[1].name',
      'Yearly',
      'repeats the name of retentionRules[0]',
      'ADLSBK-REPEATED',
    ],
    [
      'empty time zone',
      () => newPolicy({ timeZone: '' }),
      'timeZone',
      '',
      'must be one of the 142 Windows time-zone names azurerm accepts, e.g. "W. Europe Standard Time" or "UTC"',
      'ADLSBK-TIME-ZONE',
    ],
    [
      'time zone "UTC+01:00"',
      () => newPolicy({ timeZone: 'UTC+01:00' }),
      'timeZone',
      'UTC+01:00',
      'must be one of the 142 Windows time-zone names azurerm accepts, e.g. "W. Europe Standard Time" or "UTC"',
      'ADLSBK-TIME-ZONE',
    ],
    [
      'time zone 42',
      () => newPolicy({ timeZone: unchecked(42) }),
      'timeZone',
      42,
      'must be one of the 142 Windows time-zone names azurerm accepts, e.g. "W. Europe Standard Time" or "UTC"',
      'ADLSBK-TYPE',
    ],
  ]);

  test.each([
    ['w. europe standard time', 'W. Europe Standard Time'],
    ['W. Europe  Standard Time', 'W. Europe Standard Time'],
    ['utc', 'UTC'],
  ])('time zone %j is answered with the accepted spelling %j', (given, accepted) => {
    expectConfigError(
      () => newPolicy({ timeZone: given }),
      'timeZone',
      given,
      `must be spelled exactly as azurerm lists it: ${JSON.stringify(accepted)}`,
      'ADLSBK-TIME-ZONE',
    );
  });
});

describe('DataLakeStorageAccount.fromAttributes', () => {
  const containerId = `${ACCOUNT_ID}/blobServices/default/containers/raw`;
  const upperCaseId = ACCOUNT_ID.replace('lakeweu01', 'LakeWeu01');
  const lowerCaseProviderId = ACCOUNT_ID.replace('Microsoft.Storage', 'microsoft.storage');
  const resourceGroupId = `${SUBSCRIPTION}/resourceGroups/rg-data`;
  const shortNameId = accountIdOf('ab');
  const longNameId = accountIdOf('l'.repeat(25));
  const underscoreId = accountIdOf('lake_weu01');
  catalog([
    [
      'a Backup vault ID',
      () => accountFromAttributes({ storageAccountId: VAULT_ID }),
      'storageAccountId',
      VAULT_ID,
      'must be a storage account resource ID: it must read /subscriptions/<GUID>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<name> (segment "Microsoft.Storage" cased as azurerm reads it), found "Microsoft.DataProtection"',
      'ADLSBK-RESOURCE-ID',
    ],
    [
      'a container ID',
      () => accountFromAttributes({ storageAccountId: containerId }),
      'storageAccountId',
      containerId,
      'must be a storage account resource ID: it must be a resource ID of 8 segments, /subscriptions/<GUID>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<name>',
      'ADLSBK-RESOURCE-ID',
    ],
    [
      'an ID with an upper-case name',
      () => accountFromAttributes({ storageAccountId: upperCaseId }),
      'storageAccountId',
      upperCaseId,
      'must be a storage account resource ID: it must end in a name of 3-24 lowercase letters and digits, found "LakeWeu01"',
      'ADLSBK-RESOURCE-ID',
    ],
    [
      'an account name instead of an ID',
      () => accountFromAttributes({ storageAccountId: 'lakeweu01' }),
      'storageAccountId',
      'lakeweu01',
      'must be a storage account resource ID: it must be a resource ID of 8 segments, /subscriptions/<GUID>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<name>',
      'ADLSBK-RESOURCE-ID',
    ],
    [
      'upper-case name',
      () => accountFromAttributes({ name: 'LakeWeu01' }),
      'name',
      'LakeWeu01',
      'must be 3-24 lowercase letters and digits',
      'ADLSBK-STORAGE-ACCOUNT-NAME',
    ],
    [
      'name not matching the ID',
      () => accountFromAttributes({ name: 'lakeweu02' }),
      'name',
      'lakeweu02',
      'must match the name in `storageAccountId` ("lakeweu01")',
      'ADLSBK-NAME-MISMATCH',
    ],
    [
      'location "West_Europe"',
      () => accountFromAttributes({ location: 'West_Europe' }),
      'location',
      'West_Europe',
      'must be an Azure region such as "West Europe" or "westeurope"',
      'ADLSBK-REGION',
    ],
    [
      'location 42',
      () => accountFromAttributes({ location: unchecked(42) }),
      'location',
      42,
      'must be an Azure region such as "West Europe" or "westeurope"',
      'ADLSBK-TYPE',
    ],
    [
      'empty storageAccountId',
      () => accountFromAttributes({ storageAccountId: '' }),
      'storageAccountId',
      '',
      'must be a storage account resource ID: it must be a resource ID of 8 segments, /subscriptions/<GUID>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<name>',
      'ADLSBK-RESOURCE-ID',
    ],
    [
      'storageAccountId missing',
      () => accountFromAttributes({ storageAccountId: unchecked(undefined) }),
      'storageAccountId',
      undefined,
      'must be a storage account resource ID',
      'ADLSBK-REQUIRED',
    ],
    [
      'no attributes',
      () => DataLakeStorageAccount.fromAttributes(unchecked(undefined)),
      'storageAccountId',
      undefined,
      'must be a storage account resource ID',
      'ADLSBK-REQUIRED',
    ],
    [
      'an ID with "microsoft.storage" in lower case',
      () => accountFromAttributes({ storageAccountId: lowerCaseProviderId }),
      'storageAccountId',
      lowerCaseProviderId,
      'must be a storage account resource ID: it must read /subscriptions/<GUID>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<name> (segment "Microsoft.Storage" cased as azurerm reads it), found "microsoft.storage"',
      'ADLSBK-RESOURCE-ID',
    ],
    [
      'a resource group ID',
      () => accountFromAttributes({ storageAccountId: resourceGroupId }),
      'storageAccountId',
      resourceGroupId,
      'must be a storage account resource ID: it must be a resource ID of 8 segments, /subscriptions/<GUID>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<name>',
      'ADLSBK-RESOURCE-ID',
    ],
    [
      'a Recovery Services vault ID',
      () => accountFromAttributes({ storageAccountId: RECOVERY_SERVICES_VAULT_ID }),
      'storageAccountId',
      RECOVERY_SERVICES_VAULT_ID,
      'must be a storage account resource ID: it must read /subscriptions/<GUID>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<name> (segment "Microsoft.Storage" cased as azurerm reads it), found "Microsoft.RecoveryServices"',
      'ADLSBK-RESOURCE-ID',
    ],
    [
      'an ID with a trailing slash',
      () => accountFromAttributes({ storageAccountId: `${ACCOUNT_ID}/` }),
      'storageAccountId',
      `${ACCOUNT_ID}/`,
      'must be a storage account resource ID: it must be a resource ID of 8 segments, /subscriptions/<GUID>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<name>',
      'ADLSBK-RESOURCE-ID',
    ],
    [
      'an ID with a 2-character name',
      () => accountFromAttributes({ storageAccountId: shortNameId }),
      'storageAccountId',
      shortNameId,
      'must be a storage account resource ID: it must end in a name of 3-24 lowercase letters and digits, found "ab"',
      'ADLSBK-RESOURCE-ID',
    ],
    [
      'an ID with a 25-character name',
      () => accountFromAttributes({ storageAccountId: longNameId }),
      'storageAccountId',
      longNameId,
      'must be a storage account resource ID: it must end in a name of 3-24 lowercase letters and digits, found "lllllllllllllllllllllllll"',
      'ADLSBK-RESOURCE-ID',
    ],
    [
      'an ID with an underscore in the name',
      () => accountFromAttributes({ storageAccountId: underscoreId }),
      'storageAccountId',
      underscoreId,
      'must be a storage account resource ID: it must end in a name of 3-24 lowercase letters and digits, found "lake_weu01"',
      'ADLSBK-RESOURCE-ID',
    ],
    [
      'empty location',
      () => accountFromAttributes({ location: '' }),
      'location',
      '',
      'must be an Azure region such as "West Europe" or "westeurope"',
      'ADLSBK-REGION',
    ],
    [
      'location missing',
      () => accountFromAttributes({ location: unchecked(undefined) }),
      'location',
      undefined,
      'must be an Azure region such as "West Europe" or "westeurope"',
      'ADLSBK-REQUIRED',
    ],
    [
      'empty name',
      () => accountFromAttributes({ name: '' }),
      'name',
      '',
      'must be 3-24 lowercase letters and digits',
      'ADLSBK-STORAGE-ACCOUNT-NAME',
    ],
    [
      'name of 2 characters',
      () => accountFromAttributes({ name: 'ab' }),
      'name',
      'ab',
      'must be 3-24 lowercase letters and digits',
      'ADLSBK-STORAGE-ACCOUNT-NAME',
    ],
    [
      'name of 25 characters',
      () => accountFromAttributes({ name: 'l'.repeat(25) }),
      'name',
      'l'.repeat(25),
      'must be 3-24 lowercase letters and digits',
      'ADLSBK-STORAGE-ACCOUNT-NAME',
    ],
    [
      'name with a hyphen',
      () => accountFromAttributes({ name: 'lake-weu01' }),
      'name',
      'lake-weu01',
      'must be 3-24 lowercase letters and digits',
      'ADLSBK-STORAGE-ACCOUNT-NAME',
    ],
  ]);
});

describe('DataLakeStorageAccount.fromStorageAccount', () => {
  const data = dataSource(newStack());
  catalog([
    [
      'isHnsEnabled false',
      () => accountFromResource({ isHnsEnabled: false }),
      'isHnsEnabled',
      false,
      'must be true: Azure Backup for ADLS protects only accounts with hierarchical namespace',
      'ADLSBK-ACCOUNT-UNSUPPORTED',
    ],
    [
      'isHnsEnabled absent',
      () => accountFromResource({ isHnsEnabled: undefined }),
      'isHnsEnabled',
      undefined,
      'must be true: Azure Backup for ADLS protects only accounts with hierarchical namespace',
      'ADLSBK-ACCOUNT-UNSUPPORTED',
    ],
    [
      'nfsv3Enabled true',
      () => accountFromResource({ nfsv3Enabled: true }),
      'nfsv3Enabled',
      true,
      'must not be true: NFS 3.0 accounts cannot use ADLS vaulted backup',
      'ADLSBK-ACCOUNT-UNSUPPORTED',
    ],
    [
      'sftpEnabled true',
      () => accountFromResource({ sftpEnabled: true }),
      'sftpEnabled',
      true,
      'must not be true: SFTP accounts cannot use ADLS vaulted backup',
      'ADLSBK-ACCOUNT-UNSUPPORTED',
    ],
    [
      'accountKind "BlobStorage"',
      () => accountFromResource({ accountKind: 'BlobStorage' }),
      'accountKind',
      'BlobStorage',
      'must be "StorageV2" (general-purpose v2)',
      'ADLSBK-ACCOUNT-UNSUPPORTED',
    ],
    [
      'accountTier "Premium"',
      () => accountFromResource({ accountTier: 'Premium' }),
      'accountTier',
      'Premium',
      'must be "Standard": premium accounts are not supported',
      'ADLSBK-ACCOUNT-UNSUPPORTED',
    ],
    [
      'isHnsEnabled "true" (a string)',
      () => accountFromResource({ isHnsEnabled: unchecked('true') }),
      'isHnsEnabled',
      'true',
      'must be true: Azure Backup for ADLS protects only accounts with hierarchical namespace',
      'ADLSBK-TYPE',
    ],
    [
      'accountKind "storagev2"',
      () => accountFromResource({ accountKind: 'storagev2' }),
      'accountKind',
      'storagev2',
      'must be "StorageV2" (general-purpose v2)',
      'ADLSBK-ACCOUNT-UNSUPPORTED',
    ],
    [
      'accountKind "Storage" (general-purpose v1)',
      () => accountFromResource({ accountKind: 'Storage' }),
      'accountKind',
      'Storage',
      'must be "StorageV2" (general-purpose v2)',
      'ADLSBK-ACCOUNT-UNSUPPORTED',
    ],
    [
      'accountTier "standard"',
      () => accountFromResource({ accountTier: 'standard' }),
      'accountTier',
      'standard',
      'must be "Standard": premium accounts are not supported',
      'ADLSBK-ACCOUNT-UNSUPPORTED',
    ],
    [
      'account as an ID',
      () => DataLakeStorageAccount.fromStorageAccount(unchecked(ACCOUNT_ID)),
      'account',
      ACCOUNT_ID,
      'must be an azurerm_storage_account resource (a StorageAccount of any azurerm provider package)',
      'ADLSBK-TYPE',
    ],
    [
      'account missing',
      () => DataLakeStorageAccount.fromStorageAccount(unchecked(undefined)),
      'account',
      undefined,
      'must be an azurerm_storage_account resource (a StorageAccount of any azurerm provider package)',
      'ADLSBK-REQUIRED',
    ],
    [
      'a data source instead of a resource',
      () => DataLakeStorageAccount.fromStorageAccount(unchecked(data)),
      'account',
      data,
      'must be an azurerm_storage_account resource (a StorageAccount of any azurerm provider package)',
      'ADLSBK-TYPE',
    ],
  ]);
});

describe('DataLakeStorageAccount.fromDataSource', () => {
  const resource = azurermAccount(newStack());
  catalog([
    [
      'account as an ID',
      () => DataLakeStorageAccount.fromDataSource(unchecked(ACCOUNT_ID)),
      'account',
      ACCOUNT_ID,
      'must be an azurerm_storage_account data source (a DataAzurermStorageAccount of any azurerm provider package)',
      'ADLSBK-TYPE',
    ],
    [
      'account missing',
      () => DataLakeStorageAccount.fromDataSource(unchecked(undefined)),
      'account',
      undefined,
      'must be an azurerm_storage_account data source (a DataAzurermStorageAccount of any azurerm provider package)',
      'ADLSBK-REQUIRED',
    ],
    [
      'account as attributes',
      () => DataLakeStorageAccount.fromDataSource(unchecked({ name: 'lakeweu01' })),
      'account',
      { name: 'lakeweu01' },
      'must be an azurerm_storage_account data source (a DataAzurermStorageAccount of any azurerm provider package)',
      'ADLSBK-TYPE',
    ],
    [
      'a resource instead of a data source',
      () => DataLakeStorageAccount.fromDataSource(unchecked(resource)),
      'account',
      resource,
      'must be an azurerm_storage_account data source (a DataAzurermStorageAccount of any azurerm provider package)',
      'ADLSBK-TYPE',
    ],
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
  const protectTwiceInTwoVaults = () => {
    const l = lake();
    protect(l, {}, 'Lake');
    const vault = new BackupVault(l.stack, 'OtherVault', vaultProps({ name: 'bv-other-weu' }));
    const policy = new DataLakeBackupPolicy(l.stack, 'OtherPolicy', policyProps(vault));
    return protect({ ...l, vault, policy }, {}, 'LakeAgain');
  };
  const protectCreatedThenReferenced = () => {
    const l = lake();
    protect(l, { storageAccount: DataLakeStorageAccount.fromStorageAccount(azurermAccount(l.stack)) }, 'Lake');
    return protect(l, { storageAccount: accountFromAttributes() }, 'LakeAgain');
  };
  const importedVaultsPolicy = () => {
    const stack = newStack();
    const attrs = { location: 'West Europe', principalId: PRINCIPAL_ID };
    const vault = BackupVault.fromVaultAttributes(stack, 'Vault', { vaultId: VAULT_ID, ...attrs });
    const otherVault = BackupVault.fromVaultAttributes(stack, 'OtherVault', { vaultId: vaultIdOf('bv-other-weu'), ...attrs });
    const policy = new DataLakeBackupPolicy(stack, 'OtherPolicy', policyProps(otherVault));
    return protect({ stack, vault, policy, account: accountFromAttributes() });
  };
  /** Protects `containers`, the names given as `azurerm_storage_container`s of the stack. */
  const protectContainerResources = (...names: string[]) => {
    const l = lake();
    const refs = names.map((name, i) => new StorageContainer(l.stack, `Container${i}`, { name, storageAccountId: ACCOUNT_ID }));
    return protect(l, { containers: refs });
  };
  const protectRestoreTarget = () => {
    const l = lake();
    l.vault.grantRestoreAccess(l.account);
    return protect(l);
  };
  catalog([
    [
      'no containers',
      () => protect(lake(), { containers: [] }),
      'containers',
      '0 containers',
      'must list at least 1 container',
      'ADLSBK-EMPTY',
    ],
    [
      '101 containers',
      () => protect(lake(), { containers: containers(101) }),
      'containers',
      '101 containers',
      "must list 1 to 100 containers: azurerm accepts up to 1000 only from 4.79.0, and the stack's azurerm constraint \">= 4.68.0, < 6.0.0\" admits older versions; to list more, narrow it before creating the backup: stack.addOverride('terraform.required_providers.azurerm.version', '>= 4.79.0')",
      'ADLSBK-CONTAINER-COUNT',
    ],
    [
      'container "Raw_Data"',
      () => protect(lake(), { containers: ['raw', 'Raw_Data'] }),
      'containers[1]',
      'Raw_Data',
      'must be 3-63 lowercase letters, digits or single hyphens, starting and ending with a letter or digit ($root and $web cannot be protected)',
      'ADLSBK-CONTAINER-NAME',
    ],
    [
      'container "$root"',
      () => protect(lake(), { containers: ['$root'] }),
      'containers[0]',
      '$root',
      'must be 3-63 lowercase letters, digits or single hyphens, starting and ending with a letter or digit ($root and $web cannot be protected)',
      'ADLSBK-CONTAINER-NAME',
    ],
    [
      'container "$web"',
      () => protect(lake(), { containers: ['$web'] }),
      'containers[0]',
      '$web',
      'must be 3-63 lowercase letters, digits or single hyphens, starting and ending with a letter or digit ($root and $web cannot be protected)',
      'ADLSBK-CONTAINER-NAME',
    ],
    [
      'container "ab"',
      () => protect(lake(), { containers: ['ab'] }),
      'containers[0]',
      'ab',
      'must be 3-63 lowercase letters, digits or single hyphens, starting and ending with a letter or digit ($root and $web cannot be protected)',
      'ADLSBK-CONTAINER-NAME',
    ],
    [
      'container "a--b"',
      () => protect(lake(), { containers: ['a--b'] }),
      'containers[0]',
      'a--b',
      'must be 3-63 lowercase letters, digits or single hyphens, starting and ending with a letter or digit ($root and $web cannot be protected)',
      'ADLSBK-CONTAINER-NAME',
    ],
    [
      'container "abc-"',
      () => protect(lake(), { containers: ['abc-'] }),
      'containers[0]',
      'abc-',
      'must be 3-63 lowercase letters, digits or single hyphens, starting and ending with a letter or digit ($root and $web cannot be protected)',
      'ADLSBK-CONTAINER-NAME',
    ],
    [
      'container "-abc"',
      () => protect(lake(), { containers: ['-abc'] }),
      'containers[0]',
      '-abc',
      'must be 3-63 lowercase letters, digits or single hyphens, starting and ending with a letter or digit ($root and $web cannot be protected)',
      'ADLSBK-CONTAINER-NAME',
    ],
    [
      'container of 64 characters',
      () => protect(lake(), { containers: ['c'.repeat(64)] }),
      'containers[0]',
      'c'.repeat(64),
      'must be 3-63 lowercase letters, digits or single hyphens, starting and ending with a letter or digit ($root and $web cannot be protected)',
      'ADLSBK-CONTAINER-NAME',
    ],
    [
      'container listed twice',
      () => protect(lake(), { containers: ['raw', 'curated', 'raw'] }),
      'containers[2]',
      'raw',
      'repeats a container already listed',
      'ADLSBK-REPEATED',
    ],
    [
      'unlisted region "Brazil South"',
      () => protect(lake('Brazil South')),
      'storageAccount.location',
      'Brazil South',
      'must be a region where Azure Backup supports ADLS vaulted backup (Australia East, Central US, East Asia, France South, Germany West Central, Southeast US, Switzerland North, Switzerland West, UAE North, UK West, West India, Central India, North Central US, South India, UK South, West Central US, West US 3, West Europe, North Europe, West US, West US 2, East US, East US 2, Southeast Asia); set `allowUnlistedRegion: true` if Azure has added it since',
      'ADLSBK-REGION-UNSUPPORTED',
    ],
    [
      'policy of another vault',
      otherVaultsPolicy,
      'policy',
      'test/OtherPolicy',
      "must belong to the backup's vault 'test/Vault', but it belongs to vault 'test/OtherVault'",
      'ADLSBK-OTHER-VAULT',
    ],
    [
      'rolePropagationWait of 2 hours',
      () => waitFor(Duration.hours(2)),
      'rolePropagationWait',
      Duration.hours(2),
      'must be from 1 second to 60 minutes',
      'ADLSBK-ROLE-WAIT',
    ],
    [
      'rolePropagationWait of 61 minutes',
      () => waitFor(Duration.minutes(61)),
      'rolePropagationWait',
      Duration.minutes(61),
      'must be from 1 second to 60 minutes',
      'ADLSBK-ROLE-WAIT',
    ],
    [
      'rolePropagationWait of 1 month',
      () => waitFor(Duration.months(1)),
      'rolePropagationWait',
      Duration.months(1),
      'must be from 1 second to 60 minutes',
      'ADLSBK-ROLE-WAIT',
    ],
    [
      'rolePropagationWait true',
      () => waitFor(unchecked(true)),
      'rolePropagationWait',
      true,
      'must be a Duration (e.g. Duration.minutes(5)) or false',
      'ADLSBK-TYPE',
    ],
    [
      'rolePropagationWait with grantAccess false',
      () => protect(lake(), { grantAccess: false, rolePropagationWait: Duration.minutes(5) }),
      'rolePropagationWait',
      Duration.minutes(5),
      'has nothing to wait for when `grantAccess` is false (the role is granted elsewhere); set it to false or remove it',
      'ADLSBK-ROLE-WAIT',
    ],
    [
      'grantAccess "yes"',
      () => protect(lake(), { grantAccess: unchecked('yes') }),
      'grantAccess',
      'yes',
      'must be true or false',
      'ADLSBK-TYPE',
    ],
    [
      'name with a slash',
      () => protect(lake(), { name: 'lake/raw' }),
      'name',
      'lake/raw',
      'must be 1-150 letters, digits, hyphens, underscores or periods, starting and ending with a letter or digit',
      'ADLSBK-INSTANCE-NAME',
    ],
    [
      'the same account protected twice',
      protectTwice,
      'storageAccount',
      'lakeweu01',
      "is already protected by DataLakeBackup 'test/Lake' (Azure allows one backup instance per account)",
      'ADLSBK-ACCOUNT-PROTECTED-TWICE',
    ],
    [
      'the same account protected twice, by two vaults',
      protectTwiceInTwoVaults,
      'storageAccount',
      'lakeweu01',
      "is already protected by DataLakeBackup 'test/Lake' (Azure allows one backup instance per account)",
      'ADLSBK-ACCOUNT-PROTECTED-TWICE',
    ],
    [
      'the same account protected twice, created and referenced',
      protectCreatedThenReferenced,
      'storageAccount',
      'lakeweu01',
      "is already protected by DataLakeBackup 'test/Lake' (Azure allows one backup instance per account)",
      'ADLSBK-ACCOUNT-PROTECTED-TWICE',
    ],
    [
      "an account prepared as the vault's restore target",
      protectRestoreTarget,
      'storageAccount',
      'lakeweu01',
      "is a restore target of this vault (prepared by 'test/Vault.grantRestoreAccess'): Azure restores only to a different account than the one backed up",
      'ADLSBK-RESTORE-TO-SOURCE',
    ],
    [
      'policy of another imported vault',
      importedVaultsPolicy,
      'policy',
      'test/OtherPolicy',
      "must belong to the backup's vault 'test/Vault', but it belongs to vault 'test/OtherVault'",
      'ADLSBK-OTHER-VAULT',
    ],
    [
      'vault missing',
      () => protect(lake(), { vault: unchecked(undefined) }),
      'vault',
      undefined,
      'must be a BackupVault',
      'ADLSBK-REQUIRED',
    ],
    [
      'vault as an ID',
      () => protect(lake(), { vault: unchecked(VAULT_ID) }),
      'vault',
      VAULT_ID,
      'must be a BackupVault',
      'ADLSBK-TYPE',
    ],
    [
      'policy missing',
      () => protect(lake(), { policy: unchecked(undefined) }),
      'policy',
      undefined,
      'must be a DataLakeBackupPolicy',
      'ADLSBK-REQUIRED',
    ],
    [
      'policy as a name',
      () => protect(lake(), { policy: unchecked('adls-daily') }),
      'policy',
      'adls-daily',
      'must be a DataLakeBackupPolicy',
      'ADLSBK-TYPE',
    ],
    [
      'storageAccount missing',
      () => protect(lake(), { storageAccount: unchecked(undefined) }),
      'storageAccount',
      undefined,
      'must be a DataLakeStorageAccount (fromStorageAccount or fromAttributes)',
      'ADLSBK-REQUIRED',
    ],
    [
      'storageAccount as an ID',
      () => protect(lake(), { storageAccount: unchecked(ACCOUNT_ID) }),
      'storageAccount',
      ACCOUNT_ID,
      'must be a DataLakeStorageAccount (fromStorageAccount or fromAttributes)',
      'ADLSBK-TYPE',
    ],
    [
      'containers "raw" (not a list)',
      () => protect(lake(), { containers: unchecked('raw') }),
      'containers',
      'raw',
      'must list at least 1 container',
      'ADLSBK-TYPE',
    ],
    [
      'container 42',
      () => protect(lake(), { containers: unchecked([42]) }),
      'containers[0]',
      42,
      'must be a container name or a StorageContainer',
      'ADLSBK-TYPE',
    ],
    [
      'container "RAW"',
      () => protect(lake(), { containers: ['RAW'] }),
      'containers[0]',
      'RAW',
      'must be 3-63 lowercase letters, digits or single hyphens, starting and ending with a letter or digit ($root and $web cannot be protected)',
      'ADLSBK-CONTAINER-NAME',
    ],
    [
      'empty container name',
      () => protect(lake(), { containers: [''] }),
      'containers[0]',
      '',
      'must be 3-63 lowercase letters, digits or single hyphens, starting and ending with a letter or digit ($root and $web cannot be protected)',
      'ADLSBK-CONTAINER-NAME',
    ],
    [
      'StorageContainer named "Raw_Data"',
      () => protectContainerResources('Raw_Data'),
      'containers[0]',
      'Raw_Data',
      'must be 3-63 lowercase letters, digits or single hyphens, starting and ending with a letter or digit ($root and $web cannot be protected)',
      'ADLSBK-CONTAINER-NAME',
    ],
    [
      'two StorageContainers named "raw"',
      () => protectContainerResources('raw', 'raw'),
      'containers[1]',
      'raw',
      'repeats a container already listed',
      'ADLSBK-REPEATED',
    ],
    [
      'empty name',
      () => protect(lake(), { name: '' }),
      'name',
      '',
      'must be 1-150 letters, digits, hyphens, underscores or periods, starting and ending with a letter or digit',
      'ADLSBK-INSTANCE-NAME',
    ],
    [
      'name of 151 characters',
      () => protect(lake(), { name: 'n'.repeat(151) }),
      'name',
      'n'.repeat(151),
      'must be 1-150 letters, digits, hyphens, underscores or periods, starting and ending with a letter or digit',
      'ADLSBK-INSTANCE-NAME',
    ],
    [
      'name with "?"',
      () => protect(lake(), { name: 'lake?raw' }),
      'name',
      'lake?raw',
      'must be 1-150 letters, digits, hyphens, underscores or periods, starting and ending with a letter or digit',
      'ADLSBK-INSTANCE-NAME',
    ],
    [
      'name with "#"',
      () => protect(lake(), { name: 'lake#raw' }),
      'name',
      'lake#raw',
      'must be 1-150 letters, digits, hyphens, underscores or periods, starting and ending with a letter or digit',
      'ADLSBK-INSTANCE-NAME',
    ],
    [
      'name with a backslash',
      () => protect(lake(), { name: 'lake\\raw' }),
      'name',
      'lake\\raw',
      'must be 1-150 letters, digits, hyphens, underscores or periods, starting and ending with a letter or digit',
      'ADLSBK-INSTANCE-NAME',
    ],
    [
      'name 42',
      () => protect(lake(), { name: unchecked(42) }),
      'name',
      42,
      'must be 1-150 letters, digits, hyphens, underscores or periods, starting and ending with a letter or digit',
      'ADLSBK-TYPE',
    ],
    [
      'rolePropagationWait "PT5M"',
      () => waitFor(unchecked('PT5M')),
      'rolePropagationWait',
      'PT5M',
      'must be a Duration (e.g. Duration.minutes(5)) or false',
      'ADLSBK-TYPE',
    ],
    [
      'rolePropagationWait 300 (a number)',
      () => waitFor(unchecked(300)),
      'rolePropagationWait',
      300,
      'must be a Duration (e.g. Duration.minutes(5)) or false',
      'ADLSBK-TYPE',
    ],
    [
      'rolePropagationWait of 3601 seconds',
      () => waitFor(Duration.seconds(3601)),
      'rolePropagationWait',
      Duration.seconds(3601),
      'must be from 1 second to 60 minutes',
      'ADLSBK-ROLE-WAIT',
    ],
    [
      'rolePropagationWait of 1 day',
      () => waitFor(Duration.days(1)),
      'rolePropagationWait',
      Duration.days(1),
      'must be from 1 second to 60 minutes',
      'ADLSBK-ROLE-WAIT',
    ],
    [
      'rolePropagationWait of 1 year',
      () => waitFor(Duration.years(1)),
      'rolePropagationWait',
      Duration.years(1),
      'must be from 1 second to 60 minutes',
      'ADLSBK-ROLE-WAIT',
    ],
    [
      'grantAccess 1',
      () => protect(lake(), { grantAccess: unchecked(1) }),
      'grantAccess',
      1,
      'must be true or false',
      'ADLSBK-TYPE',
    ],
    [
      'grantAccess "false"',
      () => protect(lake(), { grantAccess: unchecked('false') }),
      'grantAccess',
      'false',
      'must be true or false',
      'ADLSBK-TYPE',
    ],
    [
      'preventDestroy "no"',
      () => protect(lake(), { preventDestroy: unchecked('no') }),
      'preventDestroy',
      'no',
      'must be true or false',
      'ADLSBK-TYPE',
    ],
    [
      'preventDestroy 0',
      () => protect(lake(), { preventDestroy: unchecked(0) }),
      'preventDestroy',
      0,
      'must be true or false',
      'ADLSBK-TYPE',
    ],
    [
      'allowUnlistedRegion "true"',
      () => protect(lake(), { allowUnlistedRegion: unchecked('true') }),
      'allowUnlistedRegion',
      'true',
      'must be true or false',
      'ADLSBK-TYPE',
    ],
    [
      'allowUnlistedRegion 1',
      () => protect(lake(), { allowUnlistedRegion: unchecked(1) }),
      'allowUnlistedRegion',
      1,
      'must be true or false',
      'ADLSBK-TYPE',
    ],
    [
      'allowUnlistedRegion "yes" in an unlisted region',
      () => protect(lake('Brazil South'), { allowUnlistedRegion: unchecked('yes') }),
      'allowUnlistedRegion',
      'yes',
      'must be true or false',
      'ADLSBK-TYPE',
    ],
  ]);

  test('vault in West Europe, account in East US: names both regions', () => {
    const error = expectConfigError(
      () => protect(lake('West Europe', 'East US')),
      'storageAccount.location',
      'West Europe',
      "must be the vault's region: Azure Backup for ADLS needs the Backup vault and the storage account in the same region",
      'ADLSBK-REGION-MISMATCH',
    );
    expect(error.problems).toEqual([
      {
        code: 'ADLSBK-REGION-MISMATCH',
        path: 'storageAccount.location',
        rule: "must be the vault's region: Azure Backup for ADLS needs the Backup vault and the storage account in the same region",
        value: 'vault in "West Europe", storage account in "East US"',
        message:
          '`storageAccount.location` must be the vault\'s region: Azure Backup for ADLS needs the Backup vault and the storage account in the same region, got: vault in "West Europe", storage account in "East US"',
      },
    ]);
  });
});

describe('BackupVault.grantBackupAccess and grantRestoreAccess', () => {
  const restoreToBackedUpAccount = () => {
    const l = lake();
    protect(l);
    return l.vault.grantRestoreAccess(accountFromAttributes());
  };
  const restoreToImportedVaultsAccount = () => {
    const stack = newStack();
    const vault = BackupVault.fromVaultAttributes(stack, 'Vault', {
      vaultId: VAULT_ID,
      location: 'West Europe',
      principalId: PRINCIPAL_ID,
    });
    const policy = new DataLakeBackupPolicy(stack, 'Policy', policyProps(vault));
    protect({ stack, vault, policy, account: accountFromAttributes() });
    return vault.grantRestoreAccess(accountFromAttributes());
  };
  const grantInTwoStacks = (kind: 'backup' | 'restore') => {
    const l = lake();
    const account = kind === 'backup' ? accountFromAttributes() : restoreAccount();
    const grant = (scope?: Construct) =>
      kind === 'backup' ? l.vault.grantBackupAccess(account, scope) : l.vault.grantRestoreAccess(account, scope);
    grant();
    return grant(otherStack(l.stack));
  };
  const withUnnamedAccount = (grant: (vault: IBackupVault, account: DataLakeStorageAccount) => unknown) => () => {
    const l = lake();
    return grant(l.vault, unnamedAccount(l.stack));
  };
  catalog([
    [
      'grantRestoreAccess: the account the vault backs up',
      restoreToBackedUpAccount,
      'targetAccount',
      'lakeweu01',
      "is the account DataLakeBackup 'test/Lake' backs up: Azure restores a backup only to a different storage account (UserErrorOriginalLocationRestoreNotSupported)",
      'ADLSBK-RESTORE-TO-SOURCE',
    ],
    [
      'grantRestoreAccess: the account an imported vault backs up',
      restoreToImportedVaultsAccount,
      'targetAccount',
      'lakeweu01',
      "is the account DataLakeBackup 'test/Lake' backs up: Azure restores a backup only to a different storage account (UserErrorOriginalLocationRestoreNotSupported)",
      'ADLSBK-RESTORE-TO-SOURCE',
    ],
    [
      'grantRestoreAccess: an account in another region',
      () => lake().vault.grantRestoreAccess(restoreAccount('North Europe')),
      'targetAccount.location',
      'North Europe',
      "must be the vault's region: Azure restores ADLS backups only to an account in the vault's region",
      'ADLSBK-REGION-MISMATCH',
    ],
    [
      'grantRestoreAccess: an account without a name known at synth',
      withUnnamedAccount((v, a) => v.grantRestoreAccess(a)),
      'targetAccount.name',
      undefined,
      'must be known at synth time when `storageAccountId` is a Terraform reference, so that the role assignment gets a stable Terraform address',
      'ADLSBK-NOT-KNOWN-AT-SYNTH',
    ],
    [
      'grantRestoreAccess: the same account again, from another stack',
      () => grantInTwoStacks('restore'),
      'targetAccount',
      'lakerestore',
      "was already granted to this vault in stack 'test'; a second assignment of the same role would fail in Azure and a resource cannot depend on another stack's resources: grant it once, in one stack",
      'ADLSBK-ROLE-GRANTED-TWICE',
    ],
    [
      'grantBackupAccess: an account without a name known at synth',
      withUnnamedAccount((v, a) => v.grantBackupAccess(a)),
      'storageAccount.name',
      undefined,
      'must be known at synth time when `storageAccountId` is a Terraform reference, so that the role assignment gets a stable Terraform address',
      'ADLSBK-NOT-KNOWN-AT-SYNTH',
    ],
    [
      'grantBackupAccess: the same account again, from another stack',
      () => grantInTwoStacks('backup'),
      'storageAccount',
      'lakeweu01',
      "was already granted to this vault in stack 'test'; a second assignment of the same role would fail in Azure and a resource cannot depend on another stack's resources: protect it with `grantAccess: false, rolePropagationWait: false` there",
      'ADLSBK-ROLE-GRANTED-TWICE',
    ],
    [
      'DataLakeBackup of an account without a name known at synth (its grant)',
      () => {
        const l = lake();
        return protect(l, { storageAccount: unnamedAccount(l.stack) });
      },
      'storageAccount.name',
      undefined,
      'must be known at synth time when `storageAccountId` is a Terraform reference, so that the role assignment gets a stable Terraform address',
      'ADLSBK-NOT-KNOWN-AT-SYNTH',
    ],
  ]);
});

describe('BackupResourceGuard', () => {
  const { RESTORE, CHANGE_POLICY } = CriticalOperation;
  const REMOVE_MUA = 'Microsoft.DataProtection/backupVaults/backupResourceGuardProxies/delete';
  catalog([
    [
      'empty name',
      () => newGuard({ name: '' }),
      'name',
      '',
      'must be 1-260 bytes of UTF-8 without / \\ ? # or control characters, no space at either end and no unescaped ${ or %{',
      'ADLSBK-GUARD-NAME',
    ],
    [
      'name of 261 characters',
      () => newGuard({ name: 'g'.repeat(261) }),
      'name',
      'g'.repeat(261),
      'must be 1-260 bytes of UTF-8 without / \\ ? # or control characters, no space at either end and no unescaped ${ or %{',
      'ADLSBK-GUARD-NAME',
    ],
    // dataprotection/validate/resource_guard_name.go: len(v) > 260, Go's len counts bytes.
    [
      'name of 131 "é" (262 bytes; resource_guard_name.go counts bytes)',
      () => newGuard({ name: 'é'.repeat(131) }),
      'name',
      'é'.repeat(131),
      'must be 1-260 bytes of UTF-8 without / \\ ? # or control characters, no space at either end and no unescaped ${ or %{',
      'ADLSBK-GUARD-NAME',
    ],
    [
      'name with a slash',
      () => newGuard({ name: 'guard/weu' }),
      'name',
      'guard/weu',
      'must be 1-260 bytes of UTF-8 without / \\ ? # or control characters, no space at either end and no unescaped ${ or %{',
      'ADLSBK-GUARD-NAME',
    ],
    [
      'name with a backslash',
      () => newGuard({ name: 'guard\\weu' }),
      'name',
      'guard\\weu',
      'must be 1-260 bytes of UTF-8 without / \\ ? # or control characters, no space at either end and no unescaped ${ or %{',
      'ADLSBK-GUARD-NAME',
    ],
    [
      'name with "?"',
      () => newGuard({ name: 'guard?' }),
      'name',
      'guard?',
      'must be 1-260 bytes of UTF-8 without / \\ ? # or control characters, no space at either end and no unescaped ${ or %{',
      'ADLSBK-GUARD-NAME',
    ],
    [
      'name with "#"',
      () => newGuard({ name: 'guard#1' }),
      'name',
      'guard#1',
      'must be 1-260 bytes of UTF-8 without / \\ ? # or control characters, no space at either end and no unescaped ${ or %{',
      'ADLSBK-GUARD-NAME',
    ],
    [
      'name 42',
      () => newGuard({ name: unchecked(42) }),
      'name',
      42,
      'must be 1-260 bytes of UTF-8 without / \\ ? # or control characters, no space at either end and no unescaped ${ or %{',
      'ADLSBK-TYPE',
    ],
    [
      'empty resource group',
      () => newGuard({ resourceGroupName: '' }),
      'resourceGroupName',
      '',
      'must be 1-90 ASCII letters, digits, underscores, hyphens, periods or parentheses, not ending in a period',
      'ADLSBK-RESOURCE-GROUP-NAME',
    ],
    [
      'resource group with slash',
      () => newGuard({ resourceGroupName: 'rg/security' }),
      'resourceGroupName',
      'rg/security',
      'must be 1-90 ASCII letters, digits, underscores, hyphens, periods or parentheses, not ending in a period',
      'ADLSBK-RESOURCE-GROUP-NAME',
    ],
    [
      'resource group ending in a period',
      () => newGuard({ resourceGroupName: 'rg-security.' }),
      'resourceGroupName',
      'rg-security.',
      'must be 1-90 ASCII letters, digits, underscores, hyphens, periods or parentheses, not ending in a period',
      'ADLSBK-RESOURCE-GROUP-NAME',
    ],
    [
      'resource group of 91 characters',
      () => newGuard({ resourceGroupName: 'r'.repeat(91) }),
      'resourceGroupName',
      'r'.repeat(91),
      'must be 1-90 ASCII letters, digits, underscores, hyphens, periods or parentheses, not ending in a period',
      'ADLSBK-RESOURCE-GROUP-NAME',
    ],
    [
      'resource group missing',
      () => newGuard({ resourceGroupName: unchecked(undefined) }),
      'resourceGroupName',
      undefined,
      'must be 1-90 ASCII letters, digits, underscores, hyphens, periods or parentheses, not ending in a period',
      'ADLSBK-REQUIRED',
    ],
    [
      'empty location',
      () => newGuard({ location: '' }),
      'location',
      '',
      'must be an Azure region such as "West Europe" or "westeurope"',
      'ADLSBK-REGION',
    ],
    [
      'location "West_Europe"',
      () => newGuard({ location: 'West_Europe' }),
      'location',
      'West_Europe',
      'must be an Azure region such as "West Europe" or "westeurope"',
      'ADLSBK-REGION',
    ],
    [
      'location missing',
      () => newGuard({ location: unchecked(undefined) }),
      'location',
      undefined,
      'must be an Azure region such as "West Europe" or "westeurope"',
      'ADLSBK-REQUIRED',
    ],
    [
      'unguardedOperations one operation, not a list',
      () => newGuard({ unguardedOperations: unchecked(RESTORE) }),
      'unguardedOperations',
      RESTORE,
      'must be a list of CriticalOperation values',
      'ADLSBK-TYPE',
    ],
    [
      'unguardedOperations "all"',
      () => newGuard({ unguardedOperations: unchecked('all') }),
      'unguardedOperations',
      'all',
      'must be a list of CriticalOperation values',
      'ADLSBK-TYPE',
    ],
    [
      'unguardedOperations removing MUA (always guarded)',
      () => newGuard({ unguardedOperations: [unchecked(REMOVE_MUA)] }),
      'unguardedOperations[0]',
      REMOVE_MUA,
      'must be a CriticalOperation (removing MUA and disabling soft delete are always guarded)',
      'ADLSBK-NOT-ALLOWED',
    ],
    [
      'unguardedOperations "RESTORE" (the enum key)',
      () => newGuard({ unguardedOperations: [unchecked('RESTORE')] }),
      'unguardedOperations[0]',
      'RESTORE',
      'must be a CriticalOperation (removing MUA and disabling soft delete are always guarded)',
      'ADLSBK-NOT-ALLOWED',
    ],
    [
      'unguardedOperations in lower case',
      () => newGuard({ unguardedOperations: [unchecked(RESTORE.toLowerCase())] }),
      'unguardedOperations[0]',
      RESTORE.toLowerCase(),
      'must be a CriticalOperation (removing MUA and disabling soft delete are always guarded)',
      'ADLSBK-NOT-ALLOWED',
    ],
    [
      'unguardedOperations null entry',
      () => newGuard({ unguardedOperations: [unchecked(null)] }),
      'unguardedOperations[0]',
      null,
      'must be a CriticalOperation (removing MUA and disabling soft delete are always guarded)',
      'ADLSBK-NOT-ALLOWED',
    ],
    [
      'unguardedOperations an operation twice',
      () => newGuard({ unguardedOperations: [RESTORE, CHANGE_POLICY, RESTORE] }),
      'unguardedOperations[2]',
      RESTORE,
      'repeats an operation already listed',
      'ADLSBK-REPEATED',
    ],
    [
      '51 tags',
      () => newGuard({ tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`tag${i}`, 'x'])) }),
      'tags',
      '51 tags',
      'can hold at most 50 tags',
      'ADLSBK-TAGS',
    ],
    [
      'tag value of 257 characters',
      () => newGuard({ tags: { owner: 'o'.repeat(257) } }),
      'tags["owner"]',
      'o'.repeat(257),
      'value must be a string of at most 256 bytes of UTF-8 (an accented letter counts 2; `$${` counts as `${`)',
      'ADLSBK-TAGS',
    ],
    [
      'empty tag key',
      () => newGuard({ tags: { '': 'x' } }),
      'tags[""]',
      '',
      'key must be 1-512 bytes of UTF-8 (as Terraform sends it: `$${` counts as `${`)',
      'ADLSBK-TAGS',
    ],
    [
      'tag value 42 (a number)',
      () => newGuard({ tags: { owner: unchecked(42) } }),
      'tags["owner"]',
      42,
      'value must be a string of at most 256 bytes of UTF-8 (an accented letter counts 2; `$${` counts as `${`)',
      'ADLSBK-TYPE',
    ],
  ]);
});

describe('DataLakeRestoreTarget', () => {
  /** A backup in the same stack, of account lakeweu02, by another vault. */
  const otherVaultsBackup = (l: ProtectedLake) => {
    const vault = new BackupVault(l.stack, 'OtherVault', vaultProps({ name: 'bv-other-weu' }));
    const policy = new DataLakeBackupPolicy(l.stack, 'OtherPolicy', policyProps(vault));
    const account = accountFromAttributes({ storageAccountId: accountIdOf('lakeweu02') });
    return protect({ ...l, vault, policy, account }, {}, 'OtherLake');
  };
  catalog([
    [
      'vault missing',
      () => restoreTarget({ vault: unchecked(undefined) }),
      'vault',
      undefined,
      'must be a BackupVault',
      'ADLSBK-REQUIRED',
    ],
    [
      'vault as an ID',
      () => restoreTarget({ vault: unchecked(VAULT_ID) }),
      'vault',
      VAULT_ID,
      'must be a BackupVault',
      'ADLSBK-TYPE',
    ],
    [
      'vault as attributes',
      () => restoreTarget({ vault: unchecked({ vaultId: VAULT_ID }) }),
      'vault',
      { vaultId: VAULT_ID },
      'must be a BackupVault',
      'ADLSBK-REFERENCE',
    ],
    [
      'storageAccount missing',
      () => restoreTarget({ storageAccount: unchecked(undefined) }),
      'storageAccount',
      undefined,
      'must be a DataLakeStorageAccount (fromStorageAccount, fromDataSource or fromAttributes)',
      'ADLSBK-REQUIRED',
    ],
    [
      'storageAccount as an ID',
      () => restoreTarget({ storageAccount: unchecked(ACCOUNT_ID) }),
      'storageAccount',
      ACCOUNT_ID,
      'must be a DataLakeStorageAccount (fromStorageAccount, fromDataSource or fromAttributes)',
      'ADLSBK-TYPE',
    ],
    [
      'storageAccount with ID 42',
      () => restoreTarget({ storageAccount: unchecked({ storageAccountId: 42 }) }),
      'storageAccount',
      { storageAccountId: 42 },
      'must be a DataLakeStorageAccount (fromStorageAccount, fromDataSource or fromAttributes)',
      'ADLSBK-REFERENCE',
    ],
    [
      'storageAccount the vault backs up',
      () => restoreTarget({ storageAccount: accountFromAttributes() }),
      'storageAccount',
      'lakeweu01',
      "is the account DataLakeBackup 'test/Lake' backs up: Azure restores a backup only to a different storage account (UserErrorOriginalLocationRestoreNotSupported)",
      'ADLSBK-RESTORE-TO-SOURCE',
    ],
    [
      'storageAccount in another region',
      () => restoreTarget({ storageAccount: restoreAccount('North Europe') }),
      'storageAccount.location',
      'North Europe',
      "must be the vault's region: Azure restores ADLS backups only to an account in the vault's region",
      'ADLSBK-REGION-MISMATCH',
    ],
    [
      'storageAccount without a name known at synth',
      () => restoreTarget((l) => ({ storageAccount: unnamedAccount(l.stack) })),
      'storageAccount.name',
      undefined,
      'must be known at synth time when `storageAccountId` is a Terraform reference, so that the role assignment gets a stable Terraform address',
      'ADLSBK-NOT-KNOWN-AT-SYNTH',
    ],
    [
      'sources "all"',
      () => restoreTarget({ sources: unchecked('all') }),
      'sources',
      'all',
      'must be a list of DataLakeBackup',
      'ADLSBK-TYPE',
    ],
    [
      'sources [{}]',
      () => restoreTarget({ sources: [unchecked({})] }),
      'sources[0]',
      {},
      'must be a DataLakeBackup',
      'ADLSBK-TYPE',
    ],
    [
      'sources [42]',
      () => restoreTarget({ sources: [unchecked(42)] }),
      'sources[0]',
      42,
      'must be a DataLakeBackup',
      'ADLSBK-TYPE',
    ],
    [
      'sources[1] a backup of another vault',
      () => restoreTarget((l) => ({ sources: [l.backup, otherVaultsBackup(l)] })),
      'sources[1]',
      'test/OtherLake',
      "must be a backup of this target's vault 'test/Vault'",
      'ADLSBK-OTHER-VAULT',
    ],
    [
      'existingContainers "raw" (not a list)',
      () => restoreTarget({ existingContainers: unchecked('raw') }),
      'existingContainers',
      'raw',
      'must be a list of container names',
      'ADLSBK-TYPE',
    ],
    [
      'existingContainers [""]',
      () => restoreTarget({ existingContainers: [''] }),
      'existingContainers[0]',
      '',
      'must be a container name known at synth time: 3-63 lowercase letters, digits or single hyphens',
      'ADLSBK-CONTAINER-NAME',
    ],
    [
      'existingContainers [42]',
      () => restoreTarget({ existingContainers: [unchecked(42)] }),
      'existingContainers[0]',
      42,
      'must be a container name known at synth time: 3-63 lowercase letters, digits or single hyphens',
      'ADLSBK-TYPE',
    ],
    [
      'existingContainers holding a container the source restores',
      () => restoreTarget((l) => ({ sources: [l.backup], existingContainers: ['landing', 'curated'] })),
      'existingContainers[1]',
      'curated',
      "is also a container of DataLakeBackup 'test/Lake': Azure refuses to restore it into an account that already has it (UserErrorTargetContainersExistOnAccount)",
      'ADLSBK-RESTORE-CONTAINER-EXISTS',
    ],
  ]);
});

describe('one construct with several problems reports them all at once', () => {
  test.each<[name: string, build: () => unknown, fields: string[]]>([
    ['BackupSchedule.weekly', () => BackupSchedule.weekly({ days: [], hour: 24, minute: 60 }), ['hour', 'minute', 'days']],
    [
      'RetentionRule.custom',
      () =>
        RetentionRule.custom({
          name: 'Default',
          duration: Duration.years(11),
          absoluteCriteria: FIRST_OF_DAY,
          daysOfWeek: [MONDAY],
        }),
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
        accountFromResource({
          isHnsEnabled: false,
          nfsv3Enabled: true,
          sftpEnabled: true,
          accountKind: 'BlobStorage',
          accountTier: 'Premium',
        }),
      ['isHnsEnabled', 'nfsv3Enabled', 'sftpEnabled', 'accountKind', 'accountTier'],
    ],
    [
      'DataLakeBackup',
      () =>
        protect(lake(), {
          containers: ['Raw_Data', '$root', 'raw', 'raw'],
          rolePropagationWait: Duration.hours(2),
          name: 'lake/raw',
        }),
      ['containers[0]', 'containers[1]', 'containers[3]', 'rolePropagationWait', 'name'],
    ],
    [
      'DataLakeBackup across regions',
      () => protect(lake('West Europe', 'East US'), { containers: [] }),
      ['storageAccount.location', 'containers'],
    ],
    [
      'BackupSchedule.daily',
      () => BackupSchedule.daily({ hour: -1, minute: 60, utcOffset: 'Z' }),
      ['hour', 'minute', 'utcOffset'],
    ],
    [
      'RetentionRule.custom with absoluteCriteria and every other criterion',
      () =>
        customRule({
          absoluteCriteria: ALL_BACKUP,
          daysOfWeek: [SUNDAY],
          weeksOfMonth: [FIRST],
          monthsOfYear: [JANUARY],
          scheduledBackupTimes: ['2024-01-07T02:30:00Z'],
        }),
      ['daysOfWeek', 'weeksOfMonth', 'monthsOfYear', 'scheduledBackupTimes'],
    ],
    [
      'BackupVault with an unacknowledged Locked and a bad name',
      () =>
        newVault({
          name: 'bv_lake',
          immutability: Immutability.LOCKED,
          acknowledgeIrreversible: [unchecked('Locked')],
          preventDestroy: unchecked('yes'),
          deletionLock: unchecked(1),
        }),
      ['name', 'immutability', 'acknowledgeIrreversible[0]', 'preventDestroy', 'deletionLock'],
    ],
    [
      'BackupVault acknowledging a setting it does not set, twice',
      () => newVault({ acknowledgeIrreversible: [IMMUTABILITY_LOCKED, IMMUTABILITY_LOCKED] }),
      ['acknowledgeIrreversible[0]', 'acknowledgeIrreversible[1]'],
    ],
    [
      'BackupVault with every irreversible setting unacknowledged',
      () => newVault({ softDelete: SoftDelete.ALWAYS_ON, immutability: Immutability.LOCKED, crossRegionRestore: true }),
      ['softDelete', 'immutability', 'crossRegionRestore'],
    ],
    [
      'DataLakeBackup with non-boolean switches',
      () =>
        protect(lake(), { grantAccess: unchecked(1), preventDestroy: unchecked('no'), allowUnlistedRegion: unchecked('yes') }),
      ['grantAccess', 'preventDestroy', 'allowUnlistedRegion'],
    ],
    [
      'BackupResourceGuard with a bad name and a bad operation',
      () => newGuard({ name: 'guard/weu', location: '', unguardedOperations: [unchecked('Restore')] }),
      ['name', 'location', 'unguardedOperations[0]'],
    ],
    [
      'BackupResourceGuard without props',
      () => new BackupResourceGuard(newStack(), 'Guard', unchecked(undefined)),
      ['name', 'resourceGroupName', 'location'],
    ],
    [
      'DataLakeRestoreTarget',
      () => restoreTarget({ vault: unchecked(undefined), sources: unchecked('all'), existingContainers: [''] }),
      ['vault', 'sources', 'existingContainers[0]'],
    ],
    [
      'DataLakeRestoreTarget: the backed-up account, in another region',
      () => restoreTarget({ storageAccount: accountFromAttributes({ location: 'North Europe' }) }),
      ['storageAccount', 'storageAccount.location'],
    ],
    [
      'vault.grantRestoreAccess: the backed-up account, in another region',
      () => {
        const l = lake();
        protect(l);
        return l.vault.grantRestoreAccess(accountFromAttributes({ location: 'North Europe' }));
      },
      ['targetAccount', 'targetAccount.location'],
    ],
  ])('%s', (_name, build, fields) => {
    const error = catchConfigError(build);
    expect(error.problems.length).toBeGreaterThanOrEqual(Math.max(2, fields.length));
    for (const field of fields) {
      expect(error.problems.map((p) => p.path)).toContain(field);
    }
    expect(error.message).toContain(`${error.problems.length} problems:`);
  });
});

describe('edge values found by review: impossible offsets and dates, mismatched names, null', () => {
  const OFFSET_99 = 'R/2024-01-07T02:30:00+99:99/P1W';
  test.each<Case>([
    [
      'expression with UTC offset +99:99',
      () => BackupSchedule.expression(OFFSET_99),
      'intervals[0]',
      OFFSET_99,
      'must start at a real date, time of day and UTC offset, like "2024-01-07T02:30:00+00:00"',
      'ADLSBK-SCHEDULE-INTERVAL',
    ],
    [
      'scheduledBackupTimes on the 45th day of month 13',
      () => customRule({ daysOfWeek: [SUNDAY], scheduledBackupTimes: ['2024-13-45T25:61:00Z'] }),
      'scheduledBackupTimes[0]',
      '2024-13-45T25:61:00Z',
      'must be an RFC 3339 time like "2024-01-07T02:30:00Z"',
      'ADLSBK-BACKUP-TIME',
    ],
    [
      'fromVaultAttributes: name not matching the vault ID',
      () => importVault({ name: 'bv-other' }),
      'name',
      'bv-other',
      'must match the name in `vaultId` ("bv-lake-weu")',
      'ADLSBK-NAME-MISMATCH',
    ],
    [
      'softDeleteRetention in hours, even a whole number of days',
      () => newVault({ softDeleteRetention: Duration.hours(336) }),
      'softDeleteRetention',
      '336 hours',
      'must be 14 to 180 days, given as Duration.days or Duration.weeks',
      'ADLSBK-SOFT-DELETE-RETENTION',
    ],
    [
      'softDeleteRetention null with softDelete Off',
      () => newVault({ softDelete: SoftDelete.OFF, softDeleteRetention: unchecked(null) }),
      'softDeleteRetention',
      null,
      'must be 14 to 180 days, given as Duration.days or Duration.weeks',
      'ADLSBK-TYPE',
    ],
  ])('%s', (_name, build, field, received, rule, code) => {
    expectConfigError(build, field, received, rule, code);
  });
});

describe('inputs the library passed through or mis-named until the catalog found them', () => {
  const l = () => lake();
  const policyNamedTwice = () => {
    const { stack, vault } = lake();
    return new DataLakeBackupPolicy(stack, 'Policy2', policyProps(vault, { name: 'ADLS-DAILY' }));
  };
  catalog([
    [
      'grantBackupAccess with a name instead of an account',
      () => l().vault.grantBackupAccess(unchecked('lakeweu01')),
      'storageAccount',
      'lakeweu01',
      'must be a DataLakeStorageAccount (fromStorageAccount, fromDataSource or fromAttributes)',
      'ADLSBK-TYPE',
    ],
    [
      'grantBackupAccess with undefined',
      () => l().vault.grantBackupAccess(unchecked(undefined)),
      'storageAccount',
      undefined,
      'must be a DataLakeStorageAccount (fromStorageAccount, fromDataSource or fromAttributes)',
      'ADLSBK-REQUIRED',
    ],
    [
      'grantRestoreAccess with an object that is not an account',
      () => l().vault.grantRestoreAccess(unchecked({ storageAccountId: 42 })),
      'targetAccount',
      { storageAccountId: 42 },
      'must be a DataLakeStorageAccount (fromStorageAccount, fromDataSource or fromAttributes)',
      'ADLSBK-REFERENCE',
    ],
    [
      'grantBackupAccess with a string scope',
      () => l().vault.grantBackupAccess(accountFromAttributes(), unchecked('here')),
      'scope',
      'here',
      'must be a construct (where to create the role assignment)',
      'ADLSBK-TYPE',
    ],
    [
      'grantRestoreAccess with a string scope',
      () => l().vault.grantRestoreAccess(restoreAccount(), unchecked('here')),
      'scope',
      'here',
      'must be a construct (where to create the role assignment)',
      'ADLSBK-TYPE',
    ],
    [
      'grantBackupAccess with an account in another region',
      () => l().vault.grantBackupAccess(accountFromAttributes({ location: 'North Europe' })),
      'storageAccount.location',
      'North Europe',
      "must be the vault's region: Azure Backup for ADLS needs the Backup vault and the storage account in the same region",
      'ADLSBK-REGION-MISMATCH',
    ],
    [
      'DataLakeBackup with a look-alike vault object',
      () => protect(l(), { vault: unchecked({ vaultId: VAULT_ID, location: 'West Europe' }) }),
      'vault',
      { vaultId: VAULT_ID, location: 'West Europe' },
      'must be a BackupVault',
      'ADLSBK-REFERENCE',
    ],
    [
      'DataLakeBackup with a look-alike policy object',
      () => protect(l(), { policy: unchecked({ policyId: 'p' }) }),
      'policy',
      { policyId: 'p' },
      'must be a DataLakeBackupPolicy',
      'ADLSBK-REFERENCE',
    ],
    [
      'scheduledBackupTimes as a string',
      () => customRule({ daysOfWeek: [SUNDAY], scheduledBackupTimes: unchecked('2024-01-07T02:30:00Z') }),
      'scheduledBackupTimes',
      '2024-01-07T02:30:00Z',
      'must be a list of RFC 3339 times',
      'ADLSBK-TYPE',
    ],
    [
      'scheduledBackupTimes holding a number',
      () => customRule({ daysOfWeek: [SUNDAY], scheduledBackupTimes: unchecked([42]) }),
      'scheduledBackupTimes[0]',
      42,
      'must be an RFC 3339 time like "2024-01-07T02:30:00Z"',
      'ADLSBK-TYPE',
    ],
    [
      'scheduledBackupTimes repeating a time',
      () => customRule({ daysOfWeek: [SUNDAY], scheduledBackupTimes: ['2024-01-07T02:30:00Z', '2024-01-07T02:30:00Z'] }),
      'scheduledBackupTimes[1]',
      '2024-01-07T02:30:00Z',
      'repeats a time already listed (azurerm keeps them as a set)',
      'ADLSBK-REPEATED',
    ],
    [
      'vault tags as a string',
      () => newVault({ tags: unchecked('env=prod') }),
      'tags',
      'env=prod',
      'must be a map of tag names to values, e.g. { team: "data" }',
      'ADLSBK-TYPE',
    ],
    [
      'guard tags as a list',
      () => newGuard({ tags: unchecked(['env']) }),
      'tags',
      ['env'],
      'must be a map of tag names to values, e.g. { team: "data" }',
      'ADLSBK-TYPE',
    ],
    [
      'utcOffset +14:30',
      () => BackupSchedule.daily({ hour: 2, utcOffset: '+14:30' }),
      'utcOffset',
      '+14:30',
      'must be a UTC offset from -14:00 to +14:00 written like "+01:00"',
      'ADLSBK-SCHEDULE-TIME',
    ],
    [
      'utcOffset -14:59',
      () => BackupSchedule.daily({ hour: 2, utcOffset: '-14:59' }),
      'utcOffset',
      '-14:59',
      'must be a UTC offset from -14:00 to +14:00 written like "+01:00"',
      'ADLSBK-SCHEDULE-TIME',
    ],
    [
      'expression with offset +14:59',
      () => BackupSchedule.expression('R/2024-01-07T02:30:00+14:59/P1W'),
      'intervals[0]',
      'R/2024-01-07T02:30:00+14:59/P1W',
      'must start at a real date, time of day and UTC offset, like "2024-01-07T02:30:00+00:00"',
      'ADLSBK-SCHEDULE-INTERVAL',
    ],
    [
      'nfsv3Enabled as the string "true"',
      () => accountFromResource({ nfsv3Enabled: unchecked('true') }),
      'nfsv3Enabled',
      'true',
      'must not be true: NFS 3.0 accounts cannot use ADLS vaulted backup',
      'ADLSBK-ACCOUNT-UNSUPPORTED',
    ],
    [
      'sftpEnabled as the string "true"',
      () => accountFromResource({ sftpEnabled: unchecked('true') }),
      'sftpEnabled',
      'true',
      'must not be true: SFTP accounts cannot use ADLS vaulted backup',
      'ADLSBK-ACCOUNT-UNSUPPORTED',
    ],
    [
      'restore target existingContainers repeating a name',
      () => restoreTarget({ existingContainers: ['gold', 'gold'] }),
      'existingContainers[1]',
      'gold',
      'repeats a container already listed',
      'ADLSBK-REPEATED',
    ],
    [
      'restore target existingContainers "Raw_Data"',
      () => restoreTarget({ existingContainers: ['Raw_Data'] }),
      'existingContainers[0]',
      'Raw_Data',
      'must be a container name known at synth time: 3-63 lowercase letters, digits or single hyphens',
      'ADLSBK-CONTAINER-NAME',
    ],
    [
      'restore target sources repeating a backup',
      () => restoreTarget((p) => ({ sources: [p.backup, p.backup] })),
      'sources[1]',
      'test/Lake',
      'repeats a backup already listed',
      'ADLSBK-REPEATED',
    ],
    [
      'RetentionRule.weekly with a day name as options',
      () => RetentionRule.weekly(Duration.weeks(4), unchecked('Sunday')),
      'options',
      'Sunday',
      'must be an object such as { daysOfWeek: [DayOfWeek.SUNDAY] }',
      'ADLSBK-TYPE',
    ],
    [
      'a second policy of the same name (in another case) in one vault',
      policyNamedTwice,
      'name',
      'ADLS-DAILY',
      "is already the name of policy 'test/Policy' in this vault (names are unique per vault, in any case)",
      'ADLSBK-POLICY-NAME-TAKEN',
    ],
  ]);
});

describe('inputs the library accepted silently until issue 14 (item 7): types, names and IDs at run time', () => {
  // -------------------------------------------------------------------------------------------------------------
  // Fixtures of this section

  const WORKSPACE_ID = `${SUBSCRIPTION}/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/log-central`;
  const ACTION_GROUP_ID = `${SUBSCRIPTION}/resourceGroups/rg-alerts/providers/Microsoft.Insights/actionGroups/oncall`;

  function monitor(overrides: Partial<BackupMonitoringProps> = {}): BackupMonitoring {
    const stack = newStack();
    const vault = new BackupVault(stack, 'Vault', vaultProps());
    return new BackupMonitoring(stack, 'Monitoring', {
      vault,
      logAnalyticsWorkspaceId: WORKSPACE_ID,
      emails: ['oncall@example.com'],
      ...overrides,
    });
  }

  /** A construct of the user's own that implements IBackupVault with `fields` (the rest valid). */
  function ownVault(stack: TerraformStack, fields: Record<string, unknown>): IBackupVault {
    const fake = new Construct(stack, 'OwnVault');
    const grant = () => undefined;
    return unchecked(
      Object.assign(fake, {
        vaultId: VAULT_ID,
        location: 'West Europe',
        principalId: PRINCIPAL_ID,
        grantBackupAccess: grant,
        grantRestoreAccess: grant,
        ...fields,
      }),
    );
  }

  /** An object of the user's own that implements IDataLakeStorageAccount with `fields` (the rest valid). */
  const ownAccount = (fields: Record<string, unknown>): DataLakeStorageAccount =>
    unchecked({ storageAccountId: ACCOUNT_ID, location: 'West Europe', name: 'lakeweu01', stableKey: 'lakeweu01', ...fields });

  /** `id` with segment `index` (2 subscription, 4 group, 6 namespace, 7 type, 8 name) replaced by `value`. */
  const withSegment = (id: string, index: number, value: string) =>
    id
      .split('/')
      .map((s, i) => (i === index ? value : s))
      .join('/');

  const GUID_RULE = 'must have a GUID as its subscription segment';
  const GROUP_RULE =
    'must have a resource group segment of 1-90 ASCII letters, digits, underscores, hyphens, periods or parentheses';
  const CASED_RULE = 'cased as azurerm reads it';
  const NAME_RULE = 'must end in a name of';
  const SEGMENTS_RULE = 'must be a resource ID of 8 segments';

  /** Every segment of an ID the API takes, broken one at a time, as `build(id)` passes it to `field`. */
  function idCases(kind: string, validId: string, field: string, build: (id: string) => unknown, otherType: string): Case[] {
    const cases: [string, string, string][] = [
      ['subscription ".."', withSegment(validId, 2, '..'), GUID_RULE],
      ['subscription "sub-1" (not a GUID)', withSegment(validId, 2, 'sub-1'), GUID_RULE],
      ['subscription as a raw ${var.subscription_id}', withSegment(validId, 2, '${var.subscription_id}'), GUID_RULE],
      ['subscription GUID without hyphens', withSegment(validId, 2, BARE_GUID), GUID_RULE],
      ['resource group ".."', withSegment(validId, 4, '..'), GROUP_RULE],
      ['resource group with a quote', withSegment(validId, 4, 'rg"data'), GROUP_RULE],
      ['resource group with a newline', withSegment(validId, 4, 'rg\ndata'), GROUP_RULE],
      ['resource group of 91 characters', withSegment(validId, 4, 'r'.repeat(91)), GROUP_RULE],
      // Azure takes these letters; azurerm's ValidateName does not, so the plan would fail.
      ['resource group with non-ASCII letters', withSegment(validId, 4, 'données'), GROUP_RULE],
      ['empty resource group', withSegment(validId, 4, ''), GROUP_RULE],
      ['another provider namespace', withSegment(validId, 6, 'Microsoft.Web'), CASED_RULE],
      ['another resource type', withSegment(validId, 7, otherType), CASED_RULE],
      ['a name with a quote', withSegment(validId, 8, 'x"y'), NAME_RULE],
      ['a name with a newline', withSegment(validId, 8, 'log\nx'), NAME_RULE],
      ['a name as a raw ${var.name}', withSegment(validId, 8, '${var.name}'), NAME_RULE],
      ['a trailing newline', `${validId}\n`, NAME_RULE],
      ['a leading space', ` ${validId}`, SEGMENTS_RULE],
      ['a child resource ID', `${validId}/child/x`, SEGMENTS_RULE],
      ['"segments" missing', validId.replace('/resourceGroups', ''), SEGMENTS_RULE],
    ];
    // Each breaks the resource ID's shape, whichever segment it is.
    return cases.map(([name, id, rule]): Case => [`${kind}: ${name}`, () => build(id), field, id, rule, 'ADLSBK-RESOURCE-ID']);
  }

  // -------------------------------------------------------------------------------------------------------------

  describe('DataLakeStorageAccount.fromAttributes: `name` of any type was written as the instance name', () => {
    const rule = 'must be 3-24 lowercase letters and digits';
    catalog([
      ['name 123', () => accountFromAttributes({ name: unchecked(123) }), 'name', 123, rule, 'ADLSBK-TYPE'],
      ['name null', () => accountFromAttributes({ name: unchecked(null) }), 'name', null, rule, 'ADLSBK-TYPE'],
      ['name {}', () => accountFromAttributes({ name: unchecked({}) }), 'name', {}, rule, 'ADLSBK-TYPE'],
      ['name true', () => accountFromAttributes({ name: unchecked(true) }), 'name', true, rule, 'ADLSBK-TYPE'],
      [
        'name ["lakeweu01"]',
        () => accountFromAttributes({ name: unchecked(['lakeweu01']) }),
        'name',
        ['lakeweu01'],
        rule,
        'ADLSBK-TYPE',
      ],
      [
        'attributes as a string',
        () => DataLakeStorageAccount.fromAttributes(unchecked(ACCOUNT_ID)),
        'attributes',
        ACCOUNT_ID,
        'must be an object',
        'ADLSBK-TYPE',
      ],
    ]);
  });

  describe('BackupVault.fromVaultAttributes: `name` of any type, like the account', () => {
    const rule = 'must be 2-50 letters, digits or hyphens';
    catalog([
      ['name 123', () => importVault({ name: unchecked(123) }), 'name', 123, rule, 'ADLSBK-TYPE'],
      ['name null', () => importVault({ name: unchecked(null) }), 'name', null, rule, 'ADLSBK-TYPE'],
      ['name {}', () => importVault({ name: unchecked({}) }), 'name', {}, rule, 'ADLSBK-TYPE'],
      [
        'name "bv-${var.env}" (a raw template)',
        () => importVault({ name: 'bv-${var.env}' }),
        'name',
        'bv-${var.env}',
        rule,
        'ADLSBK-VAULT-NAME',
      ],
      [
        'attributes as a string',
        () => BackupVault.fromVaultAttributes(newStack(), 'Imported', unchecked(VAULT_ID)),
        'attributes',
        VAULT_ID,
        'must be an object',
        'ADLSBK-TYPE',
      ],
    ]);
  });

  describe('daysOfWeek of 0, NaN or "" were taken for "none" by the named retention rules', () => {
    const notAList = 'must be a list of at least one of Monday, Tuesday';
    const weekly = (daysOfWeek: unknown) => () => RetentionRule.weekly(Duration.weeks(4), { daysOfWeek: unchecked(daysOfWeek) });
    const monthly = (opts: object) => () => RetentionRule.monthly(Duration.months(6), unchecked(opts));
    const yearly = (opts: object) => () => RetentionRule.yearly(Duration.years(2), unchecked(opts));
    catalog([
      ['RetentionRule.weekly: daysOfWeek 0', weekly(0), 'daysOfWeek', 0, notAList, 'ADLSBK-TYPE'],
      ['RetentionRule.weekly: daysOfWeek NaN', weekly(NaN), 'daysOfWeek', NaN, notAList, 'ADLSBK-TYPE'],
      ['RetentionRule.weekly: daysOfWeek ""', weekly(''), 'daysOfWeek', '', notAList, 'ADLSBK-TYPE'],
      ['RetentionRule.weekly: daysOfWeek null', weekly(null), 'daysOfWeek', null, notAList, 'ADLSBK-TYPE'],
      ['RetentionRule.weekly: daysOfWeek false', weekly(false), 'daysOfWeek', false, notAList, 'ADLSBK-TYPE'],
      ['RetentionRule.monthly: daysOfWeek 0', monthly({ daysOfWeek: 0 }), 'daysOfWeek', 0, notAList, 'ADLSBK-TYPE'],
      ['RetentionRule.monthly: daysOfWeek NaN', monthly({ daysOfWeek: NaN }), 'daysOfWeek', NaN, notAList, 'ADLSBK-TYPE'],
      ['RetentionRule.monthly: daysOfWeek ""', monthly({ daysOfWeek: '' }), 'daysOfWeek', '', notAList, 'ADLSBK-TYPE'],
      [
        'RetentionRule.monthly: weeksOfMonth 0',
        monthly({ daysOfWeek: [SUNDAY], weeksOfMonth: 0 }),
        'weeksOfMonth',
        0,
        'must be a list of at least one of First',
        'ADLSBK-TYPE',
      ],
      ['RetentionRule.yearly: daysOfWeek 0', yearly({ daysOfWeek: 0 }), 'daysOfWeek', 0, notAList, 'ADLSBK-TYPE'],
      ['RetentionRule.yearly: daysOfWeek NaN', yearly({ daysOfWeek: NaN }), 'daysOfWeek', NaN, notAList, 'ADLSBK-TYPE'],
      ['RetentionRule.yearly: daysOfWeek ""', yearly({ daysOfWeek: '' }), 'daysOfWeek', '', notAList, 'ADLSBK-TYPE'],
      [
        'RetentionRule.yearly: monthsOfYear ""',
        yearly({ daysOfWeek: [SUNDAY], weeksOfMonth: [FIRST], monthsOfYear: '' }),
        'monthsOfYear',
        '',
        'must be a list of at least one of January',
        'ADLSBK-TYPE',
      ],
      [
        'RetentionRule.custom: daysOfWeek 0',
        () => customRule({ daysOfWeek: unchecked(0) }),
        'daysOfWeek',
        0,
        notAList,
        'ADLSBK-TYPE',
      ],
      [
        'RetentionRule.custom: daysOfWeek NaN',
        () => customRule({ daysOfWeek: unchecked(NaN) }),
        'daysOfWeek',
        NaN,
        notAList,
        'ADLSBK-TYPE',
      ],
      [
        'RetentionRule.custom: daysOfWeek ""',
        () => customRule({ daysOfWeek: unchecked('') }),
        'daysOfWeek',
        '',
        notAList,
        'ADLSBK-TYPE',
      ],
    ]);

    const daysRule = 'must be a list of 1 to 5 days of the week';
    const weeklySchedule = (days: unknown) => () => BackupSchedule.weekly({ days: unchecked(days), hour: 2 });
    catalog([
      ['BackupSchedule.weekly: days 0', weeklySchedule(0), 'days', 0, daysRule, 'ADLSBK-TYPE'],
      ['BackupSchedule.weekly: days NaN', weeklySchedule(NaN), 'days', NaN, daysRule, 'ADLSBK-TYPE'],
      ['BackupSchedule.weekly: days ""', weeklySchedule(''), 'days', '', daysRule, 'ADLSBK-TYPE'],
      ['BackupSchedule.weekly: days null', weeklySchedule(null), 'days', null, daysRule, 'ADLSBK-TYPE'],
      ['BackupSchedule.weekly: days [0]', weeklySchedule([0]), 'days[0]', 0, 'must be one of Monday', 'ADLSBK-NOT-ALLOWED'],
      ['BackupSchedule.weekly: days [NaN]', weeklySchedule([NaN]), 'days[0]', NaN, 'must be one of Monday', 'ADLSBK-NOT-ALLOWED'],
      ['BackupSchedule.weekly: days [""]', weeklySchedule(['']), 'days[0]', '', 'must be one of Monday', 'ADLSBK-NOT-ALLOWED'],
    ]);
  });

  describe('null was taken for "the default" where only a missing value is', () => {
    catalog([
      [
        'BackupSchedule.daily: minute null',
        () => BackupSchedule.daily({ hour: 2, minute: unchecked(null) }),
        'minute',
        null,
        'must be a whole number from 0 to 59',
        'ADLSBK-TYPE',
      ],
      [
        'BackupSchedule.daily: utcOffset null',
        () => BackupSchedule.daily({ hour: 2, utcOffset: unchecked(null) }),
        'utcOffset',
        null,
        'must be a UTC offset',
        'ADLSBK-TYPE',
      ],
      [
        'BackupSchedule.weekly: minute null',
        () => BackupSchedule.weekly({ days: [SUNDAY], hour: 2, minute: unchecked(null) }),
        'minute',
        null,
        'must be a whole number from 0 to 59',
        'ADLSBK-TYPE',
      ],
      [
        'RetentionRule.weekly: name null',
        () => RetentionRule.weekly(Duration.weeks(4), { name: unchecked(null) }),
        'name',
        null,
        'must be 1-150 letters, digits or hyphens',
        'ADLSBK-TYPE',
      ],
      [
        'DataLakeBackupCompliance: level null',
        () => DataLakeBackupCompliance.applyTo(newStack(), { level: unchecked(null) }),
        'level',
        null,
        'must be one of error, warning',
        'ADLSBK-NOT-ALLOWED',
      ],
      [
        'DataLakeBackupCompliance: minimumRetention null',
        () => DataLakeBackupCompliance.applyTo(newStack(), { minimumRetention: unchecked(null) }),
        'minimumRetention',
        null,
        'must be a Duration in days, weeks, months or years',
        'ADLSBK-TYPE',
      ],
      [
        'DataLakeBackupCompliance: level "warn"',
        () => DataLakeBackupCompliance.applyTo(newStack(), { level: unchecked('warn') }),
        'level',
        'warn',
        `must be one of ${ComplianceLevel.ERROR}, ${ComplianceLevel.WARNING}`,
        'ADLSBK-NOT-ALLOWED',
      ],
      [
        'DataLakeBackupCompliance: props "strict"',
        () => DataLakeBackupCompliance.applyTo(newStack(), unchecked('strict')),
        'props',
        'strict',
        'must be an object',
        'ADLSBK-TYPE',
      ],
    ]);
  });

  describe('options a rule does not take were ignored', () => {
    catalog([
      [
        'RetentionRule.weekly with weeksOfMonth',
        () => RetentionRule.weekly(Duration.weeks(4), unchecked({ daysOfWeek: [SUNDAY], weeksOfMonth: [FIRST] })),
        'weeksOfMonth',
        ['First'],
        'is not an option of RetentionRule.weekly',
        'ADLSBK-UNKNOWN-FIELD',
      ],
      [
        'RetentionRule.monthly with monthsOfYear',
        () => RetentionRule.monthly(Duration.months(6), unchecked({ daysOfWeek: [SUNDAY], monthsOfYear: [JANUARY] })),
        'monthsOfYear',
        ['January'],
        'is not an option of RetentionRule.monthly',
        'ADLSBK-UNKNOWN-FIELD',
      ],
      [
        'RetentionRule.weekly with absoluteCriteria',
        () => RetentionRule.weekly(Duration.weeks(4), unchecked({ absoluteCriteria: ALL_BACKUP })),
        'absoluteCriteria',
        'AllBackup',
        'is not an option of RetentionRule.weekly (RetentionRule.custom take it)',
        'ADLSBK-UNKNOWN-FIELD',
      ],
      [
        'RetentionRule.custom with a misspelt criterion',
        () => customRule({ daysOfWeek: [SUNDAY], ...unchecked<object>({ dayOfWeek: [MONDAY] }) }),
        'dayOfWeek',
        ['Monday'],
        'is not an option of RetentionRule.custom',
        'ADLSBK-UNKNOWN-FIELD',
      ],
      [
        'RetentionRule.custom with props as a string',
        () => RetentionRule.custom(unchecked('Keep')),
        'props',
        'Keep',
        'must be an object',
        'ADLSBK-TYPE',
      ],
    ]);
  });

  describe('backup instance names: azurerm only wants one not empty, so " " was accepted', () => {
    const rule = 'must be 1-150 letters, digits, hyphens, underscores or periods, starting and ending with a letter or digit';
    const named = (name: unknown) => () => protect(lake(), { name: unchecked(name) });
    catalog([
      ['name " "', named(' '), 'name', ' ', rule, 'ADLSBK-INSTANCE-NAME'],
      ['name with a leading space', named(' lake'), 'name', ' lake', rule, 'ADLSBK-INSTANCE-NAME'],
      ['name with a trailing space', named('lake '), 'name', 'lake ', rule, 'ADLSBK-INSTANCE-NAME'],
      ['name with a space inside', named('lake raw'), 'name', 'lake raw', rule, 'ADLSBK-INSTANCE-NAME'],
      ['name with a newline', named('lake\nraw'), 'name', 'lake\nraw', rule, 'ADLSBK-INSTANCE-NAME'],
      ['name with a tab', named('lake\traw'), 'name', 'lake\traw', rule, 'ADLSBK-INSTANCE-NAME'],
      ['name with a quote', named('lake"raw'), 'name', 'lake"raw', rule, 'ADLSBK-INSTANCE-NAME'],
      ['name with an apostrophe', named("lake'raw"), 'name', "lake'raw", rule, 'ADLSBK-INSTANCE-NAME'],
      ['name as a raw ${var.name}', named('${var.name}'), 'name', '${var.name}', rule, 'ADLSBK-INSTANCE-NAME'],
      [
        'name with a raw %{ directive',
        named('lake%{if true}x%{endif}'),
        'name',
        'lake%{if true}x%{endif}',
        rule,
        'ADLSBK-INSTANCE-NAME',
      ],
      ['name with an escaped $${', named('lake$${x}'), 'name', 'lake$${x}', rule, 'ADLSBK-INSTANCE-NAME'],
      ['name starting with a hyphen', named('-lake'), 'name', '-lake', rule, 'ADLSBK-INSTANCE-NAME'],
      ['name ending in a period', named('lake.'), 'name', 'lake.', rule, 'ADLSBK-INSTANCE-NAME'],
      ['name "é"', named('lacé'), 'name', 'lacé', rule, 'ADLSBK-INSTANCE-NAME'],
      ['name null', named(null), 'name', null, rule, 'ADLSBK-TYPE'],
    ]);
  });

  describe('retention rule names: 100,000 characters, quotes and newlines were accepted', () => {
    const rule = 'must be 1-150 letters, digits or hyphens, starting with a letter';
    const custom = (name: string) => () => customRule({ name, absoluteCriteria: ALL_BACKUP });
    const huge = 'k'.repeat(100_000);
    catalog([
      ['custom: name of 100,000 characters', custom(huge), 'name', huge, rule, 'ADLSBK-RETENTION-RULE-NAME'],
      ['custom: name of 151 characters', custom('k'.repeat(151)), 'name', 'k'.repeat(151), rule, 'ADLSBK-RETENTION-RULE-NAME'],
      ['custom: name with quotes', custom('Keep "forever"'), 'name', 'Keep "forever"', rule, 'ADLSBK-RETENTION-RULE-NAME'],
      ['custom: name with a newline', custom('Keep\nforever'), 'name', 'Keep\nforever', rule, 'ADLSBK-RETENTION-RULE-NAME'],
      ['custom: name with a leading space', custom(' Keep'), 'name', ' Keep', rule, 'ADLSBK-RETENTION-RULE-NAME'],
      ['custom: name with a trailing space', custom('Keep '), 'name', 'Keep ', rule, 'ADLSBK-RETENTION-RULE-NAME'],
      ['custom: name as a raw ${var.rule}', custom('${var.rule}'), 'name', '${var.rule}', rule, 'ADLSBK-RETENTION-RULE-NAME'],
      ['custom: name starting with a digit', custom('1st-of-month'), 'name', '1st-of-month', rule, 'ADLSBK-RETENTION-RULE-NAME'],
      ['custom: name with an underscore', custom('keep_long'), 'name', 'keep_long', rule, 'ADLSBK-RETENTION-RULE-NAME'],
      [
        'weekly: name with a backslash',
        () => RetentionRule.weekly(Duration.weeks(4), { name: 'Week\\ly' }),
        'name',
        'Week\\ly',
        rule,
        'ADLSBK-RETENTION-RULE-NAME',
      ],
      [
        'monthly: name with a quote',
        () => RetentionRule.monthly(Duration.months(6), { name: 'Month"ly' }),
        'name',
        'Month"ly',
        rule,
        'ADLSBK-RETENTION-RULE-NAME',
      ],
      [
        'yearly: name " "',
        () => RetentionRule.yearly(Duration.years(1), { name: ' ' }),
        'name',
        ' ',
        rule,
        'ADLSBK-RETENTION-RULE-NAME',
      ],
    ]);
  });

  describe('a raw ${...} in a name is refused by the name rule itself (write $${ for a literal ${)', () => {
    catalog([
      [
        'vault name "bv-${var.env}"',
        () => newVault({ name: 'bv-${var.env}' }),
        'name',
        'bv-${var.env}',
        'must be 2-50 letters, digits or hyphens',
        'ADLSBK-VAULT-NAME',
      ],
      [
        'policy name "adls-${var.env}"',
        () => newPolicy({ name: 'adls-${var.env}' }),
        'name',
        'adls-${var.env}',
        'must be 3-150 letters, digits or hyphens, starting with a letter',
        'ADLSBK-POLICY-NAME',
      ],
      [
        'resource group "rg-${var.env}"',
        () => newVault({ resourceGroupName: 'rg-${var.env}' }),
        'resourceGroupName',
        'rg-${var.env}',
        'must be 1-90 ASCII letters, digits, underscores, hyphens, periods or parentheses',
        'ADLSBK-RESOURCE-GROUP-NAME',
      ],
      [
        'workspace name "log-${var.env}"',
        () => monitor({ logAnalyticsWorkspaceId: undefined, workspace: { name: 'log-${var.env}' } }),
        'workspace.name',
        'log-${var.env}',
        'must be 4-63 letters, digits and hyphens',
        'ADLSBK-WORKSPACE',
      ],
      [
        'resource guard name "guard-${var.env}"',
        () => newGuard({ name: 'guard-${var.env}' }),
        'name',
        'guard-${var.env}',
        'no unescaped ${ or %{',
        'ADLSBK-GUARD-NAME',
      ],
      [
        'resource guard name "guard-%{if x}"',
        () => newGuard({ name: 'guard-%{if x}' }),
        'name',
        'guard-%{if x}',
        'no unescaped ${ or %{',
        'ADLSBK-GUARD-NAME',
      ],
    ]);
  });

  describe('resource guard names: what a reviewer cannot see', () => {
    const rule = 'must be 1-260 bytes of UTF-8 without / \\ ? # or control characters, no space at either end';
    catalog([
      ['name " guard"', () => newGuard({ name: ' guard' }), 'name', ' guard', rule, 'ADLSBK-GUARD-NAME'],
      ['name "guard "', () => newGuard({ name: 'guard ' }), 'name', 'guard ', rule, 'ADLSBK-GUARD-NAME'],
      ['name " "', () => newGuard({ name: ' ' }), 'name', ' ', rule, 'ADLSBK-GUARD-NAME'],
      ['name with a newline', () => newGuard({ name: 'guard\nweu' }), 'name', 'guard\nweu', rule, 'ADLSBK-GUARD-NAME'],
      ['name with a tab', () => newGuard({ name: 'guard\tweu' }), 'name', 'guard\tweu', rule, 'ADLSBK-GUARD-NAME'],
      [
        'name of 257 characters and $${x} (261 bytes sent)',
        () => newGuard({ name: 'g'.repeat(257) + '$${x}' }),
        'name',
        'g'.repeat(257) + '$${x}',
        rule,
        'ADLSBK-GUARD-NAME',
      ],
    ]);
  });

  describe('tag values: the length is that of the text Terraform sends ($${ is ${)', () => {
    const rule = 'value must be a string of at most 256 bytes of UTF-8';
    catalog([
      [
        '255 characters and $${ (258 sent)',
        () => newVault({ tags: { owner: 'o'.repeat(255) + '$${' } }),
        'tags["owner"]',
        'o'.repeat(255) + '$${',
        rule,
        'ADLSBK-TAGS',
      ],
      [
        '255 characters and %%{ (258 sent)',
        () => newGuard({ tags: { owner: 'o'.repeat(255) + '%%{' } }),
        'tags["owner"]',
        'o'.repeat(255) + '%%{',
        rule,
        'ADLSBK-TAGS',
      ],
      [
        'tags on the monitoring, 257 characters',
        () => monitor({ tags: { owner: 'o'.repeat(257) } }),
        'tags["owner"]',
        'o'.repeat(257),
        rule,
        'ADLSBK-TAGS',
      ],
    ]);
  });

  describe('resource IDs: every segment of every ID the API takes', () => {
    catalog([
      // The tester's own example.
      [
        'storageAccountId "/subscriptions/../resourceGroups/../providers/Microsoft.Storage/storageAccounts/x"',
        () =>
          accountFromAttributes({
            storageAccountId: '/subscriptions/../resourceGroups/../providers/Microsoft.Storage/storageAccounts/x',
          }),
        'storageAccountId',
        '/subscriptions/../resourceGroups/../providers/Microsoft.Storage/storageAccounts/x',
        GUID_RULE,
        'ADLSBK-RESOURCE-ID',
      ],
      ...idCases(
        'storageAccountId',
        ACCOUNT_ID,
        'storageAccountId',
        (id) => accountFromAttributes({ storageAccountId: id }),
        'storageAccount',
      ),
      ...idCases('vaultId', VAULT_ID, 'vaultId', (id) => importVault({ vaultId: id }), 'backupvaults'),
      ...idCases(
        'logAnalyticsWorkspaceId',
        WORKSPACE_ID,
        'logAnalyticsWorkspaceId',
        (id) => monitor({ logAnalyticsWorkspaceId: id }),
        'Workspaces',
      ),
      ...idCases(
        'actionGroupIds[0]',
        ACTION_GROUP_ID,
        'actionGroupIds[0]',
        (id) => monitor({ emails: undefined, actionGroupIds: [id] }),
        'actionGroup',
      ),
      [
        'actionGroupIds[1] not a GUID subscription, after a valid one',
        () => monitor({ actionGroupIds: [ACTION_GROUP_ID, withSegment(ACTION_GROUP_ID, 2, '0')] }),
        'actionGroupIds[1]',
        withSegment(ACTION_GROUP_ID, 2, '0'),
        GUID_RULE,
        'ADLSBK-RESOURCE-ID',
      ],
      [
        'actionGroupIds entry 42 (reported once)',
        () => monitor({ actionGroupIds: [unchecked(42)] }),
        'actionGroupIds[0]',
        42,
        'must be an action group resource ID',
        'ADLSBK-TYPE',
      ],
      [
        'logAnalyticsWorkspaceId with "microsoft.operationalinsights" in lower case',
        () => monitor({ logAnalyticsWorkspaceId: withSegment(WORKSPACE_ID, 6, 'microsoft.operationalinsights') }),
        'logAnalyticsWorkspaceId',
        withSegment(WORKSPACE_ID, 6, 'microsoft.operationalinsights'),
        CASED_RULE,
        'ADLSBK-RESOURCE-ID',
      ],
      [
        'vaultId with a name of 51 characters',
        () => importVault({ vaultId: vaultIdOf('b'.repeat(51)) }),
        'vaultId',
        vaultIdOf('b'.repeat(51)),
        'must end in a name of 2-50 letters, digits or hyphens',
        'ADLSBK-RESOURCE-ID',
      ],
    ]);
  });

  describe("objects of the user's own that implement IBackupVault or IDataLakeStorageAccount", () => {
    const grantless = lake();
    const grantlessVault = ownVault(grantless.stack, { grantBackupAccess: undefined });
    catalog([
      [
        'policy of a vault whose vaultId is not an ID',
        () => {
          const stack = newStack();
          return new DataLakeBackupPolicy(stack, 'Policy', policyProps(ownVault(stack, { vaultId: 'bv-lake-weu' })));
        },
        'vault.vaultId',
        'bv-lake-weu',
        'must be a Backup vault resource ID',
        'ADLSBK-RESOURCE-ID',
      ],
      [
        'backup with a vault construct that cannot grant access (was a TypeError)',
        () => protect({ ...grantless, vault: grantlessVault }),
        'vault',
        grantlessVault,
        'must be a BackupVault',
        'ADLSBK-REFERENCE',
      ],
      [
        'policy of a look-alike vault object (not a construct)',
        () => newPolicy({ vault: unchecked({ vaultId: VAULT_ID, location: 'West Europe' }) }),
        'vault',
        { vaultId: VAULT_ID, location: 'West Europe' },
        'must be a BackupVault',
        'ADLSBK-REFERENCE',
      ],
      [
        'backup with a vault whose principalId is not a GUID',
        () => {
          const l = lake();
          const vault = ownVault(l.stack, { principalId: 'me' });
          return protect({ ...l, vault, policy: new DataLakeBackupPolicy(l.stack, 'Own', policyProps(vault, { name: 'own' })) });
        },
        'vault.principalId',
        'me',
        'must be the object ID (a GUID)',
        'ADLSBK-PRINCIPAL-ID',
      ],
      [
        'monitoring of a look-alike vault object (was a TypeError)',
        () => monitor({ vault: unchecked({ vaultId: VAULT_ID, location: 'West Europe' }) }),
        'vault',
        { vaultId: VAULT_ID, location: 'West Europe' },
        'must be a BackupVault or BackupVault.fromVaultAttributes(...)',
        'ADLSBK-REFERENCE',
      ],
      [
        'monitoring workspace null',
        () => monitor({ logAnalyticsWorkspaceId: undefined, workspace: unchecked(null) }),
        'workspace',
        null,
        "must be the new workspace's options",
        'ADLSBK-TYPE',
      ],
      [
        'backup of an account whose ID has a quote',
        () => protect(lake(), { storageAccount: ownAccount({ storageAccountId: withSegment(ACCOUNT_ID, 4, 'rg"x') }) }),
        'storageAccount.storageAccountId',
        withSegment(ACCOUNT_ID, 4, 'rg"x'),
        GROUP_RULE,
        'ADLSBK-RESOURCE-ID',
      ],
      [
        'backup of an account whose name has a newline',
        () => protect(lake(), { storageAccount: ownAccount({ name: 'lake\nweu' }) }),
        'storageAccount.name',
        'lake\nweu',
        'must be 3-24 lowercase letters and digits',
        'ADLSBK-STORAGE-ACCOUNT-NAME',
      ],
      [
        'backup of an account whose stableKey is 42',
        () => protect(lake(), { storageAccount: ownAccount({ stableKey: 42 }) }),
        'storageAccount.stableKey',
        42,
        'must be a non-empty string',
        'ADLSBK-REFERENCE',
      ],
      [
        'grantBackupAccess to an account whose location is 42',
        () => lake().vault.grantBackupAccess(ownAccount({ location: 42 })),
        'storageAccount.location',
        42,
        'must be an Azure region',
        'ADLSBK-TYPE',
      ],
      [
        'restore target whose planTimeChecks is a string',
        () =>
          restoreTarget({
            storageAccount: ownAccount({
              name: 'lakerestore',
              stableKey: 'lakerestore',
              storageAccountId: accountIdOf('lakerestore'),
              planTimeChecks: 'none',
            }),
          }),
        'storageAccount.planTimeChecks',
        'none',
        'must be a list of { condition, errorMessage }',
        'ADLSBK-REFERENCE',
      ],
    ]);
  });

  describe("the user's own azurerm resources and data sources: names that become Terraform addresses", () => {
    catalog([
      [
        'fromStorageAccount: name "Lake_01"',
        () => accountFromResource({ name: 'Lake_01' }),
        'name',
        'Lake_01',
        'must be 3-24 lowercase letters and digits',
        'ADLSBK-STORAGE-ACCOUNT-NAME',
      ],
      [
        'fromStorageAccount: location "West Europe\\n"',
        () => accountFromResource({ location: 'West Europe\n' }),
        'location',
        'West Europe\n',
        'must be an Azure region',
        'ADLSBK-REGION',
      ],
      [
        'fromDataSource: name "lake\\"01"',
        () => {
          const stack = newStack();
          return DataLakeStorageAccount.fromDataSource(
            new DataAzurermStorageAccount(stack, 'Data', { name: 'lake"01', resourceGroupName: 'rg' }),
          );
        },
        'name',
        'lake"01',
        'must be 3-24 lowercase letters and digits',
        'ADLSBK-STORAGE-ACCOUNT-NAME',
      ],
    ]);
  });

  describe('regions and query helpers', () => {
    catalog([
      [
        'location "West Europe\\n"',
        () => newVault({ location: 'West Europe\n' }),
        'location',
        'West Europe\n',
        'must be an Azure region',
        'ADLSBK-REGION',
      ],
      [
        'location "\\tWest Europe"',
        () => newVault({ location: '\tWest Europe' }),
        'location',
        '\tWest Europe',
        'must be an Azure region',
        'ADLSBK-REGION',
      ],
      [
        'normalizeRegion(42)',
        () => normalizeRegion(unchecked(42)),
        'region',
        42,
        'must be a region name such as "West Europe"',
        'ADLSBK-TYPE',
      ],
      [
        'failedJobsQuery with a quote in the vault ID',
        () => failedJobsQuery(`${VAULT_ID}" or 1==1 //`),
        'vaultId',
        `${VAULT_ID}" or 1==1 //`,
        'without quotes, backslashes or control characters',
        'ADLSBK-QUERY-TEXT',
      ],
      ['failedJobsQuery(42)', () => failedJobsQuery(unchecked(42)), 'vaultId', 42, 'must be a vault resource ID', 'ADLSBK-TYPE'],
      [
        'missedBackupsQuery with a newline in a policy name',
        () => missedBackupsQuery(VAULT_ID, ['daily\n| take 1'], 30),
        'policyNames[0]',
        'daily\n| take 1',
        'without quotes, backslashes or control characters',
        'ADLSBK-QUERY-TEXT',
      ],
      [
        'missedBackupsQuery with a policy name 42',
        () => missedBackupsQuery(VAULT_ID, [unchecked(42)], 30),
        'policyNames[0]',
        42,
        'must be a policy name',
        'ADLSBK-TYPE',
      ],
    ]);
  });
});
