// What a reviewer should stop at, as typed findings: irreversible or weakening settings, the rules that break
// deployments, and names or tags that Terraform evaluates. Each has a stable code and a severity; its message is
// the sentence the report prints. The renderers only format them.
import { CONTAINER_LIMIT, containerLimitFor } from '../azurerm/container-limit';
import { isAdlsBackupRegion, normalizeRegion } from '../regions';
import { code, findInterpolations, Interpolation } from './interpolations';
import type { Instance, Model, Vault } from './model';
import type { TerraformJson } from './read/out-dir';

/** `error`: the apply fails or Azure refuses; `warning`: it applies, but weakens protection or cannot be undone. */
export type Severity = 'error' | 'warning';

/** Every finding code, with its severity. */
export const FINDING_SEVERITY = {
  'REVIEW-SOFT-DELETE-ALWAYS-ON': 'warning',
  'REVIEW-SOFT-DELETE-OFF': 'warning',
  'REVIEW-IMMUTABILITY-LOCKED': 'warning',
  'REVIEW-CROSS-REGION-RESTORE': 'warning',
  'REVIEW-VAULT-NO-PREVENT-DESTROY': 'warning',
  'REVIEW-VAULT-REGION-UNLISTED': 'warning',
  'REVIEW-RULE-NO-CRITERIA': 'error',
  'REVIEW-ROLE-AFTER-INSTANCE': 'error',
  'REVIEW-CONTAINERS-NOT-WAITED-FOR': 'error',
  'REVIEW-CONTAINERS-OVER-LIMIT': 'error',
  'REVIEW-CONTAINERS-NEAR-LIMIT': 'warning',
  'REVIEW-INSTANCE-NO-PREVENT-DESTROY': 'warning',
  'REVIEW-REGION-MISMATCH': 'error',
  'REVIEW-INSTANCE-REGION-UNLISTED': 'warning',
  'REVIEW-POLICY-OF-OTHER-VAULT': 'error',
  'REVIEW-INTERPOLATION': 'warning',
} as const satisfies Record<string, Severity>;

/** A finding's stable code, e.g. `REVIEW-ROLE-AFTER-INSTANCE`. */
export type FindingCode = keyof typeof FINDING_SEVERITY;

/**
 * One thing a reviewer should stop at, and where it applies, as the JSON report carries it (`findings`). The fields
 * that say where are those the finding knows: a vault's setting names its vault; a backup instance's, its vault and
 * account; a retention rule's, its vault and policy; an interpolation, no vault but the block and attribute.
 */
export interface Finding {
  /** Stable: what kind of finding it is. */
  readonly code: FindingCode;
  /** How bad it is (fixed per code: `FINDING_SEVERITY`). */
  readonly severity: Severity;
  /** The finding in one sentence, as the report prints it. */
  readonly message: string;
  /** The stack: the vault's (for an outside vault, the stacks that use it), or the block's for an interpolation. */
  readonly stack: string;
  /** The vault's name; absent for a finding that belongs to no vault (an interpolation). */
  readonly vault?: string;
  /** The vault's key, as `VaultReport.key` gives it (`<name> in <resource group>`, or the ID of a vault outside). */
  readonly vaultKey?: string;
  /** The protected account's name, for a finding about a backup instance. */
  readonly account?: string;
  /** The policy's name, for a finding about one of its retention rules. */
  readonly policy?: string;
  /** The address of the block whose name or tag Terraform evaluates, for an interpolation. */
  readonly address?: string;
  /** Where in that block (`name`, `tags.owner`, ...), for an interpolation. */
  readonly attribute?: string;
}

/** How many containers an instance of a stack may list: `containerLimitFor` of the stack's azurerm constraint. */
export type ContainerLimitOf = (stack: string) => number;

/** Warn when an instance lists this share of its limit (90 of 100, 900 of 1000). */
const CONTAINER_WARNING_SHARE = 0.9;
const SUPPORT_LIST = 'not in the ADLS vaulted backup support list of 2025-11-18';

