import { Construct } from 'constructs';
import { isResourceOfType, STORAGE_ACCOUNT } from '../azurerm/shapes';
import type { IBackupVault, IDataLakeStorageAccount } from '../interfaces';
import { codeOf } from './code-of';
import { isLiteral, Problems } from './problems';
import { checkRegionShape } from './region-checks';
import {
  BACKUP_VAULT_ID_SHAPE,
  isGuid,
  isResourceIdProblem,
  ParsedResourceId,
  parseResourceId,
  ResourceIdShape,
  STORAGE_ACCOUNT_ID_SHAPE,
} from './resource-id';
import type { ProblemCode } from './rules/codes';

// The checks of the IDs, names and references that constructs pass to each other: a vault, a storage account. The
// library's own objects always pass them; an object of the user's that implements the interface is held to the same.

/**
 * Records a problem when `id` is not a resource ID of `shape` with every segment valid (`what` names the kind, e.g.
 * "a storage account resource ID"); returns its segments. A Terraform reference passes (undefined is returned).
 */
export function checkResourceId(
  problems: Problems,
  field: string,
  id: unknown,
  shape: ResourceIdShape,
  what: string,
): ParsedResourceId | undefined {
  if (typeof id !== 'string') {
    problems.add(codeOf(id, false, 'ADLSBK-RESOURCE-ID'), field, `must be ${what}`, id);
    return undefined;
  }
  if (!isLiteral(id)) return undefined;
  const parsed = parseResourceId(id, shape);
  if (isResourceIdProblem(parsed)) {
    problems.add('ADLSBK-RESOURCE-ID', field, `must be ${what}: it ${parsed.problem}`, id);
    return undefined;
  }
  return parsed;
}

/** Records a problem when `name` is given but is not a storage account name (3-24 lowercase letters and digits). */
export function checkStorageAccountName(problems: Problems, field: string, name: unknown): void {
  if (name === undefined) return;
  if (typeof name !== 'string' || (isLiteral(name) && !STORAGE_ACCOUNT_ID_SHAPE.name.test(name))) {
    problems.add(
      codeOf(name, typeof name === 'string', 'ADLSBK-STORAGE-ACCOUNT-NAME'),
      field,
      `must be ${STORAGE_ACCOUNT_ID_SHAPE.nameRule}`,
      name,
    );
  }
}

/** Records a problem when `name` (required unless `optional`) is not a Backup vault name. Tokens pass. */
export function checkVaultName(problems: Problems, field: string, name: unknown, optional = false): void {
  if (optional && name === undefined) return;
  if (typeof name !== 'string' || (isLiteral(name) && !BACKUP_VAULT_ID_SHAPE.name.test(name))) {
    problems.add(
      codeOf(name, typeof name === 'string', 'ADLSBK-VAULT-NAME'),
      field,
      `must be ${BACKUP_VAULT_ID_SHAPE.nameRule}`,
      name,
    );
  }
}

/** Records a problem when `principalId` is not a GUID (the object ID of an identity). Tokens pass. */
export function checkPrincipalId(problems: Problems, field: string, principalId: unknown): void {
  if (typeof principalId !== 'string' || (isLiteral(principalId) && !isGuid(principalId))) {
    problems.add(
      codeOf(principalId, typeof principalId === 'string', 'ADLSBK-PRINCIPAL-ID'),
      field,
      "must be the object ID (a GUID) of the vault's system-assigned identity",
      principalId,
    );
  }
}

/**
 * The code of a reference that is not one at all: ADLSBK-REQUIRED when absent, ADLSBK-TYPE when not an object (a
 * name where the construct is expected), ADLSBK-REFERENCE for an object that does not implement the interface.
 */
function referenceCode(reference: unknown): ProblemCode {
  return codeOf(reference, reference !== null && typeof reference === 'object', 'ADLSBK-REFERENCE');
}

/**
 * Records a problem when `vault` is not a vault construct (`rule` says what it must be); then holds the fields an
 * `IBackupVault` of the user's own could get wrong to the rules the library's vaults meet. Returns whether it is a
 * vault construct at all.
 */
export function checkVaultReference(problems: Problems, field: string, vault: unknown, rule: string): vault is IBackupVault {
  const v = vault as IBackupVault;
  const methods = typeof v?.grantBackupAccess === 'function' && typeof v?.grantRestoreAccess === 'function';
  if (!Construct.isConstruct(vault) || typeof v.vaultId !== 'string' || !methods) {
    problems.add(referenceCode(vault), field, rule, vault);
    return false;
  }
  const before = problems.count;
  checkResourceId(problems, `${field}.vaultId`, v.vaultId, BACKUP_VAULT_ID_SHAPE, 'a Backup vault resource ID');
  checkRegionShape(problems, `${field}.location`, v.location);
  checkPrincipalId(problems, `${field}.principalId`, v.principalId);
  checkVaultName(problems, `${field}.vaultName`, v.vaultName, true);
  return problems.count === before;
}

/**
 * Records a problem when `account` is not a storage account reference (`rule` says what it must be); then holds the
 * fields an `IDataLakeStorageAccount` of the user's own could get wrong to the rules `DataLakeStorageAccount`'s
 * factories apply. Returns whether it passed.
 */
export function checkAccountReference(problems: Problems, field: string, account: unknown, rule: string): boolean {
  const a = account as IDataLakeStorageAccount;
  if (account === null || typeof account !== 'object' || typeof a.storageAccountId !== 'string') {
    problems.add(referenceCode(account), field, rule, account);
    return false;
  }
  const before = problems.count;
  checkResourceId(
    problems,
    `${field}.storageAccountId`,
    a.storageAccountId,
    STORAGE_ACCOUNT_ID_SHAPE,
    'a storage account resource ID',
  );
  checkRegionShape(problems, `${field}.location`, a.location);
  checkStorageAccountName(problems, `${field}.name`, a.name);
  if (a.stableKey !== undefined) {
    problems.check(
      typeof a.stableKey === 'string' && a.stableKey.length > 0,
      'ADLSBK-REFERENCE',
      `${field}.stableKey`,
      'must be a non-empty string known at synth time',
      a.stableKey,
    );
  }
  if (a.resource !== undefined) {
    problems.check(
      isResourceOfType(a.resource, STORAGE_ACCOUNT),
      'ADLSBK-REFERENCE',
      `${field}.resource`,
      'must be an azurerm_storage_account resource',
      a.resource,
    );
  }
  const checks: unknown = a.planTimeChecks;
  if (checks !== undefined) {
    // A condition is a Terraform expression: a string or a cdktf token object (Op and Fn return one).
    const valid =
      Array.isArray(checks) &&
      checks.every(
        (c) =>
          c !== null &&
          typeof c === 'object' &&
          (typeof c.condition === 'string' || (c.condition !== null && typeof c.condition === 'object')) &&
          typeof c.errorMessage === 'string',
      );
    problems.check(valid, 'ADLSBK-REFERENCE', `${field}.planTimeChecks`, 'must be a list of { condition, errorMessage }', checks);
  }
  return problems.count === before;
}
