// A model of what the synthesized Terraform protects: vaults, their policies, backup instances and role grants,
// built from the JSON alone (no provider), so that it works on any stack this library produced.
import { Args, SynthesizedStack } from './read-out-dir';
import { Block, compare, Configuration, isExpression } from './terraform';
import { analyseOrdering, Ordering } from './ordering';
import { verbatim } from './words';

export const VAULT_TYPE = 'azurerm_data_protection_backup_vault';
export const POLICY_TYPE = 'azurerm_data_protection_backup_policy_data_lake_storage';
export const INSTANCE_TYPE = 'azurerm_data_protection_backup_instance_data_lake_storage';
export const ROLE_ASSIGNMENT_TYPE = 'azurerm_role_assignment';
export const WAIT_TYPE = 'time_sleep';
export const LOCK_TYPE = 'azurerm_management_lock';
export const ACCOUNT_TYPE = 'azurerm_storage_account';
export const CONTAINER_TYPE = 'azurerm_storage_container';
export const BACKUP_ROLE = { name: 'Storage Account Backup Contributor', id: 'e5e2a7ff-d759-4cd2-bb51-3152d37e2eb1' };

const STORAGE_ACCOUNT_ID =
  /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Storage\/storageAccounts\/([^/]+)$/i;
const VAULT_ID =
  /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/providers\/Microsoft\.DataProtection\/backupVaults\/([^/]+)$/i;
const POLICY_ID = /\/backupPolicies\/([^/]+)$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A storage account as a backup instance or a grant names it. */
export interface Account {
  /**
   * Identity across stacks and across base and new, however the account is referenced: `<resource group>/<name>`
   * in lower case (Azure compares both case-insensitively, and account names are globally unique). A reference
   * that tells neither keeps its own text.
   */
  readonly key: string;
  readonly name: string;
  readonly resourceGroup?: string;
  /** How the configuration names it. */
  readonly via: 'ID' | 'resource' | 'data source' | 'expression';
  /** The resource or data source, when the account is one of the configuration's. */
  readonly address?: string;
  readonly stack?: string;
  /** The account's region when the configuration knows it as a literal. */
  readonly location?: string;
  /**
   * The ID Terraform will pass, when it is known at synth: the literal ID, or for a resource or data source the ID
   * azurerm builds from its provider's subscription, resource group and name (as written).
   */
  readonly resolvedId?: string;
}

/** `<resource group>/<name>`, lower case: one key for an account however it is referenced. */
export function accountKey(resourceGroup: string, name: string): string {
  return `${resourceGroup.toLowerCase()}/${name.toLowerCase()}`;
}

export interface Vault {
  readonly key: string;
  /** The stack that declares it; for a vault outside the configuration, the stacks that refer to it. */
  readonly stack: string;
  readonly block?: Block;
  /** True for a vault referenced by ID (`BackupVault.fromVaultAttributes`), a data source or an expression. */
  readonly outside: boolean;
  readonly id?: string;
  /** The data source that reads an outside vault. */
  readonly dataSource?: string;
  readonly name: string;
  readonly resourceGroup?: string;
  readonly location?: string;
  readonly locationIsLiteral: boolean;
  readonly args: Args;
  readonly preventDestroy: boolean;
  readonly locks: Lock[];
  readonly policies: Policy[];
  readonly instances: Instance[];
  readonly grants: Grant[];
  /** Stacks that refer to an outside vault. */
  readonly referencedFrom: Set<string>;
}

export interface Lock {
  readonly block: Block;
  readonly name: string;
  readonly level: string;
  readonly preventDestroy: boolean;
}

export interface Policy {
  readonly block: Block;
  readonly name: string;
  readonly vaultKey: string;
  readonly args: Args;
}

export interface Grant {
  readonly block: Block;
  /** The vault whose identity is the principal; undefined when it cannot be told. */
  vaultKey?: string;
  readonly principal: string;
  readonly account: Account;
  kind: 'backup' | 'restore';
  readonly preconditions: string[];
}

export interface Wait {
  readonly block: Block;
  readonly duration: string;
}

