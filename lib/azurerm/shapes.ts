import { TerraformDataSource, TerraformResource } from 'cdktf';
import { IConstruct } from 'constructs';

/**
 * What the library reads of a Terraform resource or data source that the user's app made: with cdktf's or CDK
 * Terrain's prebuilt provider bindings of any version, with the bindings of this package, or with bindings of their
 * own. Such elements are recognised by their Terraform type and read through the attributes every binding has,
 * never by class: an app whose provider package differs from the library's holds other classes of the same types.
 * Members are typed loosely on purpose, so that an element whose types come from another copy of cdktf still fits.
 */
export interface ITerraformElementShape extends IConstruct {
  /** The Terraform type, e.g. `azurerm_storage_account`. */
  readonly terraformResourceType: string;
  /** The logical ID in the stack's Terraform. */
  readonly friendlyUniqueId: string;
  /** A reference to one of the element's attributes. */
  getStringAttribute(terraformAttribute: string): string;
}

/** An `azurerm_storage_account` resource: its configured settings, as the library checks them. */
export interface IStorageAccountShape extends ITerraformElementShape {
  readonly nameInput?: unknown;
  readonly locationInput?: unknown;
  readonly isHnsEnabledInput?: unknown;
  readonly nfsv3EnabledInput?: unknown;
  readonly sftpEnabledInput?: unknown;
  readonly accountKindInput?: unknown;
  readonly accountTierInput?: unknown;
}

/** An `azurerm_storage_account` data source: the account's name is configured, the rest is read at plan time. */
export interface IStorageAccountDataSourceShape extends ITerraformElementShape {
  readonly nameInput?: unknown;
  /** A reference to a boolean attribute (`is_hns_enabled`). */
  getBooleanAttribute(terraformAttribute: string): unknown;
}

/** An `azurerm_storage_container` resource. */
export interface IStorageContainerShape extends ITerraformElementShape {
  readonly nameInput?: unknown;
  readonly storageAccountIdInput?: unknown;
  /** azurerm 4.x only: 5.0 removed `storage_account_name`. */
  readonly storageAccountNameInput?: unknown;
}

/** An `azurerm_role_assignment` resource. */
export interface IRoleAssignmentShape extends ITerraformElementShape {
  readonly roleDefinitionNameInput?: unknown;
  readonly roleDefinitionIdInput?: unknown;
  readonly principalIdInput?: unknown;
  readonly scopeInput?: unknown;
}

/** Whether `x` is a resource (not a data source) of Terraform type `type`, whichever bindings made it. */
export function isResourceOfType(x: unknown, type: string): x is ITerraformElementShape {
  return TerraformResource.isTerraformResource(x) && x.terraformResourceType === type;
}

/** Whether `x` is a data source of Terraform type `type`, whichever bindings made it. */
export function isDataSourceOfType(x: unknown, type: string): x is ITerraformElementShape {
  return TerraformDataSource.isTerraformDataSource(x) && x.terraformResourceType === type;
}

/** The Terraform types the library reads from the user's app. */
export const STORAGE_ACCOUNT = 'azurerm_storage_account';
export const STORAGE_CONTAINER = 'azurerm_storage_container';
export const ROLE_ASSIGNMENT = 'azurerm_role_assignment';
