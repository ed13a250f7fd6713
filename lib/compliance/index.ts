export { DataLakeBackupCompliance, DEFAULT_MINIMUM_RETENTION } from './data-lake-backup-compliance';
export type { DataLakeBackupComplianceProps } from './data-lake-backup-compliance';
export { ComplianceRule, ComplianceLevel } from './rules';
export type { ComplianceSuppression } from './suppressions';
