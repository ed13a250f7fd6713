import { Annotations, Aspects, Lazy } from 'cdktf';
import { Construct } from 'constructs';
import { LogAnalyticsWorkspace } from '../azurerm/generated/log-analytics-workspace';
import { MonitorActionGroup } from '../azurerm/generated/monitor-action-group';
import { MonitorDiagnosticSetting } from '../azurerm/generated/monitor-diagnostic-setting';
import { MonitorScheduledQueryRulesAlertV2 } from '../azurerm/generated/monitor-scheduled-query-rules-alert-v2';
import { Duration, TimeUnit } from '../duration';
import { DataLakeBackupPolicy } from '../policy';
import { claimName } from '../private/account-registry';
import { checkBoolean, checkResourceGroupName, checkTags, sentLength } from '../private/common-checks';
import { goUrlProblem } from '../private/go-url';
import { codeOf } from '../private/code-of';
import { isIntegerInRange, isLiteral, Problems } from '../private/problems';
import type { ProblemCode } from '../private/rules/codes';
import { checkResourceId, checkVaultReference } from '../private/references';
import {
  ACTION_GROUP_ID_SHAPE,
  BACKUP_VAULT_ID_SHAPE,
  isResourceIdProblem,
  LOG_ANALYTICS_WORKSPACE_ID_SHAPE,
  parseResourceId,
} from '../private/resource-id';
import {
  ACTION_GROUP_SHORT_NAME_BYTES,
  ACTION_GROUP_SHORT_NAME_RULE,
  ALERT_EMAIL,
  ALERT_EMAIL_RULE,
  ALERT_SEVERITY,
  ALERT_SEVERITY_RULE,
  ALERT_WEBHOOK_URL,
  ALERT_WEBHOOK_URL_RULE,
  LOG_ANALYTICS_WORKSPACE_NAME,
  LOG_ANALYTICS_WORKSPACE_NAME_RULE,
  MISSED_BACKUP_GRACE_HOURS,
  MISSED_BACKUP_GRACE_RULE,
  WORKSPACE_RETENTION_DAYS,
} from '../private/rules';
import { ScheduleFrequency } from '../schedule';
import type { IBackupVault } from '../interfaces';
import { BackupVault } from '../vault';
import { BACKUP_LOG_CATEGORIES, failedJobsQuery, missedBackupsQuery } from './queries';

/** A Log Analytics workspace the monitoring creates. */
export interface NewWorkspaceOptions {
  /** Workspace name: 4-63 letters, digits and hyphens, starting and ending with a letter or digit. */
  readonly name: string;
  /**
   * How long the backup logs are kept: 30 to 730 days. Job records stay on the vault's Backup jobs pane for
   * seven days only; this is how far back you can query them.
   * @default Duration.days(90)
   */
  readonly retention?: Duration;
}

/** Options of the missed-backup alert. */
export interface MissedBackupAlertOptions {
  /**
   * How long after the schedule's period (one day) an instance may go without a completed backup before the alert
   * fires: 1 to 18 hours. Covers backups that run long and the 20-30 minutes logs take to arrive.
   * @default Duration.hours(6)
   */
  readonly grace?: Duration;
}

