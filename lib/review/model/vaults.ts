// Which vault a reference names: a vault the configuration declares, or one outside it (an ID, a data source, an
// expression), known by the same key from every stack that refers to it.
import { Block, Configuration, isExpression } from '../read/configuration';
import { optionalText, preventDestroyOf } from './lifecycle';
import { VAULT_TYPE } from './resource-types';
import type { VaultHead } from './types';
import { verbatim } from '../words';

const VAULT_ID =
  /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/providers\/Microsoft\.DataProtection\/backupVaults\/([^/]+)$/i;

/** What the registry knows once every reference is resolved: the vaults in the order they were met. */
export interface ResolvedVaults {
  /** Every vault, declared ones first, then outside ones in the order they were first referenced. */
  readonly heads: readonly VaultHead[];
  /** The stacks that refer to each vault, by key. */
  readonly referencedFrom: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * Resolves vault references while the model is built. Each vault is recorded once, immutable, when it is first
 * met; only the registry's own indexes grow. Declares the configuration's vaults on construction.
 */
export class VaultRegistry {
  private readonly heads = new Map<string, VaultHead>();
  private readonly byBlock = new Map<Block, VaultHead>();
  private readonly referencedFrom = new Map<string, Set<string>>();

  /** Declares every vault resource of `config`. */
  constructor(private readonly config: Configuration) {
    for (const block of config.resources(VAULT_TYPE)) this.declare(block);
  }

  /**
   * The vault a `data_protection_backup_vault_id` (or a lock's `scope`) names: a vault of the configuration, or an
   * outside one for an ID, a data source or an expression. `create: false` only accepts vaults and vault IDs.
   */
  public ofValue(stack: string, value: unknown, create = true): VaultHead | undefined {
    const ref = this.config.ref(stack, value);
    if (ref && ref.block.type === VAULT_TYPE && ref.attr === 'id') return this.ofBlock(ref.block, stack);
    if (!create && (typeof value !== 'string' || !VAULT_ID.test(value))) return undefined;
    const text = verbatim(value);
    const literal = !isExpression(value);
    const id = literal ? VAULT_ID.exec(text) : null;
    const key = literal ? text : `${stack}: ${text}`;
    return this.outside(key, stack, {
      id: literal ? text : undefined,
      name: id ? id[2] : text,
      resourceGroup: id ? id[1] : undefined,
    });
  }

  /** The vault whose identity a reference to `block` (a vault resource or data source) means. */
  public ofBlock(block: Block, stack: string): VaultHead | undefined {
    return block.isData ? this.ofDataSource(block, stack) : this.byBlock.get(block);
  }

  /** Every vault met so far. */
  public resolved(): ResolvedVaults {
    return { heads: [...this.heads.values()], referencedFrom: this.referencedFrom };
  }

  private declare(block: Block): void {
    const { config } = this;
    const name = config.literal(block.stack, block.args.name);
    const resourceGroup = config.literal(block.stack, block.args.resource_group_name);
    let key = keyOf(block, name, resourceGroup);
    if (this.heads.has(key)) key = `${key} (${block.stack}/${block.address})`; // the same vault declared twice: keep both
    const location = config.literal(block.stack, block.args.location);
    const head: VaultHead = {
      key,
      stack: block.stack,
      block,
      outside: false,
      name: name ?? verbatim(block.args.name),
      resourceGroup: resourceGroup ?? optionalText(block.args.resource_group_name),
      location: location ?? optionalText(block.args.location),
      locationIsLiteral: location !== undefined,
      args: block.args,
      preventDestroy: preventDestroyOf(block.args),
    };
    this.heads.set(key, head);
    this.byBlock.set(block, head);
    this.referencedFrom.set(key, new Set([block.stack]));
  }

  /** A vault read by a data source: the same Azure vault as one declared elsewhere with that name and group. */
  private ofDataSource(block: Block, stack: string): VaultHead {
    const existing = this.byBlock.get(block);
    if (existing) return existing;
    const name = this.config.literal(block.stack, block.args.name);
    const resourceGroup = this.config.literal(block.stack, block.args.resource_group_name);
    const fields = { name: name ?? verbatim(block.args.name), resourceGroup, dataSource: block.address };
    const head = this.outside(keyOf(block, name, resourceGroup), stack, fields);
    this.byBlock.set(block, head);
    return head;
  }

  /** A vault this configuration does not declare, recorded on first reference. */
  private outside(key: string, stack: string, fields: Partial<VaultHead>): VaultHead {
    let head = this.heads.get(key);
    if (!head) {
      head = { key, stack, outside: true, name: key, locationIsLiteral: false, args: {}, preventDestroy: false, ...fields };
      this.heads.set(key, head);
      this.referencedFrom.set(key, new Set());
    }
    this.referencedFrom.get(key)!.add(stack);
    return head;
  }
}

/** `<name> in <resource group>` when both are literal, else `<stack>/<address>`. */
function keyOf(block: Block, name: string | undefined, resourceGroup: string | undefined): string {
  return name !== undefined && resourceGroup !== undefined ? `${name} in ${resourceGroup}` : `${block.stack}/${block.address}`;
}
