// The shape of a provider rule: what the azurerm (or time) provider checks on an argument before any API call,
// read from the provider's Go source. The stand-in provider applies these in ValidateResourceConfig,
// ValidateDataResourceConfig and ValidateProviderConfig, and plans replacements from `forceNew`.
//
// Paths name arguments as Terraform's configuration does: `name`, `identity.type` (a nested block's argument:
// every element of a list or set block), `retention_rule.criteria.days_of_week` (blocks in blocks), or
// `storage_container_names.*` (every element of a list, set or map attribute). A rule applies to known, non-null
// values only, as the SDK's ValidateFunc does; "required" is Terraform's own check, from the schema.

/** A value as decoded from Terraform: strings, numbers, booleans, arrays (lists, sets), objects (maps, objects). */
export type Value = string | number | boolean | null | Value[] | { [key: string]: Value } | Unknown;

/** A value not known until apply (msgpack extension 0 or 12 on the wire). */
export interface Unknown {
  readonly unknown: true;
}

/**
 * Checks one known value and returns the provider's error messages for it (none when it passes). `key` is the
 * argument's name as the SDK passes it to a ValidateFunc (`k`), for the message.
 */
export type Check = (value: Value, key: string) => string[];

/** A per-argument rule: a ValidateFunc, or a list's MinItems/MaxItems that the JSON schema does not carry. */
export interface ArgumentRule {
  readonly path: string;
  readonly check: Check;
  /** The provider's source file (path in hashicorp/terraform-provider-azurerm or -time) and the Go function. */
  readonly source: string;
  /** The provider versions that have this rule, when not all do: `>= 5.0.0`, `< 4.79.0` (one comparison). */
  readonly versions?: string;
}

/** A rule across arguments: ConflictsWith, ExactlyOneOf, AtLeastOneOf, RequiredWith, or a CustomizeDiff check. */
export interface CrossRule {
  readonly kind: 'conflictsWith' | 'exactlyOneOf' | 'atLeastOneOf' | 'requiredWith' | 'custom';
  /** For the schema kinds: the argument that carries the rule followed by the arguments it names. */
  readonly paths: readonly string[];
  /** For `custom`: the messages for a whole configuration object (one resource or block), none when it passes. */
  readonly check?: (config: { [key: string]: Value }) => string[];
  readonly source: string;
  readonly versions?: string;
}

/** Everything the stand-in enforces for one resource type, data source or provider block. */
export interface TypeRules {
  /** `azurerm_data_protection_backup_vault`, or `provider` for the provider block. */
  readonly type: string;
  readonly kind: 'resource' | 'data' | 'provider';
  readonly arguments: readonly ArgumentRule[];
  readonly cross?: readonly CrossRule[];
  /**
   * Arguments the provider marks ForceNew: a change to any of them replaces the resource. `when` is a CustomizeDiff
   * `ForceNewIfChange`: the change replaces only when it says so, given the prior and planned values at the path.
   */
  readonly forceNew?: readonly ForceNew[];
}

export interface ForceNew {
  readonly path: string;
  readonly source: string;
  readonly versions?: string;
  readonly when?: (prior: Value, planned: Value) => boolean;
}
