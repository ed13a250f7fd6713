// Builds the model once, in stages that each make immutable records: vaults, policies, instances, locks, grants,
// waits and containers, then each instance's ordering, then the vaults with what belongs to them, sorted.
import { Block, compare, Configuration } from '../read/configuration';
import type { SynthesizedStack } from '../read/out-dir';
import { accountOf } from './accounts';
import { deepFreeze } from './freeze';
import { decideGrants, matchLiteralPrincipals, readGrants } from './grants';
import { preconditionsOf, preventDestroyOf } from './lifecycle';
import { analyseOrdering, indexGrants, InstanceDraft, OrderingContext } from './ordering';
import { CONTAINER_TYPE, INSTANCE_TYPE, LOCK_TYPE, POLICY_TYPE, WAIT_TYPE } from './resource-types';
import type { ContainerResource, Grant, Instance, Lock, Model, Policy, Vault, VaultHead, Wait } from './types';
import { VaultRegistry } from './vaults';
import { verbatim } from '../words';

const POLICY_ID = /\/backupPolicies\/([^/]+)$/i;

/** A lock with the key of the vault it locks. */
interface LockOf extends Lock {
  readonly vaultKey: string;
}

/** The model of the stacks: built once, deeply frozen. */
export function buildModel(stacks: readonly SynthesizedStack[]): Model {
  const config = new Configuration(stacks);
  const vaults = new VaultRegistry(config);
  const policies = readPolicies(config, vaults);
  const drafts = readInstances(config, vaults, new Map(policies.map((p) => [p.block, p])));
  const locks = readLocks(config, vaults);
  const grantDrafts = readGrants(config, (block, stack) => vaults.ofBlock(block, stack));
  const { heads, referencedFrom } = vaults.resolved();
  const outside = new Set(heads.filter((v) => v.outside).map((v) => v.key));
  const matched = matchLiteralPrincipals(
    config,
    grantDrafts,
    drafts.filter((i) => outside.has(i.vaultKey)),
  );
  const protectedBy = new Map(heads.map((v) => [v.key, new Set<string>()]));
  for (const draft of drafts) protectedBy.get(draft.vaultKey)!.add(draft.account.key);
  const grants = decideGrants(grantDrafts, matched, protectedBy);
  const containerResources = readContainers(config);
  const context: OrderingContext = {
    config,
    grants: indexGrants(grants),
    waits: readWaits(config),
    containerResources,
    outsideVaults: outside,
  };
  const instances: Instance[] = drafts.map((draft) => ({ ...draft, ordering: analyseOrdering(context, draft) }));
  const parts: VaultParts = {
    policies: byVault(policies),
    instances: byVault(instances),
    locks: byVault(locks),
    grants: byVault(grants),
    referencedFrom,
  };
  const model: Model = {
    stacks,
    config,
    vaults: heads.map((head) => assembleVault(head, parts)).sort(vaultOrder),
    strayGrants: grants.filter((g) => g.vaultKey === undefined),
    containerResources,
  };
  return deepFreeze(model);
}

function readPolicies(config: Configuration, vaults: VaultRegistry): Policy[] {
  return config.resources(POLICY_TYPE).map((block) => ({
    block,
    name: config.literal(block.stack, block.args.name) ?? verbatim(block.args.name),
    vaultKey: vaults.ofValue(block.stack, block.args.data_protection_backup_vault_id)!.key,
    args: block.args,
  }));
}

function readInstances(config: Configuration, vaults: VaultRegistry, policyByBlock: ReadonlyMap<Block, Policy>): InstanceDraft[] {
  return config.resources(INSTANCE_TYPE).map((block) => {
    const { stack, args } = block;
    const vault = vaults.ofValue(stack, args.data_protection_backup_vault_id)!;
    const policyRef = config.ref(stack, args.backup_policy_data_lake_storage_id);
    const policy = policyRef && policyRef.attr === 'id' ? policyByBlock.get(policyRef.block) : undefined;
    const policyValue = verbatim(args.backup_policy_data_lake_storage_id);
    const location = config.literal(stack, args.location);
    const names = args.storage_container_names;
    return {
      block,
      name: config.literal(stack, args.name) ?? verbatim(args.name),
      vaultKey: vault.key,
      policy,
      policyText: policy?.name ?? POLICY_ID.exec(policyValue)?.[1] ?? policyValue,
      account: accountOf(config, stack, args.storage_account_id),
      location: location ?? verbatim(args.location),
      locationIsLiteral: location !== undefined,
      containers: Array.isArray(names) ? names.map((n) => config.literal(stack, n) ?? verbatim(n)) : verbatim(names),
      preventDestroy: preventDestroyOf(args),
      preconditions: preconditionsOf(args),
    };
  });
}

