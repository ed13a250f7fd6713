import { CodeEntry } from './entry';

// BackupMonitoring, its query helpers, and the compliance aspect.
export const MONITORING_CODES = {
  'ADLSBK-WORKSPACE': {
    title: 'A Log Analytics workspace that is missing, given twice or refused by azurerm',
    why: "The alerts read the vault's diagnostics from one workspace: an existing one by ID, or a new one the construct makes.",
    example: {
      kind: 'typescript',
      wrong: "new BackupMonitoring(stack, 'Monitoring', { vault, emails: ['backup-team@example.com'] })",
      right:
        "new BackupMonitoring(stack, 'Monitoring', { vault, emails: ['backup-team@example.com'], workspace: { name: 'log-backup-weu' } })",
    },
  },
  'ADLSBK-ALERT-RECIPIENTS': {
    title: 'Alerts that reach no one, or a recipient azurerm refuses',
    why: 'An alert that reaches no one is the silent failure monitoring exists to prevent.',
    example: {
      kind: 'typescript',
      wrong: "new BackupMonitoring(stack, 'Monitoring', { vault, workspace: { name: 'log-backup-weu' } })",
      right:
        "new BackupMonitoring(stack, 'Monitoring', { vault, workspace: { name: 'log-backup-weu' }, emails: ['backup-team@example.com'] })",
    },
  },
  'ADLSBK-ACTION-GROUP-SHORT-NAME': {
    title: "An action group's short name azurerm refuses",
    why: 'azurerm takes 1-12 bytes of UTF-8; the short name is shown in every e-mail and SMS.',
    example: {
      kind: 'typescript',
      wrong:
        "new BackupMonitoring(stack, 'Monitoring', { vault, workspace: { name: 'log-backup-weu' }, emails: ['backup-team@example.com'], actionGroupShortName: 'backup-alerts-weu' })",
      right:
        "new BackupMonitoring(stack, 'Monitoring', { vault, workspace: { name: 'log-backup-weu' }, emails: ['backup-team@example.com'], actionGroupShortName: 'backup-weu' })",
    },
  },
  'ADLSBK-ALERT-SETTING': {
    title: "An alert's severity, window or grace period out of range",
    why: 'Azure Monitor takes severities 0 to 4, and a log alert reads at most two days back.',
    example: {
      kind: 'typescript',
      wrong:
        "new BackupMonitoring(stack, 'Monitoring', { vault, workspace: { name: 'log-backup-weu' }, emails: ['backup-team@example.com'], severity: 5 })",
      right:
        "new BackupMonitoring(stack, 'Monitoring', { vault, workspace: { name: 'log-backup-weu' }, emails: ['backup-team@example.com'], severity: 1 })",
    },
  },
  'ADLSBK-QUERY-TEXT': {
    title: 'A value put into a log query that could change the query',
    why: 'Names and IDs are written into KQL between quotes: a quote, a backslash or a control character would end them.',
    example: {
      kind: 'typescript',
      wrong: "failedJobsQuery('bv\"lake')",
      right:
        "failedJobsQuery('/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-backup/providers/Microsoft.DataProtection/backupVaults/bv-lake-weu')",
    },
  },
  'ADLSBK-MONITORED-TWICE': {
    title: 'One vault monitored twice',
    why: 'Two BackupMonitoring on one vault would send every alert twice and write its diagnostic setting twice, which Azure refuses.',
    example: {
      kind: 'typescript',
      wrong:
        "new BackupMonitoring(stack, 'Monitoring', { vault, workspace: { name: 'log-backup-weu' }, emails: ['backup-team@example.com'] }); new BackupMonitoring(stack, 'Again', { vault, workspace: { name: 'log-backup-weu2' }, emails: ['oncall@example.com'] })",
      right:
        "new BackupMonitoring(stack, 'Monitoring', { vault, workspace: { name: 'log-backup-weu' }, emails: ['backup-team@example.com', 'oncall@example.com'] })",
    },
  },
  'ADLSBK-SUPPRESSION': {
    title: 'A compliance suppression without a rule it names or a reason',
    why: 'A suppression is shown with every finding it hides: it must say which rule and why.',
    example: {
      kind: 'typescript',
      wrong: "DataLakeBackupCompliance.suppress(stack, [{ rule: ComplianceRule.UNPROTECTED_ACCOUNT, reason: 'scratch' }])",
      right:
        "DataLakeBackupCompliance.suppress(stack, [{ rule: ComplianceRule.UNPROTECTED_ACCOUNT, reason: 'Scratch data, rebuilt nightly from the raw zone' }])",
    },
  },
  'ADLSBK-COMPLIANCE-SCOPE': {
    title: 'The compliance check applied to something that is not an App or a stack, or after a stack was added',
    why: 'The check runs from each stack down: a stack created after it would not be checked.',
    example: {
      kind: 'typescript',
      wrong: 'DataLakeBackupCompliance.applyTo(vault as any)',
      right: 'DataLakeBackupCompliance.applyTo(stack)',
    },
  },
} as const satisfies Record<string, CodeEntry>;