/** The findings of one vault, in report order: its settings, its region, its policies, then each instance. */
export function vaultFindings(vault: Vault, containerLimitOf: ContainerLimitOf = () => CONTAINER_LIMIT.everywhere): Finding[] {
  const of = (c: FindingCode, message: string, about: About = {}): Finding => ({
    code: c,
    severity: FINDING_SEVERITY[c],
    message,
    stack: vault.stack,
    vault: vault.name,
    vaultKey: vault.key,
    ...about,
  });
  const found: Finding[] = [...settingFindings(vault, of)];
  const region = literalRegion(vault);
  if (region !== undefined && !isAdlsBackupRegion(region)) {
    found.push(of('REVIEW-VAULT-REGION-UNLISTED', `Unlisted region "${region}": ${SUPPORT_LIST}.`));
  }
  found.push(...ruleFindings(vault, of));
  for (const instance of vault.instances) {
    found.push(...instanceFindings(vault, instance, containerLimitOf(instance.block.stack), of));
  }
  return found;
}

/** What in a vault a finding is about, when it is about more than the vault. */
type About = Pick<Finding, 'account'> | Pick<Finding, 'policy'>;

/** Makes a finding of the vault at hand. */
type FindingOf = (code: FindingCode, message: string, about?: About) => Finding;

/** Irreversible or weakening settings of a vault the configuration declares. */
function settingFindings(vault: Vault, of: FindingOf): Finding[] {
  if (vault.outside) return [];
  const a = vault.args;
  const found: Finding[] = [];
  if (a.soft_delete === 'AlwaysOn')
    found.push(of('REVIEW-SOFT-DELETE-ALWAYS-ON', 'Soft delete is AlwaysOn: irreversible, it can never be turned off.'));
  if (a.soft_delete === 'Off') {
    const message =
      'Soft delete is Off: deleted backup data is gone at once, with no protection against accidental or malicious deletion.';
    found.push(of('REVIEW-SOFT-DELETE-OFF', message));
  }
  if (a.immutability === 'Locked') {
    const message =
      'Immutability is Locked: irreversible; recovery points cannot be deleted before they expire, and azurerm replaces the vault if it changes.';
    found.push(of('REVIEW-IMMUTABILITY-LOCKED', message));
  }
  if (a.cross_region_restore_enabled === true) {
    const message =
      'Cross-region restore is on: irreversible (azurerm replaces the vault to turn it off), and ADLS backups cannot use it.';
    found.push(of('REVIEW-CROSS-REGION-RESTORE', message));
  }
  if (!vault.preventDestroy) {
    const message =
      'The vault has no prevent_destroy: `terraform destroy` or a replacement deletes it with every recovery point.';
    found.push(of('REVIEW-VAULT-NO-PREVENT-DESTROY', message));
  }
  return found;
}

/** Retention rules azurerm refuses at apply: neither absolute_criteria nor days_of_week. */
function ruleFindings(vault: Vault, of: FindingOf): Finding[] {
  const found: Finding[] = [];
  for (const policy of vault.policies) {
    // A block that is not an object is Terraform's to refuse; it has no criteria to judge.
    const rules = (Array.isArray(policy.args.retention_rule) ? policy.args.retention_rule : []).filter(isBlock);
    for (const rule of rules) {
      if (rule.absolute_criteria !== undefined || rule.days_of_week !== undefined) continue;
      const message = `Policy \`${policy.name}\`: retention rule \`${String(rule.name)}\` has neither absolute_criteria nor days_of_week: azurerm fails at apply.`;
      found.push(of('REVIEW-RULE-NO-CRITERIA', message, { policy: policy.name }));
    }
  }
  return found;
}

