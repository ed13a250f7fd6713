import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { DataProtectionBackupVault } from './azurerm/generated/data-protection-backup-vault';
import { ManagementLock } from './azurerm/generated/management-lock';
import { Duration, TimeUnit } from './duration';
import { checkAcknowledgements, IrreversibleSetting, warnAboutIrreversible } from './irreversible-settings';
import { checkBoolean, checkEnum, checkResourceGroupName, checkTags } from './private/common-checks';
import { isIntegerInRange, isLiteral, Problems } from './private/problems';
import { checkRegionShape } from './private/region-checks';
import { checkPrincipalId, checkResourceId, checkVaultName } from './private/references';
import { BACKUP_VAULT_ID_SHAPE } from './private/resource-id';
import { VaultBase } from './private/vault-base';
import type { IBackupVault } from './interfaces';
import { brand, isBranded } from './private/brand';
import { SOFT_DELETE_RETENTION_DAYS } from './private/rules';

export { STORAGE_ACCOUNT_BACKUP_CONTRIBUTOR } from './private/vault-base';

/** Storage redundancy of the vault's backup data (`redundancy`). Cannot change once items are protected. */
export enum Redundancy {
  GEO_REDUNDANT = 'GeoRedundant',
  LOCALLY_REDUNDANT = 'LocallyRedundant',
  ZONE_REDUNDANT = 'ZoneRedundant',
}

/** Soft delete of backup data (`soft_delete`). `ALWAYS_ON` is irreversible. */
export enum SoftDelete {
  ON = 'On',
  OFF = 'Off',
  ALWAYS_ON = 'AlwaysOn',
}

/** Immutability of recovery points (`immutability`). `LOCKED` is irreversible. */
export enum Immutability {
  DISABLED = 'Disabled',
  UNLOCKED = 'Unlocked',
  LOCKED = 'Locked',
}

/** Props of `BackupVault`. */
export interface BackupVaultProps {
  /** Vault name: 2-50 letters, digits and hyphens. */
  readonly name: string;
  /** Resource group the vault is created in. */
  readonly resourceGroupName: string;
  /** Region of the vault; every storage account it protects must be in this region. */
  readonly location: string;
  /**
   * Storage redundancy of backup data; cannot change once an item is protected.
   * @default Redundancy.GEO_REDUNDANT
   */
  readonly redundancy?: Redundancy;
  /**
   * Soft delete of backup data. `ALWAYS_ON` needs `IrreversibleSetting.SOFT_DELETE_ALWAYS_ON` in `acknowledgeIrreversible`.
   * @default SoftDelete.ON
   */
  readonly softDelete?: SoftDelete;
  /**
   * How long soft-deleted backup data is kept: 14 to 180 days.
   * @default 14 days
   */
  readonly softDeleteRetention?: Duration;
  /**
   * Immutability of recovery points. `LOCKED` needs `IrreversibleSetting.IMMUTABILITY_LOCKED` in `acknowledgeIrreversible`.
   * @default Immutability.DISABLED
   */
  readonly immutability?: Immutability;
  /**
   * Allow restores in the paired region; only with `Redundancy.GEO_REDUNDANT`, and it cannot be turned off once on
   * (needs `IrreversibleSetting.CROSS_REGION_RESTORE` in `acknowledgeIrreversible`).
   * @default false
   */
  readonly crossRegionRestore?: boolean;
  /**
   * The irreversible settings you mean to set: `SoftDelete.ALWAYS_ON`, `Immutability.LOCKED` and
   * `crossRegionRestore: true` are refused unless named here. They still warn at synth.
   * @default - none: irreversible settings are refused
   */
  readonly acknowledgeIrreversible?: IrreversibleSetting[];
  /**
   * Add `lifecycle.prevent_destroy` to the vault (and its deletion lock), so that `terraform destroy` or a change
   * that replaces the vault fails instead of deleting every recovery point. Set `false` only for sandboxes.
   * Deleting the vault's code removes the guard with it.
   * @default true
   */
  readonly preventDestroy?: boolean;
  /**
   * Put a `CanNotDelete` management lock on the vault (`azurerm_management_lock`): Azure then refuses to delete
   * the vault from the portal, the CLI or another pipeline until the lock is removed. The lock is part of this
   * configuration, so removing the vault's code removes the lock first; against that, create the lock from a
   * configuration the backup admins do not own. Creating a lock needs `Microsoft.Authorization/locks/write`
   * (Owner or User Access Administrator).
   * @default false
   */
  readonly deletionLock?: boolean;
  /**
   * Tags of the vault (at most 50; keys up to 512 characters, values up to 256).
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

/** Attributes of a Backup vault that exists outside this stack. */
export interface BackupVaultAttributes {
  /** `/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.DataProtection/backupVaults/<name>` */
  readonly vaultId: string;
  /** The vault's region. */
  readonly location: string;
  /** Object ID of the vault's system-assigned identity. */
  readonly principalId: string;
  /**
   * The vault's name.
   * @default - taken from `vaultId`
   */
  readonly name?: string;
}

/**
 * An Azure Backup vault (`VaultStore`, system-assigned identity) for ADLS Gen2 vaulted backup.
 * Soft delete is on by default; irreversible settings are only set when asked, with a warning.
 *
 * @example
 * const vault = new BackupVault(stack, 'Vault', {
 *   name: 'bv-lake-weu', resourceGroupName: 'rg-backup', location: 'West Europe',
 * });
 * @see https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/data_protection_backup_vault
 */
export class BackupVault extends VaultBase {
  /** Whether `x` is a `BackupVault`, made by any copy of this library (`instanceof` knows only its own). */
  public static isBackupVault(x: unknown): x is BackupVault {
    return isBranded(x, 'BackupVault');
  }

