// Role before backup: the order Terraform will really create things in, read from depends_on and references,
// never assumed from what the library usually writes.
import type { Block, Configuration } from '../read/configuration';
import { CONTAINER_TYPE } from './resource-types';
import type { ContainerResource, Grant, Instance, NodeKind, Ordering, OrderingGraph, OrderingNode, Wait } from './types';
import { goDurationWords } from '../words';

/** What the ordering of every instance is read against. */
export interface OrderingContext {
  /** The configuration's blocks. */
  readonly config: Configuration;
  /** Every backup role grant, by account key and by `<stack>:<address>`. */
  readonly grants: {
    /** By account key. */
    readonly byAccount: ReadonlyMap<string, readonly Grant[]>;
    /** By `<stack>:<address>`. */
    readonly byAddress: ReadonlyMap<string, Grant>;
  };
  /** Every wait, by its block. */
  readonly waits: ReadonlyMap<Block, Wait>;
  /** Containers the configuration creates, by account key. */
  readonly containerResources: ReadonlyMap<string, readonly ContainerResource[]>;
  /** Keys of the vaults outside the configuration. */
  readonly outsideVaults: ReadonlySet<string>;
}

/** A backup instance before its ordering is known. */
export type InstanceDraft = Omit<Instance, 'ordering'>;

const KIND_OF_TYPE: Readonly<Record<string, NodeKind>> = {
  azurerm_role_assignment: 'role',
  time_sleep: 'wait',
  azurerm_storage_container: 'container',
};

/** Grants indexed for `OrderingContext.grants`. */
export function indexGrants(grants: readonly Grant[]): OrderingContext['grants'] {
  const byAccount = new Map<string, Grant[]>();
  const byAddress = new Map<string, Grant>();
  for (const grant of grants) {
    byAccount.set(grant.account.key, [...(byAccount.get(grant.account.key) ?? []), grant]);
    byAddress.set(`${grant.block.stack}:${grant.block.address}`, grant);
  }
  return { byAccount, byAddress };
}

/** The instance's grant, wait and containers, what is missing of role → wait → instance, and the diagram. */
export function analyseOrdering(context: OrderingContext, instance: InstanceDraft): Ordering {
  const deps = context.config.dependencies(instance.block).all;
  const { grant, instanceOnRole, onAccount } = grantOf(context, instance, deps);
  const waitDeps = waitsOf(context, instance.block.stack, deps);
  const inStack = grant !== undefined && grant.block.stack === instance.block.stack;
  const waits = [...waitDeps.keys()];
  const wait = waits.find((w) => inStack && waitDeps.get(w)!.has(grant.block.address)) ?? waits[0];
  const waitOnRole = wait !== undefined && inStack && waitDeps.get(wait)!.has(grant.block.address);
  return {
    grant,
    wait,
    instanceOnRole,
    instanceOnWait: wait !== undefined,
    waitOnRole,
    ok: instanceOnRole && wait !== undefined && waitOnRole,
    problems: problemsOf(instance, grant, onAccount, instanceOnRole, wait, waitOnRole),
    ...containersOf(context, instance, deps),
    ...drawGraph(context, instance, deps, waitDeps),
  };
}

/**
 * The grant for the instance's vault on its account, preferring one the instance depends on. A grant of unknown
 * principal may be an outside vault's (its identity is a GUID the JSON does not tie to it), never the identity of
 * a vault this configuration declares.
 */
function grantOf(context: OrderingContext, instance: InstanceDraft, deps: ReadonlySet<string>) {
  const onAccount = context.grants.byAccount.get(instance.account.key) ?? [];
  const candidates = onAccount.filter(
    (g) => g.vaultKey === instance.vaultKey || (g.vaultKey === undefined && context.outsideVaults.has(instance.vaultKey)),
  );
  const inDeps = (g: Grant) => g.block.stack === instance.block.stack && deps.has(g.block.address);
  const grant = candidates.find(inDeps) ?? candidates.find((g) => g.vaultKey === instance.vaultKey) ?? candidates[0];
  return { grant, instanceOnRole: grant !== undefined && inDeps(grant), onAccount };
}

/** The waits the instance depends on, each with what it depends on. */
function waitsOf(context: OrderingContext, stack: string, deps: ReadonlySet<string>): Map<Wait, ReadonlySet<string>> {
  const waitDeps = new Map<Wait, ReadonlySet<string>>();
  for (const address of deps) {
    const block = context.config.block(stack, address);
    const wait = block && context.waits.get(block);
    if (wait) waitDeps.set(wait, context.config.dependencies(block).all);
  }
  return waitDeps;
}

