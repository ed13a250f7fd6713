// The read stage's index over the stacks: every resource and data source by stack and address, with Terraform's
// references resolved (cross-stack ones included). Plain lookups over the JSON as read: it judges nothing.
import { Args, SynthesizedStack } from './out-dir';

/** A resource or data source of one stack: `type.name`, or `data.type.name` for data sources. */
export interface Block {
  /** The stack's name. */
  readonly stack: string;
  /** `type.name`, or `data.type.name`. */
  readonly address: string;
  /** The Terraform type, e.g. `azurerm_role_assignment`. */
  readonly type: string;
  /** Whether it is a data source. */
  readonly isData: boolean;
  /** Its arguments, as written. */
  readonly args: Args;
}

/** A Terraform reference `${<address>.<attr>}` resolved to the block it names (possibly in another stack). */
export interface Ref {
  /** The block the reference names. */
  readonly block: Block;
  /** The attribute path after the address, e.g. `id` or `identity[0].principal_id`. */
  readonly attr: string;
}

// A whole value that is one reference: `${type.name.attr}` or `${data.type.name.attr}`.
const WHOLE_REF = /^\$\{((?:data\.)?[A-Za-z][A-Za-z0-9_]*\.[A-Za-z0-9_-]+)((?:\.[A-Za-z0-9_-]+|\[\d+\])*)\}$/;
// Every `type.name` inside an expression; only those naming a block of the stack count.
const ANY_REF = /(?:data\.)?[A-Za-z][A-Za-z0-9_]*\.[A-Za-z0-9_-]+/g;
// cdktf's cross-stack references: a remote-state data source per producing stack, one output per value.
const REMOTE_STATE_PREFIX = 'cross-stack-reference-input-';

/** True for a string that Terraform evaluates (holds `${`), false for a literal. */
export function isExpression(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}

/** Index of every stack's resources and data sources, to resolve references by address. */
export class Configuration {
  private readonly blocks = new Map<string, Map<string, Block>>();
  private readonly outputs = new Map<string, Record<string, { readonly value?: unknown }>>();

  /** Indexes every resource and data source of `stacks`, and their outputs. */
  constructor(public readonly stacks: readonly SynthesizedStack[]) {
    for (const stack of stacks) {
      const byAddress = new Map<string, Block>();
      for (const [isData, section] of [
        [false, stack.json.resource],
        [true, stack.json.data],
      ] as const) {
        for (const [type, byName] of Object.entries(section ?? {})) {
          if (typeof byName !== 'object' || byName === null) continue;
          for (const [name, args] of Object.entries(byName)) {
            if (typeof args !== 'object' || args === null || Array.isArray(args)) continue;
            const address = `${isData ? 'data.' : ''}${type}.${name}`;
            byAddress.set(address, { stack: stack.name, address, type, isData, args });
          }
        }
      }
      this.blocks.set(stack.name, byAddress);
      this.outputs.set(stack.name, (stack.json.output as Record<string, { value?: unknown }>) ?? {});
    }
  }

  /** The resources (not data sources) of `type`, every stack, in stack then address order. */
  public resources(type: string): Block[] {
    const found: Block[] = [];
    for (const stack of this.stacks) {
      for (const block of this.blocks.get(stack.name)!.values()) if (!block.isData && block.type === type) found.push(block);
    }
    return found.sort((a, b) => compare(a.stack, b.stack) || compare(a.address, b.address));
  }

  /** The resource or data source at `address` (`type.name`, `data.type.name`) of `stack`, if there is one. */
  public block(stack: string, address: string): Block | undefined {
    return this.blocks.get(stack)?.get(address);
  }

  /** Every resource and data source of a stack, in address order. */
  public blocksOf(stack: string): Block[] {
    return [...(this.blocks.get(stack)?.values() ?? [])].sort((a, b) => compare(a.address, b.address));
  }

