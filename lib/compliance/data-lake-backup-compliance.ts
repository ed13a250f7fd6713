import { Annotations, App, Aspects, IAspect, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import {
  IRoleAssignmentShape,
  IStorageAccountShape,
  isResourceOfType,
  ROLE_ASSIGNMENT,
  STORAGE_ACCOUNT,
} from '../azurerm/shapes';
import { DataLakeBackup } from '../data-lake-backup';
import { Duration, TimeUnit } from '../duration';
import { DataLakeBackupPolicy } from '../policy';
import { codeOf } from '../private/code-of';
import { describe, isLiteral, Problems, refuse } from '../private/problems';
import { checkEnum } from '../private/common-checks';
import { resolveIn } from '../private/resolve';
import { STORAGE_ACCOUNT_BACKUP_CONTRIBUTOR } from '../private/vault-base';
import { BackupVault, SoftDelete } from '../vault';
import { ComplianceLevel, ComplianceRule, RULE_ADVICE } from './rules';
import { addSuppressions, ComplianceSuppression, suppressionOf } from './suppressions';

/** Props of `DataLakeBackupCompliance`. */
export interface DataLakeBackupComplianceProps {
  /**
   * How findings are reported: errors fail synth, warnings do not.
   * @default ComplianceLevel.ERROR
   */
  readonly level?: ComplianceLevel;
  /**
   * The shortest default retention a policy may have (`ADLSBK3`). Months count as 30 days and years as 365 in the
   * comparison.
   * @default Duration.days(7)
   */
  readonly minimumRetention?: Duration;
}

/** Default floor of `ADLSBK3`: a week of daily restore points, the least that survives a long weekend's incident. */
export const DEFAULT_MINIMUM_RETENTION = Duration.days(7);

const DAYS_PER_UNIT: Partial<Record<TimeUnit, number>> = {
  [TimeUnit.DAYS]: 1,
  [TimeUnit.WEEKS]: 7,
  [TimeUnit.MONTHS]: 30,
  [TimeUnit.YEARS]: 365,
};

// A storage account, or something inside one (a blob service, a container): at most the account.
const ACCOUNT_SCOPE =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Storage\/storageAccounts\/[^/]+(\/.*)?$/i;
const ACCOUNT_REFERENCE = /^\$\{(data\.)?azurerm_storage_(account|container)\.[^.}]+\.(id|resource_manager_id)\}$/;
const WIDER_REFERENCE = /^\$\{(data\.)?azurerm_(resource_group|subscription|management_group)\.[^}]+\}$/;

/**
 * A compliance check for ADLS Gen2 backup, applied as a cdktf Aspect to a stack (or to every stack of an app with
 * `applyTo`). At synth it reports, as an error (or warning):
 * - `ADLSBK1`: each `azurerm_storage_account` with hierarchical namespace on that no `DataLakeBackup` of the app protects;
 * - `ADLSBK2`: each `DataLakeBackup` whose vault has soft delete off;
 * - `ADLSBK3`: each `DataLakeBackup` whose policy's default retention is below `minimumRetention`;
 * - `ADLSBK4`: each Storage Account Backup Contributor grant to a protecting vault's identity on a scope wider than
 *   a storage account.
 * Suppress a finding with `DataLakeBackupCompliance.suppress(construct, [{ rule, reason }])`: the reason is shown in
 * the synth output instead of the finding. Settings given as Terraform references are not judged.
 *
 * @example
 * DataLakeBackupCompliance.applyTo(app); // after every stack is created
 * DataLakeBackupCompliance.suppress(scratchAccount, [
 *   { rule: ComplianceRule.UNPROTECTED_ACCOUNT, reason: 'Scratch data, rebuilt nightly from the raw zone' },
 * ]);
 */
