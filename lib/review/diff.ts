// Changes against a base (an older cdktf.out), ordered by what can go wrong at apply: first what decides a stack's
// state and subscription (and stacks that leave the manifest, which nothing plans any more). Things are matched by
// what they are in Azure (vault name and resource group, policy name in its vault, protected account by resource
// group and name however it is referenced), and by Terraform address as a fallback, because a renamed resource at
// the same address is a replacement.
import { normalizeRegion } from '../regions';
import type { Account, Grant, Instance, Model, Policy, Vault, Wait } from './model';
import { LOCK_TYPE, WAIT_TYPE } from './model';
import { stackSettingChanges, StackSettings } from './stack-settings';
import type { Block } from './terraform';
import { compare } from './terraform';
import { goDurationWords, isoDurationWords, ruleWords, scheduleWords, verbatim } from './words';

export type { StackSettings } from './stack-settings';

export interface ArgChange {
  readonly argument: string;
  readonly old: string;
  readonly new: string;
  /** Why this change matters, when it does (irreversible, weakens protection). */
  readonly note?: string;
}

export interface PolicyReplacement {
  readonly policy: string;
  readonly vault: string;
  readonly stack: string;
  readonly address: string;
  readonly changes: ArgChange[];
  readonly vaultReplaced: boolean;
  /** Accounts whose backups use the policy in the base: Azure refuses to delete it while they do. */
  readonly usedInBaseBy: string[];
}

export interface VaultChange {
  readonly vault: string;
  readonly key: string;
  readonly stack: string;
  readonly address: string;
  readonly changes: ArgChange[];
  /** prevent_destroy in the configuration that will be applied: Terraform then refuses the destroy. */
  readonly preventDestroy: boolean;
  /** The accounts its backup instances protect (in the base for a removed vault). */
  readonly accounts: string[];
  /** For a new vault: the stack no longer synthesized whose state still holds it (so it exists in Azure). */
  readonly alsoIn?: string;
}

export interface AccountChange {
  readonly account: string;
  readonly key: string;
  readonly vault: string;
  readonly stack: string;
  readonly policy: string;
  readonly containers: string[] | string;
  readonly changes: ArgChange[];
  readonly preventDestroy: boolean;
  /** For a newly protected account: the stack no longer synthesized whose state still holds its backup instance. */
  readonly alsoIn?: string;
}

/** The same account, referenced another way (a literal ID, a resource, a data source). */
export interface ReferenceChange {
  readonly account: string;
  readonly vault?: string;
  /** For a grant: what it is for. */
  readonly kind?: 'backup' | 'restore';
  readonly stack: string;
  /** The backup instance or role assignment. */
  readonly address: string;
  /** The argument that holds the reference: the instance's `storage_account_id`, the grant's `scope`. */
  readonly argument: 'storage_account_id' | 'scope';
  /** How the account is referenced, in words: `ID \`…\``, `data source \`…\``, `resource \`…\``. */
  readonly old: string;
  readonly new: string;
  /** The ID both references give, when both are known at synth and equal: then the plan shows no change. */
  readonly sameId?: string;
  /** Both IDs known at synth and different: the argument forces replacement. */
  readonly forcesReplacement?: boolean;
  /** For an instance: its `location` changing between a region read at plan and a literal one. */
  readonly location?: ArgChange;
}

/** A stack the base synthesized and the new output does not: nothing plans it, so nothing in it is destroyed. */
export interface DroppedStack {
  readonly stack: string;
  /** The vaults it declares. */
  readonly vaults: string[];
  /** The accounts its backup instances protect. */
  readonly accounts: string[];
}

/** The role propagation wait before an account's backup instance (`time_sleep.create_duration`), in words. */
export interface WaitChange {
  readonly account: string;
  readonly vault: string;
  readonly stack: string;
  readonly address: string;
  /** `5 minutes`, or `none`; the raw duration in parentheses when two spellings read the same. */
  readonly old: string;
  readonly new: string;
}

export interface ContainerChange {
  readonly account: string;
  readonly vault: string;
  readonly stack: string;
  readonly added: string[];
  readonly removed: string[];
}