export interface Instance {
  readonly block: Block;
  readonly name: string;
  readonly vaultKey: string;
  readonly policy?: Policy;
  /** The policy's name when it is not a policy of this configuration (an ID or an expression). */
  readonly policyText: string;
  readonly account: Account;
  readonly location: string;
  readonly locationIsLiteral: boolean;
  /** Literal container names, or the expression when the list is only known at plan time. */
  readonly containers: string[] | string;
  readonly preventDestroy: boolean;
  readonly preconditions: string[];
  ordering: Ordering;
}

export interface Model {
  readonly stacks: readonly SynthesizedStack[];
  readonly config: Configuration;
  /** Sorted by stack, name, resource group. */
  readonly vaults: Vault[];
  /** Storage Account Backup Contributor grants whose vault cannot be told. */
  readonly strayGrants: Grant[];
  /** Containers the configuration creates, by account key. */
  readonly containerResources: Map<string, { name: string; block: Block }[]>;
}

export function buildModel(stacks: readonly SynthesizedStack[]): Model {
  const config = new Configuration(stacks);
  const vaults = new Map<string, Vault>();
  const vaultByBlock = new Map<Block, Vault>();

  for (const block of config.resources(VAULT_TYPE)) {
    const name = config.literal(block.stack, block.args.name);
    const resourceGroup = config.literal(block.stack, block.args.resource_group_name);
    let key =
      name !== undefined && resourceGroup !== undefined ? `${name} in ${resourceGroup}` : `${block.stack}/${block.address}`;
    if (vaults.has(key)) key = `${key} (${block.stack}/${block.address})`; // the same vault declared twice: keep both
    const location = config.literal(block.stack, block.args.location);
    const vault: Vault = {
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
      locks: [],
      policies: [],
      instances: [],
      grants: [],
      referencedFrom: new Set([block.stack]),
    };
    vaults.set(key, vault);
    vaultByBlock.set(block, vault);
  }

  /** A vault this configuration does not declare, created on first reference. */
  const outsideVault = (key: string, stack: string, fields: Partial<Vault>): Vault => {
    let vault = vaults.get(key);
    if (!vault) {
      vault = {
        key,
        stack,
        outside: true,
        name: key,
        locationIsLiteral: false,
        args: {},
        preventDestroy: false,
        locks: [],
        policies: [],
        instances: [],
        grants: [],
        referencedFrom: new Set(),
        ...fields,
      };
      vaults.set(key, vault);
    }
    vault.referencedFrom.add(stack);
    return vault;
  };

  /** A vault read by a data source: the same Azure vault as one declared elsewhere with that name and group. */
  const vaultOfDataSource = (block: Block, stack: string): Vault => {
    const existing = vaultByBlock.get(block);
    if (existing) return existing;
    const name = config.literal(block.stack, block.args.name);
    const resourceGroup = config.literal(block.stack, block.args.resource_group_name);
    const key =
      name !== undefined && resourceGroup !== undefined ? `${name} in ${resourceGroup}` : `${block.stack}/${block.address}`;
    const vault = outsideVault(key, stack, { name: name ?? verbatim(block.args.name), resourceGroup, dataSource: block.address });
    vaultByBlock.set(block, vault);
    return vault;
  };
  const vaultOfIdentity = (block: Block, stack: string) =>
    block.isData ? vaultOfDataSource(block, stack) : vaultByBlock.get(block);

  /**
   * The vault a `data_protection_backup_vault_id` (or a lock's `scope`) names: a vault of the configuration, or an
   * outside one for an ID, a data source or an expression. `create: false` only accepts vaults and vault IDs.
   */
  const vaultOf = (stack: string, value: unknown, create = true): Vault | undefined => {
    const ref = config.ref(stack, value);
    if (ref && ref.block.type === VAULT_TYPE && ref.attr === 'id') {
      return ref.block.isData ? vaultOfDataSource(ref.block, stack) : vaultByBlock.get(ref.block);
    }
    if (!create && (typeof value !== 'string' || !VAULT_ID.test(value))) return undefined;
    const text = verbatim(value);
    const literal = !isExpression(value);
    const id = literal ? VAULT_ID.exec(text) : null;
    const key = literal ? text : `${stack}: ${text}`;
    return outsideVault(key, stack, {
      id: literal ? text : undefined,
      name: id ? id[2] : text,
      resourceGroup: id ? id[1] : undefined,
    });
  };

  const policyByBlock = new Map<Block, Policy>();
  for (const block of config.resources(POLICY_TYPE)) {
    const vault = vaultOf(block.stack, block.args.data_protection_backup_vault_id)!;
    const policy: Policy = {
      block,
      name: config.literal(block.stack, block.args.name) ?? verbatim(block.args.name),
      vaultKey: vault.key,
      args: block.args,
    };
    vault.policies.push(policy);
    policyByBlock.set(block, policy);
  }

  for (const block of config.resources(INSTANCE_TYPE)) {
    const vault = vaultOf(block.stack, block.args.data_protection_backup_vault_id)!;
    const policyRef = config.ref(block.stack, block.args.backup_policy_data_lake_storage_id);
    const policy = policyRef && policyRef.attr === 'id' ? policyByBlock.get(policyRef.block) : undefined;
    const policyValue = verbatim(block.args.backup_policy_data_lake_storage_id);
    const location = config.literal(block.stack, block.args.location);
    const names = block.args.storage_container_names;
    const instance: Instance = {
      block,
      name: config.literal(block.stack, block.args.name) ?? verbatim(block.args.name),
      vaultKey: vault.key,
      policy,
      policyText: policy?.name ?? POLICY_ID.exec(policyValue)?.[1] ?? policyValue,
      account: accountOf(config, block.stack, block.args.storage_account_id),
      location: location ?? verbatim(block.args.location),
      locationIsLiteral: location !== undefined,
      containers: Array.isArray(names) ? names.map((n) => config.literal(block.stack, n) ?? verbatim(n)) : verbatim(names),
      preventDestroy: preventDestroyOf(block.args),
      preconditions: preconditionsOf(block.args),
      ordering: undefined as unknown as Ordering, // set once the grants are known
    };
    vault.instances.push(instance);
  }

  for (const block of config.resources(LOCK_TYPE)) {
    const vault = vaultOf(block.stack, block.args.scope, false);
    if (!vault) continue;
    vault.locks.push({
      block,
      name: config.literal(block.stack, block.args.name) ?? verbatim(block.args.name),
      level: config.literal(block.stack, block.args.lock_level) ?? verbatim(block.args.lock_level),
      preventDestroy: preventDestroyOf(block.args),
    });
  }

  const grants = collectGrants(config, vaultOfIdentity);
  matchLiteralPrincipals(config, grants, [...vaults.values()]);
  const strayGrants: Grant[] = [];
  const protectedBy = new Map([...vaults.values()].map((v) => [v.key, new Set(v.instances.map((i) => i.account.key))]));
  for (const grant of grants) {
    const vault = grant.vaultKey === undefined ? undefined : vaults.get(grant.vaultKey);
    if (!vault) {
      grant.vaultKey = undefined;
      grant.kind = 'restore';
      strayGrants.push(grant);
      continue;
    }
    // Backup access when the vault protects the account; any other account is a restore target.
    grant.kind = protectedBy.get(vault.key)!.has(grant.account.key) ? 'backup' : 'restore';
    vault.grants.push(grant);
  }

  const waits = new Map<Block, Wait>();
  for (const block of config.resources(WAIT_TYPE))
    waits.set(block, { block, duration: verbatim(block.args.create_duration ?? '0s') });
  const containerResources = collectContainers(config);
  const outsideVaults = new Set([...vaults.values()].filter((v) => v.outside).map((v) => v.key));
  const context = { config, grants: indexGrants(grants), waits, containerResources, outsideVaults };
  for (const vault of vaults.values()) {
    for (const instance of vault.instances) instance.ordering = analyseOrdering(context, instance);
  }

  const sorted = [...vaults.values()]
    .map(sortVault)
    .sort(
      (a, b) =>
        compare(a.stack, b.stack) ||
        compare(a.name, b.name) ||
        compare(a.resourceGroup ?? '', b.resourceGroup ?? '') ||
        compare(a.key, b.key),
    );
  return { stacks, config, vaults: sorted, strayGrants, containerResources };
}

