import { Op, TerraformStack } from 'cdktf';
import {
  IStorageAccountDataSourceShape,
  IStorageAccountShape,
  isDataSourceOfType,
  isResourceOfType,
  ITerraformElementShape,
  STORAGE_ACCOUNT,
} from './azurerm/shapes';
import type { IDataLakeStorageAccount, PlanTimeCheck } from './interfaces';
import { codeOf } from './private/code-of';
import { isLiteral, Problems, refuse } from './private/problems';
import { checkRegionShape } from './private/region-checks';
import { checkResourceId, checkStorageAccountName } from './private/references';
import { STORAGE_ACCOUNT_ID_SHAPE } from './private/resource-id';

/** Attributes of a storage account that exists outside the stack (or comes from a data source or variable). */
export interface DataLakeStorageAccountAttributes {
  /** Resource ID: `/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Storage/storageAccounts/<name>`. */
  readonly storageAccountId: string;
  /** The account's region, e.g. `West Europe` (the vault must be in the same one). */
  readonly location: string;
  /**
   * The account's name (3-24 lowercase letters and digits).
   * @default - taken from `storageAccountId`
   */
  readonly name?: string;
}

/**
 * A reference to an ADLS Gen2 storage account to protect: one created in the stack, or one that exists.
 *
 * @example
 * DataLakeStorageAccount.fromStorageAccount(account); // an azurerm_storage_account in this stack
 * DataLakeStorageAccount.fromAttributes({
 *   storageAccountId: '/subscriptions/.../resourceGroups/data/providers/Microsoft.Storage/storageAccounts/lake',
 *   location: 'West Europe',
 * });
 * @see https://learn.microsoft.com/azure/backup/azure-data-lake-storage-backup-support-matrix
 */
export class DataLakeStorageAccount implements IDataLakeStorageAccount {
  /**
   * References an `azurerm_storage_account` of this stack, refusing what visibly cannot be an ADLS vaulted
   * backup source: hierarchical namespace off, NFS 3.0 or SFTP on, a kind other than StorageV2, a tier other
   * than Standard. Settings given as Terraform references are left to Azure. The account may come from any
   * provider package (`@cdktf/provider-azurerm`, `@cdktn/provider-azurerm`, any version): it is recognised by its
   * Terraform type.
   */
  public static fromStorageAccount(account: IStorageAccountShape): DataLakeStorageAccount {
    if (!isResourceOfType(account, STORAGE_ACCOUNT)) {
      refuse(
        codeOf(account, false, 'ADLSBK-TYPE'),
        'account',
        'must be an azurerm_storage_account resource (a StorageAccount of any azurerm provider package)',
        account,
        'DataLakeStorageAccount.fromStorageAccount',
      );
    }
    const problems = new Problems(`DataLakeStorageAccount.fromStorageAccount('${account.node.path}')`);
    const hns = account.isHnsEnabledInput;
    if (typeof hns !== 'object') {
      problems.check(
        hns === true,
        hns === undefined || typeof hns === 'boolean' ? 'ADLSBK-ACCOUNT-UNSUPPORTED' : 'ADLSBK-TYPE',
        'isHnsEnabled',
        'must be true: Azure Backup for ADLS protects only accounts with hierarchical namespace',
        hns,
      );
    }
    const nfs = account.nfsv3EnabledInput;
    // Terraform reads the string "true" as true, so a string from a cast or plain JavaScript counts too.
    problems.check(
      nfs !== true && (nfs as unknown) !== 'true',
      'ADLSBK-ACCOUNT-UNSUPPORTED',
      'nfsv3Enabled',
      'must not be true: NFS 3.0 accounts cannot use ADLS vaulted backup',
      nfs,
    );
    const sftp = account.sftpEnabledInput;
    problems.check(
      sftp !== true && (sftp as unknown) !== 'true',
      'ADLSBK-ACCOUNT-UNSUPPORTED',
      'sftpEnabled',
      'must not be true: SFTP accounts cannot use ADLS vaulted backup',
      sftp,
    );
    const kind = account.accountKindInput;
    if (isLiteral(kind)) {
      problems.check(
        kind === 'StorageV2',
        'ADLSBK-ACCOUNT-UNSUPPORTED',
        'accountKind',
        'must be "StorageV2" (general-purpose v2)',
        kind,
      );
    }
    const tier = account.accountTierInput;
    if (isLiteral(tier)) {
      problems.check(
        tier === 'Standard',
        'ADLSBK-ACCOUNT-UNSUPPORTED',
        'accountTier',
        'must be "Standard": premium accounts are not supported',
        tier,
      );
    }
    // A literal name becomes part of Terraform addresses (the role assignment's): it must be a real account name.
    checkStorageAccountName(problems, 'name', account.nameInput);
    if (account.locationInput !== undefined) checkRegionShape(problems, 'location', account.locationInput);
    problems.throwIfAny();

    const literalName = isLiteral(account.nameInput) ? account.nameInput : undefined;
    const literalLocation = isLiteral(account.locationInput) ? account.locationInput : undefined;
    return new DataLakeStorageAccount({
      storageAccountId: account.getStringAttribute('id'),
      location: literalLocation ?? account.getStringAttribute('location'),
      name: literalName ?? account.getStringAttribute('name'),
      stableKey: literalName ?? addressKey(account),
      resource: account,
    });
  }