export interface PolicyMove {
  readonly account: string;
  readonly vault: string;
  readonly stack: string;
  readonly from: string;
  readonly to: string;
}

export interface PolicyRef {
  readonly policy: string;
  readonly vault: string;
  readonly stack: string;
  readonly address: string;
  /** For a removed policy: the accounts that used it in the base. */
  readonly usedInBaseBy: string[];
}

export interface GrantChange {
  readonly account: string;
  readonly vault?: string;
  readonly kind: 'backup' | 'restore';
  readonly stack: string;
  readonly address: string;
}

export interface OtherChange {
  readonly stack: string;
  readonly address: string;
  readonly change: 'added' | 'removed' | 'changed';
}

/** What changes against the base, most dangerous first. */
export interface ChangesReport {
  /** The base directory, as given. */
  readonly base: string;
  readonly none: boolean;
  /**
   * Stacks dropped from or added to the manifest, and the backend and provider changes of the others: what state a
   * stack uses and which subscription it works in.
   */
  readonly stacks: { readonly removed: DroppedStack[]; readonly added: string[]; readonly settings: StackSettings[] };
  readonly replacedPolicies: PolicyReplacement[];
  readonly vaults: {
    readonly replaced: VaultChange[];
    readonly removed: VaultChange[];
    readonly added: VaultChange[];
    readonly updated: VaultChange[];
  };
  readonly accounts: {
    readonly added: AccountChange[];
    readonly removed: AccountChange[];
    readonly replaced: AccountChange[];
    readonly referenceChanged: ReferenceChange[];
  };
  readonly containers: ContainerChange[];
  readonly policyMoves: PolicyMove[];
  readonly policies: { readonly added: PolicyRef[]; readonly removed: PolicyRef[] };
  readonly waits: WaitChange[];
  readonly grants: {
    readonly added: GrantChange[];
    readonly removed: GrantChange[];
    readonly referenceChanged: ReferenceChange[];
  };
  /** Resources outside the categories above that are added, removed or changed. */
  readonly other: OtherChange[];
}

const LOCATION_AT_PLAN = 'known only at plan: it forces replacement (azurerm ForceNew) if the region differs';
// Meta-arguments: they never force a replacement and are not Azure settings.
const META = new Set(['//', 'depends_on', 'lifecycle', 'provider', 'count', 'for_each', 'timeouts']);
// Arguments azurerm declares as sets: their order means nothing.
const SETS = new Set(['days_of_week', 'weeks_of_month', 'months_of_year', 'scheduled_backup_times', 'storage_container_names']);
const VAULT_FORCE_NEW = ['name', 'resource_group_name', 'location', 'datastore_type', 'redundancy'];

