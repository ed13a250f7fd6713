import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { RoleAssignment } from '../azurerm/generated/role-assignment';
import { normalizeRegion } from '../regions';
import type { IBackupVault, IDataLakeStorageAccount, IRestoreSource } from '../interfaces';
import { registerRestoreTarget, restoreClash } from './account-registry';
import { describe, isLiteral, Problems, refuse } from './problems';
import { checkAccountReference } from './references';
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
  /** One assignment per account: backup and restore need the same role, and Azure refuses a duplicate. */
  private readonly grants = new Map<string, RoleAssignment>();

  public grantBackupAccess(storageAccount: IDataLakeStorageAccount, scope: Construct = this): RoleAssignment {
    const where = `${this.node.path}.grantBackupAccess`;
    const problems = new Problems(where);
    checkScope(problems, scope);
    if (accountKeyOf(problems, storageAccount, 'storageAccount') !== undefined) {
      checkSameRegion(
        problems,
        this,
        storageAccount,
        'storageAccount',
        'Azure Backup for ADLS needs the Backup vault and the storage account in the same region',
      );
    }
    problems.throwIfAny();
    return this.grantOnce('backup', storageAccount, scope, where);
  }

  public grantRestoreAccess(
    targetAccount: IDataLakeStorageAccount,
    scope: Construct = this,
    sources?: readonly IRestoreSource[],
  ): RoleAssignment {
    const where = `${this.node.path}.grantRestoreAccess`;
    const problems = new Problems(where);
    checkScope(problems, scope);
    if (problems.empty) checkRestoreTarget(problems, this, targetAccount, 'targetAccount', where, sources);
    problems.throwIfAny();
    return this.grantOnce('restore', targetAccount, scope, where);
  }

  /** Creates the role assignment once per account; later calls in the same stack get the same one. */
  private grantOnce(kind: GrantKind, account: IDataLakeStorageAccount, scope: Construct, where: string): RoleAssignment {
    const field = kind === 'backup' ? 'storageAccount' : 'targetAccount';
    const key = account.stableKey!; // checked by the callers
    const existing = this.grants.get(key);
    if (existing) {
      if (TerraformStack.of(existing) === TerraformStack.of(scope)) return existing;
      refuse(
        'ADLSBK-ROLE-GRANTED-TWICE',
        field,
        `was already granted to this vault in stack '${TerraformStack.of(existing).node.path}'; ` +
          "a second assignment of the same role would fail in Azure and a resource cannot depend on another stack's " +
          `resources: ${kind === 'backup' ? 'protect it with `grantAccess: false, rolePropagationWait: false` there' : 'grant it once, in one stack'}`,
        key,
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
    this.grants.set(key, assignment);
    return assignment;
  }

  /**
   * A restore target whose region is only known at plan time is checked by `terraform plan`. The source-account
   * checks (hierarchical namespace, NFS, kind, tier) are not: Azure documents them for the backed-up account only.
   */
  private restorePreconditions(target: IDataLakeStorageAccount) {
    const precondition = planTimeRegionChecks(
      this.location,
      target,
      "Azure restores ADLS backups only to a storage account in the vault's region, but the vault is in '%s' and the restore target in '%s'. Use a target account in the vault's region.",
      false,
    );
    return precondition.length > 0 ? { precondition } : undefined;
  }
}

/** A backup that may be restored into a target: what the checks need of a `DataLakeBackup`. */
/**
 * Records why `account` cannot receive restores from `vault`: it is the own account of a backup to be restored
 * there (`sources`, or every backup of the vault), or it is in another region. Registers it when it can.
 */
export function checkRestoreTarget(
  problems: Problems,
  vault: IBackupVault,
  account: IDataLakeStorageAccount,
  field: string,
  preparedBy: string,
  sources?: readonly IRestoreSource[],
): void {
  const key = accountKeyOf(problems, account, field);
  if (key === undefined) return;
  const sourceKeys = sources?.map((s) => s.storageAccount.stableKey).filter((k): k is string => k !== undefined);
  const backup = restoreClash(vault, vault.vaultId, key, sourceKeys);
  if (backup !== undefined) {
    problems.add(
      'ADLSBK-RESTORE-TO-SOURCE',
      field,
      `is the account DataLakeBackup '${backup}' backs up: Azure restores a backup only to a different storage account (UserErrorOriginalLocationRestoreNotSupported)`,
      key,
    );
  }
  checkSameRegion(problems, vault, account, field, "Azure restores ADLS backups only to an account in the vault's region");
  if (problems.empty) registerRestoreTarget(vault, vault.vaultId, key, { path: preparedBy, sourceKeys });
}

function checkSameRegion(
  problems: Problems,
  vault: IBackupVault,
  account: IDataLakeStorageAccount,
  field: string,
  reason: string,
): void {
  if (
    isLiteral(vault.location) &&
    isLiteral(account.location) &&
    normalizeRegion(vault.location) !== normalizeRegion(account.location)
  ) {
    problems.addShown(
      'ADLSBK-REGION-MISMATCH',
      `${field}.location`,
      `must be the vault's region: ${reason}`,
      `vault in ${describe(vault.location)}, account in ${describe(account.location)}`,
    );
  }
}

function checkScope(problems: Problems, scope: unknown): void {
  problems.check(
    Construct.isConstruct(scope),
    'ADLSBK-TYPE',
    'scope',
    'must be a construct (where to create the role assignment)',
    scope,
  );
}

/** The account's synth-time key (the role assignment's ID is built from it), or a recorded problem. */
function accountKeyOf(problems: Problems, account: IDataLakeStorageAccount, field: string): string | undefined {
  const rule = 'must be a DataLakeStorageAccount (fromStorageAccount, fromDataSource or fromAttributes)';
  if (!checkAccountReference(problems, field, account, rule)) return undefined;
  if (account.stableKey === undefined) {
    problems.add(
      'ADLSBK-NOT-KNOWN-AT-SYNTH',
      `${field}.name`,
      'must be known at synth time when `storageAccountId` is a Terraform reference, so that the role assignment gets a stable Terraform address',
      account.name,
    );
  }
  return account.stableKey;
}
