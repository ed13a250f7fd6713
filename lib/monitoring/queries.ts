import { hasControlCharacter } from '../private/names';
import { codeOf } from '../private/code-of';
import { isIntegerInRange, Problems } from '../private/problems';
import { ALERT_LOOKBACK_HOURS, ALERT_LOOKBACK_HOURS_RULE } from '../private/rules';

// The Kusto queries of the backup alerts, over the resource-specific tables the vault's diagnostic setting
// fills (Azure Backup reports data model, Backup vault rows). README.md prints them for running by hand.

/** The Log Analytics tables a Backup vault's diagnostic setting writes, one per log category. */
export const BACKUP_LOG_CATEGORIES = [
  'CoreAzureBackup',
  'AddonAzureBackupJobs',
  'AddonAzureBackupPolicy',
  'AddonAzureBackupProtectedInstance',
] as const;

/**
 * Backup and restore jobs of the vault whose last record says Failed. A job writes several records as it runs:
 * its latest one tells how it ended.
 */
export function failedJobsQuery(vaultId: string): string {
  const problems = new Problems('failedJobsQuery');
  checkQueryVaultId(problems, vaultId);
  problems.throwIfAny();
  return [
    'AddonAzureBackupJobs',
    `| where _ResourceId =~ "${vaultId}"`,
    '| where JobOperation in ("Backup", "Restore")',
    '| summarize arg_max(TimeGenerated, *) by JobUniqueId',
    '| where JobStatus == "Failed"',
    '| project TimeGenerated, JobOperation, JobStatus, JobFailureCode, BackupItemFriendlyName, DatasourceFriendlyName, JobStartDateTime, JobUniqueId',
  ].join('\n');
}

/**
 * Backup instances of the vault, under the given policies, with no completed backup job in the last `lookbackHours`.
 * The vault reports each protected instance at least daily (CoreAzureBackup, `BackupItem`); an instance first
 * seen less than `lookbackHours` ago has not had its first scheduled backup yet and is left out.
 */
export function missedBackupsQuery(vaultId: string, policyNames: readonly string[], lookbackHours: number): string {
  const problems = new Problems('missedBackupsQuery');
  checkQueryVaultId(problems, vaultId);
  problems.check(
    Array.isArray(policyNames) && policyNames.length > 0,
    Array.isArray(policyNames) ? 'ADLSBK-EMPTY' : codeOf(policyNames, false, 'ADLSBK-TYPE'),
    'policyNames',
    'must name at least one policy',
    policyNames,
  );
  if (Array.isArray(policyNames)) {
    policyNames.forEach((name: unknown, i) =>
      problems.check(
        isQueryText(name),
        typeof name === 'string' ? 'ADLSBK-QUERY-TEXT' : 'ADLSBK-TYPE',
        `policyNames[${i}]`,
        'must be a policy name (or a placeholder) without quotes, backslashes or control characters',
        name,
      ),
    );
  }
  problems.check(
    isIntegerInRange(lookbackHours, ALERT_LOOKBACK_HOURS.min, ALERT_LOOKBACK_HOURS.max),
    codeOf(lookbackHours, typeof lookbackHours === 'number', 'ADLSBK-ALERT-SETTING'),
    'lookbackHours',
    `must be ${ALERT_LOOKBACK_HOURS_RULE}`,
    lookbackHours,
  );
  problems.throwIfAny();
  const policies = policyNames.map((p) => `"${p}"`).join(', ');
  return [
    `let lookback = ${lookbackHours}h;`,
    'let succeeded = AddonAzureBackupJobs',
    `    | where _ResourceId =~ "${vaultId}"`,
    '    | where JobOperation == "Backup"',
    '    | summarize arg_max(TimeGenerated, *) by JobUniqueId',
    '    | where JobStatus == "Completed" and TimeGenerated > ago(lookback)',
    '    | distinct BackupItemUniqueId;',
    'CoreAzureBackup',
    `| where _ResourceId =~ "${vaultId}"`,
    '| where OperationName == "BackupItem"',
    `| where PolicyName in (${policies})`,
    '| summarize FirstSeen = min(TimeGenerated), arg_max(TimeGenerated, BackupItemFriendlyName, DatasourceFriendlyName, PolicyName, BackupItemProtectionState) by BackupItemUniqueId',
    '| where FirstSeen < ago(lookback) and TimeGenerated > ago(lookback)',
    '| join kind=leftanti succeeded on BackupItemUniqueId',
    '| project BackupItemFriendlyName, DatasourceFriendlyName, PolicyName, BackupItemProtectionState, LastReported = TimeGenerated',
  ].join('\n');
}

/**
 * The vault ID and the policy names go into Kusto string literals. README prints the queries with placeholders
 * (`<vault resource ID>`, `<daily policy>`), so any text is taken, but not what would end the literal or the line:
 * a quote, a backslash or a control character.
 */
function isQueryText(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0 && !/["\\]/.test(value) && !hasControlCharacter(value);
}

function checkQueryVaultId(problems: Problems, vaultId: unknown): void {
  problems.check(
    isQueryText(vaultId),
    codeOf(vaultId, typeof vaultId === 'string', 'ADLSBK-QUERY-TEXT'),
    'vaultId',
    'must be a vault resource ID (or a placeholder) without quotes, backslashes or control characters',
    vaultId,
  );
}