export function diffModels(base: Model, next: Model, baseDir: string): ChangesReport {
  // A stack the new manifest no longer lists is not planned: what it holds stays, in Azure and in its state. Its
  // resources are listed under the stack, never as removed.
  const nextStacks = new Set(next.stacks.map((s) => s.name));
  const dropped = new Set(base.stacks.map((s) => s.name).filter((name) => !nextStacks.has(name)));
  const baseStacks = new Set(base.stacks.map((s) => s.name));
  const kept = (block: Block) => !dropped.has(block.stack);
  const droppedVaults = base.vaults.filter((v) => !v.outside && !kept(v.block!));
  const droppedInstances = base.vaults.flatMap((v) => v.instances).filter((i) => !kept(i.block));
  const removedStacks: DroppedStack[] = [...dropped].sort(compare).map((stack) => ({
    stack,
    vaults: droppedVaults
      .filter((v) => v.block!.stack === stack)
      .map((v) => v.name)
      .sort(compare),
    accounts: droppedInstances
      .filter((i) => i.block.stack === stack)
      .map((i) => i.account.name)
      .sort(compare),
  }));
  const stillIn = new Map<string, string>([
    ...droppedVaults.map((v): [string, string] => [`vault|${v.key}`, v.block!.stack]),
    ...droppedInstances.map((i): [string, string] => [`instance|${i.account.key}|${i.vaultKey}`, i.block.stack]),
  ]);

  const allGrants = (model: Model) =>
    [...model.vaults.flatMap((v) => v.grants), ...model.strayGrants].filter((g) => model !== base || kept(g.block));
  const vaultPairs = pair(
    base.vaults.filter((v) => !v.outside && kept(v.block!)),
    next.vaults.filter((v) => !v.outside),
    [(v) => v.key, (v) => `${v.stack}|${v.block!.address}`],
  );
  // A base vault key as the new configuration knows the vault (a renamed vault keeps its address).
  const keyMap = new Map(vaultPairs.pairs.map(([b, n]) => [b.key, n.key]));
  const newKey = (key: string) => keyMap.get(key) ?? key;
  const vaultName = (model: Model, key: string) => model.vaults.find((v) => v.key === key)?.name ?? key;

  const replaced: VaultChange[] = [];
  const updated: VaultChange[] = [];
  for (const [b, n] of vaultPairs.pairs) {
    const forceNew = [...addressChange(b.block!, n.block!, next), ...vaultReplacementChanges(base, b, next, n)];
    if (forceNew.length > 0) replaced.push(vaultChange(n, forceNew, b.instances));
    else {
      const inPlace = vaultUpdateChanges(base, b, next, n);
      if (inPlace.length > 0) updated.push(vaultChange(n, inPlace, n.instances));
    }
  }
  const replacedKeys = new Set(replaced.map((v) => v.key));

  // Policies: by vault and name, then by address (a rename at the same address is a replacement too).
  const basePolicies = base.vaults.flatMap((v) => v.policies).filter((p) => kept(p.block));
  const newPolicies = next.vaults.flatMap((v) => v.policies);
  const inBase = new Set<unknown>([...basePolicies, ...base.vaults.flatMap((v) => v.instances), ...allGrants(base)]);
  const policyPairs = pair(basePolicies, newPolicies, [
    (p) => `${inBase.has(p) ? newKey(p.vaultKey) : p.vaultKey}|${p.name}`,
    (p) => `${p.block.stack}|${p.block.address}`,
  ]);
  const policyMatch = new Map(policyPairs.pairs);
  const usedBy = (model: Model, policy: Policy) =>
    model.vaults
      .flatMap((v) => v.instances)
      .filter((i) => i.policy === policy)
      .map((i) => i.account.name)
      .sort(compare);
  const replacedPolicies: PolicyReplacement[] = [];
  for (const [b, n] of policyPairs.pairs) {
    const changes = [...addressChange(b.block, n.block, next), ...policyChanges(base, b, next, n, newKey)];
    const vaultReplaced = replacedKeys.has(n.vaultKey);
    if (changes.length > 0 || vaultReplaced) {
      replacedPolicies.push({
        policy: n.name,
        vault: vaultName(next, n.vaultKey),
        stack: n.block.stack,
        address: n.block.address,
        changes,
        vaultReplaced,
        usedInBaseBy: usedBy(base, b),
      });
    }
  }
  const policyRef = (model: Model, p: Policy): PolicyRef => ({
    policy: p.name,
    vault: vaultName(model, p.vaultKey),
    stack: p.block.stack,
    address: p.block.address,
    usedInBaseBy: model === base ? usedBy(base, p) : [],
  });

  // Protected accounts: one backup instance per account, so the account is the instance's identity.
  const baseInstances = base.vaults.flatMap((v) => v.instances).filter((i) => kept(i.block));
  const newInstances = next.vaults.flatMap((v) => v.instances);
  const instancePairs = pair(baseInstances, newInstances, [
    (i) => `${i.account.key}|${inBase.has(i) ? newKey(i.vaultKey) : i.vaultKey}`,
    (i) => i.account.key,
  ]);
  const accountChange = (model: Model, i: Instance, changes: ArgChange[] = []): AccountChange => ({
    account: i.account.name,
    key: i.account.key,
    vault: vaultName(model, i.vaultKey),
    stack: i.block.stack,
    policy: i.policyText,
    containers: i.containers,
    changes,
    preventDestroy: i.preventDestroy,
    alsoIn: model === next ? stillIn.get(`instance|${i.account.key}|${i.vaultKey}`) : undefined,
  });
  const replacedInstances: AccountChange[] = [];
  const instanceReferences: ReferenceChange[] = [];
  const containers: ContainerChange[] = [];
  const policyMoves: PolicyMove[] = [];
  const waits: WaitChange[] = [];
  const waitsTold = new Set<Block>();
  for (const [b, n] of instancePairs.pairs) {
    const wait = waitChange(b.ordering.wait, n.ordering.wait);
    if (wait) {
      const address = (n.ordering.wait ?? b.ordering.wait)!.block.address;
      waits.push({ account: n.account.name, vault: vaultName(next, n.vaultKey), stack: n.block.stack, address, ...wait });
      for (const w of [b.ordering.wait, n.ordering.wait]) if (w) waitsTold.add(w.block);
    }
    const changes: ArgChange[] = addressChange(b.block, n.block, next);
    const reference = referenceChange(b.account, n.account);
    if (reference?.forcesReplacement) {
      const [old, now] = [b.account.resolvedId!, n.account.resolvedId!];
      changes.push({ argument: 'storage_account_id', old, new: now, note: 'forces replacement (azurerm ForceNew)' });
    }
    if (newKey(b.vaultKey) !== n.vaultKey) {
      changes.push({
        argument: 'data_protection_backup_vault_id',
        old: vaultName(base, b.vaultKey),
        new: vaultName(next, n.vaultKey),
      });
    } else if (replacedKeys.has(n.vaultKey)) {
      changes.push({
        argument: 'data_protection_backup_vault_id',
        old: vaultName(base, b.vaultKey),
        new: `${vaultName(next, n.vaultKey)}, replaced (a new vault ID)`,
      });
    }
    // A region read at plan (the account data source's `location`) against a literal one: the plan tells.
    let locationAtPlan: ArgChange | undefined;
    if (regionText(b.location, b.locationIsLiteral) !== regionText(n.location, n.locationIsLiteral)) {
      if (b.locationIsLiteral && n.locationIsLiteral) changes.push({ argument: 'location', old: b.location, new: n.location });
      else locationAtPlan = { argument: 'location', old: b.location, new: n.location, note: LOCATION_AT_PLAN };
    }
    if (reference && !reference.forcesReplacement && changes.length === 0) {
      instanceReferences.push({
        account: n.account.name,
        vault: vaultName(next, n.vaultKey),
        stack: n.block.stack,
        address: n.block.address,
        argument: 'storage_account_id',
        ...reference,
        ...(locationAtPlan ? { location: locationAtPlan } : {}),
      });
    } else if (locationAtPlan) changes.push(locationAtPlan);
    if (changes.length > 0) {
      replacedInstances.push(accountChange(next, n, changes));
      continue;
    }
    // The same policy under a new name is a replacement (above), not a move.
    const samePolicy = b.policy !== undefined && policyMatch.get(b.policy) === n.policy;
    const where = { account: n.account.name, vault: vaultName(next, n.vaultKey), stack: n.block.stack };
    if (!samePolicy && b.policyText !== n.policyText) policyMoves.push({ ...where, from: b.policyText, to: n.policyText });
    const [added, removed] = setDiff(b.containers, n.containers);
    if (added.length > 0 || removed.length > 0) containers.push({ ...where, added, removed });
  }

  const baseGrants = allGrants(base);
  const newGrants = allGrants(next);
  const grantKey = (g: Grant, isBase: boolean) =>
    `${g.vaultKey === undefined ? `principal ${g.principal}` : isBase ? newKey(g.vaultKey) : g.vaultKey}|${g.account.key}`;
  const grantPairs = pair(baseGrants, newGrants, [(g) => grantKey(g, inBase.has(g))]);
  const grantReferences: ReferenceChange[] = [];
  for (const [b, n] of grantPairs.pairs) {
    const reference = referenceChange(b.account, n.account);
    if (!reference) continue;
    grantReferences.push({
      account: n.account.name,
      vault: n.vaultKey === undefined ? undefined : vaultName(next, n.vaultKey),
      kind: n.kind,
      stack: n.block.stack,
      address: n.block.address,
      argument: 'scope',
      ...reference,
    });
  }
  const grantChange = (model: Model, g: Grant): GrantChange => ({
    account: g.account.name,
    vault: g.vaultKey === undefined ? undefined : vaultName(model, g.vaultKey),
    kind: g.kind,
    stack: g.block.stack,
    address: g.block.address,
  });

  const covered = (model: Model) => {
    const blocks = new Set<Block>();
    for (const v of model.vaults) {
      if (v.block) blocks.add(v.block);
      v.policies.forEach((p) => blocks.add(p.block));
      v.instances.forEach((i) => blocks.add(i.block));
      v.locks.forEach((l) => blocks.add(l.block));
    }
    allGrants(model).forEach((g) => blocks.add(g.block));
    return blocks;
  };
  const other = otherChanges(base, covered(base), next, covered(next), dropped, waitsTold);

  const byName =
    <T extends { stack: string }>(key: (t: T) => string) =>
    (a: T, b: T) =>
      compare(key(a), key(b)) || compare(a.stack, b.stack);
  const report: Omit<ChangesReport, 'none'> = {
    base: baseDir,
    stacks: {
      removed: removedStacks,
      added: next.stacks
        .map((s) => s.name)
        .filter((name) => !baseStacks.has(name))
        .sort(compare),
      settings: stackSettingChanges(base, next),
    },
    replacedPolicies: replacedPolicies.sort(byName((p) => `${p.vault}|${p.policy}`)),
    vaults: {
      replaced: replaced.sort(byName((v) => v.vault)),
      removed: vaultPairs.onlyBase.map((v) => vaultChange(v, [], v.instances)).sort(byName((v) => v.vault)),
      added: vaultPairs.onlyNew
        .map((v) => ({ ...vaultChange(v, [], v.instances), alsoIn: stillIn.get(`vault|${v.key}`) }))
        .sort(byName((v) => v.vault)),
      updated: updated.sort(byName((v) => v.vault)),
    },
    accounts: {
      added: instancePairs.onlyNew.map((i) => accountChange(next, i)).sort(byName((a) => a.account)),
      removed: instancePairs.onlyBase.map((i) => accountChange(base, i)).sort(byName((a) => a.account)),
      replaced: replacedInstances.sort(byName((a) => a.account)),
      referenceChanged: instanceReferences.sort(byName((a) => a.account)),
    },
    containers: containers.sort(byName((x) => x.account)),
    policyMoves: policyMoves.sort(byName((x) => x.account)),
    policies: {
      added: policyPairs.onlyNew.map((p) => policyRef(next, p)).sort(byName((p) => `${p.vault}|${p.policy}`)),
      removed: policyPairs.onlyBase.map((p) => policyRef(base, p)).sort(byName((p) => `${p.vault}|${p.policy}`)),
    },
    waits: waits.sort(byName((w) => w.account)),
    grants: {
      added: grantPairs.onlyNew.map((g) => grantChange(next, g)).sort(byName((g) => `${g.account}|${g.address}`)),
      removed: grantPairs.onlyBase.map((g) => grantChange(base, g)).sort(byName((g) => `${g.account}|${g.address}`)),
      referenceChanged: grantReferences.sort(byName((g) => `${g.account}|${g.address}`)),
    },
    other,
  };
  const none =
    Object.values(report.stacks).every((l) => l.length === 0) &&
    report.replacedPolicies.length === 0 &&
    Object.values(report.vaults).every((l) => l.length === 0) &&
    Object.values(report.accounts).every((l) => l.length === 0) &&
    report.containers.length === 0 &&
    report.policyMoves.length === 0 &&
    Object.values(report.policies).every((l) => l.length === 0) &&
    report.waits.length === 0 &&
    Object.values(report.grants).every((l) => l.length === 0) &&
    report.other.length === 0;
  const { base: baseName, ...rest } = report;
  return { base: baseName, none, ...rest };
}

