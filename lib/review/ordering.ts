// Role before backup: the order Terraform will really create things in, read from depends_on and references,
// never assumed from what the library usually writes.
import type { Block, Configuration } from './terraform';
import type { Grant, Instance, Wait } from './model';
import { goDurationWords } from './words';

export type NodeKind = 'role' | 'wait' | 'container' | 'instance';

/** A box of the ordering diagram: one resource. */
export interface OrderingNode {
  /** `<stack>:<address>`: unique in the whole configuration. */
  readonly id: string;
  readonly kind: NodeKind;
  readonly label: string;
}

export interface Ordering {
  /** The Storage Account Backup Contributor grant for the instance's vault on its account. */
  readonly grant?: Grant;
  /** The wait the instance depends on (the one after its grant, if any). */
  readonly wait?: Wait;
  readonly instanceOnRole: boolean;
  readonly instanceOnWait: boolean;
  readonly waitOnRole: boolean;
  /** Role → wait → instance, all three edges present. */
  readonly ok: boolean;
  /** What is missing or broken, in words. */
  readonly problems: string[];
  /** Containers the configuration creates that the instance waits for / does not wait for. */
  readonly containersWaitedFor: string[];
  readonly containersNotWaitedFor: string[];
  readonly nodes: OrderingNode[];
  /** `[from, to]` node IDs; edges implied by a longer path (role → instance beside role → wait → instance) left out. */
  readonly edges: [string, string][];
  /** The chain's shape in node kinds, e.g. `role>wait,wait>instance`: equal shapes draw the same. */
  readonly shape: string;
}

export interface OrderingContext {
  readonly config: Configuration;
  readonly grants: { byAccount: Map<string, Grant[]>; byAddress: Map<string, Grant> };
  readonly waits: Map<Block, Wait>;
  readonly containerResources: Map<string, { name: string; block: Block }[]>;
  /** Keys of the vaults outside the configuration. */
  readonly outsideVaults: Set<string>;
}

const KIND_OF_TYPE: Record<string, NodeKind> = {
  azurerm_role_assignment: 'role',
  time_sleep: 'wait',
  azurerm_storage_container: 'container',
};

export function analyseOrdering(context: OrderingContext, instance: Instance): Ordering {
  const { config } = context;
  const stack = instance.block.stack;
  const deps = config.dependencies(instance.block).all;
  // A grant of unknown principal may be an outside vault's (its identity is a GUID the JSON does not tie to it),
  // never the identity of a vault this configuration declares.
  const onAccount = context.grants.byAccount.get(instance.account.key) ?? [];
  const candidates = onAccount.filter(
    (g) => g.vaultKey === instance.vaultKey || (g.vaultKey === undefined && context.outsideVaults.has(instance.vaultKey)),
  );
  const inDeps = (g: Grant) => g.block.stack === stack && deps.has(g.block.address);
  const grant = candidates.find(inDeps) ?? candidates.find((g) => g.vaultKey === instance.vaultKey) ?? candidates[0];
  const instanceOnRole = grant !== undefined && inDeps(grant);

  const waitDeps = new Map<Wait, Set<string>>();
  for (const address of deps) {
    const block = config.block(stack, address);
    const wait = block && context.waits.get(block);
    if (wait) waitDeps.set(wait, config.dependencies(block).all);
  }
  const waits = [...waitDeps.keys()];
  const wait =
    waits.find((w) => grant !== undefined && grant.block.stack === stack && waitDeps.get(w)!.has(grant.block.address)) ??
    waits[0];
  const waitOnRole =
    wait !== undefined && grant !== undefined && grant.block.stack === stack && waitDeps.get(wait)!.has(grant.block.address);
  const ok = instanceOnRole && wait !== undefined && waitOnRole;

  const problems: string[] = [];
  if (!grant) {
    const other = onAccount.length > 0 ? ' (a grant on this account is for another principal)' : '';
    problems.push(`no Storage Account Backup Contributor grant for the vault on this account in this configuration${other}`);
  } else if (!instanceOnRole) {
    problems.push(
      grant.block.stack === stack
        ? 'the instance does not depend on the role assignment'
        : `the role assignment is in stack ${grant.block.stack}: the instance cannot depend on it`,
    );
  }
  if (!wait) problems.push('no wait (time_sleep) before the instance');
  else if (grant && !waitOnRole) problems.push('the wait does not depend on the role assignment');

  const created = context.containerResources.get(instance.account.key) ?? [];
  const listed = Array.isArray(instance.containers) ? instance.containers : [];
  const position = (name: string) => (listed.includes(name) ? listed.indexOf(name) : listed.length);
  const containersWaitedFor = created
    .filter((c) => c.block.stack === stack && deps.has(c.block.address))
    .map((c) => c.name)
    .sort((a, b) => position(a) - position(b));
  const containersNotWaitedFor = created
    .filter((c) => listed.includes(c.name) && !containersWaitedFor.includes(c.name))
    .map((c) => c.name);

  const graph = drawGraph(context, instance, deps, waitDeps);
  return {
    grant,
    wait,
    instanceOnRole,
    instanceOnWait: wait !== undefined,
    waitOnRole,
    ok,
    problems,
    containersWaitedFor,
    containersNotWaitedFor,
    ...graph,
  };
}

function drawGraph(
  context: OrderingContext,
  instance: Instance,
  deps: Set<string>,
  waitDeps: Map<Wait, Set<string>>,
): { nodes: OrderingNode[]; edges: [string, string][]; shape: string } {
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
    const name = block?.type === 'azurerm_storage_container' ? context.config.literal(stack, block.args.name) : undefined;
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
  // Leave out a → instance when a → x → instance is drawn: the longer path says it, and reads as the chain.
  const out = new Map<string, Set<string>>();
  for (const [from, to] of edges) out.set(from, (out.get(from) ?? new Set()).add(to));
  const reduced = edges.filter(([from, to]) => ![...out.get(from)!].some((via) => via !== to && out.get(via)?.has(to)));
  const shape = [...new Set(reduced.map(([from, to]) => `${nodes.get(from)!.kind}>${nodes.get(to)!.kind}`))].sort().join(',');
  return { nodes: [...nodes.values()], edges: reduced, shape };
}

function labelOf(context: OrderingContext, stack: string, address: string, kind: NodeKind, instance: Instance): string {
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
