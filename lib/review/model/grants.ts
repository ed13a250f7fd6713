// Storage Account Backup Contributor grants: whose identity each one is for, and whether it gives backup access
// (the vault protects the account) or lets restores write (any other account).
import type { Block, Configuration } from '../read/configuration';
import { accountOf } from './accounts';
import { preconditionsOf } from './lifecycle';
import { BACKUP_ROLE, ROLE_ASSIGNMENT_TYPE, VAULT_TYPE } from './resource-types';
import type { Grant, VaultHead } from './types';
import { verbatim } from '../words';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IDENTITY = /^identity(\[0\]|\.0)\.principal_id$/;

/** A grant as read, before its vault and kind are decided. */
export interface GrantDraft extends Omit<Grant, 'vaultKey' | 'kind'> {
  /** The vault whose identity `principal_id` refers to, when it is a reference to a vault. */
  readonly identityVaultKey?: string;
}

/** What the grant decision needs of a backup instance. */
export interface InstanceRef {
  /** The backup instance resource. */
  readonly block: Block;
  /** The key of its vault. */
  readonly vaultKey: string;
  /** The account it protects. */
  readonly account: {
    /** The account's key (`Account.key`). */
    readonly key: string;
  };
}

/** Every Storage Account Backup Contributor role assignment, with the vault its principal refers to (if any). */
export function readGrants(
  config: Configuration,
  vaultOfIdentity: (block: Block, stack: string) => VaultHead | undefined,
): GrantDraft[] {
  const grants: GrantDraft[] = [];
  for (const block of config.resources(ROLE_ASSIGNMENT_TYPE)) {
    const roleName = config.literal(block.stack, block.args.role_definition_name);
    const roleId = config.literal(block.stack, block.args.role_definition_id);
    if (roleName !== BACKUP_ROLE.name && !(roleId ?? '').toLowerCase().endsWith(BACKUP_ROLE.id)) continue;
    const ref = config.ref(block.stack, block.args.principal_id);
    const vault =
      ref && ref.block.type === VAULT_TYPE && IDENTITY.test(ref.attr) ? vaultOfIdentity(ref.block, block.stack) : undefined;
    grants.push({
      block,
      identityVaultKey: vault?.key,
      principal: verbatim(block.args.principal_id),
      account: accountOf(config, block.stack, block.args.scope),
      preconditions: preconditionsOf(block.args),
    });
  }
  return grants;
}

/**
 * An imported vault's identity is a literal GUID that the JSON does not tie to the vault. A grant with that GUID
 * belongs to the vault when the vault's backup instances point to it (depends_on, or the same account), and only
 * when the GUID points to that one vault. Returns the vault key of each grant so matched.
 * @param outsideInstances the backup instances of vaults outside the configuration
 */
export function matchLiteralPrincipals(
  config: Configuration,
  grants: readonly GrantDraft[],
  outsideInstances: readonly InstanceRef[],
): Map<GrantDraft, string> {
  const matched = new Map<GrantDraft, string>();
  const literal = grants.filter((g) => g.identityVaultKey === undefined && GUID.test(g.principal));
  if (literal.length === 0) return matched;
  const byAddress = new Map(literal.map((g) => [`${g.block.stack}:${g.block.address}`, g]));
  const byAccount = new Map<string, GrantDraft[]>();
  for (const g of literal) byAccount.set(g.account.key, [...(byAccount.get(g.account.key) ?? []), g]);
  const candidates = new Map<string, Set<string>>();
  for (const instance of outsideInstances) {
    const waitedFor = [...config.dependencies(instance.block).all].map((d) => byAddress.get(`${instance.block.stack}:${d}`));
    for (const grant of [...waitedFor, ...(byAccount.get(instance.account.key) ?? [])]) {
      if (!grant) continue;
      const principal = grant.principal.toLowerCase();
      candidates.set(principal, (candidates.get(principal) ?? new Set<string>()).add(instance.vaultKey));
    }
  }
  for (const grant of literal) {
    const set = candidates.get(grant.principal.toLowerCase());
    if (set?.size === 1) matched.set(grant, [...set][0]);
  }
  return matched;
}

/**
 * Each grant with its vault and kind decided: backup access when the vault protects the account, a restore
 * target otherwise; a grant of no known vault is a restore grant with no vault.
 * @param protectedBy the account keys each vault's instances protect, by vault key
 */
export function decideGrants(
  drafts: readonly GrantDraft[],
  matched: ReadonlyMap<GrantDraft, string>,
  protectedBy: ReadonlyMap<string, ReadonlySet<string>>,
): Grant[] {
  return drafts.map((grant) => {
    const { identityVaultKey, ...draft } = grant;
    const vaultKey = identityVaultKey ?? matched.get(grant);
    const accounts = vaultKey === undefined ? undefined : protectedBy.get(vaultKey);
    if (accounts === undefined) return { ...draft, vaultKey: undefined, kind: 'restore' };
    return { ...draft, vaultKey, kind: accounts.has(draft.account.key) ? 'backup' : 'restore' };
  });
}