/** Ordering, containers, prevent_destroy, region and policy of one backup instance. */
function instanceFindings(vault: Vault, instance: Instance, containerLimit: number, of: FindingOf): Finding[] {
  const account = instance.account.name;
  const who = `\`${account}\``;
  const found: Finding[] = [];
  const add = (c: FindingCode, message: string) => found.push(of(c, `${who}: ${message}`, { account }));
  const { ordering } = instance;
  if (!ordering.ok) add('REVIEW-ROLE-AFTER-INSTANCE', `role before backup is not guaranteed: ${ordering.problems.join('; ')}.`);
  if (ordering.containersNotWaitedFor.length > 0) {
    const names = ordering.containersNotWaitedFor.join(', ');
    add(
      'REVIEW-CONTAINERS-NOT-WAITED-FOR',
      `the instance does not wait for containers this configuration creates (${names}): Azure refuses containers that do not exist yet.`,
    );
  }
  const limit = containerLimitFinding(instance, containerLimit);
  if (limit) add(limit.code, limit.message);
  if (!instance.preventDestroy)
    add(
      'REVIEW-INSTANCE-NO-PREVENT-DESTROY',
      'the backup instance has no prevent_destroy: a destroy or replacement stops protection.',
    );
  const [here, there] = [literalRegion(instance), literalRegion(vault)];
  if (here !== undefined && there !== undefined) {
    if (normalizeRegion(here) !== normalizeRegion(there)) {
      add('REVIEW-REGION-MISMATCH', `the instance is in ${here} but the vault in ${there}: Azure needs the same region.`);
    }
  } else if (here !== undefined && !isAdlsBackupRegion(here)) {
    add('REVIEW-INSTANCE-REGION-UNLISTED', `unlisted region "${here}": ${SUPPORT_LIST}.`);
  }
  if (instance.policy && instance.policy.vaultKey !== instance.vaultKey) {
    add('REVIEW-POLICY-OF-OTHER-VAULT', `policy \`${instance.policy.name}\` belongs to another vault: Azure refuses it.`);
  }
  return found;
}

/** A vault's or an instance's region when it is known at synth, else undefined (an expression). */
function literalRegion(x: { readonly location?: string; readonly locationIsLiteral: boolean }): string | undefined {
  return x.locationIsLiteral ? x.location : undefined;
}

const isBlock = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** An instance that lists at least 90% of its stack's container limit. */
function containerLimitFinding(instance: Instance, limit: number): { code: FindingCode; message: string } | undefined {
  if (!Array.isArray(instance.containers) || instance.containers.length < limit * CONTAINER_WARNING_SHARE) return undefined;
  const why =
    limit === CONTAINER_LIMIT.everywhere
      ? `support matrix; azurerm before ${CONTAINER_LIMIT.raised.since}`
      : `azurerm from ${CONTAINER_LIMIT.raised.since}`;
  const count = instance.containers.length;
  const over = count > limit;
  return {
    code: over ? 'REVIEW-CONTAINERS-OVER-LIMIT' : 'REVIEW-CONTAINERS-NEAR-LIMIT',
    message: `${count} containers, ${over ? 'over' : 'near'} the limit of ${limit} per account (${why}).`,
  };
}

/** Every finding of a model. */
export interface ModelFindings {
  /** Each vault's findings, by vault key, in report order. */
  readonly byVault: ReadonlyMap<string, readonly Finding[]>;
  /** Names and tags that Terraform evaluates, each with its finding, by stack, address and attribute. */
  readonly interpolations: readonly {
    /** Where the expression is and what it is. */
    readonly interpolation: Interpolation;
    /** Its finding (`REVIEW-INTERPOLATION`, of no vault). */
    readonly finding: Finding;
  }[];
}

/** The findings of every vault, and of every name or tag Terraform evaluates. */
export function findingsOf(model: Model): ModelFindings {
  // The container limit follows each stack's azurerm constraint, as the constructs apply it.
  const constraints = new Map(model.stacks.map((s) => [s.name, azurermConstraintOf(s.json)]));
  const containerLimitOf = (stack: string) => containerLimitFor(constraints.get(stack)).max;
  return {
    byVault: new Map(model.vaults.map((vault) => [vault.key, vaultFindings(vault, containerLimitOf)])),
    interpolations: findInterpolations(model.config).map((interpolation) => ({
      interpolation,
      finding: interpolationFinding(interpolation),
    })),
  };
}

/** The stack's `terraform.required_providers.azurerm.version`, when it is a string. */
function azurermConstraintOf(json: TerraformJson): string | undefined {
  const terraform = json.terraform as { required_providers?: { azurerm?: { version?: unknown } } } | undefined;
  const version = terraform?.required_providers?.azurerm?.version;
  return typeof version === 'string' ? version : undefined;
}

/** A name or tag that Terraform evaluates at plan, as a finding of no vault. */
function interpolationFinding(found: Interpolation): Finding {
  const where = `${code(found.attribute)} of ${code(found.address)} (stack ${code(found.stack)})`;
  return {
    code: 'REVIEW-INTERPOLATION',
    severity: FINDING_SEVERITY['REVIEW-INTERPOLATION'],
    message: `${where}: ${found.why}, which Terraform evaluates at plan: ${code(found.value)}.`,
    stack: found.stack,
    address: found.address,
    attribute: found.attribute,
  };
}