export class DataLakeBackupCompliance implements IAspect {
  /**
   * Applies the check to `scope`: a stack, or every stack of an app. cdktf 0.21 invokes aspects from each stack
   * down, so an aspect added to the App itself is never run; this adds it to each stack instead, and fails
   * `app.synth()` if a stack is created after it.
   */
  public static applyTo(scope: App | TerraformStack, props?: DataLakeBackupComplianceProps): DataLakeBackupCompliance {
    // Left out or null: the defaults. Anything else must be the props object.
    if (props !== undefined && props !== null && (typeof props !== 'object' || Array.isArray(props))) {
      refuse(
        'ADLSBK-TYPE',
        'props',
        'must be an object such as { level: ComplianceLevel.WARNING }',
        props,
        'DataLakeBackupCompliance.applyTo',
      );
    }
    const aspect = new DataLakeBackupCompliance(props ?? {});
    if (scope !== null && typeof scope === 'object' && TerraformStack.isStack(scope)) {
      Aspects.of(scope).add(aspect);
      return aspect;
    }
    if (scope === null || typeof scope !== 'object' || !App.isApp(scope)) {
      refuse(
        codeOf(scope, true, 'ADLSBK-COMPLIANCE-SCOPE'),
        'scope',
        'must be an App or a TerraformStack',
        scope,
        'DataLakeBackupCompliance.applyTo',
      );
    }
    const stacks = () => scope.node.findAll().filter((c): c is TerraformStack => TerraformStack.isStack(c));
    for (const stack of stacks()) Aspects.of(stack).add(aspect);
    // A stack created later is a user's mistake: a BackupConfigError with its code, as the constructs throw.
    scope.node.addValidation({
      validate: () => {
        const late = stacks().filter((s) => !Aspects.of(s).all.includes(aspect));
        const problems = new Problems('DataLakeBackupCompliance.applyTo');
        for (const s of late) {
          problems.add(
            'ADLSBK-COMPLIANCE-SCOPE',
            'scope',
            'must hold every stack when applyTo is called: this one was created after it, so it was not checked; apply it after creating every stack',
            s.node.path,
          );
        }
        problems.throwIfAny();
        return [];
      },
    });
    return aspect;
  }

  /** Accepts findings of `suppressions` on `construct` and everything below it, each with its reason. */
  public static suppress(construct: IConstruct, suppressions: ComplianceSuppression[]): void {
    addSuppressions(construct, suppressions);
  }

  private readonly level: ComplianceLevel;
  private readonly minimumRetention: Duration;
  private backups?: DataLakeBackup[];

  // Private: cdk-nag habits would add it with `Aspects.of(app).add(...)`, which cdktf 0.21 never runs. `applyTo` works.
  private constructor(props: DataLakeBackupComplianceProps) {
    // Only a missing value takes the default: null is refused like any other value that is not one.
    const level = props.level === undefined ? ComplianceLevel.ERROR : props.level;
    const floor = props.minimumRetention === undefined ? DEFAULT_MINIMUM_RETENTION : props.minimumRetention;
    const problems = new Problems('DataLakeBackupCompliance');
    checkEnum(problems, 'level', level, ComplianceLevel);
    problems.check(
      Duration.isDuration(floor) && daysIn(floor) !== undefined,
      Duration.isDuration(floor) ? 'ADLSBK-RETENTION-DURATION' : 'ADLSBK-TYPE',
      'minimumRetention',
      'must be a Duration in days, weeks, months or years',
      floor,
    );
    problems.throwIfAny();
    this.level = level;
    this.minimumRetention = floor;
  }

  public visit(node: IConstruct): void {
    // Each synthesis visits a stack before what is in it: the app's backups are listed once per stack, not per node.
    if (TerraformStack.isStack(node)) this.backups = undefined;
    // Accounts and grants from any provider package are recognised by their Terraform type.
    if (isResourceOfType(node, STORAGE_ACCOUNT)) this.checkAccount(node as IStorageAccountShape);
    else if (DataLakeBackup.isDataLakeBackup(node)) this.checkBackup(node);
    else if (isResourceOfType(node, ROLE_ASSIGNMENT)) this.checkRole(node as IRoleAssignmentShape);
  }

  private checkAccount(account: IStorageAccountShape): void {
    if (account.isHnsEnabledInput !== true) return; // off, or only known at plan
    const stack = TerraformStack.of(account);
    const ids = new Set([resolveIn(stack, account.getStringAttribute('id'))]);
    const name = account.nameInput;
    // A reference resolved in the account's own stack reads as the plain reference, whatever stack the backup is in.
    const protectedHere = this.backupsOf(account).some((b) => {
      const a = b.storageAccount;
      if (a.resource === account) return true;
      if (isLiteral(name) && isLiteral(a.name) && a.name === name) return true;
      return ids.has(resolveIn(stack, a.storageAccountId));
    });
    if (!protectedHere) {
      this.report(
        account,
        ComplianceRule.UNPROTECTED_ACCOUNT,
        `Storage account '${isLiteral(name) ? name : account.node.path}' has hierarchical namespace on (an ADLS Gen2 data lake) but no DataLakeBackup protects it`,
      );
    }
  }

