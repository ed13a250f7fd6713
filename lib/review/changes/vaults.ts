// Vaults replaced (deleting a vault deletes every recovery point in it), removed, added and changed in place.
import { normalizeRegion } from '../../regions';
import type { Instance, Model, Vault } from '../model';
import { LOCK_TYPE } from '../model';
import { compare } from '../read/configuration';
import { verbatim } from '../words';
import { addressChange, byName, canonical, META } from './compare';
import type { Matching } from './matching';
import type { ArgChange, ChangesReport, VaultChange } from './types';

// Arguments azurerm replaces the vault for.
const VAULT_FORCE_NEW = ['name', 'resource_group_name', 'location', 'datastore_type', 'redundancy'];

/** The vault changes, each list sorted by vault name. */
export function vaultChanges(m: Matching): ChangesReport['vaults'] {
  const replaced: VaultChange[] = [];
  const updated: VaultChange[] = [];
  for (const [b, n] of m.vaults.pairs) {
    const forceNew = [...addressChange(b.block!, n.block!, m.next), ...replacementChanges(m.base, b, m.next, n)];
    if (forceNew.length > 0) replaced.push(vaultChange(n, forceNew, b.instances));
    else {
      const inPlace = updateChanges(m.base, b, m.next, n);
      if (inPlace.length > 0) updated.push(vaultChange(n, inPlace, n.instances));
    }
  }
  const sort = byName<VaultChange>((v) => v.vault);
  return {
    replaced: replaced.sort(sort),
    removed: m.vaults.onlyBase.map((v) => vaultChange(v, [], v.instances)).sort(sort),
    added: m.vaults.onlyNew
      .map((v) => ({ ...vaultChange(v, [], v.instances), alsoIn: m.stillIn.get(`vault|${v.key}`) }))
      .sort(sort),
    updated: updated.sort(sort),
  };
}

function vaultChange(vault: Vault, changes: ArgChange[], instances: readonly Instance[]): VaultChange {
  return {
    vault: vault.name,
    key: vault.key,
    stack: vault.stack,
    address: vault.block!.address,
    changes,
    preventDestroy: vault.preventDestroy,
    accounts: instances.map((i) => i.account.name).sort(compare),
  };
}

function vaultArg(model: Model, vault: Vault, argument: string): string {
  const value = vault.args[argument];
  if (value === undefined) return '(not set)';
  return model.config.literal(vault.block!.stack, value) ?? verbatim(value);
}

/** What makes azurerm replace the vault: a ForceNew argument, or undoing an irreversible setting. */
function replacementChanges(base: Model, b: Vault, next: Model, n: Vault): ArgChange[] {
  const changes: ArgChange[] = [];
  for (const argument of VAULT_FORCE_NEW) {
    const [old, now] = [vaultArg(base, b, argument), vaultArg(next, n, argument)];
    const same = argument === 'location' ? normalizeRegion(old) === normalizeRegion(now) : old === now;
    if (!same) changes.push({ argument, old, new: now });
  }
  // Irreversible settings: azurerm can only undo them by replacing the vault.
  if (b.args.immutability === 'Locked' && n.args.immutability !== 'Locked') {
    changes.push({
      argument: 'immutability',
      old: 'Locked',
      new: vaultArg(next, n, 'immutability'),
      note: 'Locked cannot be undone: azurerm replaces the vault',
    });
  }
  if (b.args.cross_region_restore_enabled === true && n.args.cross_region_restore_enabled !== true) {
    changes.push({
      argument: 'cross_region_restore_enabled',
      old: 'true',
      new: vaultArg(next, n, 'cross_region_restore_enabled'),
      note: 'cross-region restore cannot be turned off: azurerm replaces the vault',
    });
  }
  return changes;
}

/** In-place changes: other arguments, prevent_destroy and deletion locks. */
function updateChanges(base: Model, b: Vault, next: Model, n: Vault): ArgChange[] {
  const changes: ArgChange[] = [];
  const argumentsOf = [...new Set([...Object.keys(b.args), ...Object.keys(n.args)])]
    .filter((a) => !META.has(a) && !VAULT_FORCE_NEW.includes(a))
    .sort();
  for (const argument of argumentsOf) {
    if (canonical(b.args[argument]) === canonical(n.args[argument])) continue;
    const [old, now] = [vaultArg(base, b, argument), vaultArg(next, n, argument)];
    changes.push({ argument, old, new: now, note: vaultNote(argument, now) });
  }
  if (b.preventDestroy !== n.preventDestroy) {
    changes.push({
      argument: 'lifecycle.prevent_destroy',
      old: String(b.preventDestroy),
      new: String(n.preventDestroy),
      note: n.preventDestroy ? undefined : 'Terraform will no longer refuse to destroy the vault',
    });
  }
  const lock = lockChange(b, n);
  if (lock) changes.push(lock);
  return changes;
}

function lockChange(b: Vault, n: Vault): ArgChange | undefined {
  const lockNames = (v: Vault) =>
    v.locks
      .map((l) => `${l.name} (${l.level})`)
      .sort(compare)
      .join(', ') || 'none';
  if (lockNames(b) === lockNames(n)) return undefined;
  return {
    argument: LOCK_TYPE,
    old: lockNames(b),
    new: lockNames(n),
    note:
      n.locks.length < b.locks.length ? 'a deletion lock is removed: Azure will no longer refuse to delete the vault' : undefined,
  };
}

function vaultNote(argument: string, value: string): string | undefined {
  if (argument === 'soft_delete' && value === 'AlwaysOn') return 'irreversible: soft delete can never be turned off again';
  if (argument === 'soft_delete' && value === 'Off') return 'deleted backup data will be gone at once';
  if (argument === 'immutability' && value === 'Locked')
    return 'irreversible: recovery points cannot be deleted before they expire';
  if (argument === 'cross_region_restore_enabled' && value === 'true')
    return 'irreversible: cannot be turned off (azurerm replaces the vault)';
  return undefined;
}