  /** References a vault that exists outside this stack. */
  public static fromVaultAttributes(scope: Construct, id: string, attrs: BackupVaultAttributes): IBackupVault {
    return new ImportedBackupVault(scope, id, attrs);
  }

  /** The underlying `azurerm_data_protection_backup_vault` (escape hatch). */
  public readonly resource: DataProtectionBackupVault;
  public readonly vaultId: string;
  public readonly location: string;
  public readonly principalId: string;
  public readonly vaultName: string;
  /** Whether the vault carries `lifecycle.prevent_destroy`; backups of this vault follow it by default. */
  public readonly preventDestroy: boolean;
  /** The `CanNotDelete` lock on the vault, when `deletionLock` is true. */
  public readonly deletionLock?: ManagementLock;

  constructor(scope: Construct, id: string, props: BackupVaultProps) {
    super(scope, id);
    const p = props ?? ({} as BackupVaultProps);
    const problems = new Problems(`BackupVault '${this.node.path}'`);
    validateVaultProps(problems, p);
    problems.throwIfAny();

    const redundancy = p.redundancy ?? Redundancy.GEO_REDUNDANT;
    const softDelete = p.softDelete ?? SoftDelete.ON;
    warnAboutIrreversible(this, p);
    if (softDelete === SoftDelete.OFF) {
      Annotations.of(this).addWarning(
        'softDelete Off: deleted backup data is gone at once, with no protection against accidental or malicious deletion.',
      );
    }
    this.preventDestroy = p.preventDestroy ?? true;
    if (!this.preventDestroy) {
      Annotations.of(this).addWarning(
        'preventDestroy is false: `terraform destroy` deletes this vault and every recovery point in it.',
      );
    }

    this.resource = new DataProtectionBackupVault(this, 'Resource', {
      name: p.name,
      resourceGroupName: p.resourceGroupName,
      location: p.location,
      datastoreType: 'VaultStore',
      redundancy,
      softDelete,
      retentionDurationInDays:
        softDelete === SoftDelete.OFF
          ? undefined
          : (p.softDeleteRetention?.toSeconds() ?? SOFT_DELETE_RETENTION_DAYS.default * 86400) / 86400,
      immutability: p.immutability ?? Immutability.DISABLED,
      // azurerm accepts this argument only on geo-redundant vaults, so it is left out elsewhere.
      crossRegionRestoreEnabled: redundancy === Redundancy.GEO_REDUNDANT ? (p.crossRegionRestore ?? false) : undefined,
      identity: { type: 'SystemAssigned' },
      tags: p.tags,
      lifecycle: this.preventDestroy ? { preventDestroy: true } : undefined,
    });
    this.vaultId = this.resource.id;
    this.location = p.location;
    this.principalId = this.resource.identity.principalId;
    this.vaultName = p.name;
    if (p.deletionLock === true) {
      this.deletionLock = new ManagementLock(this, 'DeletionLock', {
        name: `${p.name}-cannot-delete`,
        scope: this.vaultId,
        lockLevel: 'CanNotDelete',
        notes: 'Deleting this Backup vault deletes every recovery point in it. Remove this lock only to retire the vault.',
        lifecycle: this.preventDestroy ? { preventDestroy: true } : undefined,
      });
    }
  }
}
brand(BackupVault, 'BackupVault');

function validateVaultProps(problems: Problems, p: BackupVaultProps): void {
  checkVaultName(problems, 'name', p.name);
  checkResourceGroupName(problems, p.resourceGroupName);
  checkRegionShape(problems, 'location', p.location);
  checkEnum(problems, 'redundancy', p.redundancy, Redundancy);
  checkEnum(problems, 'softDelete', p.softDelete, SoftDelete);
  checkEnum(problems, 'immutability', p.immutability, Immutability);
  if (p.softDeleteRetention !== undefined) {
    const retention = p.softDeleteRetention;
    const inDaysOrWeeks =
      Duration.isDuration(retention) && (retention.unit === TimeUnit.DAYS || retention.unit === TimeUnit.WEEKS);
    const days = inDaysOrWeeks ? retention.toSeconds()! / 86400 : undefined;
    const shown = Duration.isDuration(retention) ? retention.toString() : retention;
    problems.check(
      isIntegerInRange(days, SOFT_DELETE_RETENTION_DAYS.min, SOFT_DELETE_RETENTION_DAYS.max),
      Duration.isDuration(retention) ? 'ADLSBK-SOFT-DELETE-RETENTION' : 'ADLSBK-TYPE',
      'softDeleteRetention',
      `must be ${SOFT_DELETE_RETENTION_DAYS.min} to ${SOFT_DELETE_RETENTION_DAYS.max} days, given as Duration.days or Duration.weeks`,
      shown,
    );
    if (p.softDelete === SoftDelete.OFF) {
      problems.add('ADLSBK-CONFLICT', 'softDeleteRetention', 'has no effect when `softDelete` is Off; remove one of them', shown);
    }
  }
  checkAcknowledgements(problems, p);
  checkBoolean(problems, 'crossRegionRestore', p.crossRegionRestore);
  checkBoolean(problems, 'preventDestroy', p.preventDestroy);
  checkBoolean(problems, 'deletionLock', p.deletionLock);
  if (p.crossRegionRestore === true && (p.redundancy ?? Redundancy.GEO_REDUNDANT) !== Redundancy.GEO_REDUNDANT) {
    problems.add(
      'ADLSBK-CONFLICT',
      'crossRegionRestore',
      'can only be true when `redundancy` is GeoRedundant',
      `${p.crossRegionRestore} with ${p.redundancy}`,
    );
  }
  checkTags(problems, p.tags);
}

/** A vault that exists outside this stack, referenced by its attributes. */
class ImportedBackupVault extends VaultBase {
  public readonly vaultId: string;
  public readonly location: string;
  public readonly principalId: string;
  public readonly vaultName?: string;