/**
 * Terraform knows resources by address: the same vault, policy or instance under another address (or in another
 * stack) is destroyed and created again, unless a `moved` block says where it went.
 */
function addressChange(b: Block, n: Block, next: Model): ArgChange[] {
  if (b.stack !== n.stack) {
    return [
      {
        argument: 'stack',
        old: b.stack,
        new: n.stack,
        note: "a stack's plan destroys what leaves it, the other creates it again",
      },
    ];
  }
  if (b.address === n.address) return [];
  const json = next.stacks.find((s) => s.name === n.stack)?.json;
  const moved = Array.isArray(json?.moved) ? (json!.moved as { from?: unknown; to?: unknown }[]) : [];
  if (moved.some((m) => m?.from === b.address && m?.to === n.address)) return [];
  return [
    {
      argument: 'address',
      old: b.address,
      new: n.address,
      note: 'no `moved` block: Terraform destroys the old address and creates the new one',
    },
  ];
}

/** How the configuration references an account, in words. */
function referenceWords(account: Account): string {
  if (account.via === 'ID') return `ID \`${account.resolvedId}\``;
  if (account.via === 'expression') return `\`${account.name}\``;
  return `${account.via} \`${account.address}\``;
}

/**
 * The same account (same key) referenced another way, or resolving to another ID. Undefined when nothing changes:
 * the same reference, and no two known IDs that differ.
 */
