/**
 * The app configurations of the property tests (test/properties.test.ts): a plain-data model of a whole app (vaults,
 * their policies, one DataLakeBackup per storage account), `buildApp`, which turns one into the constructs a user would
 * write, and the fast-check arbitraries of valid configs.
 */
import fc from 'fast-check';
import { TerraformStack, Testing } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import {
  ADLS_BACKUP_REGIONS,
  BackupSchedule,
  BackupVault,
  DataLakeBackup,
  DataLakeBackupPolicy,
  DataLakeStorageAccount,
  DayOfWeek,
  Duration,
  Immutability,
  IrreversibleSetting,
  MAX_RETENTION,
  MonthOfYear,
  POLICY_TIME_ZONES,
  Redundancy,
  RetentionRule,
  SoftDelete,
  TimeUnit,
  WeekOfMonth,
  normalizeRegion,
} from '../../lib';
import type { BackupVaultProps, IBackupVault } from '../../lib';
import { storageAccountId } from '../helpers';

/** The stack every app is built in (construct paths and messages start with `test/`). */
export const STACK = 'test';
const MAX_ACCOUNTS = 6;

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

// ---------------------------------------------------------------------------------------------------------------
// The config: plain data (printable by fast-check, cloneable by structuredClone), turned into constructs by buildApp
// ---------------------------------------------------------------------------------------------------------------

export interface DurationSpec {
  unit: TimeUnit;
  amount: number;
}
/** A value passed as is instead of a Duration (only corrupters use it). */
interface RawValue {
  raw: unknown;
}

export interface ScheduleSpec {
  kind: 'daily' | 'weekly';
  hour: number;
  minute?: number;
  utcOffset?: string;
  /** Weekly only, in the order given to BackupSchedule.weekly. */
  days: DayOfWeek[];
}

export interface RuleSpec {
  kind: 'weekly' | 'monthly' | 'yearly';
  duration: DurationSpec;
  /** Absent: the rule's absolute criterion (FirstOfWeek/Month/Year). Weekly: days; monthly: days and weeks; yearly: all three. */
  criteria?: { daysOfWeek: DayOfWeek[]; weeksOfMonth?: WeekOfMonth[]; monthsOfYear?: MonthOfYear[] };
}

export interface PolicySpec {
  name: string;
  schedule: ScheduleSpec;
  timeZone?: string;
  defaultRetention: DurationSpec;
  rules: RuleSpec[];
}

interface AccountSpec {
  name: string;
  storageAccountId: string;
  location: string;
  containers: string[];
  /** The policy the backup uses: `vault` is the account's own vault unless a corrupter changed it. */
  policy: { vault: number; index: number };
  rolePropagationWait?: DurationSpec | RawValue | false;
  preventDestroy?: boolean;
}

export interface VaultSpec {
  name: string;
  resourceGroupName: string;
  location: string;
  redundancy?: Redundancy;
  softDelete?: SoftDelete;
  softDeleteRetention?: DurationSpec | RawValue;
  immutability?: Immutability;
  crossRegionRestore?: boolean;
  acknowledgeIrreversible?: IrreversibleSetting[];
  preventDestroy?: boolean;
  deletionLock?: boolean;
  tags?: Record<string, string>;
  policies: PolicySpec[];
  accounts: AccountSpec[];
}

export interface AppSpec {
  vaults: VaultSpec[];
}

const DURATION_OF: Record<TimeUnit, (amount: number) => Duration> = {
  [TimeUnit.SECONDS]: (n) => Duration.seconds(n),
  [TimeUnit.MINUTES]: (n) => Duration.minutes(n),
  [TimeUnit.HOURS]: (n) => Duration.hours(n),
  [TimeUnit.DAYS]: (n) => Duration.days(n),
  [TimeUnit.WEEKS]: (n) => Duration.weeks(n),
  [TimeUnit.MONTHS]: (n) => Duration.months(n),
  [TimeUnit.YEARS]: (n) => Duration.years(n),
};

export function toDuration(spec: DurationSpec | RawValue): Duration {
  return 'raw' in spec ? (spec.raw as Duration) : DURATION_OF[spec.unit](spec.amount);
}

/** The accounts in the order the config lists them (vault by vault), with their vault and index. */
export function accountsOf(config: AppSpec): { v: number; a: number; spec: AccountSpec }[] {
  return config.vaults.flatMap((vault, v) => vault.accounts.map((spec, a) => ({ v, a, spec })));
}

function scheduleOf(spec: ScheduleSpec): BackupSchedule {
  const time = { hour: spec.hour, minute: spec.minute, utcOffset: spec.utcOffset };
  return spec.kind === 'daily' ? BackupSchedule.daily(time) : BackupSchedule.weekly({ ...time, days: spec.days });
}

