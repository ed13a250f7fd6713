// The model of what the synthesized Terraform protects: vaults, their policies, backup instances, role grants and
// the order Terraform creates them in. Built once by `buildModel` (build.ts) and never changed afterwards: every
// field is readonly, and the objects are frozen.
import type { Configuration, Block } from '../read/configuration';
import type { Args, SynthesizedStack } from '../read/out-dir';

/** How a configuration names a storage account. */
export type AccountVia = 'ID' | 'resource' | 'data source' | 'expression';

/** A storage account as a backup instance or a grant names it. */
export interface Account {
  /**
   * Identity across stacks and across base and new, however the account is referenced: `<resource group>/<name>`
   * in lower case (Azure compares both case-insensitively, and account names are globally unique). A reference
   * that tells neither keeps its own text.
   */
  readonly key: string;
  /** The account's name, or the reference's text when the name is not known at synth. */
  readonly name: string;
  /** The account's resource group, when the reference tells it. */
  readonly resourceGroup?: string;
  /** How the configuration names it. */
  readonly via: AccountVia;
  /** The resource or data source, when the account is one of the configuration's. */
  readonly address?: string;
  /** The stack of that resource or data source. */
  readonly stack?: string;
  /** The account's region when the configuration knows it as a literal. */
  readonly location?: string;
  /**
   * The ID Terraform will pass, when it is known at synth: the literal ID, or for a resource or data source the ID
   * azurerm builds from its provider's subscription, resource group and name (as written).
   */
  readonly resolvedId?: string;
}

/** A deletion lock (`azurerm_management_lock`) on a vault. */
export interface Lock {
  /** The lock resource. */
  readonly block: Block;
  /** The lock's name. */
  readonly name: string;
  /** `CanNotDelete` or `ReadOnly` (as written). */
  readonly level: string;
  /** Whether the lock resource has `lifecycle.prevent_destroy`. */
  readonly preventDestroy: boolean;
}

/** A backup policy for Data Lake Storage. */
export interface Policy {
  /** The policy resource. */
  readonly block: Block;
  /** The policy's name (literal when known, else the expression). */
  readonly name: string;
  /** The key of the vault it belongs to. */
  readonly vaultKey: string;
  /** The policy's arguments, as written. */
  readonly args: Args;
}

/** A Storage Account Backup Contributor role assignment. */
export interface Grant {
  /** The role assignment resource. */
  readonly block: Block;
  /** The vault whose identity is the principal; undefined when it cannot be told. */
  readonly vaultKey?: string;
  /** The `principal_id`, as written. */
  readonly principal: string;
  /** The account of its `scope`. */
  readonly account: Account;
  /** Backup access when its vault protects the account; a restore target otherwise (and when the vault is unknown). */
  readonly kind: 'backup' | 'restore';
  /** Its `lifecycle.precondition`s, in short. */
  readonly preconditions: readonly string[];
}

/** A role propagation wait (`time_sleep`). */
export interface Wait {
  /** The `time_sleep` resource. */
  readonly block: Block;
  /** Its `create_duration` (a Go duration as written; `0s` when not set). */
  readonly duration: string;
}

/** The kind of a resource in the ordering diagram. */
export type NodeKind = 'role' | 'wait' | 'container' | 'instance';

/** A box of the ordering diagram: one resource. */
export interface OrderingNode {
  /** `<stack>:<address>`: unique in the whole configuration. */
  readonly id: string;
  /** What the resource is. */
  readonly kind: NodeKind;
  /** What the box says. */
  readonly label: string;
}

/** The nodes and edges that lead to one backup instance. */
export interface OrderingGraph {
  /** Every resource drawn. */
  readonly nodes: readonly OrderingNode[];
  /** `[from, to]` node IDs; edges implied by a longer path (role → instance beside role → wait → instance) left out. */
  readonly edges: readonly (readonly [string, string])[];
  /** The chain's shape in node kinds, e.g. `role>wait,wait>instance`: equal shapes draw the same. */
  readonly shape: string;
}