  private checkBackup(backup: DataLakeBackup): void {
    const vault = backup.vault;
    if (BackupVault.isBackupVault(vault) && vault.resource.softDeleteInput === SoftDelete.OFF) {
      this.report(
        backup,
        ComplianceRule.SOFT_DELETE_OFF,
        `The vault '${vault.vaultName}' of backup '${backup.node.path}' has soft delete off`,
      );
    }
    const policy = backup.policy;
    if (DataLakeBackupPolicy.isDataLakeBackupPolicy(policy)) {
      const kept = daysIn(policy.defaultRetention);
      if (kept !== undefined && kept < daysIn(this.minimumRetention)!) {
        this.report(
          backup,
          ComplianceRule.SHORT_RETENTION,
          `The policy '${policy.policyName}' of backup '${backup.node.path}' keeps backups ${policy.defaultRetention} by default, less than the minimum of ${this.minimumRetention}`,
        );
      }
    }
  }

  private checkRole(role: IRoleAssignmentShape): void {
    const definition = role.roleDefinitionNameInput ?? role.roleDefinitionIdInput;
    const isBackupRole =
      definition === STORAGE_ACCOUNT_BACKUP_CONTRIBUTOR.name ||
      (typeof definition === 'string' && definition.toLowerCase().endsWith(STORAGE_ACCOUNT_BACKUP_CONTRIBUTOR.id));
    if (!isBackupRole) return;
    const stack = TerraformStack.of(role);
    const principal = resolveIn(stack, role.principalIdInput);
    const backups = this.backupsOf(role).filter((b) => resolveIn(stack, b.vault.principalId) === principal);
    if (backups.length === 0) return;
    const scope = resolveIn(stack, role.scopeInput);
    // The accounts the vault protects, as this stack reads them (a cross-stack reference included).
    if (backups.some((b) => resolveIn(stack, b.storageAccount.storageAccountId) === scope)) return;
    if (scopeKind(scope) !== 'wider') return;
    const vault = backups[0].vault;
    this.report(
      role,
      ComplianceRule.ROLE_WIDER_THAN_ACCOUNT,
      `Role assignment '${role.node.path}' grants Storage Account Backup Contributor to the identity of vault '${vault.vaultName ?? vault.node.path}' on ${describe(scope)}, wider than a storage account`,
    );
  }

  // Every backup of the app, whatever stack it is in: an account may be protected from another stack.
  private backupsOf(scope: IConstruct): DataLakeBackup[] {
    this.backups ??= scope.node.root.node.findAll().filter((c): c is DataLakeBackup => DataLakeBackup.isDataLakeBackup(c));
    return this.backups;
  }

  private report(node: IConstruct, rule: ComplianceRule, finding: string): void {
    // Synthesizing a stack twice, or applying the check twice, must not repeat a finding.
    const seen = reported.get(node) ?? new Set<ComplianceRule>();
    reported.set(node, seen);
    if (seen.has(rule)) return;
    seen.add(rule);
    const suppressed = suppressionOf(node, rule);
    if (suppressed) {
      Annotations.of(node).addInfo(`[${rule}] suppressed: ${finding}. Reason: ${suppressed.reason}`);
      return;
    }
    const key = Object.entries(ComplianceRule).find(([, value]) => value === rule)![0];
    const message = `[${rule}] ${finding}: ${RULE_ADVICE[rule]}. To accept it: DataLakeBackupCompliance.suppress(construct, [{ rule: ComplianceRule.${key}, reason: '...' }]).`;
    if (this.level === ComplianceLevel.ERROR) Annotations.of(node).addError(message);
    else Annotations.of(node).addWarning(message);
  }
}

const reported = new WeakMap<IConstruct, Set<ComplianceRule>>();

/**
 * Whether a role scope, as Terraform reads it, is a storage account (or something in one), wider (a resource group,
 * a subscription, a management group), or unknown (a variable, another stack's output): unknown is not judged.
 */
function scopeKind(scope: unknown): 'account' | 'wider' | 'unknown' {
  if (typeof scope !== 'string') return 'unknown';
  if (ACCOUNT_SCOPE.test(scope) || ACCOUNT_REFERENCE.test(scope)) return 'account';
  if (WIDER_REFERENCE.test(scope) || (isLiteral(scope) && scope.startsWith('/'))) return 'wider';
  return 'unknown';
}

function daysIn(duration: Duration): number | undefined {
  const perUnit = DAYS_PER_UNIT[duration.unit];
  return perUnit === undefined ? undefined : duration.amount * perUnit;
}
