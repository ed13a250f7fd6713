import { IConstruct } from 'constructs';

/**
 * Which storage accounts each vault backs up and restores to, across one app, so that the rules Azure only
 * enforces at apply time are caught at synth: a restore never goes to a backup's own account.
 * Vaults are keyed by `vaultId`: the same cdktf token for a vault of the app, the same literal for an import.
 */
interface VaultAccounts {
  /** stable account key -> path of the DataLakeBackup that protects it */
  readonly sources: Map<string, string>;
  /** stable account key -> path of the construct that prepared it as a restore target */
  readonly targets: Map<string, string>;
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

/** Records `accountKey` as backed up into the vault by `path`; returns the restore target path it clashes with. */
export function registerBackupSource(scope: IConstruct, vaultId: string, accountKey: string, path: string): string | undefined {
  const accounts = accountsOf(scope, vaultId);
  const clash = accounts.targets.get(accountKey);
  if (clash === undefined && !accounts.sources.has(accountKey)) accounts.sources.set(accountKey, path);
  return clash;
}

/** Records `accountKey` as a restore target of the vault; returns the path of the backup it clashes with. */
export function registerRestoreTarget(scope: IConstruct, vaultId: string, accountKey: string, path: string): string | undefined {
  const accounts = accountsOf(scope, vaultId);
  const clash = accounts.sources.get(accountKey);
  if (clash === undefined && !accounts.targets.has(accountKey)) accounts.targets.set(accountKey, path);
  return clash;
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
