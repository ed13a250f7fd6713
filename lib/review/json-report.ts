// The report as data: the JSON format prints it as is, and the markdown renders from it, so both say the same.
import type { Account, Grant, Instance, Model, Policy, Vault } from './model';
import type { OrderingNode } from './ordering';
import type { ChangesReport } from './diff';
import { ContainerLimitOf, vaultWarnings } from './warnings';
import { code, findInterpolations, Interpolation } from './interpolations';
import type { TerraformJson } from './read-out-dir';
import { criteriaWords, goDurationWords, isoDurationWords, ruleWords, scheduleWords, verbatim } from './words';
import { containerLimitFor } from '../azurerm/container-limit';

/** The whole review, as `--format json` prints it. */
export interface ReviewReport {
  readonly stacks: { readonly name: string; readonly file: string }[];
  readonly summary: ReviewSummary;
  /** Present when a base was given. */
  readonly changes?: ChangesReport;
  /**
   * Names and tags that Terraform evaluates as expressions at plan (`${file(…)}`, `${timestamp()}`, `%{ for … }`),
   * by stack, address and attribute; one reference to a block of the same stack is not listed (see
   * `interpolations.ts` for what is checked). Each counts in `summary.warnings`.
   */
  readonly interpolations: InterpolationReport[];
  /** Sorted by stack, name, resource group. */
  readonly vaults: VaultReport[];
  /** Storage Account Backup Contributor grants whose vault cannot be told (e.g. a literal principal of no known vault). */
  readonly otherGrants: GrantReport[];
  /** Every warning of every vault, in report order (the `interpolations` are listed apart: they belong to no vault). */
  readonly warnings: WarningReport[];
}

export interface ReviewSummary {
  readonly vaults: number;
  readonly policies: number;
  readonly protectedAccounts: number;
  readonly restoreGrants: number;
  /** The vaults' warnings and the `interpolations`. */
  readonly warnings: number;
}

export interface VaultReport {
  readonly name: string;
  /** Identity across stacks and base: `<name> in <resource group>`, or the vault ID for a vault outside. */
  readonly key: string;
  readonly stack: string;
  readonly address?: string;
  /** A vault referenced by ID (or an expression): its settings are not in this configuration. */
  readonly outsideConfiguration: boolean;
  readonly id?: string;
  /** The data source that reads a vault outside the configuration. */
  readonly dataSource?: string;
  readonly region?: string;
  readonly resourceGroup?: string;
  readonly redundancy?: string;
  readonly softDelete?: { readonly mode: string; readonly retentionDays?: number };
  readonly immutability?: string;
  readonly crossRegionRestore?: boolean;
  readonly deletionLocks: {
    readonly name: string;
    readonly level: string;
    readonly stack: string;
    readonly address: string;
    readonly preventDestroy: boolean;
  }[];
  readonly preventDestroy?: boolean;
  readonly policies: PolicyReport[];
  readonly accounts: AccountReport[];
  readonly restoreGrants: GrantReport[];
  readonly ordering: OrderingReport[];
  readonly warnings: string[];
}

export interface PolicyReport {
  readonly name: string;
  readonly stack: string;
  readonly address: string;
  /** Schedule and retention in one sentence. */
  readonly words: string;
  readonly schedule: { readonly words: string; readonly intervals: string[]; readonly timeZone?: string };
  readonly retention: {
    readonly default: { readonly duration: string; readonly words: string };
    /** In priority order: the first matching rule wins. */
    readonly rules: RetentionRuleReport[];
  };
  /** Names of the accounts whose backups use it. */
  readonly usedBy: string[];
}

export interface RetentionRuleReport {
  readonly name: string;
  readonly words: string;
  readonly criteria: string;
  readonly duration: string;
  readonly durationWords: string;
  readonly absoluteCriteria?: string;
  readonly daysOfWeek?: string[];
  readonly weeksOfMonth?: string[];
  readonly monthsOfYear?: string[];
  readonly scheduledBackupTimes?: string[];
}