/** Props of `BackupMonitoring`. */
export interface BackupMonitoringProps {
  /** The vault to watch. */
  readonly vault: IBackupVault;
  /**
   * An existing Log Analytics workspace to send the vault's logs to. Give this or `workspace`.
   * @default - none
   */
  readonly logAnalyticsWorkspaceId?: string;
  /**
   * A workspace to create for the logs. Give this or `logAnalyticsWorkspaceId`.
   * @default - none
   */
  readonly workspace?: NewWorkspaceOptions;
  /**
   * Email addresses the alerts go to.
   * @default - none (give emails, webhooks or action groups)
   */
  readonly emails?: string[];
  /**
   * HTTPS endpoints the alerts are posted to (common alert schema), e.g. a Teams, Slack or on-call integration.
   * @default - none
   */
  readonly webhooks?: string[];
  /**
   * Existing action groups to notify as well.
   * @default - none
   */
  readonly actionGroupIds?: string[];
  /**
   * Short name of the action group, shown in SMS and emails: 1-12 characters.
   * @default 'adlsbackup'
   */
  readonly actionGroupShortName?: string;
  /**
   * Resource group of the workspace, action group and alert rules.
   * @default - the vault's resource group
   */
  readonly resourceGroupName?: string;
  /**
   * Severity of the alerts: 0 (critical) to 4 (verbose).
   * @default 1 (error)
   */
  readonly severity?: number;
  /**
   * Alert when a backup or restore job of the vault fails.
   * @default true
   */
  readonly failedJobAlert?: boolean;
  /**
   * Alert when a protected instance of a daily policy has had no completed backup for a day plus `grace`.
   * `false` for none.
   * @default {} (on, 6 hours' grace)
   */
  readonly missedBackupAlert?: MissedBackupAlertOptions | false;
  /**
   * The policies whose instances the missed-backup alert watches (daily ones only: see README, Monitoring).
   * @default - every policy of the vault in the app at synthesis, wherever it is created
   */
  readonly policies?: DataLakeBackupPolicy[];
  /**
   * Tags of the resources created.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

// The limits and patterns are in lib/private/rules (Monitoring); the defaults are built from them.
const DEFAULT_RETENTION = Duration.days(WORKSPACE_RETENTION_DAYS.default);
const DEFAULT_GRACE = Duration.hours(MISSED_BACKUP_GRACE_HOURS.default);
const HOUR = 3600;

/**
 * Watches a Backup vault so that a failed backup reaches a person:
 * - a diagnostic setting sends the vault's four Azure Backup log categories to Log Analytics (resource-specific
 *   tables), to an existing workspace or a new one;
 * - an action group with email and/or webhook receivers;
 * - a log alert (scheduled query rule v2) per failed backup or restore job, one alert per backup instance;
 * - a log alert when an instance of a daily policy has had no completed backup for a day plus a grace period.
 *
 * @example
 * new BackupMonitoring(stack, 'Monitoring', {
 *   vault,
 *   workspace: { name: 'log-backup-weu', retention: Duration.days(180) },
 *   emails: ['data-platform-oncall@example.com'],
 * });
 */
export class BackupMonitoring extends Construct {
  /** The `azurerm_monitor_diagnostic_setting` on the vault. */
  public readonly diagnosticSetting: MonitorDiagnosticSetting;
  /** The workspace created, when `workspace` was given. */
  public readonly workspace?: LogAnalyticsWorkspace;
  /** The ID of the workspace the logs go to. */
  public readonly workspaceId: string;
  /** The action group created, when there are email or webhook receivers. */
  public readonly actionGroup?: MonitorActionGroup;
  /** The failed-job alert rule, unless turned off. */
  public readonly failedJobAlert?: MonitorScheduledQueryRulesAlertV2;
  /**
   * The missed-backup alert rule, unless turned off. It watches the vault's daily policies as they are at synthesis
   * (wherever in the app they are created), and is taken out of the stack then when there is none to watch.
   */
  public readonly missedBackupAlert?: MonitorScheduledQueryRulesAlertV2;

