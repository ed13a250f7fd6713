// What a reviewer should stop at: irreversible or weakening settings, and the two rules that break deployments.
import { CONTAINER_LIMIT } from '../azurerm/container-limit';
import { isAdlsBackupRegion, normalizeRegion } from '../regions';
import type { Instance, Vault } from './model';

/** Warn when an instance lists this share of its limit (90 of 100, 900 of 1000). */
const CONTAINER_WARNING_SHARE = 0.9;

/** How many containers an instance of a stack may list: `containerLimitFor` of the stack's azurerm constraint. */
export type ContainerLimitOf = (stack: string) => number;

export function vaultWarnings(vault: Vault, containerLimitOf: ContainerLimitOf = () => CONTAINER_LIMIT.everywhere): string[] {
  const warnings: string[] = [];
  if (!vault.outside) {
    const a = vault.args;
    if (a.soft_delete === 'AlwaysOn') warnings.push('Soft delete is AlwaysOn: irreversible, it can never be turned off.');
    if (a.soft_delete === 'Off')
      warnings.push(
        'Soft delete is Off: deleted backup data is gone at once, with no protection against accidental or malicious deletion.',
      );
    if (a.immutability === 'Locked') {
      warnings.push(
        'Immutability is Locked: irreversible; recovery points cannot be deleted before they expire, and azurerm replaces the vault if it changes.',
      );
    }
    if (a.cross_region_restore_enabled === true) {
      warnings.push(
        'Cross-region restore is on: irreversible (azurerm replaces the vault to turn it off), and ADLS backups cannot use it.',
      );
    }
    if (!vault.preventDestroy) {
      warnings.push(
        'The vault has no prevent_destroy: `terraform destroy` or a replacement deletes it with every recovery point.',
      );
    }
  }
  if (vault.location !== undefined && vault.locationIsLiteral && !isAdlsBackupRegion(vault.location)) {
    warnings.push(`Unlisted region "${vault.location}": not in the ADLS vaulted backup support list of 2025-11-18.`);
  }
  for (const policy of vault.policies) {
    const rules = Array.isArray(policy.args.retention_rule) ? policy.args.retention_rule : [];
    for (const rule of rules as Record<string, unknown>[]) {
      if (rule?.absolute_criteria === undefined && rule?.days_of_week === undefined) {
        warnings.push(
          `Policy \`${policy.name}\`: retention rule \`${String(rule?.name)}\` has neither absolute_criteria nor days_of_week: azurerm fails at apply.`,
        );
      }
    }
  }
  for (const instance of vault.instances)
    warnings.push(...instanceWarnings(vault, instance, containerLimitOf(instance.block.stack)));
  return warnings;
}

function instanceWarnings(vault: Vault, instance: Instance, containerLimit: number): string[] {
  const warnings: string[] = [];
  const who = `\`${instance.account.name}\``;
  const { ordering } = instance;
  if (!ordering.ok) warnings.push(`${who}: role before backup is not guaranteed: ${ordering.problems.join('; ')}.`);
  if (ordering.containersNotWaitedFor.length > 0) {
    warnings.push(
      `${who}: the instance does not wait for containers this configuration creates (${ordering.containersNotWaitedFor.join(', ')}): Azure refuses containers that do not exist yet.`,
    );
  }
  if (Array.isArray(instance.containers) && instance.containers.length >= containerLimit * CONTAINER_WARNING_SHARE) {
    const why =
      containerLimit === CONTAINER_LIMIT.everywhere
        ? `support matrix; azurerm before ${CONTAINER_LIMIT.raised.since}`
        : `azurerm from ${CONTAINER_LIMIT.raised.since}`;
    const count = instance.containers.length;
    warnings.push(
      `${who}: ${count} containers, ${count > containerLimit ? 'over' : 'near'} the limit of ${containerLimit} per account (${why}).`,
    );
  }
  if (!instance.preventDestroy)
    warnings.push(`${who}: the backup instance has no prevent_destroy: a destroy or replacement stops protection.`);
  if (instance.locationIsLiteral && vault.locationIsLiteral && vault.location !== undefined) {
    if (normalizeRegion(instance.location) !== normalizeRegion(vault.location)) {
      warnings.push(
        `${who}: the instance is in ${instance.location} but the vault in ${vault.location}: Azure needs the same region.`,
      );
    }
  } else if (instance.locationIsLiteral && !isAdlsBackupRegion(instance.location)) {
    warnings.push(`${who}: unlisted region "${instance.location}": not in the ADLS vaulted backup support list of 2025-11-18.`);
  }
  if (instance.policy && instance.policy.vaultKey !== instance.vaultKey) {
    warnings.push(`${who}: policy \`${instance.policy.name}\` belongs to another vault: Azure refuses it.`);
  }
  return warnings;
}
