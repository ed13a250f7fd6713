// The interfaces the constructs, their checks and the monitoring share: a vault, a storage account, a condition
// Terraform checks at plan time. Declared here, below the constructs that implement them, so that a check in
// lib/private can name them without importing a construct (and without an import cycle).
import { Construct, IConstruct } from 'constructs';
import type { RoleAssignment } from './azurerm/generated/role-assignment';
import type { IStorageAccountShape } from './azurerm/shapes';

/** A storage account that a `DataLakeBackup` can protect: an ADLS Gen2 account (hierarchical namespace on). */
export interface IDataLakeStorageAccount {
  /** The account's resource ID (literal or a Terraform reference). */
  readonly storageAccountId: string;
  /** The account's region (literal or a Terraform reference). */
  readonly location: string;
  /** The account's name, when known (literal or a Terraform reference). */
  readonly name?: string;
  /**
   * A key known at synth time that identifies the account within the app (its literal name, or the stack and
   * logical ID of the resource or data source that reads it). Used for construct IDs, which become Terraform addresses.
   */
  readonly stableKey?: string;
  /** The storage account resource when this stack creates it. */
  readonly resource?: IStorageAccountShape;
  /**
   * Conditions only Terraform can check (the account is read at plan time), added to the backup instance as
   * `lifecycle.precondition` so that `terraform plan` stops before anything is created.
   */
  readonly planTimeChecks?: readonly PlanTimeCheck[];
}

/** A condition Terraform evaluates at plan time, with the message it fails with. */
export interface PlanTimeCheck {
  /** A Terraform boolean expression. */
  readonly condition: string;
  /** What the reviewer reads when it is false. */
  readonly errorMessage: string;
}

/** A Backup vault, created in this stack or referenced. */
export interface IBackupVault extends IConstruct {
  /** The vault's resource ID. */
  readonly vaultId: string;
  /** The vault's region: protected storage accounts must be in the same one. */
  readonly location: string;
  /** The object ID of the vault's system-assigned identity. */
  readonly principalId: string;
  /** The vault's name, when known. */
  readonly vaultName?: string;
  /**
   * Whether the vault carries `lifecycle.prevent_destroy`; backups of the vault follow it unless told otherwise.
   * Undefined for a vault outside the stack (its backups are then guarded).
   */
  readonly preventDestroy?: boolean;
  /**
   * Grants the vault's identity Storage Account Backup Contributor on `storageAccount`, once per account:
   * later calls for the same account return the same assignment.
   * @param scope where to create the assignment; @default the vault. A backup in another stack passes itself,
   * because Terraform's `depends_on` cannot name a resource of another stack.
   */
  grantBackupAccess(storageAccount: IDataLakeStorageAccount, scope?: Construct): RoleAssignment;
  /**
   * Prepares `targetAccount` for restores from this vault: grants the vault's identity Storage Account Backup
   * Contributor on it, once (sharing the backup grant if the account is also backed up). Refuses the own account
   * of a backup to be restored there (Azure restores only to a different account) and an account in another
   * region (at synth, or by a precondition when a region is a reference).
   * @param scope where to create the assignment; @default the vault.
   * @param sources the backups to be restored there; @default every backup of this vault, now and later.
   */
  grantRestoreAccess(
    targetAccount: IDataLakeStorageAccount,
    scope?: Construct,
    sources?: readonly IRestoreSource[],
  ): RoleAssignment;
}

/** A backup whose data a restore target receives: what `grantRestoreAccess` reads of it. `DataLakeBackup` is one. */
export interface IRestoreSource {
  /** The account the backup protects (Azure restores only to another account). */
  readonly storageAccount: IDataLakeStorageAccount;
}
