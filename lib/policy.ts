import { Construct, IConstruct } from 'constructs';
import { DataProtectionBackupPolicyDataLakeStorage } from './azurerm/generated/data-protection-backup-policy-data-lake-storage';
import { Duration } from './duration';
import { codeOf } from './private/code-of';
import { isLiteral, Problems } from './private/problems';
import { claimName } from './private/account-registry';
import { POLICY_NAME, POLICY_NAME_RULE } from './private/rules';
import { checkVaultReference } from './private/references';
import { checkRetentionDuration, orderByPriority, RetentionRule } from './retention';
import { BackupSchedule, ScheduleFrequency } from './schedule';
import { POLICY_TIME_ZONES, suggestTimeZone } from './time-zones';
import type { IBackupVault } from './interfaces';
import { brand, isBranded } from './private/brand';

/** A backup policy for ADLS that backups can use. */
export interface IDataLakeBackupPolicy extends IConstruct {
  /** The policy's resource ID. */
  readonly policyId: string;
  /** The vault the policy belongs to: a backup instance must use a policy of its own vault. */
  readonly vault: IBackupVault;
}

/** Props of `DataLakeBackupPolicy`. */
export interface DataLakeBackupPolicyProps {
  /** The vault the policy lives in. */
  readonly vault: IBackupVault;
  /** Policy name: 3-150 letters, digits and hyphens, starting with a letter. */
  readonly name: string;
  /** When backups run: daily or weekly, at most once a day. */
  readonly schedule: BackupSchedule;
  /** How long backups are kept when no retention rule picks them: up to 3,650 days (10 years). */
  readonly defaultRetention: Duration;
  /**
   * Keep some backups longer: weekly, monthly, yearly or custom rules. Rendered in Azure's priority order.
   * @default - no rules: every backup is kept for `defaultRetention`
   */
  readonly retentionRules?: RetentionRule[];
  /**
   * Windows time-zone name the schedule's time of day is read in, e.g. `W. Europe Standard Time`.
   * @default - UTC (azurerm's default when `time_zone` is unset)
   */
  readonly timeZone?: string;
}

/**
 * An Azure Backup policy for ADLS Gen2 vaulted backup: schedule, default retention and long-term
 * retention rules (up to 10 years). Every argument of the azurerm resource forces replacement,
 * so the rendered strings are kept byte-stable.
 *
 * @example
 * new DataLakeBackupPolicy(stack, 'Daily', {
 *   vault, name: 'adls-daily',
 *   schedule: BackupSchedule.daily({ hour: 2 }),
 *   defaultRetention: Duration.days(30),
 *   retentionRules: [RetentionRule.monthly(Duration.months(12))],
 * });
 * @see https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/data_protection_backup_policy_data_lake_storage
 */
export class DataLakeBackupPolicy extends Construct implements IDataLakeBackupPolicy {
  /** Whether `x` is a `DataLakeBackupPolicy`, made by any copy of this library (`instanceof` knows only its own). */
  public static isDataLakeBackupPolicy(x: unknown): x is DataLakeBackupPolicy {
    return isBranded(x, 'DataLakeBackupPolicy');
  }

  /** The underlying `azurerm_data_protection_backup_policy_data_lake_storage` (escape hatch). */
  public readonly resource: DataProtectionBackupPolicyDataLakeStorage;
  public readonly policyId: string;
  public readonly vault: IBackupVault;
  public readonly schedule: BackupSchedule;
  public readonly defaultRetention: Duration;
  /** The retention rules in the order they are rendered (Azure priority). */
  public readonly retentionRules: readonly RetentionRule[];
  public readonly timeZone?: string;
  /** The policy's name in the vault. */
  public readonly policyName: string;