  constructor(scope: Construct, id: string, attrs: BackupVaultAttributes) {
    super(scope, id);
    const problems = new Problems(`BackupVault.fromVaultAttributes('${this.node.path}')`);
    if (attrs !== undefined && (attrs === null || typeof attrs !== 'object' || Array.isArray(attrs))) {
      problems.add('ADLSBK-TYPE', 'attributes', 'must be an object such as { vaultId, location, principalId }', attrs);
      problems.throwIfAny();
    }
    const a = attrs ?? ({} as BackupVaultAttributes);
    const nameFromId = checkResourceId(problems, 'vaultId', a.vaultId, BACKUP_VAULT_ID_SHAPE, 'a Backup vault resource ID')?.name;
    checkRegionShape(problems, 'location', a.location);
    checkPrincipalId(problems, 'principalId', a.principalId);
    const before = problems.count;
    checkVaultName(problems, 'name', a.name, true);
    if (problems.count === before && isLiteral(a.name) && nameFromId !== undefined && nameFromId !== a.name) {
      problems.add('ADLSBK-NAME-MISMATCH', 'name', `must match the name in \`vaultId\` ("${nameFromId}")`, a.name);
    }
    problems.throwIfAny();
    this.vaultId = a.vaultId;
    this.location = a.location;
    this.principalId = a.principalId;
    this.vaultName = a.name ?? nameFromId;
  }
}