  /**
   * References an existing account read by an `azurerm_storage_account` data source. Its settings are only
   * known at plan time, so the ADLS Gen2 requirements (hierarchical namespace on, NFS 3.0 off, StorageV2,
   * Standard tier) become preconditions of the backup instance. Any provider package's data source is accepted.
   */
  public static fromDataSource(account: IStorageAccountDataSourceShape): DataLakeStorageAccount {
    if (!isDataSourceOfType(account, STORAGE_ACCOUNT)) {
      refuse(
        codeOf(account, false, 'ADLSBK-TYPE'),
        'account',
        'must be an azurerm_storage_account data source (a DataAzurermStorageAccount of any azurerm provider package)',
        account,
        'DataLakeStorageAccount.fromDataSource',
      );
    }
    const problems = new Problems(`DataLakeStorageAccount.fromDataSource('${account.node.path}')`);
    checkStorageAccountName(problems, 'name', account.nameInput);
    problems.throwIfAny();
    const literalName = isLiteral(account.nameInput) ? account.nameInput : undefined;
    const which = `Storage account '${literalName ?? account.node.id}'`;
    const needs =
      'Azure Backup for ADLS protects only general-purpose v2, Standard, hierarchical-namespace accounts without NFS 3.0';
    const attribute = (name: string) => account.getStringAttribute(name);
    const flag = (name: string) => account.getBooleanAttribute(name);
    return new DataLakeStorageAccount({
      storageAccountId: attribute('id'),
      location: attribute('location'),
      name: literalName ?? attribute('name'),
      stableKey: literalName ?? addressKey(account),
      planTimeChecks: [
        {
          condition: expression(Op.eq(flag('is_hns_enabled'), true)),
          errorMessage: `${which} has hierarchical namespace off: ${needs}.`,
        },
        { condition: expression(Op.neq(flag('nfsv3_enabled'), true)), errorMessage: `${which} has NFS 3.0 on: ${needs}.` },
        {
          condition: expression(Op.eq(attribute('account_kind'), 'StorageV2')),
          errorMessage: `${which} is not StorageV2: ${needs}.`,
        },
        {
          condition: expression(Op.eq(attribute('account_tier'), 'Standard')),
          errorMessage: `${which} is not Standard tier: ${needs}.`,
        },
      ],
    });
  }

  /** References an account by its attributes: literals, or references to a data source or variable. */
  public static fromAttributes(attrs: DataLakeStorageAccountAttributes): DataLakeStorageAccount {
    const problems = new Problems('DataLakeStorageAccount.fromAttributes');
    if (attrs !== undefined && (attrs === null || typeof attrs !== 'object' || Array.isArray(attrs))) {
      problems.add('ADLSBK-TYPE', 'attributes', 'must be an object such as { storageAccountId, location }', attrs);
      problems.throwIfAny();
    }
    const { storageAccountId: id, location, name } = attrs ?? ({} as DataLakeStorageAccountAttributes);
    const nameFromId = checkResourceId(
      problems,
      'storageAccountId',
      id,
      STORAGE_ACCOUNT_ID_SHAPE,
      'a storage account resource ID',
    )?.name;
    checkRegionShape(problems, 'location', location);
    const before = problems.count;
    checkStorageAccountName(problems, 'name', name);
    if (problems.count === before && isLiteral(name) && nameFromId !== undefined && nameFromId !== name) {
      problems.add('ADLSBK-NAME-MISMATCH', 'name', `must match the name in \`storageAccountId\` ("${nameFromId}")`, name);
    }
    problems.throwIfAny();
    const literalName = nameFromId ?? (isLiteral(name) ? name : undefined);
    return new DataLakeStorageAccount({
      storageAccountId: id,
      location,
      name: name ?? nameFromId,
      stableKey: literalName,
    });
  }

  public readonly storageAccountId: string;
  public readonly location: string;
  public readonly name?: string;
  public readonly stableKey?: string;
  public readonly resource?: IStorageAccountShape;
  public readonly planTimeChecks?: readonly PlanTimeCheck[];

  private constructor(props: IDataLakeStorageAccount) {
    this.storageAccountId = props.storageAccountId;
    this.location = props.location;
    this.name = props.name;
    this.stableKey = props.stableKey;
    this.resource = props.resource;
    this.planTimeChecks = props.planTimeChecks;
  }
}

/**
 * A key for an account whose name is only known at plan time: its stack and logical ID, because logical IDs are
 * only unique within a stack. (Literal names need no stack: storage account names are unique across Azure.)
 */
function addressKey(element: ITerraformElementShape): string {
  return `${TerraformStack.of(element).node.id}-${element.friendlyUniqueId}`;
}

/** cdktf's Op helpers return an IResolvable typed as any; a precondition takes it as a string token. */
function expression(op: unknown): string {
  return op as string;
}
