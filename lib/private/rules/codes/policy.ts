import { CodeEntry } from './entry';

// A policy's schedule and retention, and the vault's own durations and irreversible settings.
export const POLICY_CODES = {
  'ADLSBK-DURATION': {
    title: 'A duration that is not a whole number of at least 1',
    why: 'Azure Backup writes durations as ISO 8601 periods of whole units; zero, fractions and negatives mean nothing there.',
    example: { kind: 'typescript', wrong: 'Duration.days(0)', right: 'Duration.days(1)' },
  },
  'ADLSBK-RETENTION-DURATION': {
    title: 'A retention Azure Backup refuses',
    why: 'ADLS vaulted backup keeps recovery points for days, weeks, months or years, up to 10 years.',
    example: {
      kind: 'typescript',
      wrong:
        "new DataLakeBackupPolicy(stack, 'Policy2', { vault, name: 'long', schedule: BackupSchedule.daily({ hour: 2 }), defaultRetention: Duration.years(11) })",
      right:
        "new DataLakeBackupPolicy(stack, 'Policy2', { vault, name: 'long', schedule: BackupSchedule.daily({ hour: 2 }), defaultRetention: Duration.years(10) })",
    },
  },
  'ADLSBK-RETENTION-CRITERIA': {
    title: "A retention rule's criteria azurerm refuses",
    why: 'A rule needs absolute criteria or days of the week, and the options that go with each; azurerm refuses the rest at apply.',
    example: {
      kind: 'typescript',
      wrong: "RetentionRule.custom({ name: 'Keep', duration: Duration.days(7) })",
      right:
        "RetentionRule.custom({ name: 'Keep', duration: Duration.days(7), absoluteCriteria: AbsoluteCriteria.FIRST_OF_WEEK })",
    },
  },
  'ADLSBK-RETENTION-SCHEDULE-MISMATCH': {
    title: 'A retention rule for days the schedule never backs up',
    why: 'The rule would never keep anything: a weekly schedule runs only on its days.',
    example: {
      kind: 'typescript',
      wrong:
        "new DataLakeBackupPolicy(stack, 'Policy2', { vault, name: 'weekly', schedule: BackupSchedule.weekly({ days: [DayOfWeek.SUNDAY], hour: 2 }), defaultRetention: Duration.days(30), retentionRules: [RetentionRule.weekly(Duration.weeks(12), { daysOfWeek: [DayOfWeek.MONDAY] })] })",
      right:
        "new DataLakeBackupPolicy(stack, 'Policy2', { vault, name: 'weekly', schedule: BackupSchedule.weekly({ days: [DayOfWeek.SUNDAY], hour: 2 }), defaultRetention: Duration.days(30), retentionRules: [RetentionRule.weekly(Duration.weeks(12), { daysOfWeek: [DayOfWeek.SUNDAY] })] })",
    },
  },
  'ADLSBK-SCHEDULE-TIME': {
    title: 'A time of day or UTC offset that does not exist',
    why: 'The schedule becomes an ISO 8601 start time; hour 24 or offset +15:00 is refused at apply.',
    example: { kind: 'typescript', wrong: 'BackupSchedule.daily({ hour: 24 })', right: 'BackupSchedule.daily({ hour: 23 })' },
  },
  'ADLSBK-SCHEDULE-INTERVAL': {
    title: 'A repeating interval azurerm or ADLS backup refuses',
    why: 'ADLS vaulted backup runs at most once a day, from a real start date; azurerm parses the interval strictly.',
    example: {
      kind: 'typescript',
      wrong: "BackupSchedule.expression('R/2024-01-07T02:30:00+00:00/PT12H')",
      right: "BackupSchedule.expression('R/2024-01-07T02:30:00+00:00/P1D')",
    },
  },
  'ADLSBK-SCHEDULE-LIMIT': {
    title: 'A schedule with more backups or intervals than allowed',
    why: 'azurerm takes at most 5 intervals, and ADLS vaulted backup runs at most once a day.',
    example: {
      kind: 'typescript',
      wrong:
        'BackupSchedule.weekly({ days: [DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY], hour: 2 })',
      right: 'BackupSchedule.daily({ hour: 2 })',
    },
  },
  'ADLSBK-BACKUP-TIME': {
    title: 'A scheduled backup time of a retention rule that is not an RFC 3339 time',
    why: 'azurerm sends the times to Azure as written; a time Azure cannot parse fails the apply.',
    example: {
      kind: 'typescript',
      wrong:
        "RetentionRule.custom({ name: 'Keep', duration: Duration.days(7), daysOfWeek: [DayOfWeek.SUNDAY], scheduledBackupTimes: ['02:30'] })",
      right:
        "RetentionRule.custom({ name: 'Keep', duration: Duration.days(7), daysOfWeek: [DayOfWeek.SUNDAY], scheduledBackupTimes: ['2024-01-07T02:30:00Z'] })",
    },
  },
  'ADLSBK-TIME-ZONE': {
    title: 'A time zone Azure Backup does not know',
    why: "A policy's time zone is one of Windows' time zone names, which Azure Backup lists.",
    example: {
      kind: 'typescript',
      wrong:
        "new DataLakeBackupPolicy(stack, 'Policy2', { vault, name: 'local', schedule: BackupSchedule.daily({ hour: 2 }), defaultRetention: Duration.days(30), timeZone: 'Europe/Paris' })",
      right:
        "new DataLakeBackupPolicy(stack, 'Policy2', { vault, name: 'local', schedule: BackupSchedule.daily({ hour: 2 }), defaultRetention: Duration.days(30), timeZone: 'Romance Standard Time' })",
    },
  },
  'ADLSBK-SOFT-DELETE-RETENTION': {
    title: 'A soft-delete retention Azure refuses',
    why: 'A vault keeps soft-deleted backup data for 14 to 180 days.',
    example: {
      kind: 'typescript',
      wrong:
        "new BackupVault(stack, 'Vault2', { name: 'bv-two', resourceGroupName: 'rg-backup', location: 'westeurope', softDeleteRetention: Duration.days(7) })",
      right:
        "new BackupVault(stack, 'Vault2', { name: 'bv-two', resourceGroupName: 'rg-backup', location: 'westeurope', softDeleteRetention: Duration.days(14) })",
    },
  },
  'ADLSBK-IRREVERSIBLE': {
    title: 'An irreversible vault setting without its acknowledgement, or an acknowledgement of nothing',
    why: 'Locked immutability, always-on soft delete and cross-region restore cannot be undone in Azure: the library asks for them to be acknowledged by name.',
    example: {
      kind: 'typescript',
      wrong:
        "new BackupVault(stack, 'Vault2', { name: 'bv-two', resourceGroupName: 'rg-backup', location: 'westeurope', immutability: Immutability.LOCKED })",
      right:
        "new BackupVault(stack, 'Vault2', { name: 'bv-two', resourceGroupName: 'rg-backup', location: 'westeurope', immutability: Immutability.LOCKED, acknowledgeIrreversible: [IrreversibleSetting.IMMUTABILITY_LOCKED] })",
    },
  },
} as const satisfies Record<string, CodeEntry>;