/** The order Terraform will really create a backup instance in, read from depends_on and references. */
export interface Ordering extends OrderingGraph {
  /** The Storage Account Backup Contributor grant for the instance's vault on its account. */
  readonly grant?: Grant;
  /** The wait the instance depends on (the one after its grant, if any). */
  readonly wait?: Wait;
  /** The instance depends on the grant. */
  readonly instanceOnRole: boolean;
  /** The instance depends on a wait. */
  readonly instanceOnWait: boolean;
  /** The wait depends on the grant. */
  readonly waitOnRole: boolean;
  /** Role → wait → instance, all three edges present. */
  readonly ok: boolean;
  /** What is missing or broken, in words. */
  readonly problems: readonly string[];
  /** Containers the configuration creates that the instance waits for, in the order the instance lists them. */
  readonly containersWaitedFor: readonly string[];
  /** Containers the configuration creates that the instance lists and does not wait for. */
  readonly containersNotWaitedFor: readonly string[];
}

/** A Data Lake Storage backup instance: one protected account. */
export interface Instance {
  /** The backup instance resource. */
  readonly block: Block;
  /** The instance's name. */
  readonly name: string;
  /** The key of its vault. */
  readonly vaultKey: string;
  /** Its policy, when the policy is one of this configuration. */
  readonly policy?: Policy;
  /** The policy's name when it is not a policy of this configuration (an ID or an expression). */
  readonly policyText: string;
  /** The protected account. */
  readonly account: Account;
  /** The instance's `location`: a literal region, or the expression. */
  readonly location: string;
  /** Whether `location` is known at synth. */
  readonly locationIsLiteral: boolean;
  /** Literal container names, or the expression when the list is only known at plan time. */
  readonly containers: readonly string[] | string;
  /** Whether the instance has `lifecycle.prevent_destroy`. */
  readonly preventDestroy: boolean;
  /** Its `lifecycle.precondition`s, in short. */
  readonly preconditions: readonly string[];
  /** Role before instance: what the instance waits for. */
  readonly ordering: Ordering;
}

/** What a vault is, before its policies, instances and grants are attached. */
export interface VaultHead {
  /** Identity across stacks and base: `<name> in <resource group>`, the ID or expression of an outside vault. */
  readonly key: string;
  /** The stack that declares it; for a vault outside the configuration, the stacks that refer to it. */
  readonly stack: string;
  /** The vault resource, for a vault of this configuration. */
  readonly block?: Block;
  /** True for a vault referenced by ID (`BackupVault.fromVaultAttributes`), a data source or an expression. */
  readonly outside: boolean;
  /** The literal vault ID an outside vault is referenced by. */
  readonly id?: string;
  /** The data source that reads an outside vault. */
  readonly dataSource?: string;
  /** The vault's name (literal when known). */
  readonly name: string;
  /** The vault's resource group, when known. */
  readonly resourceGroup?: string;
  /** The vault's `location`, when set. */
  readonly location?: string;
  /** Whether `location` is known at synth. */
  readonly locationIsLiteral: boolean;
  /** The vault's arguments, as written (empty for an outside vault). */
  readonly args: Args;
  /** Whether the vault has `lifecycle.prevent_destroy`. */
  readonly preventDestroy: boolean;
}

/** A backup vault with everything that belongs to it, each list sorted. */
export interface Vault extends VaultHead {
  /** Deletion locks, by name. */
  readonly locks: readonly Lock[];
  /** Policies, by name. */
  readonly policies: readonly Policy[];
  /** Backup instances, by account name. */
  readonly instances: readonly Instance[];
  /** Grants to the vault's identity (backup and restore), by account name. */
  readonly grants: readonly Grant[];
  /** Stacks that refer to the vault. */
  readonly referencedFrom: ReadonlySet<string>;
}

/** A storage container the configuration creates. */
export interface ContainerResource {
  /** The container's name. */
  readonly name: string;
  /** The container resource. */
  readonly block: Block;
}

/** The whole model of one synthesized output. */
export interface Model {
  /** The stacks, as read. */
  readonly stacks: readonly SynthesizedStack[];
  /** The index of every stack's blocks. */
  readonly config: Configuration;
  /** Sorted by stack, name, resource group. */
  readonly vaults: readonly Vault[];
  /** Storage Account Backup Contributor grants whose vault cannot be told. */
  readonly strayGrants: readonly Grant[];
  /** Containers the configuration creates, by account key. */
  readonly containerResources: ReadonlyMap<string, readonly ContainerResource[]>;
}