function sortVault(vault: Vault): Vault {
  const stack = vault.outside ? [...vault.referencedFrom].sort().join(', ') : vault.stack;
  vault.policies.sort((a, b) => compare(a.name, b.name) || compare(a.block.stack, b.block.stack));
  vault.instances.sort(
    (a, b) =>
      compare(a.account.name, b.account.name) ||
      compare(a.account.key, b.account.key) ||
      compare(a.block.address, b.block.address),
  );
  vault.grants.sort(
    (a, b) =>
      compare(a.account.name, b.account.name) ||
      compare(a.block.stack, b.block.stack) ||
      compare(a.block.address, b.block.address),
  );
  vault.locks.sort((a, b) => compare(a.name, b.name));
  return { ...vault, stack };
}

/** The account a `storage_account_id` (or a grant's `scope`) names. */
export function accountOf(config: Configuration, stack: string, value: unknown): Account {
  if (typeof value === 'string' && !isExpression(value)) {
    const m = STORAGE_ACCOUNT_ID.exec(value);
    return {
      key: m ? accountKey(m[1], m[2]) : value,
      name: m ? m[2] : value,
      resourceGroup: m?.[1],
      via: 'ID',
      resolvedId: value,
    };
  }
  const ref = config.ref(stack, value);
  if (ref && ref.block.type === ACCOUNT_TYPE && ref.attr === 'id') {
    const { block } = ref;
    const name = config.literal(block.stack, block.args.name);
    const resourceGroup = config.literal(block.stack, block.args.resource_group_name);
    const subscription = config.literal(block.stack, config.providerOf(block)?.subscription_id);
    const known = name !== undefined && resourceGroup !== undefined;
    return {
      key: known ? accountKey(resourceGroup, name) : `${block.stack}/${block.address}`,
      name: name ?? verbatim(block.args.name),
      resourceGroup: resourceGroup ?? optionalText(block.args.resource_group_name),
      via: block.isData ? 'data source' : 'resource',
      address: block.address,
      stack: block.stack,
      location: block.isData ? undefined : config.literal(block.stack, block.args.location),
      // azurerm's storage account (resource and data source) sets this ID, with the group and name as written.
      resolvedId:
        known && subscription !== undefined
          ? `/subscriptions/${subscription}/resourceGroups/${resourceGroup}/providers/Microsoft.Storage/storageAccounts/${name}`
          : undefined,
    };
  }
  const text = verbatim(value);
  return { key: `${stack}: ${text}`, name: text, via: 'expression' };
}