export interface AccountReport {
  readonly account: string;
  readonly key: string;
  /** How the configuration names the account: by `ID`, a `resource`, a `data source` or an `expression`. */
  readonly via: Account['via'];
  readonly resourceGroup?: string;
  /** The instance's `location`: a region, or the expression read at plan time. */
  readonly region: string;
  readonly regionKnownAtSynth: boolean;
  readonly stack: string;
  readonly instance: { readonly name: string; readonly address: string };
  readonly containers: {
    readonly count?: number;
    readonly names?: string[];
    /** The expression, when the list is only known at plan time. */
    readonly expression?: string;
    /** Containers this configuration creates that the instance depends on. */
    readonly waitedFor: string[];
  };
  readonly policy: string;
  readonly backupGrant?: { readonly scope: string; readonly stack: string; readonly address: string };
  readonly wait?: { readonly duration: string; readonly words: string; readonly address: string };
  readonly ordering: { readonly ok: boolean; readonly status: string; readonly problems: string[] };
  readonly preventDestroy: boolean;
  /** The instance's `lifecycle.precondition`s, in short. */
  readonly preconditions: string[];
}

export interface GrantReport {
  readonly account: string;
  readonly key: string;
  readonly via: Account['via'];
  readonly resourceGroup?: string;
  readonly kind: 'backup' | 'restore';
  readonly stack: string;
  readonly address: string;
  readonly principal: string;
  readonly preconditions: string[];
}

export interface OrderingReport {
  readonly account: string;
  readonly instance: string;
  readonly ok: boolean;
  readonly shape: string;
  readonly nodes: OrderingNode[];
  readonly edges: [string, string][];
}

export interface WarningReport {
  readonly vault: string;
  readonly stack: string;
  readonly message: string;
}

/** A name or tag that Terraform evaluates as an expression. */
export interface InterpolationReport extends Interpolation {
  /** The warning in one sentence, as the markdown prints it. */
  readonly message: string;
}

export const CHAIN_OK = '✔ role → wait → instance';

export function buildReport(model: Model, changes?: ChangesReport): ReviewReport {
  // The container limit follows each stack's azurerm constraint, as the constructs apply it.
  const constraints = new Map(model.stacks.map((s) => [s.name, azurermConstraintOf(s.json)]));
  const containerLimitOf = (stack: string) => containerLimitFor(constraints.get(stack)).max;
  const vaults = model.vaults.map((vault) => vaultReport(vault, containerLimitOf));
  const warnings = vaults.flatMap((v) => v.warnings.map((message) => ({ vault: v.name, stack: v.stack, message })));
  const interpolations = findInterpolations(model.config).map(interpolationReport);
  return {
    stacks: model.stacks.map((s) => ({ name: s.name, file: s.file })),
    summary: {
      vaults: vaults.length,
      policies: vaults.reduce((n, v) => n + v.policies.length, 0),
      protectedAccounts: vaults.reduce((n, v) => n + v.accounts.length, 0),
      restoreGrants: vaults.reduce((n, v) => n + v.restoreGrants.length, 0),
      warnings: warnings.length + interpolations.length,
    },
    ...(changes ? { changes } : {}),
    interpolations,
    vaults,
    otherGrants: model.strayGrants.map(grantReport),
    warnings,
  };
}

function interpolationReport(found: Interpolation): InterpolationReport {
  const where = `${code(found.attribute)} of ${code(found.address)} (stack ${code(found.stack)})`;
  return {
    ...found,
    message: `${where}: ${found.why}, which Terraform evaluates at plan: ${code(found.value)}.`,
  };
}

function vaultReport(vault: Vault, containerLimitOf: ContainerLimitOf): VaultReport {
  const a = vault.args;
  const settings = vault.outside
    ? {}
    : {
        redundancy: optional(a.redundancy),
        softDelete: {
          mode: verbatim(a.soft_delete ?? 'On'),
          retentionDays: typeof a.retention_duration_in_days === 'number' ? a.retention_duration_in_days : undefined,
        },
        immutability: verbatim(a.immutability ?? 'Disabled'),
        crossRegionRestore: a.cross_region_restore_enabled === true,
        preventDestroy: vault.preventDestroy,
      };
  return {
    name: vault.name,
    key: vault.key,
    stack: vault.stack,
    address: vault.block?.address,
    outsideConfiguration: vault.outside,
    id: vault.id,
    dataSource: vault.dataSource,
    region: vault.location,
    resourceGroup: vault.resourceGroup,
    ...settings,
    deletionLocks: vault.locks.map((l) => ({
      name: l.name,
      level: l.level,
      stack: l.block.stack,
      address: l.block.address,
      preventDestroy: l.preventDestroy,
    })),
    policies: vault.policies.map((p) => policyReport(p, vault.instances)),
    accounts: vault.instances.map(accountReport),
    restoreGrants: vault.grants.filter((g) => g.kind === 'restore').map(grantReport),
    ordering: vault.instances.map((i) => ({
      account: i.account.name,
      instance: `${i.block.stack}:${i.block.address}`,
      ok: i.ordering.ok,
      shape: i.ordering.shape,
      nodes: i.ordering.nodes,
      edges: i.ordering.edges,
    })),
    warnings: vaultWarnings(vault, containerLimitOf),
  };
}

