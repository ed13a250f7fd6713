import * as cdktf from 'cdktf';
import { Construct } from 'constructs';
import { AzurermAdlsResource } from './adls-resource';
import { ArgumentSchema } from './attributes';

/** The `timeouts` block. */
export interface DataProtectionBackupInstanceDataLakeStorageTimeouts {
  readonly create?: string;
  readonly read?: string;
  readonly update?: string;
  readonly delete?: string;
}

/** Arguments of `azurerm_data_protection_backup_instance_data_lake_storage` (azurerm 4.68.0+). */
export interface DataProtectionBackupInstanceDataLakeStorageConfig extends cdktf.TerraformMetaArguments {
  /** `name`: not empty; forces replacement. */
  readonly name: string;
  /** `data_protection_backup_vault_id`: forces replacement. */
  readonly dataProtectionBackupVaultId: string;
  /** `location`: the storage account's region; forces replacement. */
  readonly location: string;
  /** `backup_policy_data_lake_storage_id`: updatable in place. */
  readonly backupPolicyDataLakeStorageId: string;
  /** `storage_account_id`: an ADLS Gen2 (hierarchical namespace) account; forces replacement. */
  readonly storageAccountId: string;
  /** `storage_container_names`: the containers to protect; updatable in place. */
  readonly storageContainerNames: string[];
  /** `timeouts` */
  readonly timeouts?: DataProtectionBackupInstanceDataLakeStorageTimeouts;
}

const SCHEMA: ArgumentSchema = {
  name: { kind: 'string' },
  data_protection_backup_vault_id: { kind: 'string' },
  location: { kind: 'string' },
  backup_policy_data_lake_storage_id: { kind: 'string' },
  storage_account_id: { kind: 'string' },
  storage_container_names: { kind: 'stringSet' },
  timeouts: {
    kind: 'block',
    className: 'DataProtectionBackupInstanceDataLakeStorageTimeouts',
    fields: { create: { kind: 'string' }, read: { kind: 'string' }, update: { kind: 'string' }, delete: { kind: 'string' } },
  },
};

/**
 * L1 binding of `azurerm_data_protection_backup_instance_data_lake_storage`, absent from
 * `@cdktf/provider-azurerm` 14.23.1 (azurerm 4.55). Creating one sets the stack's azurerm version constraint.
 *
 * @see https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/data_protection_backup_instance_data_lake_storage
 */
export class DataProtectionBackupInstanceDataLakeStorage extends AzurermAdlsResource<DataProtectionBackupInstanceDataLakeStorageConfig> {
  public static readonly tfResourceType = 'azurerm_data_protection_backup_instance_data_lake_storage';

  constructor(scope: Construct, id: string, config: DataProtectionBackupInstanceDataLakeStorageConfig) {
    super(scope, id, DataProtectionBackupInstanceDataLakeStorage.tfResourceType, config);
  }

  /** The backup instance's resource ID. */
  public get id(): string {
    return this.getStringAttribute('id');
  }
  public get name(): string {
    return this.getStringAttribute('name');
  }
  public get location(): string {
    return this.getStringAttribute('location');
  }
  public get storageAccountId(): string {
    return this.getStringAttribute('storage_account_id');
  }
  /** A set in Terraform: read as a list (`tolist`), as the generated bindings do, so that it can be indexed. */
  public get storageContainerNames(): string[] {
    return cdktf.Fn.tolist(this.getListAttribute('storage_container_names'));
  }
  /** Computed: e.g. `ProtectionConfigured`. */
  public get protectionState(): string {
    return this.getStringAttribute('protection_state');
  }

  protected get schema(): ArgumentSchema {
    return SCHEMA;
  }

  protected values() {
    const c = this.config;
    return {
      name: c.name,
      data_protection_backup_vault_id: c.dataProtectionBackupVaultId,
      location: c.location,
      backup_policy_data_lake_storage_id: c.backupPolicyDataLakeStorageId,
      storage_account_id: c.storageAccountId,
      storage_container_names: c.storageContainerNames,
      timeouts: c.timeouts,
    };
  }
}