function collectGrants(config: Configuration, vaultOfIdentity: (block: Block, stack: string) => Vault | undefined): Grant[] {
  const grants: Grant[] = [];
  for (const block of config.resources(ROLE_ASSIGNMENT_TYPE)) {
    const roleName = config.literal(block.stack, block.args.role_definition_name);
    const roleId = config.literal(block.stack, block.args.role_definition_id);
    if (roleName !== BACKUP_ROLE.name && !(roleId ?? '').toLowerCase().endsWith(BACKUP_ROLE.id)) continue;
    const ref = config.ref(block.stack, block.args.principal_id);
    const vault =
      ref && ref.block.type === VAULT_TYPE && /^identity(\[0\]|\.0)\.principal_id$/.test(ref.attr)
        ? vaultOfIdentity(ref.block, block.stack)
        : undefined;
    grants.push({
      block,
      vaultKey: vault?.key,
      principal: verbatim(block.args.principal_id),
      account: accountOf(config, block.stack, block.args.scope),
      kind: 'restore',
      preconditions: preconditionsOf(block.args),
    });
  }
  return grants;
}

/**
 * An imported vault's identity is a literal GUID that the JSON does not tie to the vault. A grant with that GUID
 * belongs to the vault when the vault's backup instances point to it (depends_on, or the same account), and only
 * when the GUID points to that one vault.
 */