export function policyReport(policy: Policy, instances: readonly Instance[]): PolicyReport {
  const a = policy.args;
  const timeZone = typeof a.time_zone === 'string' ? a.time_zone : undefined;
  const schedule = scheduleWords(a.backup_schedule, timeZone);
  const defaultWords = isoDurationWords(a.default_retention_duration);
  const rules = (
    Array.isArray(a.retention_rule) ? a.retention_rule : a.retention_rule === undefined ? [] : [a.retention_rule]
  ).map((r: unknown): RetentionRuleReport => {
    const rule = (typeof r === 'object' && r !== null ? r : {}) as Record<string, unknown>;
    return {
      name: verbatim(rule.name),
      words: ruleWords(rule),
      criteria: criteriaWords(rule),
      duration: verbatim(rule.duration),
      durationWords: isoDurationWords(rule.duration),
      absoluteCriteria: optional(rule.absolute_criteria),
      daysOfWeek: optionalList(rule.days_of_week),
      weeksOfMonth: optionalList(rule.weeks_of_month),
      monthsOfYear: optionalList(rule.months_of_year),
      scheduledBackupTimes: optionalList(rule.scheduled_backup_times),
    };
  });
  return {
    name: policy.name,
    stack: policy.block.stack,
    address: policy.block.address,
    words: [`${schedule}, kept ${defaultWords}`, ...rules.map((r) => r.words)].join('; '),
    schedule: {
      words: schedule,
      intervals: (Array.isArray(a.backup_schedule) ? a.backup_schedule : [a.backup_schedule]).map(verbatim),
      timeZone,
    },
    retention: { default: { duration: verbatim(a.default_retention_duration), words: defaultWords }, rules },
    usedBy: instances.filter((i) => i.policy === policy).map((i) => i.account.name),
  };
}

function accountReport(instance: Instance): AccountReport {
  const { ordering, account } = instance;
  const names = Array.isArray(instance.containers) ? instance.containers : undefined;
  return {
    account: account.name,
    key: account.key,
    via: account.via,
    resourceGroup: account.resourceGroup,
    region: instance.location,
    regionKnownAtSynth: instance.locationIsLiteral,
    stack: instance.block.stack,
    instance: { name: instance.name, address: instance.block.address },
    containers: {
      count: names?.length,
      names,
      expression: names ? undefined : (instance.containers as string),
      waitedFor: ordering.containersWaitedFor,
    },
    policy: instance.policyText,
    backupGrant: ordering.grant && {
      scope: ordering.grant.account.name,
      stack: ordering.grant.block.stack,
      address: ordering.grant.block.address,
    },
    wait: ordering.wait && {
      duration: ordering.wait.duration,
      words: goDurationWords(ordering.wait.duration),
      address: ordering.wait.block.address,
    },
    ordering: {
      ok: ordering.ok,
      status: ordering.ok ? CHAIN_OK : `✘ ${ordering.problems.join('; ')}`,
      problems: ordering.problems,
    },
    preventDestroy: instance.preventDestroy,
    preconditions: instance.preconditions,
  };
}

function grantReport(grant: Grant): GrantReport {
  return {
    account: grant.account.name,
    key: grant.account.key,
    via: grant.account.via,
    resourceGroup: grant.account.resourceGroup,
    kind: grant.kind,
    stack: grant.block.stack,
    address: grant.block.address,
    principal: grant.principal,
    preconditions: grant.preconditions,
  };
}

function optional(value: unknown): string | undefined {
  return value === undefined ? undefined : verbatim(value);
}

function optionalList(value: unknown): string[] | undefined {
  return value === undefined ? undefined : (Array.isArray(value) ? value : [value]).map(verbatim);
}

/** The stack's `terraform.required_providers.azurerm.version`, when it is a string. */
function azurermConstraintOf(json: TerraformJson): string | undefined {
  const terraform = json.terraform as { required_providers?: { azurerm?: { version?: unknown } } } | undefined;
  const version = terraform?.required_providers?.azurerm?.version;
  return typeof version === 'string' ? version : undefined;
}
