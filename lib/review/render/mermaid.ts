// The ordering diagram: what Terraform creates first, drawn from the real dependencies. Big vaults draw a few
// chains and count the rest, so that a vault of thousands of accounts stays readable.
import type { NodeKind, OrderingNode } from '../model';
import type { VaultReport } from '../report';

/** Instances drawn per vault; the rest are counted when their chain has a drawn shape, listed otherwise. */
export const DIAGRAM_LIMIT = 10;
const EXCEPTIONS_LISTED = 20;
const KIND_RANK: Readonly<Record<NodeKind, number>> = { role: 0, wait: 1, container: 2, instance: 3 };
const PREFIX: Readonly<Record<NodeKind, string>> = { role: 'role', wait: 'wait', container: 'container', instance: 'backup' };

/** Markdown lines: a mermaid block, then a note on what is not drawn. Empty when the vault has no instances. */
export function orderingDiagram(vault: VaultReport, status: (account: string) => string): string[] {
  if (vault.ordering.length === 0) return [];
  const drawn = vault.ordering.slice(0, DIAGRAM_LIMIT);
  const rest = vault.ordering.slice(DIAGRAM_LIMIT);
  const shapes = new Set(drawn.map((o) => o.shape));
  const same = rest.filter((o) => shapes.has(o.shape));
  const exceptions = rest.filter((o) => !shapes.has(o.shape));

  const ids = new MermaidIds(vault.stack);
  const lines = ['```mermaid', 'flowchart LR'];
  for (const ordering of drawn) {
    const nodes = [...ordering.nodes].sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind]);
    for (const node of nodes) lines.push(`  ${ids.of(node)}["${escapeLabel(node.label)}"]`);
  }
  for (const ordering of drawn) {
    const byId = new Map(ordering.nodes.map((n) => [n.id, n]));
    const edges = [...ordering.edges].sort(([a], [b]) => KIND_RANK[byId.get(a)!.kind] - KIND_RANK[byId.get(b)!.kind]);
    for (const [from, to] of edges) lines.push(`  ${ids.of(byId.get(from)!)} --> ${ids.of(byId.get(to)!)}`);
  }
  lines.push('```');
  if (same.length > 0) {
    lines.push(
      '',
      `… and ${same.length} more ${same.length === 1 ? 'instance' : 'instances'} with the same ordering as drawn above.`,
    );
  }
  if (exceptions.length > 0) {
    lines.push('', `Not drawn, with another ordering (${exceptions.length}):`, '');
    for (const o of exceptions.slice(0, EXCEPTIONS_LISTED)) lines.push(`- \`${o.account}\`: ${status(o.account)}`);
    if (exceptions.length > EXCEPTIONS_LISTED) lines.push(`- … and ${exceptions.length - EXCEPTIONS_LISTED} more`);
  }
  return lines;
}

/** Mermaid-safe, readable node IDs (`role_Vault_BackupAccess_lake_1A2B`), unique within one diagram. */
class MermaidIds {
  private readonly byNode = new Map<string, string>();
  private readonly used = new Set<string>();

  /** IDs for a diagram of `stack`'s vault: nodes of other stacks carry their stack in the ID. */
  constructor(private readonly stack: string) {}

  /** The node's ID, made on first use. */
  public of(node: OrderingNode): string {
    const known = this.byNode.get(node.id);
    if (known) return known;
    const [stack, address] = splitNodeId(node.id);
    const name = address.slice(address.lastIndexOf('.') + 1);
    const base = `${PREFIX[node.kind]}_${stack === this.stack ? '' : `${stack}_`}${name}`.replace(/[^A-Za-z0-9_]/g, '_');
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}_${n}`;
    this.used.add(id);
    this.byNode.set(node.id, id);
    return id;
  }
}

function splitNodeId(id: string): [string, string] {
  const colon = id.lastIndexOf(':'); // addresses hold no colon; stack names might
  return [id.slice(0, colon), id.slice(colon + 1)];
}

/** Labels are quoted; a quote inside would end them early. */
function escapeLabel(label: string): string {
  return label.replace(/"/g, '#quot;');
}
