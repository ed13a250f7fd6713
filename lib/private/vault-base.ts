import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { BackupConfigError } from '../errors';
import { normalizeRegion } from '../regions';
import { IDataLakeStorageAccount } from '../storage-account';
import type { IBackupVault } from '../vault';
import { registerRestoreTarget } from './account-registry';
import { describe, isLiteral, Problems } from './problems';
import { planTimeRegionChecks } from './region-checks';

/** The built-in role the vault's identity needs on every protected (and restore target) account. */
export const STORAGE_ACCOUNT_BACKUP_CONTRIBUTOR = {
  name: 'Storage Account Backup Contributor',
  id: 'e5e2a7ff-d759-4cd2-bb51-3152d37e2eb1',
} as const;

type GrantKind = 'backup' | 'restore';

/** What a vault and an imported vault share: the grants of Storage Account Backup Contributor. */
export abstract class VaultBase extends Construct implements IBackupVault {
  public abstract readonly vaultId: string;
  public abstract readonly location: string;
  public abstract readonly principalId: string;
  public abstract readonly vaultName?: string;
  private readonly grants = { backup: new Map<string, RoleAssignment>(), restore: new Map<string, RoleAssignment>() };

  public grantBackupAccess(storageAccount: IDataLakeStorageAccount, scope: Construct = this): RoleAssignment {
    const where = `${this.node.path}.grantBackupAccess`;
    const problems = new Problems(where);
    if (accountKeyOf(problems, storageAccount, 'storageAccount') !== undefined) {
      checkSameRegion(problems, this, storageAccount, 'storageAccount', 'Azure Backup for ADLS needs the Backup vault and the storage account in the same region');
    }
    checkScope(problems, scope);
    problems.throwIfAny();
    return this.grantOnce('backup', storageAccount, scope, where);
  }

  public grantRestoreAccess(targetAccount: IDataLakeStorageAccount, scope: Construct = this): RoleAssignment {
    const where = `${this.node.path}.grantRestoreAccess`;
    const problems = new Problems(where);
    checkRestoreTarget(problems, this, targetAccount, 'targetAccount', where);
    checkScope(problems, scope);
    problems.throwIfAny();
    return this.grantOnce('restore', targetAccount, scope, where);
  }

  /** Creates the role assignment once per account and kind; later calls in the same stack get the same one. */
  private grantOnce(kind: GrantKind, account: IDataLakeStorageAccount, scope: Construct, where: string): RoleAssignment {
    const field = kind === 'backup' ? 'storageAccount' : 'targetAccount';
    const key = account.stableKey!; // checked by the callers
    const existing = this.grants[kind].get(key);
    if (existing) {
      if (TerraformStack.of(existing) === TerraformStack.of(scope)) return existing;
      throw new BackupConfigError(
        `\`${field}\` was already granted to this vault in stack '${TerraformStack.of(existing).node.path}'; ` +
          "a second assignment of the same role would fail in Azure and a resource cannot depend on another stack's " +
          `resources: ${kind === 'backup' ? 'protect it with `grantAccess: false, rolePropagationWait: false` there' : 'grant it once, in one stack'}, got: ${describe(key)}`,
        where,
      );
    }
    const assignment = new RoleAssignment(scope, `${kind === 'backup' ? 'Backup' : 'Restore'}Access-${key}`, {
      scope: account.storageAccountId,
      roleDefinitionName: STORAGE_ACCOUNT_BACKUP_CONTRIBUTOR.name,
      principalId: this.principalId,
      // The vault's identity is a service principal created moments earlier: naming its type and skipping
      // the directory lookup avoids failures while Entra ID replicates it.
      principalType: 'ServicePrincipal',
      skipServicePrincipalAadCheck: true,
      lifecycle: kind === 'restore' ? this.restorePreconditions(account) : undefined,
    });
    this.grants[kind].set(key, assignment);
    return assignment;
  }

  /** A restore target whose region or settings are only known at plan time is checked by `terraform plan`. */
  private restorePreconditions(target: IDataLakeStorageAccount) {
    const precondition = planTimeRegionChecks(
      this.location,
      target,
      "Azure restores ADLS backups only to a storage account in the vault's region, but the vault is in '%s' and the restore target in '%s'. Use a target account in the vault's region.",
    );
    return precondition.length > 0 ? { precondition } : undefined;
  }
}

/**
 * Records why `account` cannot receive restores from `vault`: it is an account a backup of the vault protects
 * (Azure restores only to a different account), or it is in another region. Registers it as a restore target.
 */
export function checkRestoreTarget(problems: Problems, vault: IBackupVault, account: IDataLakeStorageAccount, field: string, preparedBy: string): void {
  const key = accountKeyOf(problems, account, field);
  if (key === undefined) return;
  const backup = registerRestoreTarget(vault, vault.vaultId, key, preparedBy);
  if (backup !== undefined) {
    problems.add(
      field,
      `is the account DataLakeBackup '${backup}' backs up: Azure restores ADLS backups only to a different storage account (UserErrorOriginalLocationRestoreNotSupported)`,
      key,
    );
  }
  checkSameRegion(problems, vault, account, field, "Azure restores ADLS backups only to an account in the vault's region");
}

function checkSameRegion(problems: Problems, vault: IBackupVault, account: IDataLakeStorageAccount, field: string, reason: string): void {
  if (isLiteral(vault.location) && isLiteral(account.location) && normalizeRegion(vault.location) !== normalizeRegion(account.location)) {
    problems.addSentence(
      `\`${field}.location\` must be the vault's region: ${reason}, got: vault in ${describe(vault.location)}, account in ${describe(account.location)}`,
    );
  }
}

function checkScope(problems: Problems, scope: unknown): void {
  problems.check(scope instanceof Construct, 'scope', 'must be a construct (where to create the role assignment)', scope);
}

/** The account's synth-time key (the role assignment's ID is built from it), or a recorded problem. */
function accountKeyOf(problems: Problems, account: IDataLakeStorageAccount, field: string): string | undefined {
  if (account === null || typeof account !== 'object' || typeof account.storageAccountId !== 'string') {
    problems.add(field, 'must be a DataLakeStorageAccount (fromStorageAccount, fromDataSource or fromAttributes)', account);
    return undefined;
  }
  if (account.stableKey === undefined) {
    problems.add(
      `${field}.name`,
      'must be known at synth time when `storageAccountId` is a Terraform reference, so that the role assignment gets a stable Terraform address',
      account.name,
    );
  }
  return account.stableKey;
}