  /**
   * Resolves a value that is one reference to the block it names. A cdktf cross-stack reference (a remote-state
   * output) is followed to the producing stack's output value.
   */
  public ref(stack: string, value: unknown, depth = 0): Ref | undefined {
    if (typeof value !== 'string' || depth > 5) return undefined;
    const m = WHOLE_REF.exec(value);
    if (!m) return undefined;
    const block = this.block(stack, m[1]);
    if (!block) return undefined;
    const attr = m[2].replace(/^\./, '');
    if (block.type === 'terraform_remote_state' && block.isData) {
      const output = /^outputs\.([A-Za-z0-9_-]+)$/.exec(attr)?.[1];
      if (output === undefined) return undefined;
      const producer = this.producerOf(block.address.slice('data.terraform_remote_state.'.length), output);
      return producer === undefined ? undefined : this.ref(producer, this.outputs.get(producer)![output].value, depth + 1);
    }
    return { block, attr };
  }

  /** The literal a value stands for: itself, or the literal argument a reference points to (e.g. a resource's `name`). */
  public literal(stack: string, value: unknown, depth = 0): string | undefined {
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value !== 'string' || depth > 5) return undefined;
    if (!isExpression(value)) return value;
    const ref = this.ref(stack, value);
    if (!ref || !/^[A-Za-z0-9_]+$/.test(ref.attr)) return undefined;
    return this.literal(ref.block.stack, ref.block.args[ref.attr], depth + 1);
  }

  /**
   * The blocks of its own stack that a block waits for: its `depends_on`, and every block its arguments refer to
   * (Terraform orders by references as well). `explicit` is the `depends_on` part.
   */
  public dependencies(block: Block): { readonly all: ReadonlySet<string>; readonly explicit: ReadonlySet<string> } {
    const explicit = new Set<string>();
    const dependsOn = block.args.depends_on;
    if (Array.isArray(dependsOn)) for (const d of dependsOn) if (typeof d === 'string') explicit.add(d);
    const all = new Set(explicit);
    const scan = (value: unknown): void => {
      if (typeof value === 'string') {
        if (!value.includes('${')) return;
        for (const m of value.matchAll(ANY_REF)) if (this.block(block.stack, m[0])) all.add(m[0]);
      } else if (Array.isArray(value)) value.forEach(scan);
      else if (typeof value === 'object' && value !== null) Object.values(value).forEach(scan);
    };
    for (const [key, value] of Object.entries(block.args)) if (key !== 'depends_on' && key !== '//') scan(value);
    all.delete(block.address);
    return { all, explicit };
  }

  /**
   * The provider configuration a block uses: the one its `provider` meta-argument names (`azurerm.<alias>`), else
   * the default (unaliased) configuration of the provider its type belongs to. Undefined when the stack has none.
   */
  public providerOf(block: Block): Args | undefined {
    const meta = typeof block.args.provider === 'string' ? block.args.provider.replace(/^\$\{(.*)\}$/, '$1') : undefined;
    const [name, alias] =
      meta !== undefined ? [meta.split('.')[0], meta.split('.').slice(1).join('.')] : [block.type.split('_')[0], ''];
    const json = this.stacks.find((s) => s.name === block.stack)?.json;
    return providerConfigs(json?.provider, name).find((c) => (typeof c.alias === 'string' ? c.alias : '') === alias);
  }

  private producerOf(dataSourceName: string, output: string): string | undefined {
    const named = dataSourceName.startsWith(REMOTE_STATE_PREFIX) ? dataSourceName.slice(REMOTE_STATE_PREFIX.length) : undefined;
    if (named !== undefined && this.outputs.get(named)?.[output] !== undefined) return named;
    const having = this.stacks.filter((s) => this.outputs.get(s.name)![output] !== undefined);
    return having.length === 1 ? having[0].name : undefined;
  }
}

/** Plain code-point order, the same on every machine (no locale). */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The configurations of one provider in a stack's `provider` section (cdktf writes a list; Terraform takes an object too). */
export function providerConfigs(section: unknown, name: string): Args[] {
  if (typeof section !== 'object' || section === null) return [];
  const value = (section as Record<string, unknown>)[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((c): c is Args => typeof c === 'object' && c !== null && !Array.isArray(c));
}
