// The report as data, from the model, its findings and the changes: the JSON format prints it as is, and the
// markdown renders from it, so both say the same.
import type { ChangesReport } from '../changes';
import type { ModelFindings } from '../findings';
import type { Grant, Instance, Model, Policy, Vault } from '../model';
import { criteriaWords, goDurationWords, isoDurationWords, ruleWords, scheduleWords, verbatim } from '../words';
import { REPORT_SCHEMA_VERSION } from './types';
import type { AccountReport, GrantReport, PolicyReport, RetentionRuleReport, ReviewReport, VaultReport } from './types';

/** How the ordering column reads when role → wait → instance holds. */
export const CHAIN_OK = '✔ role → wait → instance';

/**
 * The whole report. Its `findings` are the model's, in report order; the lists of version 1 (`warnings`,
 * `vaults[].warnings`, `interpolations[].message`) are their messages.
 */
export function buildReport(model: Model, findings: ModelFindings, changes?: ChangesReport): ReviewReport {
  const vaults = model.vaults.map((vault) => vaultReport(vault, findings));
  const warnings = vaults.flatMap((v) => v.warnings.map((message) => ({ vault: v.name, stack: v.stack, message })));
  const interpolations = findings.interpolations.map(({ interpolation, finding }) => ({
    ...interpolation,
    message: finding.message,
  }));
  const all = [
    ...findings.interpolations.map((i) => i.finding),
    ...model.vaults.flatMap((vault) => findings.byVault.get(vault.key) ?? []),
  ];
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    stacks: model.stacks.map((s) => ({ name: s.name, file: s.file })),
    summary: {
      vaults: vaults.length,
      policies: vaults.reduce((n, v) => n + v.policies.length, 0),
      protectedAccounts: vaults.reduce((n, v) => n + v.accounts.length, 0),
      restoreGrants: vaults.reduce((n, v) => n + v.restoreGrants.length, 0),
      warnings: all.length,
    },
    ...(changes ? { changes } : {}),
    findings: all,
    interpolations,
    vaults,
    otherGrants: model.strayGrants.map(grantReport),
    warnings,
  };
}

/** A vault's settings; none for a vault outside the configuration. */
function vaultSettings(vault: Vault): Partial<VaultReport> {
  if (vault.outside) return {};
  const a = vault.args;
  return {
    redundancy: optional(a.redundancy),
    softDelete: {
      mode: verbatim(a.soft_delete ?? 'On'),
      retentionDays: typeof a.retention_duration_in_days === 'number' ? a.retention_duration_in_days : undefined,
    },
    immutability: verbatim(a.immutability ?? 'Disabled'),
    crossRegionRestore: a.cross_region_restore_enabled === true,
    preventDestroy: vault.preventDestroy,
  };
}

function vaultReport(vault: Vault, findings: ModelFindings): VaultReport {
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
    ...vaultSettings(vault),
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
    warnings: (findings.byVault.get(vault.key) ?? []).map((f) => f.message),
  };
}

/** A policy, with the instances (of its vault) that use it. */
function policyReport(policy: Policy, instances: readonly Instance[]): PolicyReport {
  const a = policy.args;
  const timeZone = typeof a.time_zone === 'string' ? a.time_zone : undefined;
  const schedule = scheduleWords(a.backup_schedule, timeZone);
  const defaultWords = isoDurationWords(a.default_retention_duration);
  const rules = (
    Array.isArray(a.retention_rule) ? a.retention_rule : a.retention_rule === undefined ? [] : [a.retention_rule]
  ).map(ruleReport);
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

function ruleReport(r: unknown): RetentionRuleReport {
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
