/**
 * The single-field corrupters of property 4 (test/properties.test.ts): each changes one field of a valid config
 * (test/support/app-config.ts) so that building it must throw a BackupConfigError naming that field and its value.
 */
import fc from 'fast-check';
import {
  ADLS_BACKUP_REGIONS,
  BackupConfigError,
  Immutability,
  IrreversibleSetting,
  POLICY_TIME_ZONES,
  Redundancy,
  TimeUnit,
  normalizeRegion,
} from '../../lib';
import { vaultId } from '../helpers';
import {
  RETENTION_UNITS,
  STACK,
  WEEK,
  accountsOf,
  buildApp,
  configArb,
  maxRetention,
  record,
  requestedSettings,
  spell,
} from './app-config';
import type { AppSpec, DurationSpec, PolicySpec, VaultSpec } from './app-config';

// ---------------------------------------------------------------------------------------------------------------
// Single-field corrupters
// ---------------------------------------------------------------------------------------------------------------

/** What a corrupted config must be refused with. */
interface Expectation {
  /** The prop named in backticks. */
  readonly field: string;
  /** The received value as the message renders it (strings JSON-quoted, numbers as written, Durations as `7 days`). */
  readonly shown: string;
  /** How the message starts: the construct or factory that refuses it (`''`: the message starts with the field). */
  readonly origin: string;
  /** Anything else the message must say. */
  readonly alsoContains?: string;
}

/** Numbers that pick the target (which vault, policy, account...) and the variant of a corruption. */
interface Picks {
  readonly target: number;
  readonly variant: number;
  readonly extra: number;
}

export interface Corrupter {
  readonly id: string;
  /** Whether the config has what the corrupter changes (a weekly schedule, two vaults...). */
  readonly applies?: (config: AppSpec) => boolean;
  /** Changes one field of `config` (a clone) in place; returns what the library must say. */
  readonly apply: (config: AppSpec, picks: Picks) => Expectation;
}

const at = <T>(list: readonly T[], n: number): T => list[n % list.length];
const show = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value) : String(value));
/** How the library writes a Duration in messages: `7 days`, `1 month`. */
function durationText(spec: DurationSpec): string {
  return `${spec.amount} ${spec.amount === 1 ? spec.unit.slice(0, -1) : spec.unit}`;
}
const showDuration = (spec: DurationSpec): string => JSON.stringify(durationText(spec));
/** A value the types forbid, as plain JavaScript or a cast would pass it. */
const unchecked = <T>(value: unknown): T => value as T;

const vaultWhere = (v: number) => `BackupVault '${STACK}/V${v}'`;
const policyWhere = (v: number, p: number) => `DataLakeBackupPolicy '${STACK}/V${v}P${p}'`;
const backupWhere = (v: number, a: number) => `DataLakeBackup '${STACK}/V${v}A${a}'`;
const FROM_ATTRIBUTES = 'DataLakeStorageAccount.fromAttributes';

function pickVault(config: AppSpec, picks: Picks): [number, VaultSpec] {
  const v = picks.target % config.vaults.length;
  return [v, config.vaults[v]];
}
function pickPolicy(config: AppSpec, picks: Picks, where: (p: PolicySpec) => boolean = () => true) {
  const all = config.vaults
    .flatMap((vault, v) => vault.policies.map((policy, p) => ({ v, p, policy })))
    .filter((x) => where(x.policy));
  return at(all, picks.target);
}
function pickAccount(config: AppSpec, picks: Picks) {
  return at(accountsOf(config), picks.target);
}
const hasWeeklySchedule = (c: AppSpec) => c.vaults.some((v) => v.policies.some((p) => p.schedule.kind === 'weekly'));
const withName = (id: string, name: string) => id.replace(/[^/]+$/, name);

/** A corrupter that sets a picked vault's soft-delete retention to one of `specs` (a Duration it must refuse). */
function softDeleteRetentionCorrupter(id: string, specs: DurationSpec[]): Corrupter {
  return {
    id,
    apply(c, p) {
      const [v, vault] = pickVault(c, p);
      const spec = at<DurationSpec>(specs, p.variant);
      vault.softDeleteRetention = spec;
      return { field: 'softDeleteRetention', shown: showDuration(spec), origin: vaultWhere(v) };
    },
  };
}