  constructor(scope: Construct, id: string, props: DataLakeBackupPolicyProps) {
    super(scope, id);
    const p = props ?? ({} as DataLakeBackupPolicyProps);
    const where = `DataLakeBackupPolicy '${this.node.path}'`;
    const problems = new Problems(where);
    validatePolicyProps(problems, p);
    if (problems.empty && isLiteral(p.name)) {
      const holder = claimName(this, `policies of ${p.vault.vaultId}`, p.name, this.node.path);
      if (holder !== undefined)
        problems.add(
          'ADLSBK-POLICY-NAME-TAKEN',
          'name',
          `is already the name of policy '${holder}' in this vault (names are unique per vault, in any case)`,
          p.name,
        );
    }
    problems.throwIfAny();

    this.vault = p.vault;
    this.schedule = p.schedule;
    this.defaultRetention = p.defaultRetention;
    this.timeZone = p.timeZone;
    this.policyName = p.name;
    this.retentionRules = orderByPriority(p.retentionRules ?? []);
    this.resource = new DataProtectionBackupPolicyDataLakeStorage(this, 'Resource', {
      name: p.name,
      dataProtectionBackupVaultId: p.vault.vaultId,
      backupSchedule: [...p.schedule.intervals],
      defaultRetentionDuration: p.defaultRetention.toIsoString(),
      timeZone: p.timeZone,
      retentionRule: this.retentionRules.length
        ? this.retentionRules.map((r) => ({ name: r.name, duration: r.duration.toIsoString(), ...r.criteria }))
        : undefined,
    });
    this.policyId = this.resource.id;
  }
}
brand(DataLakeBackupPolicy, 'DataLakeBackupPolicy');

function validatePolicyProps(problems: Problems, p: DataLakeBackupPolicyProps): void {
  checkVaultReference(problems, 'vault', p.vault, 'must be a BackupVault');
  if (typeof p.name !== 'string' || (isLiteral(p.name) && !POLICY_NAME.test(p.name))) {
    problems.add(codeOf(p.name, typeof p.name === 'string', 'ADLSBK-POLICY-NAME'), 'name', `must be ${POLICY_NAME_RULE}`, p.name);
  }
  if (!BackupSchedule.isBackupSchedule(p.schedule)) {
    problems.add(
      codeOf(p.schedule, false, 'ADLSBK-TYPE'),
      'schedule',
      'must be a BackupSchedule (BackupSchedule.daily, .weekly or .expression)',
      p.schedule,
    );
  }
  checkRetentionDuration(problems, 'defaultRetention', p.defaultRetention);
  if (p.timeZone !== undefined && (typeof p.timeZone !== 'string' || isLiteral(p.timeZone))) {
    if (!POLICY_TIME_ZONES.includes(p.timeZone)) {
      const hint = typeof p.timeZone === 'string' ? suggestTimeZone(p.timeZone) : undefined;
      const rule = hint
        ? `must be spelled exactly as azurerm lists it: "${hint}"`
        : 'must be one of the 142 Windows time-zone names azurerm accepts, e.g. "W. Europe Standard Time" or "UTC"';
      problems.add(typeof p.timeZone === 'string' ? 'ADLSBK-TIME-ZONE' : 'ADLSBK-TYPE', 'timeZone', rule, p.timeZone);
    }
  }
  const rules = p.retentionRules ?? [];
  if (!Array.isArray(rules)) {
    problems.add('ADLSBK-TYPE', 'retentionRules', 'must be a list of RetentionRule', rules);
    return;
  }
  const seen = new Map<string, number>();
  rules.forEach((rule, i) => {
    if (!RetentionRule.isRetentionRule(rule)) {
      problems.add(
        'ADLSBK-TYPE',
        `retentionRules[${i}]`,
        'must be a RetentionRule (RetentionRule.weekly, .monthly, .yearly or .custom)',
        rule,
      );
      return;
    }
    const key = rule.name.toLowerCase();
    if (seen.has(key)) {
      problems.add(
        'ADLSBK-REPEATED',
        `retentionRules[${i}].name`,
        `repeats the name of retentionRules[${seen.get(key)}]`,
        rule.name,
      );
    } else seen.set(key, i);
    checkRuleMatchesSchedule(problems, `retentionRules[${i}].daysOfWeek`, rule, p.schedule);
  });
}

/** A rule that keeps backups of days the weekly schedule never runs would never keep anything. */
function checkRuleMatchesSchedule(problems: Problems, field: string, rule: RetentionRule, schedule: unknown): void {
  if (!BackupSchedule.isBackupSchedule(schedule) || schedule.frequency !== ScheduleFrequency.WEEKLY) return;
  const runs = schedule.timeOfDay?.days ?? [];
  const never = (rule.criteria.daysOfWeek ?? []).filter((d) => !runs.includes(d));
  if (never.length > 0) {
    problems.add(
      'ADLSBK-RETENTION-SCHEDULE-MISMATCH',
      field,
      `names days the weekly schedule never runs (it runs on ${runs.join(', ')})`,
      never,
    );
  }
}