  constructor(scope: Construct, id: string, props: BackupMonitoringProps) {
    super(scope, id);
    const p = props ?? ({} as BackupMonitoringProps);
    const problems = new Problems(`BackupMonitoring '${this.node.path}'`);
    const resourceGroupName = validate(problems, p, this.node.path);
    problems.throwIfAny();

    const vault = p.vault;
    const label = vault.vaultName ?? 'adls-backup';
    const tags = p.tags;
    const location = vault.location;

    if (p.workspace) {
      this.workspace = new LogAnalyticsWorkspace(this, 'Workspace', {
        name: p.workspace.name,
        resourceGroupName,
        location,
        sku: 'PerGB2018',
        retentionInDays: (p.workspace.retention ?? DEFAULT_RETENTION).amount,
        tags,
      });
    }
    this.workspaceId = this.workspace?.id ?? p.logAnalyticsWorkspaceId!;

    this.diagnosticSetting = new MonitorDiagnosticSetting(this, 'DiagnosticSetting', {
      name: 'adls-backup-to-log-analytics',
      targetResourceId: vault.vaultId,
      logAnalyticsWorkspaceId: this.workspaceId,
      // Azure Backup's events flow only to resource-specific tables (AddonAzureBackupJobs, ...), not AzureDiagnostics.
      logAnalyticsDestinationType: 'Dedicated',
      enabledLog: BACKUP_LOG_CATEGORIES.map((category) => ({ category })),
    });

    const receivers = { emails: p.emails ?? [], webhooks: p.webhooks ?? [] };
    if (receivers.emails.length + receivers.webhooks.length > 0) {
      this.actionGroup = new MonitorActionGroup(this, 'ActionGroup', {
        name: `${label}-backup-alerts`,
        resourceGroupName,
        shortName: p.actionGroupShortName ?? 'adlsbackup',
        emailReceiver: receivers.emails.map((address, i) => ({
          name: `email-${i + 1}`,
          emailAddress: address,
          useCommonAlertSchema: true,
        })),
        webhookReceiver: receivers.webhooks.map((uri, i) => ({
          name: `webhook-${i + 1}`,
          serviceUri: uri,
          useCommonAlertSchema: true,
        })),
        tags,
      });
    }
    const actionGroups = [...(this.actionGroup ? [this.actionGroup.id] : []), ...(p.actionGroupIds ?? [])];
    const alert = (alertId: string, settings: AlertSettings) =>
      new MonitorScheduledQueryRulesAlertV2(this, alertId, {
        name: `${label}-${settings.suffix}`,
        displayName: settings.displayName,
        description: settings.description,
        resourceGroupName,
        location,
        scopes: [this.workspaceId],
        severity: p.severity ?? ALERT_SEVERITY.default,
        evaluationFrequency: settings.every,
        windowDuration: settings.window,
        criteria: [
          {
            query: settings.query,
            timeAggregationMethod: 'Count',
            operator: 'GreaterThan',
            threshold: 0,
            // One alert per backup instance, so that two failing lakes are two alerts to work on.
            dimension: [{ name: 'BackupItemFriendlyName', operator: 'Include', values: ['*'] }],
            failingPeriods: { minimumFailingPeriodsToTriggerAlert: 1, numberOfEvaluationPeriods: 1 },
          },
        ],
        // Stateful: the alert fires once and resolves by itself when the condition clears.
        autoMitigationEnabled: true,
        // The tables exist only once the vault has sent logs; validation would refuse the rule on a new workspace.
        skipQueryValidation: true,
        action: { actionGroups },
        tags,
      });

    if (p.failedJobAlert !== false) {
      this.failedJobAlert = alert('FailedJobAlert', {
        suffix: 'failed-backup-jobs',
        displayName: `Backup or restore job failed in vault ${label}`,
        description:
          "A backup or restore job of the Backup vault ended Failed. See the JobFailureCode column, and the vault's Backup jobs pane.",
        query: failedJobsQuery(vault.vaultId),
        // Logs arrive 20-30 minutes after a job ends: an hour's window every 15 minutes sees each failure.
        every: 'PT15M',
        window: 'PT1H',
      });
    }

    if (p.missedBackupAlert !== false) {
      // Which policies to watch is known only once the app is built: a policy created after this construct (or in
      // another stack) counts as much as one before it. The alert is made here, so that cdktf prepares its
      // references with the others (a reference to another stack becomes remote state then); what depends on the
      // policies is produced at synthesis, and an aspect takes the alert out when there is no daily policy.
      const lookbackHours = 24 + (p.missedBackupAlert?.grace ?? DEFAULT_GRACE).toSeconds()! / HOUR;
      let daily: readonly DataLakeBackupPolicy[] | undefined;
      const dailyNames = () => (daily ??= this.dailyPolicies(p.policies ?? policiesOf(this, vault))).map((d) => d.policyName);
      this.missedBackupAlert = alert('MissedBackupAlert', {
        suffix: 'missed-backups',
        displayName: `No completed backup for ${lookbackHours} hours in vault ${label}`,
        description: Lazy.stringValue({
          produce: () =>
            `A backup instance of a daily policy (${dailyNames().join(', ')}) has had no completed backup for ${lookbackHours} hours.`,
        }),
        query: Lazy.stringValue({ produce: () => missedBackupsQuery(vault.vaultId, dailyNames(), lookbackHours) }),
        // The query looks back itself; two days (the most a log alert reads) also shows when an instance first appeared.
        every: 'PT1H',
        window: 'P2D',
      });
      Aspects.of(this).add({
        visit: (node) => {
          if (node === this && dailyNames().length === 0) this.node.tryRemoveChild('MissedBackupAlert');
        },
      });
    }
  }

