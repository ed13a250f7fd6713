/**
 * The checks of `DataLakeBackupCompliance`, by the ID that appears in every finding and in suppressions
 * (in the style of cdk-nag rule packs).
 */
export enum ComplianceRule {
  /** An `azurerm_storage_account` with hierarchical namespace on that no `DataLakeBackup` of the app protects. */
  UNPROTECTED_ACCOUNT = 'ADLSBK1',
  /** A `DataLakeBackup` whose vault has soft delete off: a deleted backup is gone at once. */
  SOFT_DELETE_OFF = 'ADLSBK2',
  /** A `DataLakeBackup` whose policy keeps backups for less than the floor (`minimumRetention`). */
  SHORT_RETENTION = 'ADLSBK3',
  /** Storage Account Backup Contributor granted to a vault's identity on more than one storage account (a resource group, a subscription). */
  ROLE_WIDER_THAN_ACCOUNT = 'ADLSBK4',
}

/** How findings are reported. */
export enum ComplianceLevel {
  /** A synth error: `cdktf synth` and `app.synth()` fail. */
  ERROR = 'error',
  /** A synth warning: synth goes on. */
  WARNING = 'warning',
}

/** What each rule is for, shown with its findings. */
export const RULE_ADVICE: Record<ComplianceRule, string> = {
  [ComplianceRule.UNPROTECTED_ACCOUNT]:
    "protect it with a DataLakeBackup (one that reaches it through a variable or data source in another stack should pass the account's `name`), or suppress the finding with a reason, e.g. for scratch data",
  [ComplianceRule.SOFT_DELETE_OFF]:
    'keep soft delete on (SoftDelete.ON, the default) so that deleted backup data can be recovered for 14 to 180 days',
  [ComplianceRule.SHORT_RETENTION]:
    "raise the policy's defaultRetention, or lower `minimumRetention` if the shorter retention is meant",
  [ComplianceRule.ROLE_WIDER_THAN_ACCOUNT]:
    'grant the role on each storage account (vault.grantBackupAccess does), not on a resource group or subscription, so the vault reaches only the accounts it protects',
};
