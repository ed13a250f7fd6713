// The public API. Internals live in ./private and are not exported.
export { AdlsBackupError, BackupConfigError, InputError } from './errors';
export type { Problem } from './errors';
export { Duration, TimeUnit } from './duration';
export { BackupSchedule, DayOfWeek, ScheduleFrequency } from './schedule';
export type { DailyScheduleOptions, WeeklyScheduleOptions } from './schedule';
export { RetentionRule, WeekOfMonth, MonthOfYear, AbsoluteCriteria, MAX_RETENTION } from './retention';
export type {
  RetentionRuleOptions,
  WeeklyRetentionOptions,
  MonthlyRetentionOptions,
  YearlyRetentionOptions,
  CustomRetentionRuleProps,
  RetentionCriteria,
} from './retention';
export { ADLS_BACKUP_REGIONS, normalizeRegion, isAdlsBackupRegion } from './regions';
export { POLICY_TIME_ZONES } from './time-zones';
export { BackupVault, Redundancy, SoftDelete, Immutability, STORAGE_ACCOUNT_BACKUP_CONTRIBUTOR } from './vault';
export type { BackupVaultProps, BackupVaultAttributes } from './vault';
export type { IBackupVault, IDataLakeStorageAccount, IRestoreSource, PlanTimeCheck } from './interfaces';
export { IrreversibleSetting } from './irreversible-settings';
export { DataLakeBackupPolicy } from './policy';
export type { DataLakeBackupPolicyProps, IDataLakeBackupPolicy } from './policy';
export { DataLakeStorageAccount } from './storage-account';
export type { DataLakeStorageAccountAttributes } from './storage-account';
export { DataLakeBackup, DEFAULT_ROLE_PROPAGATION_WAIT } from './data-lake-backup';
export type { DataLakeBackupProps, ContainerRef } from './data-lake-backup';
export { DataLakeRestoreTarget } from './restore-target';
export { BackupResourceGuard, CriticalOperation } from './resource-guard';
export type { BackupResourceGuardProps } from './resource-guard';
export type { DataLakeRestoreTargetProps } from './restore-target';
// The two ADLS L1 bindings (the public contract); every binding is in the `./azurerm` entry point.
export * from './azurerm/generated/data-protection-backup-policy-data-lake-storage';
export * from './azurerm/generated/data-protection-backup-instance-data-lake-storage';
export { AZURERM_VERSION_CONSTRAINT, TERRAFORM_VERSION_CONSTRAINT } from './azurerm/version';
export type {
  ITerraformElementShape,
  IStorageAccountShape,
  IStorageAccountDataSourceShape,
  IStorageContainerShape,
  IRoleAssignmentShape,
} from './azurerm/shapes';
export * from './compliance';
export * from './monitoring';