function ruleOf(spec: RuleSpec): RetentionRule {
  const duration = toDuration(spec.duration);
  const c = spec.criteria;
  switch (spec.kind) {
    case 'weekly':
      return c ? RetentionRule.weekly(duration, { ...c }) : RetentionRule.weekly(duration);
    case 'monthly':
      return c ? RetentionRule.monthly(duration, { ...c }) : RetentionRule.monthly(duration);
    case 'yearly':
      return c ? RetentionRule.yearly(duration, { ...c }) : RetentionRule.yearly(duration);
  }
}

/**
 * Builds the app a user would write for `config`: the vaults, then their policies, then one DataLakeBackup per
 * account, added in `order` (indices into `accountsOf(config)`; default: config order). Construct IDs come from
 * config positions only, never from the order of creation.
 */
export function buildApp(config: AppSpec, order?: readonly number[]): TerraformStack {
  const accounts = accountsOf(config);
  const sequence = order ?? accounts.map((_, k) => k);
  if (
    sequence.length !== accounts.length ||
    new Set(sequence).size !== accounts.length ||
    sequence.some((k) => !(k in accounts))
  ) {
    throw new Error(`order must be a permutation of 0..${accounts.length - 1}, got ${JSON.stringify(order)}`);
  }
  const stack = new TerraformStack(Testing.app(), STACK);
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const vaults: IBackupVault[] = config.vaults.map((v, i) => {
    const props: BackupVaultProps = {
      name: v.name,
      resourceGroupName: v.resourceGroupName,
      location: v.location,
      redundancy: v.redundancy,
      softDelete: v.softDelete,
      softDeleteRetention: v.softDeleteRetention === undefined ? undefined : toDuration(v.softDeleteRetention),
      immutability: v.immutability,
      crossRegionRestore: v.crossRegionRestore,
      acknowledgeIrreversible: v.acknowledgeIrreversible,
      preventDestroy: v.preventDestroy,
      deletionLock: v.deletionLock,
      tags: v.tags,
    };
    return new BackupVault(stack, `V${i}`, props);
  });
  const policies: DataLakeBackupPolicy[][] = config.vaults.map((v, i) =>
    v.policies.map(
      (p, j) =>
        new DataLakeBackupPolicy(stack, `V${i}P${j}`, {
          vault: vaults[i],
          name: p.name,
          schedule: scheduleOf(p.schedule),
          timeZone: p.timeZone,
          defaultRetention: toDuration(p.defaultRetention),
          retentionRules: p.rules.map(ruleOf),
        }),
    ),
  );
  for (const k of sequence) {
    const { v, a, spec } = accounts[k];
    const wait = spec.rolePropagationWait;
    new DataLakeBackup(stack, `V${v}A${a}`, {
      vault: vaults[v],
      policy: policies[spec.policy.vault][spec.policy.index],
      storageAccount: DataLakeStorageAccount.fromAttributes({ storageAccountId: spec.storageAccountId, location: spec.location }),
      containers: spec.containers,
      rolePropagationWait: wait === undefined || wait === false ? wait : toDuration(wait),
      preventDestroy: spec.preventDestroy,
    });
  }
  return stack;
}

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries of valid configs
// ---------------------------------------------------------------------------------------------------------------

export const WEEK = Object.values(DayOfWeek);
export const RETENTION_UNITS = [TimeUnit.DAYS, TimeUnit.WEEKS, TimeUnit.MONTHS, TimeUnit.YEARS];
export const maxRetention = (unit: TimeUnit): number => MAX_RETENTION[unit] as number;

const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });
/** fc.record, without the null-prototype objects fast-check may otherwise generate (they print as `__proto__:null`). */
export const record = <T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> =>
  fc.record(model, { noNullPrototype: true }) as fc.Arbitrary<T>;

const retentionArb: fc.Arbitrary<DurationSpec> = fc.oneof(
  ...RETENTION_UNITS.map((unit) => record({ unit: fc.constant(unit), amount: fc.integer({ min: 1, max: maxRetention(unit) }) })),
);

/** -14:00..+14:00, as `+hh:mm`. */
const utcOffsetArb: fc.Arbitrary<string> = fc
  .oneof(
    record({ sign: fc.constantFrom('+', '-'), h: fc.integer({ min: 0, max: 13 }), m: fc.integer({ min: 0, max: 59 }) }),
    record({ sign: fc.constantFrom('+', '-'), h: fc.constant(14), m: fc.constant(0) }),
  )
  .map(({ sign, h, m }) => `${sign}${pad2(h)}:${pad2(m)}`);