function referenceChange(
  b: Account,
  n: Account,
): Pick<ReferenceChange, 'old' | 'new' | 'sameId' | 'forcesReplacement'> | undefined {
  const [old, now] = [referenceWords(b), referenceWords(n)];
  const bothKnown = b.resolvedId !== undefined && n.resolvedId !== undefined;
  if (bothKnown && b.resolvedId !== n.resolvedId) return { old, new: now, forcesReplacement: true };
  if (old === now) return undefined;
  return { old, new: now, sameId: bothKnown ? b.resolvedId : undefined };
}

/** The wait before a backup instance, old and new, when its duration changes. */
function waitChange(b: Wait | undefined, n: Wait | undefined): Pick<WaitChange, 'old' | 'new'> | undefined {
  if (b?.duration === n?.duration) return undefined;
  const words = (w: Wait | undefined) => (w === undefined ? 'none' : goDurationWords(w.duration));
  if (b && n && words(b) === words(n)) return { old: `${words(b)} (${b.duration})`, new: `${words(n)} (${n.duration})` };
  return { old: words(b), new: words(n) };
}

/** Pairs items of base and new by each key in turn; the rest are only in one of them. */
function pair<T>(
  base: readonly T[],
  next: readonly T[],
  keys: ((t: T) => string)[],
): { pairs: [T, T][]; onlyBase: T[]; onlyNew: T[] } {
  let onlyBase = [...base];
  let onlyNew = [...next];
  const pairs: [T, T][] = [];
  for (const key of keys) {
    const waiting = new Map<string, T[]>();
    for (const n of onlyNew) waiting.set(key(n), [...(waiting.get(key(n)) ?? []), n]);
    const unmatched: T[] = [];
    for (const b of onlyBase) {
      const candidates = waiting.get(key(b));
      const match = candidates?.shift();
      if (match === undefined) unmatched.push(b);
      else pairs.push([b, match]);
    }
    const matched = new Set(pairs.map(([, n]) => n));
    onlyBase = unmatched;
    onlyNew = onlyNew.filter((n) => !matched.has(n));
  }
  return { pairs, onlyBase, onlyNew };
}

