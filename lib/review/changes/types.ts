// What changes against a base, as data: the `changes` part of the JSON report, which the markdown renders.

/** One argument old → new. */
export interface ArgChange {
  /** The argument (`location`, `retention_rule daily`, `terraform.backend.azurerm.key`, `address`...). */
  readonly argument: string;
  /** Its value in the base, in words. */
  readonly old: string;
  /** Its new value, in words. */
  readonly new: string;
  /** Why this change matters, when it does (irreversible, weakens protection). */
  readonly note?: string;
}

/** The backend and provider changes of one stack synthesized in both. */
export interface StackSettings {
  /** The stack's name. */
  readonly stack: string;
  /** Backend first, then providers, each old → new with what it means. */
  readonly changes: readonly ArgChange[];
}

/** A policy that Terraform replaces: every argument of a Data Lake Storage policy forces replacement. */
export interface PolicyReplacement {
  /** The policy's new name. */
  readonly policy: string;
  /** Its vault's name. */
  readonly vault: string;
  /** The stack that declares it. */
  readonly stack: string;
  /** Its new address. */
  readonly address: string;
  /** What forces the replacement (empty when only its vault is replaced). */
  readonly changes: readonly ArgChange[];
  /** Its vault is replaced, and the policy with it. */
  readonly vaultReplaced: boolean;
  /** Accounts whose backups use the policy in the base: Azure refuses to delete it while they do. */
  readonly usedInBaseBy: readonly string[];
}

/** A vault replaced, removed, added or changed in place. */
export interface VaultChange {
  /** The vault's name. */
  readonly vault: string;
  /** Its key (`<name> in <resource group>`). */
  readonly key: string;
  /** The stack that declares it. */
  readonly stack: string;
  /** Its address. */
  readonly address: string;
  /** What changes (what forces the replacement, for a replaced vault); empty for an added or removed one. */
  readonly changes: readonly ArgChange[];
  /** prevent_destroy in the configuration that will be applied: Terraform then refuses the destroy. */
  readonly preventDestroy: boolean;
  /** The accounts its backup instances protect (in the base for a removed vault). */
  readonly accounts: readonly string[];
  /** For a new vault: the stack no longer synthesized whose state still holds it (so it exists in Azure). */
  readonly alsoIn?: string;
}

/** A protected account (its backup instance) added, removed or replaced. */
export interface AccountChange {
  /** The account's name. */
  readonly account: string;
  /** The account's key (`<resource group>/<name>`, lower case). */
  readonly key: string;
  /** Its vault's name. */
  readonly vault: string;
  /** The backup instance's stack. */
  readonly stack: string;
  /** The instance's policy, by name. */
  readonly policy: string;
  /** Literal container names, or the expression when the list is only known at plan time. */
  readonly containers: readonly string[] | string;
  /** What forces the replacement; empty for an added or removed account. */
  readonly changes: readonly ArgChange[];
  /** Whether the instance has `lifecycle.prevent_destroy`. */
  readonly preventDestroy: boolean;
  /** For a newly protected account: the stack no longer synthesized whose state still holds its backup instance. */
  readonly alsoIn?: string;
}

/** The same account, referenced another way (a literal ID, a resource, a data source). */
export interface ReferenceChange {
  /** The account's name. */
  readonly account: string;
  /** The vault's name (for a grant, undefined when its vault is unknown). */
  readonly vault?: string;
  /** For a grant: what it is for. */
  readonly kind?: 'backup' | 'restore';
  /** The stack of the backup instance or role assignment. */
  readonly stack: string;
  /** The backup instance or role assignment. */
  readonly address: string;
  /** The argument that holds the reference: the instance's `storage_account_id`, the grant's `scope`. */
  readonly argument: 'storage_account_id' | 'scope';
  /** How the account is referenced, in words: `ID \`…\``, `data source \`…\``, `resource \`…\``. */
  readonly old: string;
  /** How the new configuration references it, in the same words. */
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
  /** The stack's name. */
  readonly stack: string;
  /** The vaults it declares. */
  readonly vaults: readonly string[];
  /** The accounts its backup instances protect. */
  readonly accounts: readonly string[];
}

/** The role propagation wait before an account's backup instance (`time_sleep.create_duration`), in words. */
export interface WaitChange {
  /** The account's name. */
  readonly account: string;
  /** Its vault's name. */
  readonly vault: string;
  /** The backup instance's stack. */
  readonly stack: string;
  /** The wait's address (the new one, else the old one). */
  readonly address: string;
  /** `5 minutes`, or `none`; the raw duration in parentheses when two spellings read the same. */
  readonly old: string;
  /** The new wait, in the same words. */
  readonly new: string;
}

