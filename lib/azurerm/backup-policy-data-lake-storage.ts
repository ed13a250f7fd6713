import * as cdktf from 'cdktf';
import { Construct } from 'constructs';
import { AzurermAdlsResource } from './adls-resource';
import { ArgumentSchema } from './attributes';

/** One `retention_rule` block. */
export interface DataProtectionBackupPolicyDataLakeStorageRetentionRule {
  /** `name`: the rule's name. */
  readonly name: string;
  /** `duration`: ISO 8601 duration, e.g. `P12M`. */
  readonly duration: string;
  /** `absolute_criteria`: AllBackup, FirstOfDay, FirstOfWeek, FirstOfMonth or FirstOfYear. */
  readonly absoluteCriteria?: string;
  /** `days_of_week`: Monday ... Sunday. */
  readonly daysOfWeek?: string[];
  /** `weeks_of_month`: First, Second, Third, Fourth, Last. */
  readonly weeksOfMonth?: string[];
  /** `months_of_year`: January ... December. */
  readonly monthsOfYear?: string[];
  /** `scheduled_backup_times`: RFC 3339 times. */
  readonly scheduledBackupTimes?: string[];
}

/** The `timeouts` block (the policy has no update: every argument forces replacement). */
export interface DataProtectionBackupPolicyDataLakeStorageTimeouts {
  readonly create?: string;
  readonly read?: string;
  readonly delete?: string;
}

/** Arguments of `azurerm_data_protection_backup_policy_data_lake_storage` (azurerm 4.67.0+). */
export interface DataProtectionBackupPolicyDataLakeStorageConfig extends cdktf.TerraformMetaArguments {
  /** `name`: `^[a-zA-Z][-a-zA-Z0-9]{2,149}$`. */
  readonly name: string;
  /** `data_protection_backup_vault_id`: the Backup vault's resource ID. */
  readonly dataProtectionBackupVaultId: string;
  /** `backup_schedule`: 1 to 5 ISO 8601 repeating intervals. */
  readonly backupSchedule: string[];
  /** `default_retention_duration`: ISO 8601 duration. */
  readonly defaultRetentionDuration: string;
  /** `retention_rule`: list order is priority, the first matching rule wins. */
  readonly retentionRule?: DataProtectionBackupPolicyDataLakeStorageRetentionRule[] | cdktf.IResolvable;
  /** `time_zone`: a Windows time-zone name. */
  readonly timeZone?: string;
  /** `timeouts` */
  readonly timeouts?: DataProtectionBackupPolicyDataLakeStorageTimeouts;
}

const SCHEMA: ArgumentSchema = {
  name: { kind: 'string' },
  data_protection_backup_vault_id: { kind: 'string' },
  backup_schedule: { kind: 'stringList' },
  default_retention_duration: { kind: 'string' },
  retention_rule: {
    kind: 'blockList',
    className: 'DataProtectionBackupPolicyDataLakeStorageRetentionRule',
    fields: {
      name: { kind: 'string' },
      duration: { kind: 'string' },
      absolute_criteria: { kind: 'string' },
      days_of_week: { kind: 'stringSet' },
      weeks_of_month: { kind: 'stringSet' },
      months_of_year: { kind: 'stringSet' },
      scheduled_backup_times: { kind: 'stringSet' },
    },
  },
  time_zone: { kind: 'string' },
  timeouts: {
    kind: 'block',
    className: 'DataProtectionBackupPolicyDataLakeStorageTimeouts',
    fields: { create: { kind: 'string' }, read: { kind: 'string' }, delete: { kind: 'string' } },
  },
};

function ruleValues(rule: DataProtectionBackupPolicyDataLakeStorageRetentionRule) {
  return {
    name: rule.name,
    duration: rule.duration,
    absolute_criteria: rule.absoluteCriteria,
    days_of_week: rule.daysOfWeek,
    weeks_of_month: rule.weeksOfMonth,
    months_of_year: rule.monthsOfYear,
    scheduled_backup_times: rule.scheduledBackupTimes,
  };
}

/**
 * L1 binding of `azurerm_data_protection_backup_policy_data_lake_storage`, absent from
 * `@cdktf/provider-azurerm` 14.23.1 (azurerm 4.55). Creating one sets the stack's azurerm version constraint.
 *
 * @see https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/data_protection_backup_policy_data_lake_storage
 */
export class DataProtectionBackupPolicyDataLakeStorage extends AzurermAdlsResource<DataProtectionBackupPolicyDataLakeStorageConfig> {
  public static readonly tfResourceType = 'azurerm_data_protection_backup_policy_data_lake_storage';

  constructor(scope: Construct, id: string, config: DataProtectionBackupPolicyDataLakeStorageConfig) {
    super(scope, id, DataProtectionBackupPolicyDataLakeStorage.tfResourceType, config);
  }

  /** The policy's resource ID. */
  public get id(): string {
    return this.getStringAttribute('id');
  }
  public get name(): string {
    return this.getStringAttribute('name');
  }
  public get dataProtectionBackupVaultId(): string {
    return this.getStringAttribute('data_protection_backup_vault_id');
  }
  public get backupSchedule(): string[] {
    return this.getListAttribute('backup_schedule');
  }
  public get defaultRetentionDuration(): string {
    return this.getStringAttribute('default_retention_duration');
  }
  public get timeZone(): string {
    return this.getStringAttribute('time_zone');
  }

  protected get schema(): ArgumentSchema {
    return SCHEMA;
  }

  protected values() {
    const c = this.config;
    const rules = c.retentionRule;
    return {
      name: c.name,
      data_protection_backup_vault_id: c.dataProtectionBackupVaultId,
      backup_schedule: c.backupSchedule,
      default_retention_duration: c.defaultRetentionDuration,
      retention_rule: cdktf.Tokenization.isResolvable(rules) || rules === undefined ? rules : rules.map(ruleValues),
      time_zone: c.timeZone,
      timeouts: c.timeouts,
    };
  }
}