function vaultChange(vault: Vault, changes: ArgChange[], instances: readonly Instance[]): VaultChange {
  return {
    vault: vault.name,
    key: vault.key,
    stack: vault.stack,
    address: vault.block!.address,
    changes,
    preventDestroy: vault.preventDestroy,
    accounts: instances.map((i) => i.account.name).sort(compare),
  };
}

function vaultArg(model: Model, vault: Vault, argument: string): string {
  const value = vault.args[argument];
  if (value === undefined) return '(not set)';
  return model.config.literal(vault.block!.stack, value) ?? verbatim(value);
}

function vaultReplacementChanges(base: Model, b: Vault, next: Model, n: Vault): ArgChange[] {
  const changes: ArgChange[] = [];
  for (const argument of VAULT_FORCE_NEW) {
    const [old, now] = [vaultArg(base, b, argument), vaultArg(next, n, argument)];
    const same = argument === 'location' ? normalizeRegion(old) === normalizeRegion(now) : old === now;
    if (!same) changes.push({ argument, old, new: now });
  }
  // Irreversible settings: azurerm can only undo them by replacing the vault.
  if (b.args.immutability === 'Locked' && n.args.immutability !== 'Locked') {
    changes.push({
      argument: 'immutability',
      old: 'Locked',
      new: vaultArg(next, n, 'immutability'),
      note: 'Locked cannot be undone: azurerm replaces the vault',
    });
  }
  if (b.args.cross_region_restore_enabled === true && n.args.cross_region_restore_enabled !== true) {
    changes.push({
      argument: 'cross_region_restore_enabled',
      old: 'true',
      new: vaultArg(next, n, 'cross_region_restore_enabled'),
      note: 'cross-region restore cannot be turned off: azurerm replaces the vault',
    });
  }
  return changes;
}