const scheduleArb: fc.Arbitrary<ScheduleSpec> = record({
  kind: fc.constantFrom<'daily' | 'weekly'>('daily', 'weekly'),
  hour: fc.integer({ min: 0, max: 23 }),
  minute: optional(fc.integer({ min: 0, max: 59 })),
  utcOffset: optional(utcOffsetArb),
  // 1-5 distinct days in any order (the library renders them in week order); dropped for daily schedules.
  days: fc.shuffledSubarray(WEEK, { minLength: 1, maxLength: 5 }),
});

const ruleArb = (kind: RuleSpec['kind']): fc.Arbitrary<RuleSpec> =>
  record({
    kind: fc.constant(kind),
    duration: retentionArb,
    criteria: optional(
      record({
        daysOfWeek: fc.shuffledSubarray(WEEK, { minLength: 1 }),
        weeksOfMonth: fc.shuffledSubarray(Object.values(WeekOfMonth), { minLength: 1 }),
        monthsOfYear: fc.shuffledSubarray(Object.values(MonthOfYear), { minLength: 1 }),
      }),
    ),
  });

const policyArb: fc.Arbitrary<PolicySpec> = record({
  name: fc.stringMatching(/^[a-zA-Z][-a-zA-Z0-9]{2,40}$/),
  schedule: scheduleArb,
  timeZone: optional(fc.constantFrom(...POLICY_TIME_ZONES)),
  defaultRetention: retentionArb,
  // A random subset of the three rule kinds, in a random order (the library renders them by priority).
  kinds: fc.shuffledSubarray<RuleSpec['kind']>(['weekly', 'monthly', 'yearly']),
  weekly: ruleArb('weekly'),
  monthly: ruleArb('monthly'),
  yearly: ruleArb('yearly'),
}).map(({ kinds, weekly, monthly, yearly, schedule, ...rest }): PolicySpec => {
  const runs = schedule.kind === 'weekly' ? schedule.days : WEEK;
  const rules = kinds
    .map((kind) => ({ weekly, monthly, yearly })[kind])
    .map((rule): RuleSpec => {
      if (!rule.criteria) return rule;
      // A rule may only name days the weekly schedule runs.
      const picked = rule.criteria.daysOfWeek.filter((d) => runs.includes(d));
      const daysOfWeek = picked.length > 0 ? picked : [runs[0]];
      const { weeksOfMonth, monthsOfYear } = rule.criteria;
      const criteria = {
        weekly: { daysOfWeek },
        monthly: { daysOfWeek, weeksOfMonth },
        yearly: { daysOfWeek, weeksOfMonth, monthsOfYear },
      }[rule.kind];
      return { ...rule, criteria };
    });
  return { ...rest, schedule: { ...schedule, days: schedule.kind === 'weekly' ? schedule.days : [] }, rules };
});

/** 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit. */
const containerNameArb: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/).filter((s) => s.length >= 3),
  fc.stringMatching(/^[a-z0-9]{3,63}$/),
);

const rawAccountArb = record({
  name: fc.stringMatching(/^[a-z0-9]{3,24}$/),
  resourceGroup: fc.stringMatching(/^[-\w.()]{0,19}[-\w()]$/),
  vaultPick: fc.nat(),
  policyPick: fc.nat(),
  listedSpelling: fc.boolean(),
  containers: fc.uniqueArray(containerNameArb, { minLength: 1, maxLength: 5 }),
  rolePropagationWait: optional(
    fc.oneof(
      fc.constant<false>(false),
      record({ unit: fc.constant(TimeUnit.SECONDS), amount: fc.integer({ min: 1, max: 3600 }) }),
      record({ unit: fc.constant(TimeUnit.MINUTES), amount: fc.integer({ min: 1, max: 60 }) }),
      fc.constant({ unit: TimeUnit.HOURS, amount: 1 }),
    ),
  ),
  preventDestroy: optional(fc.boolean()),
});