export const CORRUPTERS: readonly Corrupter[] = [
  // --- vault -------------------------------------------------------------------------------------------------
  {
    id: 'vault name: a character outside [-a-zA-Z0-9]',
    apply(c, p) {
      const [v, vault] = pickVault(c, p);
      const pos = p.extra % (vault.name.length + 1);
      vault.name = vault.name.slice(0, pos) + at([' ', '_', '.', '!', 'é', '/', '*'], p.variant) + vault.name.slice(pos);
      return { field: 'name', shown: show(vault.name), origin: vaultWhere(v) };
    },
  },
  {
    id: 'vault name: longer than 50',
    apply(c, p) {
      const [v, vault] = pickVault(c, p);
      vault.name = (vault.name + 'x'.repeat(60)).slice(0, 51 + (p.extra % 10));
      return { field: 'name', shown: show(vault.name), origin: vaultWhere(v) };
    },
  },
  {
    id: 'vault name: empty or one character',
    apply(c, p) {
      const [v, vault] = pickVault(c, p);
      vault.name = at(['', 'a', '-', '7'], p.variant);
      return { field: 'name', shown: show(vault.name), origin: vaultWhere(v) };
    },
  },
  {
    id: 'vault location: a region no account is in (refused by the first backup)',
    apply(c, p) {
      const [v, vault] = pickVault(c, p);
      vault.location = at(['Mars Central', 'Atlantis North', 'West Europe 2'], p.variant);
      return { field: 'storageAccount.location', shown: show(vault.location), origin: backupWhere(v, 0) };
    },
  },
  {
    id: 'vault location: not shaped like a region',
    apply(c, p) {
      const [v, vault] = pickVault(c, p);
      vault.location = at(['', ' ', 'West_Europe', '1westeurope', 'westeurope!'], p.variant);
      return { field: 'location', shown: show(vault.location), origin: vaultWhere(v) };
    },
  },
  {
    id: 'vault resourceGroupName: empty, ending in a period, a slash, a space, too long',
    apply(c, p) {
      const [v, vault] = pickVault(c, p);
      vault.resourceGroupName = at(['', `${vault.resourceGroupName}.`, 'rg/backup', 'rg backup', 'r'.repeat(91)], p.variant);
      return { field: 'resourceGroupName', shown: show(vault.resourceGroupName), origin: vaultWhere(v) };
    },
  },
  softDeleteRetentionCorrupter('vault softDeleteRetention: outside 14-180 days', [
    { unit: TimeUnit.DAYS, amount: 7 },
    { unit: TimeUnit.DAYS, amount: 13 },
    { unit: TimeUnit.DAYS, amount: 181 },
    { unit: TimeUnit.WEEKS, amount: 1 },
    { unit: TimeUnit.WEEKS, amount: 26 },
  ]),
  {
    id: 'vault softDeleteRetention: a number or string instead of a Duration',
    apply(c, p) {
      const [v, vault] = pickVault(c, p);
      const raw = at<unknown>([200, 14, '14 days'], p.variant);
      vault.softDeleteRetention = { raw };
      return { field: 'softDeleteRetention', shown: show(raw), origin: vaultWhere(v) };
    },
  },
  softDeleteRetentionCorrupter('vault softDeleteRetention: a unit other than days or weeks', [
    { unit: TimeUnit.HOURS, amount: 336 },
    { unit: TimeUnit.MONTHS, amount: 1 },
    { unit: TimeUnit.MINUTES, amount: 20160 },
  ]),
  {
    id: 'vault redundancy: not a Redundancy value',
    apply(c, p) {
      const [v, vault] = pickVault(c, p);
      vault.redundancy = unchecked(at(['Geo', 'geoRedundant', 'LRS', ''], p.variant));
      return { field: 'redundancy', shown: show(vault.redundancy), origin: vaultWhere(v) };
    },
  },
  {
    id: 'vault softDelete: not a SoftDelete value',
    apply(c, p) {
      const [v, vault] = pickVault(c, p);
      vault.softDelete = unchecked(at(['on', 'Always', 'Enabled'], p.variant));
      return { field: 'softDelete', shown: show(vault.softDelete), origin: vaultWhere(v) };
    },
  },
  {
    id: 'vault immutability: not an Immutability value',
    apply(c, p) {
      const [v, vault] = pickVault(c, p);
      vault.immutability = unchecked(at(['Enabled', 'locked', 'Immutable'], p.variant));
      return { field: 'immutability', shown: show(vault.immutability), origin: vaultWhere(v) };
    },
  },
  {
    id: 'vault acknowledgeIrreversible: a stale entry (a setting the vault does not set)',
    applies: (c) => c.vaults.some((v) => requestedSettings(v).length < 3),
    apply(c, p) {
      const candidates = c.vaults.map((vault, v) => ({ v, vault })).filter(({ vault }) => requestedSettings(vault).length < 3);
      const { v, vault } = at(candidates, p.target);
      const requested = requestedSettings(vault);
      const stale = at(
        Object.values(IrreversibleSetting).filter((s) => !requested.includes(s)),
        p.variant,
      );
      const acks = [...(vault.acknowledgeIrreversible ?? [])];
      const index = p.extra % (acks.length + 1);
      acks.splice(index, 0, stale);
      vault.acknowledgeIrreversible = acks;
      return { field: `acknowledgeIrreversible[${index}]`, shown: show(stale), origin: vaultWhere(v) };
    },
  },
  {
    id: 'vault acknowledgeIrreversible: an irreversible setting left unacknowledged',
    apply(c, p) {
      const [v, vault] = pickVault(c, p);
      const requested = requestedSettings(vault);
      if (requested.length === 0) {
        vault.immutability = Immutability.LOCKED; // set without its acknowledgement
        return {
          field: 'immutability',
          shown: show(Immutability.LOCKED),
          origin: vaultWhere(v),
          alsoContains: 'IrreversibleSetting.IMMUTABILITY_LOCKED',
        };
      }
      const dropped = at(requested, p.variant);
      const acks = (vault.acknowledgeIrreversible ?? []).filter((s) => s !== dropped);
      vault.acknowledgeIrreversible = acks.length > 0 ? acks : undefined;
      const [field, value, key] = {
        [IrreversibleSetting.SOFT_DELETE_ALWAYS_ON]: ['softDelete', vault.softDelete, 'SOFT_DELETE_ALWAYS_ON'],
        [IrreversibleSetting.IMMUTABILITY_LOCKED]: ['immutability', vault.immutability, 'IMMUTABILITY_LOCKED'],
        [IrreversibleSetting.CROSS_REGION_RESTORE]: ['crossRegionRestore', vault.crossRegionRestore, 'CROSS_REGION_RESTORE'],
      }[dropped] as [string, unknown, string];
      return {
        field,
        shown: show(value),
        origin: vaultWhere(v),
        alsoContains: `acknowledgeIrreversible: [IrreversibleSetting.${key}]`,
      };
    },
  },
  {
    id: 'vault crossRegionRestore: true on a vault that is not geo-redundant',
    applies: (c) => c.vaults.some((v) => v.redundancy !== undefined && v.redundancy !== Redundancy.GEO_REDUNDANT),
    apply(c, p) {
      const candidates = c.vaults
        .map((vault, v) => ({ v, vault }))
        .filter(({ vault }) => vault.redundancy !== undefined && vault.redundancy !== Redundancy.GEO_REDUNDANT);
      const { v, vault } = at(candidates, p.target);
      vault.crossRegionRestore = true;
      return { field: 'crossRegionRestore', shown: show(`true with ${vault.redundancy}`), origin: vaultWhere(v) };
    },
  },
  {
    id: 'vault deletionLock: not a boolean',
    apply(c, p) {
      const [v, vault] = pickVault(c, p);
      vault.deletionLock = unchecked(at(['yes', 1, 'true'], p.variant));
      return { field: 'deletionLock', shown: show(vault.deletionLock), origin: vaultWhere(v) };
    },
  },
  // --- policy ------------------------------------------------------------------------------------------------
  {
    id: 'policy name: starting with a digit',
    apply(c, p) {
      const { v, p: i, policy } = pickPolicy(c, p);
      policy.name = at(['1', '0', '9'], p.variant) + policy.name.slice(1);
      return { field: 'name', shown: show(policy.name), origin: policyWhere(v, i) };
    },
  },
  {
    id: 'policy name: too short, too long, a character outside [-a-zA-Z0-9]',
    apply(c, p) {
      const { v, p: i, policy } = pickPolicy(c, p);
      policy.name = at(['ab', '', 'a_b-c', 'ab c', `a${'x'.repeat(150)}`], p.variant);
      return { field: 'name', shown: show(policy.name), origin: policyWhere(v, i) };
    },
  },
  {
    id: 'policy timeZone: not a Windows time-zone name azurerm lists',
    apply(c, p) {
      const { v, p: i, policy } = pickPolicy(c, p);
      policy.timeZone = at(['Mars Standard Time', 'Europe/Berlin', 'UTC+01:00', 'CET'], p.variant);
      return { field: 'timeZone', shown: show(policy.timeZone), origin: policyWhere(v, i) };
    },
  },
  {
    id: 'policy timeZone: a listed name in the wrong case (the message suggests the spelling)',
    apply(c, p) {
      const { v, p: i, policy } = pickPolicy(c, p);
      const zone = at(POLICY_TIME_ZONES, p.extra);
      policy.timeZone = p.variant % 2 === 0 ? zone.toLowerCase() : zone.toUpperCase();
      // azurerm compares case-sensitively; if both spellings were equal the config would still be valid.
      if (policy.timeZone === zone) policy.timeZone = ` ${zone.toLowerCase()}`;
      return { field: 'timeZone', shown: show(policy.timeZone), origin: policyWhere(v, i), alsoContains: JSON.stringify(zone) };
    },
  },
  {
    id: 'policy defaultRetention: beyond the maximum of its unit',
    apply(c, p) {
      const { v, p: i, policy } = pickPolicy(c, p);
      const unit = at(RETENTION_UNITS, p.variant);
      policy.defaultRetention = { unit, amount: maxRetention(unit) + 1 + (p.extra % 1000) };
      return { field: 'defaultRetention', shown: showDuration(policy.defaultRetention), origin: policyWhere(v, i) };
    },
  },
  {
    id: 'policy defaultRetention: Duration of 0, negative, fractional, NaN or Infinity',
    apply(c, p) {
      const { policy } = pickPolicy(c, p);
      const unit = at(RETENTION_UNITS, p.extra);
      const amount = at([0, -1, 1.5, NaN, Infinity], p.variant);
      policy.defaultRetention = { unit, amount };
      return { field: `Duration.${unit}(amount)`, shown: show(amount), origin: '' };
    },
  },
  {
    id: 'policy defaultRetention: seconds, minutes or hours',
    apply(c, p) {
      const { v, p: i, policy } = pickPolicy(c, p);
      policy.defaultRetention = at<DurationSpec>(
        [
          { unit: TimeUnit.HOURS, amount: 24 },
          { unit: TimeUnit.MINUTES, amount: 60 },
          { unit: TimeUnit.SECONDS, amount: 86400 },
        ],
        p.variant,
      );
      return { field: 'defaultRetention', shown: showDuration(policy.defaultRetention), origin: policyWhere(v, i) };
    },
  },
  {
    id: 'retention rule duration: beyond the maximum of its unit',
    applies: (c) => c.vaults.some((v) => v.policies.some((p) => p.rules.length > 0)),
    apply(c, p) {
      const { policy } = pickPolicy(c, p, (x) => x.rules.length > 0);
      const rule = at(policy.rules, p.extra);
      const unit = at(RETENTION_UNITS, p.variant);
      rule.duration = { unit, amount: maxRetention(unit) + 1 };
      return { field: 'duration', shown: showDuration(rule.duration), origin: `RetentionRule.${rule.kind}` };
    },
  },
  // --- schedule ----------------------------------------------------------------------------------------------
  {
    id: 'schedule hour: 24, -1, 1.5, NaN, Infinity, 100',
    apply(c, p) {
      const { policy } = pickPolicy(c, p);
      policy.schedule.hour = at([24, -1, 1.5, NaN, Infinity, 100], p.variant);
      return { field: 'hour', shown: show(policy.schedule.hour), origin: `BackupSchedule.${policy.schedule.kind}` };
    },
  },
  {
    id: 'schedule minute: 60, -1, 0.5, NaN',
    apply(c, p) {
      const { policy } = pickPolicy(c, p);
      policy.schedule.minute = at([60, -1, 0.5, NaN], p.variant);
      return { field: 'minute', shown: show(policy.schedule.minute), origin: `BackupSchedule.${policy.schedule.kind}` };
    },
  },
  {
    id: 'schedule utcOffset: beyond ±14 hours or not shaped like +hh:mm',
    apply(c, p) {
      const { policy } = pickPolicy(c, p);
      policy.schedule.utcOffset = at(['+15:00', '-23:00', '01:00', '+1:00', 'UTC', '+01:60', '', 'Z', '+01:00 '], p.variant);
      return { field: 'utcOffset', shown: show(policy.schedule.utcOffset), origin: `BackupSchedule.${policy.schedule.kind}` };
    },
  },
  {
    id: 'weekly schedule days: a day repeated',
    applies: hasWeeklySchedule,
    apply(c, p) {
      const { policy } = pickPolicy(c, p, (x) => x.schedule.kind === 'weekly');
      const days = policy.schedule.days;
      const repeated = at(days, p.variant);
      policy.schedule.days = [...days, repeated];
      return { field: `days[${days.length}]`, shown: show(repeated), origin: 'BackupSchedule.weekly' };
    },
  },
  {
    id: 'weekly schedule days: not a DayOfWeek',
    applies: hasWeeklySchedule,
    apply(c, p) {
      const { policy } = pickPolicy(c, p, (x) => x.schedule.kind === 'weekly');
      const k = p.extra % policy.schedule.days.length;
      const bad = at(['Sun', 'sunday', 'Funday', ''], p.variant);
      policy.schedule.days[k] = unchecked(bad);
      return { field: `days[${k}]`, shown: show(bad), origin: 'BackupSchedule.weekly' };
    },
  },
  {
    id: 'weekly schedule days: none, or more than 5',
    applies: hasWeeklySchedule,
    apply(c, p) {
      const { policy } = pickPolicy(c, p, (x) => x.schedule.kind === 'weekly');
      policy.schedule.days = at([[], WEEK.slice(0, 6), [...WEEK]], p.variant);
      return { field: 'days', shown: JSON.stringify(policy.schedule.days), origin: 'BackupSchedule.weekly' };
    },
  },
  // --- storage account ---------------------------------------------------------------------------------------
  {
    id: 'storageAccountId: a Backup vault ID',
    apply(c, p) {
      const { v, spec } = pickAccount(c, p);
      spec.storageAccountId = vaultId(c.vaults[v].name);
      return { field: 'storageAccountId', shown: show(spec.storageAccountId), origin: FROM_ATTRIBUTES };
    },
  },
  {
    id: 'storageAccountId: not a resource ID',
    apply(c, p) {
      const { spec } = pickAccount(c, p);
      const id = spec.storageAccountId;
      spec.storageAccountId = at(
        ['not-an-id', '', spec.name, `${id}/`, id.replace(/^\/subscriptions\/[^/]+/, '/subscriptions/')],
        p.variant,
      );
      return { field: 'storageAccountId', shown: show(spec.storageAccountId), origin: FROM_ATTRIBUTES };
    },
  },
  {
    id: 'storageAccountId: a casing azurerm cannot parse',
    apply(c, p) {
      const { spec } = pickAccount(c, p);
      const [from, to] = at(
        [
          ['/resourceGroups/', '/resourcegroups/'],
          ['/Microsoft.Storage/', '/microsoft.storage/'],
          ['/storageAccounts/', '/StorageAccounts/'],
          ['/subscriptions/', '/Subscriptions/'],
        ],
        p.variant,
      );
      spec.storageAccountId = spec.storageAccountId.replace(from, to);
      return { field: 'storageAccountId', shown: show(spec.storageAccountId), origin: FROM_ATTRIBUTES };
    },
  },
  {
    id: 'storageAccountId: an account name that is not 3-24 lowercase letters and digits',
    apply(c, p) {
      const { spec } = pickAccount(c, p);
      const name = at([`L${spec.name.slice(1)}`, 'ab', 'a'.repeat(25), `${spec.name.slice(0, 20)}_x`, 'lake-01'], p.variant);
      spec.storageAccountId = withName(spec.storageAccountId, name);
      return { field: 'storageAccountId', shown: show(spec.storageAccountId), origin: FROM_ATTRIBUTES };
    },
  },
  {
    id: "storage account location: another listed region than the vault's",
    apply(c, p) {
      const { v, a, spec } = pickAccount(c, p);
      const others = ADLS_BACKUP_REGIONS.filter((r) => normalizeRegion(r) !== normalizeRegion(c.vaults[v].location));
      spec.location = spell(at(others, p.extra), p.variant % 2 === 0);
      return { field: 'storageAccount.location', shown: show(spec.location), origin: backupWhere(v, a) };
    },
  },
  {
    id: 'storage account location: not shaped like a region',
    apply(c, p) {
      const { spec } = pickAccount(c, p);
      spec.location = at(['', ' ', 'west_europe', '9west'], p.variant);
      return { field: 'location', shown: show(spec.location), origin: FROM_ATTRIBUTES };
    },
  },
  {
    id: 'storageAccountId: the ID of an account already protected in the stack',
    applies: (c) => c.vaults.some((v) => v.accounts.length >= 2),
    apply(c, p) {
      const candidates = c.vaults.map((vault, v) => ({ v, vault })).filter(({ vault }) => vault.accounts.length >= 2);
      const { v, vault } = at(candidates, p.target);
      const j = 1 + (p.variant % (vault.accounts.length - 1));
      const i = p.extra % j;
      vault.accounts[j].storageAccountId = vault.accounts[i].storageAccountId;
      return { field: 'storageAccount', shown: show(vault.accounts[i].name), origin: backupWhere(v, j) };
    },
  },
  // --- backup ------------------------------------------------------------------------------------------------
  {
    id: 'container name: uppercase, underscore, too short, $root, $web, double or edge hyphen, too long',
    apply(c, p) {
      const { v, a, spec } = pickAccount(c, p);
      const k = p.extra % spec.containers.length;
      spec.containers[k] = at(
        ['Raw_Data', 'ab', '$root', '$web', 'a--b', '-abc', 'abc-', 'x'.repeat(64), 'UPPER', 'raw data'],
        p.variant,
      );
      return { field: `containers[${k}]`, shown: show(spec.containers[k]), origin: backupWhere(v, a) };
    },
  },
  {
    id: 'containers: a name repeated',
    apply(c, p) {
      const { v, a, spec } = pickAccount(c, p);
      const n = spec.containers.length;
      if (n === 1) {
        spec.containers.push(spec.containers[0]);
        return { field: 'containers[1]', shown: show(spec.containers[0]), origin: backupWhere(v, a) };
      }
      const j = 1 + (p.variant % (n - 1));
      const i = p.extra % j;
      spec.containers[j] = spec.containers[i];
      return { field: `containers[${j}]`, shown: show(spec.containers[i]), origin: backupWhere(v, a) };
    },
  },
  {
    id: 'containers: none, or more than 100',
    apply(c, p) {
      const { v, a, spec } = pickAccount(c, p);
      spec.containers =
        p.variant % 2 === 0 ? [] : Array.from({ length: 101 + (p.extra % 5) }, (_, k) => `c${String(k).padStart(3, '0')}`);
      return { field: 'containers', shown: show(`${spec.containers.length} containers`), origin: backupWhere(v, a) };
    },
  },
  {
    id: 'rolePropagationWait: beyond 60 minutes, or in days, weeks or months',
    apply(c, p) {
      const { v, a, spec } = pickAccount(c, p);
      const wait = at<DurationSpec>(
        [
          { unit: TimeUnit.HOURS, amount: 2 },
          { unit: TimeUnit.MINUTES, amount: 61 },
          { unit: TimeUnit.SECONDS, amount: 3601 },
          { unit: TimeUnit.DAYS, amount: 1 },
          { unit: TimeUnit.WEEKS, amount: 1 },
          { unit: TimeUnit.MONTHS, amount: 1 },
        ],
        p.variant,
      );
      spec.rolePropagationWait = wait;
      return { field: 'rolePropagationWait', shown: showDuration(wait), origin: backupWhere(v, a) };
    },
  },
  {
    id: 'rolePropagationWait: a number, string or true instead of a Duration',
    apply(c, p) {
      const { v, a, spec } = pickAccount(c, p);
      const raw = at<unknown>([300, '5m', 'PT5M', true], p.variant);
      spec.rolePropagationWait = { raw };
      return { field: 'rolePropagationWait', shown: show(raw), origin: backupWhere(v, a) };
    },
  },
  {
    id: "backup policy: a policy of another vault than the backup's",
    applies: (c) => c.vaults.length >= 2,
    apply(c, p) {
      const { v, a, spec } = pickAccount(c, p);
      const other = (v + 1 + (p.variant % (c.vaults.length - 1))) % c.vaults.length;
      const index = p.extra % c.vaults[other].policies.length;
      spec.policy = { vault: other, index };
      return { field: 'policy', shown: show(`${STACK}/V${other}P${index}`), origin: backupWhere(v, a) };
    },
  },
  {
    id: 'backup preventDestroy: not a boolean',
    apply(c, p) {
      const { v, a, spec } = pickAccount(c, p);
      spec.preventDestroy = unchecked(at(['no', 0], p.variant));
      return { field: 'preventDestroy', shown: show(spec.preventDestroy), origin: backupWhere(v, a) };
    },
  },
];