function vaultUpdateChanges(base: Model, b: Vault, next: Model, n: Vault): ArgChange[] {
  const changes: ArgChange[] = [];
  const argumentsOf = [...new Set([...Object.keys(b.args), ...Object.keys(n.args)])]
    .filter((a) => !META.has(a) && !VAULT_FORCE_NEW.includes(a))
    .sort();
  for (const argument of argumentsOf) {
    if (canonical(b.args[argument]) === canonical(n.args[argument])) continue;
    const [old, now] = [vaultArg(base, b, argument), vaultArg(next, n, argument)];
    changes.push({ argument, old, new: now, note: vaultNote(argument, now) });
  }
  if (b.preventDestroy !== n.preventDestroy) {
    changes.push({
      argument: 'lifecycle.prevent_destroy',
      old: String(b.preventDestroy),
      new: String(n.preventDestroy),
      note: n.preventDestroy ? undefined : 'Terraform will no longer refuse to destroy the vault',
    });
  }
  const lockNames = (v: Vault) =>
    v.locks
      .map((l) => `${l.name} (${l.level})`)
      .sort(compare)
      .join(', ') || 'none';
  if (lockNames(b) !== lockNames(n)) {
    changes.push({
      argument: LOCK_TYPE,
      old: lockNames(b),
      new: lockNames(n),
      note:
        n.locks.length < b.locks.length
          ? 'a deletion lock is removed: Azure will no longer refuse to delete the vault'
          : undefined,
    });
  }
  return changes;
}

function vaultNote(argument: string, value: string): string | undefined {
  if (argument === 'soft_delete' && value === 'AlwaysOn') return 'irreversible: soft delete can never be turned off again';
  if (argument === 'soft_delete' && value === 'Off') return 'deleted backup data will be gone at once';
  if (argument === 'immutability' && value === 'Locked')
    return 'irreversible: recovery points cannot be deleted before they expire';
  if (argument === 'cross_region_restore_enabled' && value === 'true')
    return 'irreversible: cannot be turned off (azurerm replaces the vault)';
  return undefined;
}

function policyChanges(base: Model, b: Policy, next: Model, n: Policy, newKey: (key: string) => string): ArgChange[] {
  const oldArgs = policyArguments(b, newKey(b.vaultKey));
  const newArgs = policyArguments(n, n.vaultKey);
  const changes: ArgChange[] = [];
  for (const argument of [...new Set([...Object.keys(oldArgs), ...Object.keys(newArgs)])].sort()) {
    if (oldArgs[argument] === newArgs[argument]) continue;
    if (argument === 'retention_rule') changes.push(...ruleChanges(b.args.retention_rule, n.args.retention_rule));
    else changes.push({ argument, old: policyArgWords(base, b, argument), new: policyArgWords(next, n, argument) });
  }
  return changes;
}