function matchLiteralPrincipals(config: Configuration, grants: Grant[], vaults: Vault[]): void {
  const literal = grants.filter((g) => g.vaultKey === undefined && GUID.test(g.principal));
  if (literal.length === 0) return;
  const byAddress = new Map(literal.map((g) => [`${g.block.stack}:${g.block.address}`, g]));
  const byAccount = new Map<string, Grant[]>();
  for (const g of literal) byAccount.set(g.account.key, [...(byAccount.get(g.account.key) ?? []), g]);
  const candidates = new Map<string, Set<string>>();
  for (const vault of vaults.filter((v) => v.outside)) {
    for (const instance of vault.instances) {
      const waitedFor = [...config.dependencies(instance.block).all].map((d) => byAddress.get(`${instance.block.stack}:${d}`));
      for (const grant of [...waitedFor, ...(byAccount.get(instance.account.key) ?? [])]) {
        if (!grant) continue;
        const principal = grant.principal.toLowerCase();
        candidates.set(principal, (candidates.get(principal) ?? new Set<string>()).add(vault.key));
      }
    }
  }
  for (const grant of literal) {
    const set = candidates.get(grant.principal.toLowerCase());
    if (set?.size === 1) grant.vaultKey = [...set][0];
  }
}

function indexGrants(grants: Grant[]): { byAccount: Map<string, Grant[]>; byAddress: Map<string, Grant> } {
  const byAccount = new Map<string, Grant[]>();
  const byAddress = new Map<string, Grant>();
  for (const grant of grants) {
    const list = byAccount.get(grant.account.key) ?? [];
    list.push(grant);
    byAccount.set(grant.account.key, list);
    byAddress.set(`${grant.block.stack}:${grant.block.address}`, grant);
  }
  return { byAccount, byAddress };
}

function collectContainers(config: Configuration): Map<string, { name: string; block: Block }[]> {
  const byAccount = new Map<string, { name: string; block: Block }[]>();
  for (const block of config.resources(CONTAINER_TYPE)) {
    if (block.args.storage_account_id === undefined) continue; // the older storage_account_name form names no ID
    const account = accountOf(config, block.stack, block.args.storage_account_id);
    const list = byAccount.get(account.key) ?? [];
    list.push({ name: config.literal(block.stack, block.args.name) ?? verbatim(block.args.name), block });
    byAccount.set(account.key, list);
  }
  return byAccount;
}

function preventDestroyOf(args: Args): boolean {
  const lifecycle = args.lifecycle as Record<string, unknown> | undefined;
  return lifecycle?.prevent_destroy === true;
}

// What the library's preconditions check, in short; anything else by its literal message, or its condition.
const CHECKS: [RegExp, string][] = [
  [/lower\(replace\(/, 'same region as the vault'],
  [/\.is_hns_enabled == true/, 'hierarchical namespace on'],
  [/\.nfsv3_enabled != true/, 'NFS 3.0 off'],
  [/\.account_kind == "StorageV2"/, 'StorageV2'],
  [/\.account_tier == "Standard"/, 'Standard tier'],
];

/** Each `lifecycle.precondition` in short. */
export function preconditionsOf(args: Args): string[] {
  const lifecycle = args.lifecycle as Record<string, unknown> | undefined;
  const list = lifecycle?.precondition;
  if (list === undefined) return [];
  return (Array.isArray(list) ? list : [list]).map((p: unknown) => {
    const { condition, error_message: message } = (p ?? {}) as Record<string, unknown>;
    const cond = verbatim(condition);
    const known = CHECKS.find(([pattern]) => pattern.test(cond));
    if (known) return known[1];
    if (typeof message === 'string' && !isExpression(message)) return message;
    return cond;
  });
}

function optionalText(value: unknown): string | undefined {
  return value === undefined ? undefined : verbatim(value);
}
