// Policies: every argument of a Data Lake Storage policy forces replacement, and Azure refuses to delete a policy
// that backup instances use, so a changed policy is told apart from an added or removed one.
import type { Model, Policy } from '../model';
import { compare } from '../read/configuration';
import { isoDurationWords, ruleWords, scheduleWords, verbatim } from '../words';
import { addressChange, byName, canonical, META } from './compare';
import type { Matching } from './matching';
import type { ArgChange, PolicyRef, PolicyReplacement } from './types';

/** Policies replaced, added and removed. */
export interface PolicyChanges {
  /** Replaced policies, by vault and name. */
  readonly replaced: readonly PolicyReplacement[];
  /** Added policies, by vault and name. */
  readonly added: readonly PolicyRef[];
  /** Removed policies, by vault and name. */
  readonly removed: readonly PolicyRef[];
}

/** The policy changes; `replacedVaults` are the keys of the vaults replaced (their policies go with them). */
export function policyChanges(m: Matching, replacedVaults: ReadonlySet<string>): PolicyChanges {
  const replaced: PolicyReplacement[] = [];
  for (const [b, n] of m.policies.pairs) {
    const changes = [...addressChange(b.block, n.block, m.next), ...argumentChanges(m, b, n)];
    const vaultReplaced = replacedVaults.has(n.vaultKey);
    if (changes.length === 0 && !vaultReplaced) continue;
    replaced.push({
      policy: n.name,
      vault: m.vaultName(m.next, n.vaultKey),
      stack: n.block.stack,
      address: n.block.address,
      changes,
      vaultReplaced,
      usedInBaseBy: usedBy(m.base, b),
    });
  }
  const ref = (model: Model, p: Policy): PolicyRef => ({
    policy: p.name,
    vault: m.vaultName(model, p.vaultKey),
    stack: p.block.stack,
    address: p.block.address,
    usedInBaseBy: model === m.base ? usedBy(m.base, p) : [],
  });
  const sort = byName<PolicyRef | PolicyReplacement>((p) => `${p.vault}|${p.policy}`);
  return {
    replaced: replaced.sort(sort),
    added: m.policies.onlyNew.map((p) => ref(m.next, p)).sort(sort),
    removed: m.policies.onlyBase.map((p) => ref(m.base, p)).sort(sort),
  };
}

/** The accounts whose backups use the policy, sorted. */
function usedBy(model: Model, policy: Policy): string[] {
  return model.vaults
    .flatMap((v) => v.instances)
    .filter((i) => i.policy === policy)
    .map((i) => i.account.name)
    .sort(compare);
}

function argumentChanges(m: Matching, b: Policy, n: Policy): ArgChange[] {
  const oldArgs = policyArguments(b, m.newKey(b.vaultKey));
  const newArgs = policyArguments(n, n.vaultKey);
  const changes: ArgChange[] = [];
  for (const argument of [...new Set([...Object.keys(oldArgs), ...Object.keys(newArgs)])].sort()) {
    if (oldArgs[argument] === newArgs[argument]) continue;
    if (argument === 'retention_rule') changes.push(...ruleChanges(b.args.retention_rule, n.args.retention_rule));
    else changes.push({ argument, old: argumentWords(m.base, b, argument), new: argumentWords(m.next, n, argument) });
  }
  return changes;
}

type Rule = Record<string, unknown>;

/** Retention rules compared by name, then their order (the priority): one line per rule that differs. */
function ruleChanges(old: unknown, now: unknown): ArgChange[] {
  const list = (value: unknown) => (Array.isArray(value) ? value : value === undefined ? [] : [value]) as Rule[];
  const [before, after] = [list(old), list(now)];
  const name = (r: Rule) => verbatim(r?.name);
  const changes: ArgChange[] = [];
  for (const rule of after) {
    const was = before.find((r) => name(r) === name(rule));
    if (!was) changes.push({ argument: `retention_rule ${name(rule)}`, old: '(none)', new: ruleWords(rule ?? {}) });
    else if (canonical(was) !== canonical(rule))
      changes.push({ argument: `retention_rule ${name(rule)}`, old: ruleWords(was), new: ruleWords(rule) });
  }
  for (const rule of before) {
    if (!after.some((r) => name(r) === name(rule)))
      changes.push({ argument: `retention_rule ${name(rule)}`, old: ruleWords(rule ?? {}), new: '(none)' });
  }
  const order = (rules: Rule[], others: Rule[]) => rules.filter((r) => others.some((o) => name(o) === name(r))).map(name);
  if (order(before, after).join('\u0000') !== order(after, before).join('\u0000')) {
    changes.push({
      argument: 'retention_rule order',
      old: before.map(name).join(', '),
      new: after.map(name).join(', '),
      note: 'the first matching rule wins',
    });
  }
  return changes;
}

/** Each argument of a policy as canonical JSON; the vault as its key, so that two references to one vault compare equal. */
function policyArguments(policy: Policy, vaultKey: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [argument, value] of Object.entries(policy.args)) {
    if (META.has(argument)) continue;
    out[argument] = argument === 'data_protection_backup_vault_id' ? `vault ${vaultKey}` : canonical(value);
  }
  return out;
}

function argumentWords(model: Model, policy: Policy, argument: string): string {
  const value = policy.args[argument];
  if (value === undefined) return '(not set)';
  switch (argument) {
    case 'backup_schedule':
      return scheduleWords(value, policy.args.time_zone);
    case 'default_retention_duration':
      return isoDurationWords(value);
    case 'retention_rule': {
      const rules = (Array.isArray(value) ? value : [value]) as Rule[];
      return rules.length === 0 ? 'none' : rules.map((r) => `${verbatim(r?.name)}: ${ruleWords(r ?? {})}`).join('; ');
    }
    case 'data_protection_backup_vault_id':
      return model.vaults.find((v) => v.key === policy.vaultKey)?.name ?? verbatim(value);
    default:
      return typeof value === 'string' ? value : canonical(value);
  }
}
