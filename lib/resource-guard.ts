import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { DataProtectionResourceGuard } from './azurerm/generated/data-protection-resource-guard';
import { checkResourceGroupName, checkTags, sentLength } from './private/common-checks';
import { hasControlCharacter, hasEdgeWhiteSpace } from './private/names';
import { codeOf } from './private/code-of';
import { describe, isLiteral, isTokenCollection, Problems } from './private/problems';
import { checkRegionShape } from './private/region-checks';

/**
 * Operations on a Backup vault that a Resource Guard can put behind multi-user authorization (MUA).
 * Removing MUA protection and disabling soft delete are always guarded and cannot be listed.
 * @see https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/data_protection_resource_guard
 */
export enum CriticalOperation {
  DELETE_BACKUP_INSTANCE = 'Microsoft.DataProtection/backupVaults/backupInstances/delete',
  DISABLE_IMMUTABILITY = 'Microsoft.DataProtection/backupVaults/write#reduceImmutabilityState',
  MODIFY_ENCRYPTION_SETTINGS = 'Microsoft.DataProtection/backupVaults/write#modifyEncryptionSettings',
  STOP_BACKUP_RETAIN_FOREVER = 'Microsoft.DataProtection/backupVaults/backupInstances/stopProtection/action',
  STOP_BACKUP_RETAIN_AS_PER_POLICY = 'Microsoft.DataProtection/backupVaults/backupInstances/suspendBackups/action',
  CHANGE_POLICY = 'Microsoft.DataProtection/backupVaults/backupInstances/write',
  RESTORE = 'Microsoft.DataProtection/backupVaults/backupInstances/restore/action',
}

/** Props of `BackupResourceGuard`. */
export interface BackupResourceGuardProps {
  /** Name of the guard: 1-260 bytes of UTF-8, no `/ \ ? #`. */
  readonly name: string;
  /** Resource group of the guard: ideally in a subscription the backup admins cannot change. */
  readonly resourceGroupName: string;
  /** Region of the guard: the same as the vaults it will guard. */
  readonly location: string;
  /**
   * Critical operations left outside multi-user authorization (`vault_critical_operation_exclusion_list`).
   * @default - none: every critical operation needs approval
   */
  readonly unguardedOperations?: CriticalOperation[];
  /**
   * Tags of the guard.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

const GUARD_NAME = /^[^/\\?#]+$/;
const GUARD_NAME_RULE =
  'must be 1-260 bytes of UTF-8 without / \\ ? # or control characters, no space at either end and no unescaped ${ or %{';

/**
 * A Resource Guard (`azurerm_data_protection_resource_guard`): with it, critical operations on a Backup vault
 * (deleting a backup instance, disabling immutability, ...) need a second person's approval.
 *
 * **Attaching it is a separate step.** azurerm 4.68 to 5.x (the versions this library is built and checked
 * against) has no resource that attaches a guard to a Backup vault, so this construct only creates the guard and
 * warns at synth. Attach it once after `terraform apply`, as a backup admin with Reader on the guard:
 * `az dataprotection backup-vault resource-guard-mapping create --resource-group <vault rg> --vault-name <vault>
 * --resource-guard-id <guard id>`, or in the portal: vault > Properties > Multi-User Authorization > Update.
 * MUA protects only when the guard is owned by someone else than the backup admins: create it in a stack
 * (and ideally a subscription or tenant) that the security team owns.
 *
 * @example
 * new BackupResourceGuard(securityStack, 'Guard', {
 *   name: 'rg-guard-weu', resourceGroupName: 'rg-security', location: 'West Europe',
 * });
 * @see https://learn.microsoft.com/azure/backup/multi-user-authorization
 */
export class BackupResourceGuard extends Construct {
  /** The underlying `azurerm_data_protection_resource_guard` (escape hatch). */
  public readonly resource: DataProtectionResourceGuard;
  /** The guard's resource ID, for `--resource-guard-id`. */
  public readonly resourceGuardId: string;

  constructor(scope: Construct, id: string, props: BackupResourceGuardProps) {
    super(scope, id);
    const p = props ?? ({} as BackupResourceGuardProps);
    const problems = new Problems(`BackupResourceGuard '${this.node.path}'`);
    validateGuardProps(problems, p);
    problems.throwIfAny();

    this.resource = new DataProtectionResourceGuard(this, 'Resource', {
      name: p.name,
      resourceGroupName: p.resourceGroupName,
      location: p.location,
      vaultCriticalOperationExclusionList: p.unguardedOperations?.length ? p.unguardedOperations : undefined,
      tags: p.tags,
    });
    this.resourceGuardId = this.resource.id;
    Annotations.of(this).addWarning(
      `Resource Guard ${describe(p.name)} guards no vault until it is attached: azurerm has no resource for that in the versions ` +
        'this library supports. After apply, run `az dataprotection backup-vault resource-guard-mapping create ' +
        '--resource-group <vault rg> --vault-name <vault> --resource-guard-id <guard id>` (or portal: vault > Properties > Multi-User Authorization).',
    );
  }
}

function isGuardName(name: string): boolean {
  const length = sentLength(name);
  return (
    length !== undefined &&
    length >= 1 &&
    length <= 260 &&
    GUARD_NAME.test(name) &&
    !hasControlCharacter(name) &&
    !hasEdgeWhiteSpace(name)
  );
}

function validateGuardProps(problems: Problems, p: BackupResourceGuardProps): void {
  // dataprotection/validate/resource_guard_name.go: 1-260 in Go's len (bytes) of what Terraform sends (`$${` is
  // `${`); Azure also refuses / \ ? # (ARM URL paths). Azure publishes no charset for resource guards, so a literal
  // name is also kept free of what a reviewer cannot see or Terraform would evaluate: control characters, spaces
  // at either end, a raw `${` or `%{`.
  if (typeof p.name !== 'string' || (isLiteral(p.name) && !isGuardName(p.name))) {
    problems.add(codeOf(p.name, typeof p.name === 'string', 'ADLSBK-GUARD-NAME'), 'name', GUARD_NAME_RULE, p.name);
  }
  checkResourceGroupName(problems, p.resourceGroupName);
  checkTags(problems, p.tags);
  checkRegionShape(problems, 'location', p.location);
  const ops = p.unguardedOperations;
  if (ops === undefined || isTokenCollection(ops)) return;
  if (!Array.isArray(ops)) {
    problems.add('ADLSBK-TYPE', 'unguardedOperations', 'must be a list of CriticalOperation values', ops);
    return;
  }
  const known = Object.values(CriticalOperation) as string[];
  ops.forEach((op, i) => {
    if (typeof op === 'string' && !isLiteral(op)) return; // a Terraform reference: azurerm checks it
    if (!known.includes(op))
      problems.add(
        'ADLSBK-NOT-ALLOWED',
        `unguardedOperations[${i}]`,
        'must be a CriticalOperation (removing MUA and disabling soft delete are always guarded)',
        op,
      );
    else if (ops.indexOf(op) !== i)
      problems.add('ADLSBK-REPEATED', `unguardedOperations[${i}]`, 'repeats an operation already listed', op);
  });
}
