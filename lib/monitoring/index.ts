export { BackupMonitoring } from './backup-monitoring';
export type { BackupMonitoringProps, NewWorkspaceOptions, MissedBackupAlertOptions } from './backup-monitoring';
export { BACKUP_LOG_CATEGORIES, failedJobsQuery, missedBackupsQuery } from './queries';
