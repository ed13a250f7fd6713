import { TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { RoleAssignment } from './azurerm/generated/role-assignment';
import { IStorageContainerShape, isResourceOfType, STORAGE_CONTAINER } from './azurerm/shapes';
import { DataLakeBackup } from './data-lake-backup';
import { CONTAINER_NAME } from './private/rules';
import { isLiteral, Problems } from './private/problems';
import type { ProblemCode } from './private/rules/codes';
import { checkAccountReference, checkVaultReference } from './private/references';
import { resolveIn } from './private/resolve';
import { checkRestoreTarget } from './private/vault-base';
import type { IBackupVault, IDataLakeStorageAccount } from './interfaces';

/** Props of `DataLakeRestoreTarget`. */
export interface DataLakeRestoreTargetProps {
  /** The vault whose recovery points will be restored. */
  readonly vault: IBackupVault;
  /** The account to restore into: not one the vault backs up, and in the vault's region. */
  readonly storageAccount: IDataLakeStorageAccount;
  /**
   * The backups whose containers may be restored here; their container names must not exist on the target.
   * @default - every DataLakeBackup of `vault` in the app, found at synth
   */
  readonly sources?: DataLakeBackup[];
  /**
   * Containers known to exist on the target that the app does not create (containers created by an
   * `azurerm_storage_container` of the app on this account are found without help).
   * @default - none
   */
  readonly existingContainers?: string[];
}

/**
 * A storage account prepared to receive restores from a vault: Azure restores ADLS backups only to a
 * **different** account in the vault's **region**, whose containers must not share names with the restored
 * ones, and the vault's identity needs Storage Account Backup Contributor on it. This construct grants the role
 * and refuses the rest at synth (or at plan, for regions only known then). The restore itself is an operation
 * you run when you need it (portal or `az dataprotection`): see the README's Safety section.
 *
 * @example
 * new DataLakeRestoreTarget(stack, 'RestoreTarget', {
 *   vault,
 *   storageAccount: DataLakeStorageAccount.fromStorageAccount(restoreAccount),
 * });
 * @see https://learn.microsoft.com/azure/backup/azure-data-lake-storage-restore
 */
export class DataLakeRestoreTarget extends Construct {
  /** The role assignment that lets the vault write into the target. */
  public readonly roleAssignment: RoleAssignment;
  /** The target account. */
  public readonly storageAccount: IDataLakeStorageAccount;

  private readonly vault: IBackupVault;
  private readonly sources?: DataLakeBackup[];
  private readonly existingContainers: readonly string[];

  constructor(scope: Construct, id: string, props: DataLakeRestoreTargetProps) {
    super(scope, id);
    const p = props ?? ({} as DataLakeRestoreTargetProps);
    const problems = new Problems(`DataLakeRestoreTarget '${this.node.path}'`);
    validateProps(problems, p);
    if (problems.empty) checkRestoreTarget(problems, p.vault, p.storageAccount, 'storageAccount', this.node.path, p.sources);
    problems.throwIfAny();

    this.vault = p.vault;
    this.storageAccount = p.storageAccount;
    this.sources = p.sources;
    this.existingContainers = p.existingContainers ?? [];
    // Known collisions are refused now; containers and backups added to the app later are checked at synth.
    if (p.sources !== undefined)
      this.refuseCollisions(
        p.sources,
        this.existingContainers.map((name, i) => [name, `existingContainers[${i}]`]),
      );
    this.node.addValidation({ validate: () => this.validateAtSynth() });

    // depends_on and references cannot cross stacks: a target in another stack than its vault keeps the grant beside it.
    const sameStack = TerraformStack.of(p.vault) === TerraformStack.of(this);
    this.roleAssignment = p.vault.grantRestoreAccess(p.storageAccount, sameStack ? undefined : this, p.sources);
  }

  private validateAtSynth(): string[] {
    const found = containersOnAccount(this, this.storageAccount).map(([name, path]): [string, string] => [
      name,
      `StorageContainer '${path}'`,
    ]);
    const listed = this.existingContainers.map((name, i): [string, string] => [name, `existingContainers[${i}]`]);
    this.refuseCollisions(this.sources ?? backupsOf(this, this.vault), [...listed, ...found]);
    return [];
  }

  /** Azure refuses a restore into an account that already has a container of the same name. */
  private refuseCollisions(sources: readonly DataLakeBackup[], onTarget: Array<[string, string]>): void {
    const problems = new Problems(`DataLakeRestoreTarget '${this.node.path}'`);
    for (const [name, field] of onTarget) {
      const source = sources.find((b) => b.containerNames.includes(name));
      if (source !== undefined) {
        problems.add(
          'ADLSBK-RESTORE-CONTAINER-EXISTS',
          field,
          `is also a container of DataLakeBackup '${source.node.path}': Azure refuses to restore it into an account that already has it (UserErrorTargetContainersExistOnAccount)`,
          name,
        );
      }
    }
    problems.throwIfAny();
  }
}

function validateProps(problems: Problems, p: DataLakeRestoreTargetProps): void {
  checkVaultReference(problems, 'vault', p.vault, 'must be a BackupVault');
  checkAccountReference(
    problems,
    'storageAccount',
    p.storageAccount,
    'must be a DataLakeStorageAccount (fromStorageAccount, fromDataSource or fromAttributes)',
  );
  if (p.sources !== undefined) {
    if (!Array.isArray(p.sources)) problems.add('ADLSBK-TYPE', 'sources', 'must be a list of DataLakeBackup', p.sources);
    else {
      p.sources.forEach((source, i) => {
        if (!DataLakeBackup.isDataLakeBackup(source))
          problems.add('ADLSBK-TYPE', `sources[${i}]`, 'must be a DataLakeBackup', source);
        else if (p.sources!.indexOf(source) !== i)
          problems.add('ADLSBK-REPEATED', `sources[${i}]`, 'repeats a backup already listed', source.node.path);
        else if (p.vault && !sameVault(source.vault, p.vault)) {
          problems.add(
            'ADLSBK-OTHER-VAULT',
            `sources[${i}]`,
            `must be a backup of this target's vault '${p.vault.node?.path}'`,
            source.node.path,
          );
        }
      });
    }
  }
  if (p.existingContainers !== undefined) {
    if (!Array.isArray(p.existingContainers))
      problems.add('ADLSBK-TYPE', 'existingContainers', 'must be a list of container names', p.existingContainers);
    else {
      p.existingContainers.forEach((name, i) => {
        const field = `existingContainers[${i}]`;
        if (!isLiteral(name) || !CONTAINER_NAME.test(name)) {
          problems.add(
            containerCode(name),
            field,
            'must be a container name known at synth time: 3-63 lowercase letters, digits or single hyphens',
            name,
          );
        } else if (p.existingContainers!.indexOf(name) !== i)
          problems.add('ADLSBK-REPEATED', field, 'repeats a container already listed', name);
      });
    }
  }
}

/** A name that is not a string, one known only at plan (a reference), or one Azure Storage refuses. */
function containerCode(name: unknown): ProblemCode {
  if (typeof name !== 'string') return 'ADLSBK-TYPE';
  return isLiteral(name) ? 'ADLSBK-CONTAINER-NAME' : 'ADLSBK-NOT-KNOWN-AT-SYNTH';
}

/** The same vault: one object, or imports of one literal vault ID (e.g. in two stacks). */
function sameVault(a: IBackupVault, b: IBackupVault): boolean {
  return a === b || (isLiteral(a.vaultId) && a.vaultId === b.vaultId);
}

/** Every DataLakeBackup of `vault` in the app. */
function backupsOf(scope: IConstruct, vault: IBackupVault): DataLakeBackup[] {
  return scope.node.root.node
    .findAll()
    .filter((c): c is DataLakeBackup => DataLakeBackup.isDataLakeBackup(c) && sameVault(c.vault, vault));
}

/**
 * Names and paths of the `azurerm_storage_container`s of the app on `account`. An account created in the app is
 * matched by reference within its own stack (resolving a reference in another stack would add a cross-stack
 * output); an account given by literal ID or name is matched by value. Other accounts are left to `existingContainers`.
 */
function containersOnAccount(scope: IConstruct, account: IDataLakeStorageAccount): Array<[string, string]> {
  const stack = account.resource ? TerraformStack.of(account.resource) : undefined;
  const resolve = (value: unknown) => (stack === undefined ? value : resolveIn(stack, value));
  // An account is known by its literal ID and name and, when the app creates it, by references to both.
  const known = (values: unknown[]) => new Set(values.filter((v) => v !== undefined).map(resolve));
  const ids = known([account.storageAccountId, account.resource?.getStringAttribute('id')]);
  const names = known([account.name, account.resource?.getStringAttribute('name'), account.resource?.nameInput]);
  const onAccount = (c: IStorageContainerShape) => {
    if (!isLiteral(c.storageAccountIdInput) && !isLiteral(c.storageAccountNameInput) && TerraformStack.of(c) !== stack)
      return false;
    const id = c.storageAccountIdInput;
    const name = c.storageAccountNameInput;
    return (id !== undefined && ids.has(resolve(id))) || (name !== undefined && names.has(resolve(name)));
  };
  return scope.node.root.node
    .findAll()
    .filter((c): c is IStorageContainerShape => isResourceOfType(c, STORAGE_CONTAINER) && onAccount(c as IStorageContainerShape))
    .flatMap((c) => (isLiteral(c.nameInput) ? [[c.nameInput, c.node.path] as [string, string]] : []));
}
