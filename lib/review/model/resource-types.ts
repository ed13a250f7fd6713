// The Terraform resource types the review models, and the role that gives a vault backup access.

/** The backup vault. */
export const VAULT_TYPE = 'azurerm_data_protection_backup_vault';
/** The Data Lake Storage backup policy. */
export const POLICY_TYPE = 'azurerm_data_protection_backup_policy_data_lake_storage';
/** The Data Lake Storage backup instance. */
export const INSTANCE_TYPE = 'azurerm_data_protection_backup_instance_data_lake_storage';
/** A role assignment (the vault's Storage Account Backup Contributor grants). */
export const ROLE_ASSIGNMENT_TYPE = 'azurerm_role_assignment';
/** The role propagation wait. */
export const WAIT_TYPE = 'time_sleep';
/** A deletion lock. */
export const LOCK_TYPE = 'azurerm_management_lock';
/** A storage account. */
export const ACCOUNT_TYPE = 'azurerm_storage_account';
/** A storage container. */
export const CONTAINER_TYPE = 'azurerm_storage_container';
/** The built-in role a vault's identity needs on an account it backs up or restores to. */
export const BACKUP_ROLE = { name: 'Storage Account Backup Contributor', id: 'e5e2a7ff-d759-4cd2-bb51-3152d37e2eb1' };