function problemsOf(
  instance: InstanceDraft,
  grant: Grant | undefined,
  onAccount: readonly Grant[],
  instanceOnRole: boolean,
  wait: Wait | undefined,
  waitOnRole: boolean,
): string[] {
  const problems: string[] = [];
  if (!grant) {
    const other = onAccount.length > 0 ? ' (a grant on this account is for another principal)' : '';
    problems.push(`no Storage Account Backup Contributor grant for the vault on this account in this configuration${other}`);
  } else if (!instanceOnRole) {
    problems.push(
      grant.block.stack === instance.block.stack
        ? 'the instance does not depend on the role assignment'
        : `the role assignment is in stack ${grant.block.stack}: the instance cannot depend on it`,
    );
  }
  if (!wait) problems.push('no wait (time_sleep) before the instance');
  else if (grant && !waitOnRole) problems.push('the wait does not depend on the role assignment');
  return problems;
}

/** Containers of the instance's account that the configuration creates: those it waits for, those it does not. */
function containersOf(context: OrderingContext, instance: InstanceDraft, deps: ReadonlySet<string>) {
  const created = context.containerResources.get(instance.account.key) ?? [];
  const listed = Array.isArray(instance.containers) ? instance.containers : [];
  const position = (name: string) => (listed.includes(name) ? listed.indexOf(name) : listed.length);
  const containersWaitedFor = created
    .filter((c) => c.block.stack === instance.block.stack && deps.has(c.block.address))
    .map((c) => c.name)
    .sort((a, b) => position(a) - position(b));
  const containersNotWaitedFor = created
    .filter((c) => listed.includes(c.name) && !containersWaitedFor.includes(c.name))
    .map((c) => c.name);
  return { containersWaitedFor, containersNotWaitedFor };
}

function drawGraph(
  context: OrderingContext,
  instance: InstanceDraft,
  deps: ReadonlySet<string>,
  waitDeps: ReadonlyMap<Wait, ReadonlySet<string>>,
): OrderingGraph {
  const stack = instance.block.stack;
  const nodes = new Map<string, OrderingNode>();
  const node = (address: string, kind: NodeKind): string => {
    const id = `${stack}:${address}`;
    if (!nodes.has(id)) nodes.set(id, { id, kind, label: labelOf(context, stack, address, kind, instance) });
    return id;
  };
  const target = node(instance.block.address, 'instance');
  const edges: [string, string][] = [];
  // Containers in the order the instance lists them, the rest by address: the diagram reads like the table.
  const names = Array.isArray(instance.containers) ? instance.containers : [];
  const rank = (address: string) => {
    const block = context.config.block(stack, address);
    const name = block?.type === CONTAINER_TYPE ? context.config.literal(stack, block.args.name) : undefined;
    return name !== undefined && names.includes(name) ? names.indexOf(name) : names.length;
  };
  for (const address of [...deps].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))) {
    const block = context.config.block(stack, address);
    const kind = block && KIND_OF_TYPE[block.type];
    if (kind) edges.push([node(address, kind), target]);
  }
  for (const [wait, waitsFor] of waitDeps) {
    const to = node(wait.block.address, 'wait');
    for (const address of [...waitsFor].sort()) {
      const block = context.config.block(stack, address);
      if (block && KIND_OF_TYPE[block.type] === 'role') edges.push([node(address, 'role'), to]);
    }
  }
  return reduceGraph([...nodes.values()], edges);
}

/** Leaves out a → instance when a → x → instance is drawn: the longer path says it, and reads as the chain. */
function reduceGraph(nodes: readonly OrderingNode[], edges: readonly [string, string][]): OrderingGraph {
  const kind = new Map(nodes.map((n) => [n.id, n.kind]));
  const out = new Map<string, Set<string>>();
  for (const [from, to] of edges) out.set(from, (out.get(from) ?? new Set()).add(to));
  const reduced = edges.filter(([from, to]) => ![...out.get(from)!].some((via) => via !== to && out.get(via)?.has(to)));
  const shape = [...new Set(reduced.map(([from, to]) => `${kind.get(from)}>${kind.get(to)}`))].sort().join(',');
  return { nodes, edges: reduced, shape };
}

function labelOf(context: OrderingContext, stack: string, address: string, kind: NodeKind, instance: InstanceDraft): string {
  const block = context.config.block(stack, address);
  switch (kind) {
    case 'instance':
      return `backup ${instance.name}`;
    case 'role': {
      const grant = context.grants.byAddress.get(`${stack}:${address}`);
      return grant ? `role on ${grant.account.name}` : `role ${address}`;
    }
    case 'wait': {
      const wait = block && context.waits.get(block);
      return `wait ${wait ? goDurationWords(wait.duration) : address}`;
    }
    case 'container': {
      const name = block && context.config.literal(stack, block.args.name);
      return `container ${name ?? address}`;
    }
  }
}
