import { Annotations, Fn, ITerraformDependable, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { RoleAssignment } from './azurerm/generated/role-assignment';
import { Sleep } from './azurerm/generated/time-sleep';
import { DataProtectionBackupInstanceDataLakeStorage } from './azurerm/generated/data-protection-backup-instance-data-lake-storage';
import { IStorageContainerShape, isResourceOfType, STORAGE_CONTAINER } from './azurerm/shapes';
import { containerLimitFor } from './azurerm/container-limit';
import { azurermConstraintOf } from './azurerm/version';
import { Duration } from './duration';
import { IDataLakeBackupPolicy } from './policy';
import { codeOf } from './private/code-of';
import { describe, isLiteral, isTokenCollection, Problems } from './private/problems';
import { registerBackupSource } from './private/account-registry';
import { checkBoolean } from './private/common-checks';
import { ensureTimeProvider } from './private/time-provider';
import { dependsOnByAddress } from './private/depends-on';
import { quietTokenStacks } from './private/host-internals';
import { planTimeRegionChecks } from './private/region-checks';
import { checkAccountReference, checkVaultReference } from './private/references';
import { ADLS_BACKUP_REGIONS, isAdlsBackupRegion, normalizeRegion } from './regions';
import type { IBackupVault, IDataLakeStorageAccount, PlanTimeCheck } from './interfaces';
import { brand, isBranded } from './private/brand';
import {
  CONTAINER_NAME,
  CONTAINER_NAME_RULE,
  INSTANCE_NAME,
  INSTANCE_NAME_RULE,
  MAX_WAIT_SECONDS,
  WAIT_RANGE_RULE,
} from './private/rules';

/**
 * A container to protect: its name, or an `azurerm_storage_container` of this stack from any provider package (then
 * the backup waits for it).
 */
export type ContainerRef = string | IStorageContainerShape;

/** Props of `DataLakeBackup`. */
export interface DataLakeBackupProps {
  /** The vault that holds the backups; must be in the storage account's region. */
  readonly vault: IBackupVault;
  /** A policy of that same vault. */
  readonly policy: IDataLakeBackupPolicy;
  /** The ADLS Gen2 account to protect. */
  readonly storageAccount: IDataLakeStorageAccount;
  /**
   * The containers to protect, each 3-63 lowercase letters, digits or single hyphens; they must exist. 1 to 100, or
   * to 1000 when the stack's azurerm version constraint starts at 4.79.0 or later (azurerm's limit before 4.79 is 100).
   */
  readonly containers: ContainerRef[];
  /**
   * Name of the backup instance.
   * @default - the storage account's name
   */
  readonly name?: string;
  /**
   * How long to wait after the role assignment is created before creating the backup instance: Azure role
   * assignments can take minutes (rarely up to 30) to take effect, and an instance created before that fails
   * with `UserErrorMissingRequiredPermissions`. From 1 second to 60 minutes; `false` for no wait.
   * @default Duration.minutes(5)
   */
  readonly rolePropagationWait?: Duration | false;
  /**
   * Grant the vault's identity Storage Account Backup Contributor on the account. Set `false` when the role is
   * granted elsewhere (then there is nothing to wait for either).
   * @default true
   */
  readonly grantAccess?: boolean;
  /**
   * Add `lifecycle.prevent_destroy` to the backup instance, so that `terraform destroy` or a change that replaces
   * it (another vault, another region) fails instead of stopping protection. Set `false` only for sandboxes.
   * @default - the vault's `preventDestroy` (true for a vault outside the stack)
   */
  readonly preventDestroy?: boolean;
  /**
   * Accept a region missing from `ADLS_BACKUP_REGIONS` (the list of 2025-11-18; Azure adds regions), with a warning.
   * @default false
   */
  readonly allowUnlistedRegion?: boolean;
}

/** Default wait for role propagation: long enough in practice, short enough for a pipeline's first apply. */
export const DEFAULT_ROLE_PROPAGATION_WAIT = Duration.minutes(5);
/** An Azure blob container name that ADLS backup accepts (the rule is in ./private/rules). */
export { CONTAINER_NAME };

// One backup instance per data source: Azure refuses a second one for the same account.
const protectedAccounts = new WeakMap<TerraformStack, Map<string, string>>();

/**
 * Protects an ADLS Gen2 storage account with Azure Backup vaulted backup, encoding the two rules that break
 * real deployments:
 * - **role before backup**: the vault's identity gets Storage Account Backup Contributor on the account, a
 *   `time_sleep` waits for it to take effect, and the backup instance `depends_on` both;
 * - **same region**: the vault's and account's regions are compared at synth time when both are known,
 *   otherwise by a `lifecycle.precondition` that stops `terraform plan`.
 *
 * @example
 * new DataLakeBackup(stack, 'Lake', {
 *   vault, policy,
 *   storageAccount: DataLakeStorageAccount.fromStorageAccount(account),
 *   containers: ['raw', 'curated'],
 * });
 * @see https://learn.microsoft.com/azure/backup/azure-data-lake-storage-configure-backup
 */
export class DataLakeBackup extends Construct {
  /** Whether `x` is a `DataLakeBackup`, made by any copy of this library (`instanceof` knows only its own). */
  public static isDataLakeBackup(x: unknown): x is DataLakeBackup {
    return isBranded(x, 'DataLakeBackup');
  }

  /** The `azurerm_data_protection_backup_instance_data_lake_storage` (escape hatch). */
  public readonly instance: DataProtectionBackupInstanceDataLakeStorage;
  /** The role assignment the instance waits for; undefined when `grantAccess` is false. */
  public readonly roleAssignment?: RoleAssignment;
  /** The `time_sleep` after the role assignment; undefined when there is no wait. */
  public readonly propagationWait?: Sleep;
  /** The names of the protected containers (literals or references). */
  public readonly containerNames: readonly string[];
  /** The vault that holds the backups. */
  public readonly vault: IBackupVault;
  /** The protected account. */
  public readonly storageAccount: IDataLakeStorageAccount;
  /** The policy the backups follow. */
  public readonly policy: IDataLakeBackupPolicy;

  constructor(scope: Construct, id: string, props: DataLakeBackupProps) {
    super(scope, id);
    const p = props ?? ({} as DataLakeBackupProps);
    const problems = new Problems(`DataLakeBackup '${this.node.path}'`);
    validateReferences(problems, p);
    if (problems.empty) validateRegions(problems, p, this);
    const containerNames = validateContainers(problems, p.containers, this);
    validateAccess(problems, p);
    if (problems.empty) this.claimAccount(problems, p.vault, p.storageAccount);
    problems.throwIfAny();

    // Only the resources are built in the window: validation and its warnings keep their stacks (host-internals.ts).
    const restore = quietTokenStacks();
    try {
      const account = p.storageAccount;
      const dependsOn = p.containers.filter(isContainer) as unknown[] as ITerraformDependable[];
      if (p.grantAccess !== false) {
        // depends_on cannot cross stacks: a backup in another stack than its vault keeps the grant beside it.
        const sameStack = TerraformStack.of(p.vault) === TerraformStack.of(this);
        this.roleAssignment = p.vault.grantBackupAccess(account, sameStack ? undefined : this);
        dependsOn.unshift(this.roleAssignment);
        const wait = p.rolePropagationWait ?? DEFAULT_ROLE_PROPAGATION_WAIT;
        if (wait !== false) {
          ensureTimeProvider(this);
          this.propagationWait = new Sleep(this, 'RolePropagationWait', {
            createDuration: wait.toGoDuration(),
            // A replaced role assignment waits again before the instance is touched.
            triggers: { role_assignment_id: this.roleAssignment.id },
            dependsOn: [this.roleAssignment],
          });
          dependsOnByAddress(this.propagationWait, [this.roleAssignment]);
          dependsOn.splice(1, 0, this.propagationWait);
        }
      }

      this.containerNames = containerNames;
      this.vault = p.vault;
      this.storageAccount = account;
      this.policy = p.policy;
      this.instance = new DataProtectionBackupInstanceDataLakeStorage(this, 'Resource', {
        name: p.name ?? account.name ?? Fn.element(Fn.split('/', account.storageAccountId), 8),
        dataProtectionBackupVaultId: p.vault.vaultId,
        location: account.location,
        backupPolicyDataLakeStorageId: p.policy.policyId,
        storageAccountId: account.storageAccountId,
        storageContainerNames: containerNames,
        dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
        lifecycle: this.lifecycle(p, account),
      });
      dependsOnByAddress(this.instance, dependsOn);
    } finally {
      restore();
    }
  }

  private lifecycle(p: DataLakeBackupProps, account: IDataLakeStorageAccount) {
    const preventDestroy = p.preventDestroy ?? p.vault.preventDestroy ?? true;
    const precondition = this.preconditions(p.vault, account);
    if (!preventDestroy && precondition.length === 0) return undefined;
    return {
      preventDestroy: preventDestroy || undefined,
      precondition: precondition.length > 0 ? precondition : undefined,
    };
  }

  /**
   * What only Terraform can check becomes a precondition, so `terraform plan` stops before anything is created:
   * the same-region rule when a region is a reference, and the account checks of `fromDataSource`.
   */
  private preconditions(vault: IBackupVault, account: IDataLakeStorageAccount): PlanTimeCheck[] {
    return planTimeRegionChecks(
      vault.location,
      account,
      "Azure Backup for ADLS needs the Backup vault and the storage account in the same region, but the vault is in '%s' and the storage account in '%s'. Use a vault in the storage account's region.",
    );
  }

  private claimAccount(problems: Problems, vault: IBackupVault, account: IDataLakeStorageAccount): void {
    if (account.stableKey === undefined) return;
    const target = registerBackupSource(this, vault.vaultId, account.stableKey, this.node.path);
    if (target !== undefined) {
      problems.add(
        'ADLSBK-RESTORE-TO-SOURCE',
        'storageAccount',
        `is a restore target of this vault (prepared by '${target}'): Azure restores only to a different account than the one backed up`,
        account.stableKey,
      );
      return;
    }
    const stack = TerraformStack.of(this);
    const claimed = protectedAccounts.get(stack) ?? new Map<string, string>();
    protectedAccounts.set(stack, claimed);
    const other = claimed.get(account.stableKey);
    if (other !== undefined) {
      problems.add(
        'ADLSBK-ACCOUNT-PROTECTED-TWICE',
        'storageAccount',
        `is already protected by DataLakeBackup '${other}' (Azure allows one backup instance per account)`,
        account.stableKey,
      );
    } else claimed.set(account.stableKey, this.node.path);
  }
}
brand(DataLakeBackup, 'DataLakeBackup');

function validateReferences(problems: Problems, p: DataLakeBackupProps): void {
  // Constructs, not look-alike objects: the backup reads their paths and the policy's vault.
  checkVaultReference(problems, 'vault', p.vault, 'must be a BackupVault');
  if (!Construct.isConstruct(p.policy) || typeof p.policy.policyId !== 'string' || !Construct.isConstruct(p.policy.vault)) {
    problems.add(
      codeOf(p.policy, p.policy !== null && typeof p.policy === 'object', 'ADLSBK-REFERENCE'),
      'policy',
      'must be a DataLakeBackupPolicy',
      p.policy,
    );
  }
  checkAccountReference(
    problems,
    'storageAccount',
    p.storageAccount,
    'must be a DataLakeStorageAccount (fromStorageAccount or fromAttributes)',
  );
  if (p.name !== undefined && (typeof p.name !== 'string' || (isLiteral(p.name) && !INSTANCE_NAME.test(p.name)))) {
    problems.add(
      typeof p.name === 'string' ? 'ADLSBK-INSTANCE-NAME' : 'ADLSBK-TYPE',
      'name',
      `must be ${INSTANCE_NAME_RULE}`,
      p.name,
    );
  }
  if (!problems.empty) return;
  const policyVault = p.policy.vault;
  const sameVault = policyVault === p.vault || (isLiteral(policyVault.vaultId) && policyVault.vaultId === p.vault.vaultId);
  if (!sameVault) {
    problems.add(
      'ADLSBK-OTHER-VAULT',
      'policy',
      `must belong to the backup's vault '${p.vault.node.path}', but it belongs to vault '${policyVault.node.path}'`,
      p.policy.node.path,
    );
  }
}

function validateRegions(problems: Problems, p: DataLakeBackupProps, scope: Construct): void {
  const vaultRegion = p.vault.location;
  const accountRegion = p.storageAccount.location;
  if (isLiteral(vaultRegion) && isLiteral(accountRegion) && normalizeRegion(vaultRegion) !== normalizeRegion(accountRegion)) {
    problems.addShown(
      'ADLSBK-REGION-MISMATCH',
      'storageAccount.location',
      "must be the vault's region: Azure Backup for ADLS needs the Backup vault and the storage account in the same region",
      `vault in ${describe(vaultRegion)}, storage account in ${describe(accountRegion)}`,
    );
    return;
  }
  const field = isLiteral(accountRegion) ? 'storageAccount.location' : 'vault.location';
  const known = isLiteral(accountRegion) ? accountRegion : isLiteral(vaultRegion) ? vaultRegion : undefined;
  if (known === undefined || isAdlsBackupRegion(known)) return;
  if (p.allowUnlistedRegion === true) {
    Annotations.of(scope).addWarning(
      `Region "${known}" is not in the ADLS vaulted backup support list of 2025-11-18; allowed by \`allowUnlistedRegion\`.`,
    );
  } else {
    problems.add(
      'ADLSBK-REGION-UNSUPPORTED',
      field,
      `must be a region where Azure Backup supports ADLS vaulted backup (${ADLS_BACKUP_REGIONS.join(', ')}); set \`allowUnlistedRegion: true\` if Azure has added it since`,
      known,
    );
  }
}

function validateContainers(problems: Problems, containers: unknown, scope: Construct): string[] {
  if (isTokenCollection(containers)) return containers as string[]; // a list known at plan time: azurerm checks it
  if (!Array.isArray(containers) || containers.length < 1) {
    const got = Array.isArray(containers) ? `${containers.length} containers` : containers;
    problems.add(
      Array.isArray(containers) ? 'ADLSBK-EMPTY' : codeOf(containers, false, 'ADLSBK-TYPE'),
      'containers',
      'must list at least 1 container',
      got,
    );
    return [];
  }
  // The limit depends on the azurerm versions the stack admits (100, or 1000 from 4.79.0).
  const limit = containerLimitFor(azurermConstraintOf(scope));
  if (containers.length > limit.max) {
    problems.add(
      'ADLSBK-CONTAINER-COUNT',
      'containers',
      `must list 1 to ${limit.max} containers: ${limit.reason}`,
      `${containers.length} containers`,
    );
    return [];
  }
  const names = containers.map((c: unknown) => (isContainer(c) ? (c.nameInput ?? c.getStringAttribute('name')) : c));
  names.forEach((name, i) => {
    if (typeof name !== 'string') {
      problems.add('ADLSBK-TYPE', `containers[${i}]`, 'must be a container name or a StorageContainer', name);
    } else if (isLiteral(name)) {
      if (!CONTAINER_NAME.test(name)) {
        problems.add(
          'ADLSBK-CONTAINER-NAME',
          `containers[${i}]`,
          `must be ${CONTAINER_NAME_RULE} ($root and $web cannot be protected)`,
          name,
        );
      } else if (names.indexOf(name) !== i) {
        problems.add('ADLSBK-REPEATED', `containers[${i}]`, 'repeats a container already listed', name);
      }
    }
  });
  return names as string[];
}

function isContainer(c: unknown): c is IStorageContainerShape {
  return isResourceOfType(c, STORAGE_CONTAINER);
}

function validateAccess(problems: Problems, p: DataLakeBackupProps): void {
  for (const field of ['grantAccess', 'preventDestroy', 'allowUnlistedRegion'] as const) checkBoolean(problems, field, p[field]);
  const wait = p.rolePropagationWait;
  if (wait === undefined || wait === false) return;
  if (!Duration.isDuration(wait)) {
    problems.add('ADLSBK-TYPE', 'rolePropagationWait', 'must be a Duration (e.g. Duration.minutes(5)) or false', wait);
    return;
  }
  const seconds = wait.toSeconds();
  if (seconds === undefined || seconds > MAX_WAIT_SECONDS) {
    problems.add('ADLSBK-ROLE-WAIT', 'rolePropagationWait', `must be ${WAIT_RANGE_RULE}`, wait.toString());
  }
  if (p.grantAccess === false) {
    problems.add(
      'ADLSBK-ROLE-WAIT',
      'rolePropagationWait',
      'has nothing to wait for when `grantAccess` is false (the role is granted elsewhere); set it to false or remove it',
      wait.toString(),
    );
  }
}