/** Containers a backup instance adds or stops backing up (updated in place). */
export interface ContainerChange {
  /** The account's name. */
  readonly account: string;
  /** Its vault's name. */
  readonly vault: string;
  /** The backup instance's stack. */
  readonly stack: string;
  /** Containers now backed up, sorted. */
  readonly added: readonly string[];
  /** Containers no longer backed up, sorted. */
  readonly removed: readonly string[];
}

/** A backup instance moved to another policy (updated in place). */
export interface PolicyMove {
  /** The account's name. */
  readonly account: string;
  /** Its vault's name. */
  readonly vault: string;
  /** The backup instance's stack. */
  readonly stack: string;
  /** The policy in the base. */
  readonly from: string;
  /** The new policy. */
  readonly to: string;
}

/** A policy added or removed. */
export interface PolicyRef {
  /** The policy's name. */
  readonly policy: string;
  /** Its vault's name. */
  readonly vault: string;
  /** The stack that declares it. */
  readonly stack: string;
  /** Its address. */
  readonly address: string;
  /** For a removed policy: the accounts that used it in the base. */
  readonly usedInBaseBy: readonly string[];
}

/** A Storage Account Backup Contributor grant added or removed. */
export interface GrantChange {
  /** The account of its scope. */
  readonly account: string;
  /** Its vault's name; undefined when the vault is unknown. */
  readonly vault?: string;
  /** What it is for. */
  readonly kind: 'backup' | 'restore';
  /** The role assignment's stack. */
  readonly stack: string;
  /** The role assignment's address. */
  readonly address: string;
}

/** Any other resource or data source added, removed or changed. */
export interface OtherChange {
  /** Its stack. */
  readonly stack: string;
  /** Its address. */
  readonly address: string;
  /** What happens to it. */
  readonly change: 'added' | 'removed' | 'changed';
}

/** What changes against the base, most dangerous first. */
export interface ChangesReport {
  /** The base directory, as given. */
  readonly base: string;
  /** True when nothing below changes. */
  readonly none: boolean;
  /**
   * Stacks dropped from or added to the manifest, and the backend and provider changes of the others: what state a
   * stack uses and which subscription it works in.
   */
  readonly stacks: {
    /** Stacks no longer synthesized. */
    readonly removed: readonly DroppedStack[];
    /** New stacks. */
    readonly added: readonly string[];
    /** Backend and provider changes. */
    readonly settings: readonly StackSettings[];
  };
  /** Policies Terraform replaces. */
  readonly replacedPolicies: readonly PolicyReplacement[];
  /** Vaults replaced, removed, added and changed in place. */
  readonly vaults: {
    /** Replaced vaults. */
    readonly replaced: readonly VaultChange[];
    /** Removed vaults. */
    readonly removed: readonly VaultChange[];
    /** New vaults. */
    readonly added: readonly VaultChange[];
    /** Vaults changed in place. */
    readonly updated: readonly VaultChange[];
  };
  /** Protected accounts added, removed, replaced, and referenced another way. */
  readonly accounts: {
    /** Newly protected accounts. */
    readonly added: readonly AccountChange[];
    /** Accounts no longer protected. */
    readonly removed: readonly AccountChange[];
    /** Accounts whose backup instance is replaced. */
    readonly replaced: readonly AccountChange[];
    /** Accounts referenced another way. */
    readonly referenceChanged: readonly ReferenceChange[];
  };
  /** Container lists changed in place. */
  readonly containers: readonly ContainerChange[];
  /** Instances moved to another policy. */
  readonly policyMoves: readonly PolicyMove[];
  /** Policies added and removed. */
  readonly policies: {
    /** Added policies. */
    readonly added: readonly PolicyRef[];
    /** Removed policies. */
    readonly removed: readonly PolicyRef[];
  };
  /** Role propagation waits changed. */
  readonly waits: readonly WaitChange[];
  /** Grants added, removed, and referenced another way. */
  readonly grants: {
    /** Added grants. */
    readonly added: readonly GrantChange[];
    /** Removed grants. */
    readonly removed: readonly GrantChange[];
    /** Grants whose scope references the account another way. */
    readonly referenceChanged: readonly ReferenceChange[];
  };
  /** Resources outside the categories above that are added, removed or changed. */
  readonly other: readonly OtherChange[];
}