  // The daily policies among `policies`, with a warning for the others and for none at all (once: the caller keeps
  // the answer).
  private dailyPolicies(policies: readonly DataLakeBackupPolicy[]): readonly DataLakeBackupPolicy[] {
    const daily = policies.filter((policy) => policy.schedule.frequency === ScheduleFrequency.DAILY);
    const others = policies.filter((policy) => !daily.includes(policy));
    if (others.length > 0) {
      Annotations.of(this).addWarning(
        `No missed-backup alert for ${others.map((o) => `'${o.policyName}'`).join(', ')}: a weekly schedule leaves more than two days between backups, and Azure Monitor log alerts look back two days at most. The failed-job alert still covers them; run the missed-backup query of README.md (Monitoring) by hand over a longer range.`,
      );
    }
    if (policies.length === 0) {
      Annotations.of(this).addWarning(
        'No missed-backup alert: the vault has no DataLakeBackupPolicy in this app. Pass `policies` to choose them.',
      );
    }
    return daily;
  }
}

interface AlertSettings {
  readonly suffix: string;
  readonly displayName: string;
  readonly description: string;
  readonly query: string;
  readonly every: string;
  readonly window: string;
}

function policiesOf(scope: Construct, vault: IBackupVault): DataLakeBackupPolicy[] {
  return scope.node.root.node
    .findAll()
    .filter((c): c is DataLakeBackupPolicy => DataLakeBackupPolicy.isDataLakeBackupPolicy(c) && c.vault === vault);
}

// Returns the resource group of the alerting resources.
function validate(problems: Problems, p: BackupMonitoringProps, scopePath: string): string {
  const vault = p.vault;
  if (!checkVaultReference(problems, 'vault', vault, 'must be a BackupVault or BackupVault.fromVaultAttributes(...)')) {
    return '';
  }
  const group = p.resourceGroupName ?? resourceGroupOf(vault);
  if (group === undefined)
    problems.add(
      'ADLSBK-REQUIRED',
      'resourceGroupName',
      'must be given: the vault is outside the stack and its ID is only known at plan time',
      group,
    );
  else checkResourceGroupName(problems, group, 'resourceGroupName');

  const { logAnalyticsWorkspaceId: id, workspace } = p;
  if ((id === undefined) === (workspace === undefined)) {
    problems.addShown(
      'ADLSBK-WORKSPACE',
      'logAnalyticsWorkspaceId',
      'or `workspace` must be given, and not both: give exactly one of `logAnalyticsWorkspaceId` (an existing workspace) and `workspace` (a new one)',
      id === undefined ? 'neither' : 'both',
    );
  }
  if (id !== undefined) {
    checkResourceId(
      problems,
      'logAnalyticsWorkspaceId',
      id,
      LOG_ANALYTICS_WORKSPACE_ID_SHAPE,
      'a Log Analytics workspace resource ID',
    );
  }
  if (workspace !== undefined && (workspace === null || typeof workspace !== 'object' || Array.isArray(workspace))) {
    problems.add('ADLSBK-TYPE', 'workspace', "must be the new workspace's options, e.g. { name: 'log-backup-weu' }", workspace);
  } else if (workspace !== undefined) {
    const name = workspace.name;
    problems.check(
      typeof name === 'string' && (!isLiteral(name) || LOG_ANALYTICS_WORKSPACE_NAME.test(name)),
      codeOf(name, typeof name === 'string', 'ADLSBK-WORKSPACE'),
      'workspace.name',
      `must be ${LOG_ANALYTICS_WORKSPACE_NAME_RULE}`,
      name,
    );
    const retention = workspace?.retention;
    if (retention !== undefined) {
      const days = Duration.isDuration(retention) && retention.unit === TimeUnit.DAYS ? retention.amount : undefined;
      const { min, max } = WORKSPACE_RETENTION_DAYS;
      problems.check(
        days !== undefined && days >= min && days <= max,
        Duration.isDuration(retention) ? 'ADLSBK-WORKSPACE' : 'ADLSBK-TYPE',
        'workspace.retention',
        `must be Duration.days(${min}) to Duration.days(${max})`,
        Duration.isDuration(retention) ? retention.toString() : retention,
      );
    }
  }

  checkList(problems, 'emails', p.emails, (v) => ALERT_EMAIL.test(v), 'ADLSBK-ALERT-RECIPIENTS', `must be ${ALERT_EMAIL_RULE}`);
  checkList(
    problems,
    'webhooks',
    p.webhooks,
    (v) => ALERT_WEBHOOK_URL.test(v) && goUrlProblem(v) === undefined,
    'ADLSBK-ALERT-RECIPIENTS',
    `must be ${ALERT_WEBHOOK_URL_RULE}`,
  );
  // The list, its types and repeats; then each literal ID with every segment checked (the rule names the segment).
  checkList(
    problems,
    'actionGroupIds',
    p.actionGroupIds,
    () => true,
    'ADLSBK-RESOURCE-ID',
    'must be an action group resource ID',
  );
  if (Array.isArray(p.actionGroupIds)) {
    p.actionGroupIds.forEach((v, i) => {
      if (typeof v === 'string') {
        checkResourceId(problems, `actionGroupIds[${i}]`, v, ACTION_GROUP_ID_SHAPE, 'an action group resource ID');
      }
    });
  }
  const receivers = (p.emails?.length ?? 0) + (p.webhooks?.length ?? 0) + (p.actionGroupIds?.length ?? 0);
  const alerting = p.failedJobAlert !== false || p.missedBackupAlert !== false;
  if (alerting && receivers === 0) {
    problems.addShown(
      'ADLSBK-ALERT-RECIPIENTS',
      'emails',
      '(or `webhooks` or `actionGroupIds`) must give at least one recipient: an alert that reaches no one is the silent failure this construct exists to prevent',
      'none',
    );
  }
  const shortName = p.actionGroupShortName;
  if (shortName !== undefined) {
    // The length of what Terraform sends (`$${` is `${`); a reference or a raw `${...}` is only known at plan.
    const length = typeof shortName === 'string' && isLiteral(shortName) ? sentLength(shortName) : undefined;
    const { min, max } = ACTION_GROUP_SHORT_NAME_BYTES;
    problems.check(
      typeof shortName === 'string' && (length === undefined || (length >= min && length <= max)),
      typeof shortName === 'string' ? 'ADLSBK-ACTION-GROUP-SHORT-NAME' : 'ADLSBK-TYPE',
      'actionGroupShortName',
      `must be ${ACTION_GROUP_SHORT_NAME_RULE}`,
      shortName,
    );
  }
  if (p.severity !== undefined)
    problems.check(
      isIntegerInRange(p.severity, ALERT_SEVERITY.min, ALERT_SEVERITY.max),
      typeof p.severity === 'number' ? 'ADLSBK-ALERT-SETTING' : 'ADLSBK-TYPE',
      'severity',
      `must be ${ALERT_SEVERITY_RULE}`,
      p.severity,
    );
  checkBoolean(problems, 'failedJobAlert', p.failedJobAlert);
  const missed = p.missedBackupAlert;
  if (missed !== undefined && missed !== false) {
    const grace = typeof missed === 'object' && missed !== null ? missed.grace : undefined;
    if (typeof missed !== 'object' || missed === null)
      problems.add('ADLSBK-TYPE', 'missedBackupAlert', 'must be an options object or false', missed);
    else if (grace !== undefined) {
      const seconds = Duration.isDuration(grace) ? grace.toSeconds() : undefined;
      const { min, max } = MISSED_BACKUP_GRACE_HOURS;
      problems.check(
        seconds !== undefined && seconds >= min * HOUR && seconds <= max * HOUR && seconds % HOUR === 0,
        Duration.isDuration(grace) ? 'ADLSBK-ALERT-SETTING' : 'ADLSBK-TYPE',
        'missedBackupAlert.grace',
        `must be ${MISSED_BACKUP_GRACE_RULE}`,
        Duration.isDuration(grace) ? grace.toString() : grace,
      );
    }
  }
  if (p.policies !== undefined) {
    if (!Array.isArray(p.policies)) problems.add('ADLSBK-TYPE', 'policies', 'must be a list of DataLakeBackupPolicy', p.policies);
    else
      p.policies.forEach((policy, i) => {
        if (!DataLakeBackupPolicy.isDataLakeBackupPolicy(policy))
          problems.add('ADLSBK-TYPE', `policies[${i}]`, 'must be a DataLakeBackupPolicy', policy);
        else
          problems.check(
            policy.vault === vault,
            'ADLSBK-OTHER-VAULT',
            `policies[${i}]`,
            'must be a policy of this vault',
            policy.node.path,
          );
      });
  }
  checkTags(problems, p.tags);
  // A second monitor would create a second diagnostic setting to the same place and alert rules of the same names:
  // Azure refuses both at apply. A refused monitor claims nothing.
  if (problems.empty) {
    const holder = claimName(vault, 'monitoring of vault', isLiteral(vault.vaultId) ? vault.vaultId : vault.node.path, scopePath);
    if (holder !== undefined)
      problems.add(
        'ADLSBK-MONITORED-TWICE',
        'vault',
        `is already monitored by BackupMonitoring '${holder}': one per vault`,
        vault.vaultName ?? vault.node.path,
      );
  }
  return group ?? '';
}

/** A list of strings, each `valid` (else the rule `code`, worded `rule`), none repeated. */
function checkList(
  problems: Problems,
  field: string,
  list: unknown,
  valid: (v: string) => boolean,
  code: ProblemCode,
  rule: string,
): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    problems.add('ADLSBK-TYPE', field, 'must be a list', list);
    return;
  }
  list.forEach((v, i) => {
    if (typeof v !== 'string') problems.add('ADLSBK-TYPE', `${field}[${i}]`, rule, v);
    else if (isLiteral(v) && !valid(v)) problems.add(code, `${field}[${i}]`, rule, v);
  });
  const literals = list.filter(isLiteral);
  if (new Set(literals).size !== literals.length) problems.add('ADLSBK-REPEATED', field, 'must not repeat an entry', list);
}

function resourceGroupOf(vault: IBackupVault): string | undefined {
  if (BackupVault.isBackupVault(vault)) return vault.resource.resourceGroupNameInput ?? vault.resource.resourceGroupName;
  const parsed = isLiteral(vault.vaultId) ? parseResourceId(vault.vaultId, BACKUP_VAULT_ID_SHAPE) : undefined;
  return parsed === undefined || isResourceIdProblem(parsed) ? undefined : parsed.resourceGroupName;
}