/** Deletion locks whose scope is a vault. */
function readLocks(config: Configuration, vaults: VaultRegistry): LockOf[] {
  const locks: LockOf[] = [];
  for (const block of config.resources(LOCK_TYPE)) {
    const vault = vaults.ofValue(block.stack, block.args.scope, false);
    if (!vault) continue;
    locks.push({
      block,
      vaultKey: vault.key,
      name: config.literal(block.stack, block.args.name) ?? verbatim(block.args.name),
      level: config.literal(block.stack, block.args.lock_level) ?? verbatim(block.args.lock_level),
      preventDestroy: preventDestroyOf(block.args),
    });
  }
  return locks;
}

function readWaits(config: Configuration): Map<Block, Wait> {
  return new Map(
    config.resources(WAIT_TYPE).map((block) => [block, { block, duration: verbatim(block.args.create_duration ?? '0s') }]),
  );
}

/** Containers the configuration creates, by account key (the older storage_account_name form names no ID). */
function readContainers(config: Configuration): Map<string, ContainerResource[]> {
  const byAccount = new Map<string, ContainerResource[]>();
  for (const block of config.resources(CONTAINER_TYPE)) {
    if (block.args.storage_account_id === undefined) continue;
    const account = accountOf(config, block.stack, block.args.storage_account_id);
    const name = config.literal(block.stack, block.args.name) ?? verbatim(block.args.name);
    byAccount.set(account.key, [...(byAccount.get(account.key) ?? []), { name, block }]);
  }
  return byAccount;
}

/** What belongs to each vault, by vault key, in the order the configuration lists it. */
interface VaultParts {
  readonly policies: ReadonlyMap<string | undefined, readonly Policy[]>;
  readonly instances: ReadonlyMap<string | undefined, readonly Instance[]>;
  readonly locks: ReadonlyMap<string | undefined, readonly LockOf[]>;
  readonly grants: ReadonlyMap<string | undefined, readonly Grant[]>;
  readonly referencedFrom: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Items by their `vaultKey`, each list in the items' order. */
function byVault<T extends { readonly vaultKey?: string }>(items: readonly T[]): Map<string | undefined, T[]> {
  const groups = new Map<string | undefined, T[]>();
  for (const item of items) {
    const list = groups.get(item.vaultKey);
    if (list) list.push(item);
    else groups.set(item.vaultKey, [item]);
  }
  return groups;
}

/** A vault with what belongs to it, each list sorted; an outside vault's stack lists every stack that uses it. */
function assembleVault(head: VaultHead, parts: VaultParts): Vault {
  const mine = <T>(groups: ReadonlyMap<string | undefined, readonly T[]>): T[] => [...(groups.get(head.key) ?? [])];
  const referencedFrom = parts.referencedFrom.get(head.key)!;
  const byAccount = (a: Instance | Grant, b: Instance | Grant) => compare(a.account.name, b.account.name);
  return {
    ...head,
    stack: head.outside ? [...referencedFrom].sort().join(', ') : head.stack,
    locks: mine(parts.locks)
      .map(({ vaultKey: _vault, ...lock }) => lock)
      .sort((a, b) => compare(a.name, b.name)),
    policies: mine(parts.policies).sort((a, b) => compare(a.name, b.name) || compare(a.block.stack, b.block.stack)),
    instances: mine(parts.instances).sort(
      (a, b) => byAccount(a, b) || compare(a.account.key, b.account.key) || compare(a.block.address, b.block.address),
    ),
    grants: mine(parts.grants).sort(
      (a, b) => byAccount(a, b) || compare(a.block.stack, b.block.stack) || compare(a.block.address, b.block.address),
    ),
    referencedFrom,
  };
}

function vaultOrder(a: Vault, b: Vault): number {
  return (
    compare(a.stack, b.stack) ||
    compare(a.name, b.name) ||
    compare(a.resourceGroup ?? '', b.resourceGroup ?? '') ||
    compare(a.key, b.key)
  );
}