export const CORRUPTER_BY_ID = new Map(CORRUPTERS.map((c) => [c.id, c]));
export const picksArb: fc.Arbitrary<Picks> = record({ target: fc.nat(), variant: fc.nat(), extra: fc.nat() });

/** A valid config, one corrupter that applies to it, and the picks: printed as the corrupter's id and plain data. */
export const corruptionArb = fc.constantFrom(...CORRUPTERS.map((c) => c.id)).chain((id) => {
  const applies = CORRUPTER_BY_ID.get(id)?.applies;
  return record({ corrupter: fc.constant(id), config: applies ? configArb.filter(applies) : configArb, picks: picksArb });
});

/** Corrupts a clone of `config` with `corrupter` and checks that building it is refused as `Expectation` says. */
export function checkCorruption(corrupter: Corrupter, config: AppSpec, picks: Picks): void {
  buildApp(config); // the config is valid before the corruption: it builds
  const corrupted = structuredClone(config);
  const expected = corrupter.apply(corrupted, picks);
  let thrown: unknown;
  try {
    buildApp(corrupted);
  } catch (e) {
    thrown = e;
  }
  if (thrown === undefined)
    throw new Error(`${corrupter.id}: building did not throw (expected \`${expected.field}\` ${expected.shown})`);
  if (!(thrown instanceof BackupConfigError)) throw thrown;
  const message = thrown.message;
  const fieldText = `\`${expected.field}\``;
  expect(message).toContain(fieldText);
  expect(message).toContain(expected.shown);
  // One problem is at the field and shows the value (not two unrelated ones).
  if (!thrown.problems.some((p) => p.path === expected.field && p.message.includes(expected.shown))) {
    const list = thrown.problems.map((p) => `${p.path}: ${p.message}`).join('\n');
    throw new Error(`no single problem is at ${fieldText} and shows ${expected.shown}:\n${list}`);
  }
  if (expected.origin === '') expect(message.startsWith(fieldText)).toBe(true);
  else expect(message.startsWith(`${expected.origin}: `)).toBe(true);
  if (expected.alsoContains !== undefined) expect(message).toContain(expected.alsoContains);
}