/** Retention rules compared by name, then their order (the priority): one line per rule that differs. */
function ruleChanges(old: unknown, now: unknown): ArgChange[] {
  const list = (value: unknown) =>
    (Array.isArray(value) ? value : value === undefined ? [] : [value]) as Record<string, unknown>[];
  const [before, after] = [list(old), list(now)];
  const name = (r: Record<string, unknown>) => verbatim(r?.name);
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
  const order = (rules: Record<string, unknown>[], others: Record<string, unknown>[]) =>
    rules.filter((r) => others.some((o) => name(o) === name(r))).map(name);
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

function policyArgWords(model: Model, policy: Policy, argument: string): string {
  const value = policy.args[argument];
  if (value === undefined) return '(not set)';
  switch (argument) {
    case 'backup_schedule':
      return scheduleWords(value, policy.args.time_zone);
    case 'default_retention_duration':
      return isoDurationWords(value);
    case 'retention_rule': {
      const rules = (Array.isArray(value) ? value : [value]) as Record<string, unknown>[];
      return rules.length === 0 ? 'none' : rules.map((r) => `${verbatim(r?.name)}: ${ruleWords(r ?? {})}`).join('; ');
    }
    case 'data_protection_backup_vault_id':
      return model.vaults.find((v) => v.key === policy.vaultKey)?.name ?? verbatim(value);
    default:
      return typeof value === 'string' ? value : canonical(value);
  }
}

function regionText(location: string, literal: boolean): string {
  return literal ? normalizeRegion(location) : location;
}

function setDiff(old: string[] | string, now: string[] | string): [string[], string[]] {
  const a = Array.isArray(old) ? old : [old];
  const b = Array.isArray(now) ? now : [now];
  return [b.filter((x) => !a.includes(x)).sort(compare), a.filter((x) => !b.includes(x)).sort(compare)];
}

/**
 * Resources the sections above do not cover. A stack no longer synthesized is left out (nothing in it changes); a
 * wait told about under its account counts only for its other arguments.
 */
function otherChanges(
  base: Model,
  baseCovered: Set<Block>,
  next: Model,
  newCovered: Set<Block>,
  dropped: Set<string>,
  waitsTold: Set<Block>,
): OtherChange[] {
  const index = (model: Model, covered: Set<Block>) => {
    const map = new Map<string, Block>();
    for (const stack of model.stacks) {
      if (model === base && dropped.has(stack.name)) continue;
      for (const [isData, section] of [
        [false, stack.json.resource],
        [true, stack.json.data],
      ] as const) {
        for (const [type, byName] of Object.entries(section ?? {})) {
          for (const name of Object.keys(byName ?? {})) {
            const block = model.config.block(stack.name, `${isData ? 'data.' : ''}${type}.${name}`);
            if (block && !covered.has(block)) map.set(`${stack.name}|${block.address}`, block);
          }
        }
      }
    }
    return map;
  };
  const old = index(base, baseCovered);
  const now = index(next, newCovered);
  const changes: OtherChange[] = [];
  const argsOf = (block: Block) => {
    const args = withoutMetadata(block.args);
    if (block.type !== WAIT_TYPE || !waitsTold.has(block)) return args;
    const { create_duration: _told, ...rest } = args;
    return rest;
  };
  for (const [key, block] of now) {
    const before = old.get(key);
    if (!before) {
      if (!waitsTold.has(block)) changes.push({ stack: block.stack, address: block.address, change: 'added' });
    } else if (canonical(argsOf(before)) !== canonical(argsOf(block))) {
      changes.push({ stack: block.stack, address: block.address, change: 'changed' });
    }
  }
  for (const [key, block] of old) {
    if (!now.has(key) && !waitsTold.has(block)) changes.push({ stack: block.stack, address: block.address, change: 'removed' });
  }
  return changes.sort((a, b) => compare(a.stack, b.stack) || compare(a.address, b.address));
}

function withoutMetadata(args: Record<string, unknown>): Record<string, unknown> {
  const { ['//']: _metadata, ...rest } = args;
  return rest;
}

/** JSON with sorted keys, and azurerm's sets sorted, so that equal configurations compare equal. */
export function canonical(value: unknown, key?: string): string {
  if (Array.isArray(value)) {
    const items = value.map((v) => canonical(v));
    return `[${(key !== undefined && SETS.has(key) ? items.sort(compare) : items).join(',')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k]) => k !== '//')
      .sort(([a], [b]) => compare(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v, k)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