const rawVaultArb = record({
  name: fc.stringMatching(/^[-a-zA-Z0-9]{2,50}$/),
  resourceGroupName: fc.stringMatching(/^[-\w.()]{0,89}[-\w()]$/),
  region: fc.constantFrom(...ADLS_BACKUP_REGIONS),
  listedSpelling: fc.boolean(),
  redundancy: optional(fc.constantFrom(...Object.values(Redundancy))),
  softDelete: optional(fc.constantFrom(...Object.values(SoftDelete))),
  softDeleteRetention: optional(
    fc.oneof(
      record({ unit: fc.constant(TimeUnit.DAYS), amount: fc.integer({ min: 14, max: 180 }) }),
      record({ unit: fc.constant(TimeUnit.WEEKS), amount: fc.integer({ min: 2, max: 25 }) }),
    ),
  ),
  immutability: optional(fc.constantFrom(...Object.values(Immutability))),
  crossRegionRestore: optional(fc.boolean()),
  preventDestroy: optional(fc.boolean()),
  deletionLock: optional(fc.boolean()),
  tags: optional(
    fc.dictionary(fc.stringMatching(/^[a-zA-Z][-a-zA-Z0-9]{0,15}$/), fc.string({ maxLength: 20 }), {
      maxKeys: 3,
      noNullPrototype: true,
    }),
  ),
  policies: fc.uniqueArray(policyArb, { minLength: 1, maxLength: 2, selector: (p) => p.name.toLowerCase() }),
});

/** The irreversible settings a vault sets, in the order the library lists them. */
export function requestedSettings(
  v: Pick<VaultSpec, 'softDelete' | 'immutability' | 'crossRegionRestore'>,
): IrreversibleSetting[] {
  const requested: IrreversibleSetting[] = [];
  if (v.softDelete === SoftDelete.ALWAYS_ON) requested.push(IrreversibleSetting.SOFT_DELETE_ALWAYS_ON);
  if (v.immutability === Immutability.LOCKED) requested.push(IrreversibleSetting.IMMUTABILITY_LOCKED);
  if (v.crossRegionRestore === true) requested.push(IrreversibleSetting.CROSS_REGION_RESTORE);
  return requested;
}

export const spell = (region: string, listed: boolean): string => (listed ? region : normalizeRegion(region));

/**
 * A whole valid app: 1-3 vaults (distinct names), 1-2 policies each, 1-6 accounts (distinct names) spread over the
 * vaults with at least one each, every account in its vault's region (in either documented spelling).
 */
export const configArb: fc.Arbitrary<AppSpec> = record({
  vaults: fc.uniqueArray(rawVaultArb, { minLength: 1, maxLength: 3, selector: (v) => v.name.toLowerCase() }),
  accounts: fc.uniqueArray(rawAccountArb, { minLength: 1, maxLength: MAX_ACCOUNTS, selector: (a) => a.name }),
}).map(({ vaults: rawVaults, accounts }): AppSpec => {
  const raw = rawVaults.slice(0, accounts.length);
  const vaults: VaultSpec[] = raw.map(({ region, listedSpelling, softDeleteRetention, crossRegionRestore, ...v }) => {
    const geo = (v.redundancy ?? Redundancy.GEO_REDUNDANT) === Redundancy.GEO_REDUNDANT;
    const settings = {
      ...v,
      location: spell(region, listedSpelling),
      // Soft-delete retention only where soft delete is on; cross-region restore only on a geo-redundant vault.
      softDeleteRetention: v.softDelete === SoftDelete.OFF ? undefined : softDeleteRetention,
      crossRegionRestore: geo || crossRegionRestore === undefined ? crossRegionRestore : false,
      accounts: [] as AccountSpec[],
    };
    const acknowledged = requestedSettings(settings);
    return { ...settings, acknowledgeIrreversible: acknowledged.length > 0 ? acknowledged : undefined };
  });
  accounts.forEach((a, k) => {
    const v = k < vaults.length ? k : a.vaultPick % vaults.length;
    const vault = vaults[v];
    const region = ADLS_BACKUP_REGIONS.find((r) => normalizeRegion(r) === normalizeRegion(vault.location)) as string;
    vault.accounts.push({
      name: a.name,
      storageAccountId: storageAccountId(a.name, a.resourceGroup),
      location: spell(region, a.listedSpelling),
      containers: a.containers,
      policy: { vault: v, index: a.policyPick % vault.policies.length },
      rolePropagationWait: a.rolePropagationWait,
      preventDestroy: a.preventDestroy,
    });
  });
  return { vaults };
});

/**
 * A config with a permutation of its accounts: the order their backups are added in. The permutation sorts the
 * accounts by random keys (ties keep config order) instead of chaining `fc.shuffledSubarray` on the config, so that
 * config and order shrink independently: with the chain, a planted order bug took ~50 s to shrink, and did not.
 */
export const configWithOrderArb = fc
  .tuple(configArb, fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: MAX_ACCOUNTS, maxLength: MAX_ACCOUNTS }))
  .map(([config, keys]) => {
    const order = accountsOf(config)
      .map((_, k) => k)
      .sort((i, j) => keys[i] - keys[j] || i - j);
    return { config, order };
  });
