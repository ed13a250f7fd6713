import { IConstruct } from 'constructs';

/**
 * Which storage accounts each vault backs up and restores to, across one app, so that the rule Azure only
 * enforces at restore time is caught at synth: a backup is never restored into its own account.
 * Vaults are keyed by `vaultId`: the same cdktf token for a vault of the app, the same literal for an import.
 */
interface VaultAccounts {
  /** account key -> path of the DataLakeBackup that protects it */
  readonly sources: Map<string, string>;
  /** account key -> the restore target prepared on it */
  readonly targets: Map<string, RestoreTargetClaim>;
}

interface RestoreTargetClaim {
  /** The construct (or grant) that prepared it. */
  readonly path: string;
  /** The accounts whose backups may be restored there; undefined: every backup of the vault. */
  readonly sourceKeys?: readonly string[];
}

const registries = new WeakMap<IConstruct, Map<string, VaultAccounts>>();

function accountsOf(scope: IConstruct, vaultId: string): VaultAccounts {
  const root = scope.node.root;
  const byVault = registries.get(root) ?? new Map<string, VaultAccounts>();
  registries.set(root, byVault);
  const accounts = byVault.get(vaultId) ?? { sources: new Map(), targets: new Map() };
  byVault.set(vaultId, accounts);
  return accounts;
}

/**
 * Records `accountKey` as backed up into the vault by `path`. Returns the path of a restore target on the same
 * account that is meant for every backup of the vault (so also this one), which Azure would refuse.
 */
export function registerBackupSource(scope: IConstruct, vaultId: string, accountKey: string, path: string): string | undefined {
  const accounts = accountsOf(scope, vaultId);
  const target = accounts.targets.get(accountKey);
  if (target !== undefined && (target.sourceKeys === undefined || target.sourceKeys.includes(accountKey))) return target.path;
  if (!accounts.sources.has(accountKey)) accounts.sources.set(accountKey, path);
  return undefined;
}

/**
 * The backup whose own account `accountKey` is, among the backups to be restored there (`sourceKeys`, or every
 * backup of the vault): Azure restores only to a different account. Undefined when there is none.
 */
export function restoreClash(
  scope: IConstruct,
  vaultId: string,
  accountKey: string,
  sourceKeys?: readonly string[],
): string | undefined {
  const inScope = sourceKeys === undefined || sourceKeys.includes(accountKey);
  return inScope ? accountsOf(scope, vaultId).sources.get(accountKey) : undefined;
}

/** Records `accountKey` as a restore target of the vault, once all its checks passed. */
export function registerRestoreTarget(scope: IConstruct, vaultId: string, accountKey: string, claim: RestoreTargetClaim): void {
  const accounts = accountsOf(scope, vaultId);
  if (!accounts.targets.has(accountKey)) accounts.targets.set(accountKey, claim);
}

const names = new WeakMap<IConstruct, Map<string, string>>();

/**
 * Claims a literal Azure name within its parent (`namespace`, e.g. a resource group or a vault) for `path`, across
 * the app; returns the path that already holds it. Azure names are case-insensitive, so are the claims.
 */
export function claimName(scope: IConstruct, namespace: string, name: string, path: string): string | undefined {
  const root = scope.node.root;
  const claimed = names.get(root) ?? new Map<string, string>();
  names.set(root, claimed);
  const key = `${namespace}\n${name}`.toLowerCase();
  const holder = claimed.get(key);
  if (holder === undefined) claimed.set(key, path);
  return holder;
}
