// Protection: accounts newly protected, no longer protected, whose backup instance is replaced (protection stops
// and starts again with no recovery points), referenced another way, moved to another policy or given other
// containers.
import type { Instance, Model, Policy } from '../model';
import { addressChange, byName, regionText, setDiff } from './compare';
import type { Matching } from './matching';
import { referenceChange } from './references';
import type { AccountChange, ArgChange, ChangesReport, ContainerChange, PolicyMove, ReferenceChange } from './types';

const LOCATION_AT_PLAN = 'known only at plan: it forces replacement (azurerm ForceNew) if the region differs';

/** The protection changes: the `accounts`, `containers` and `policyMoves` parts of the report, each sorted. */
export interface ProtectionChanges {
  /** Accounts added, removed, replaced and referenced another way. */
  readonly accounts: ChangesReport['accounts'];
  /** Container lists changed in place. */
  readonly containers: readonly ContainerChange[];
  /** Instances moved to another policy. */
  readonly policyMoves: readonly PolicyMove[];
}

/**
 * What changes for each protected account.
 * @param replacedVaults keys of the vaults replaced: their instances get a new vault ID
 * @param policyMatch each base policy paired with its new one (the same policy under a new name is no move)
 */
export function protectionChanges(
  m: Matching,
  replacedVaults: ReadonlySet<string>,
  policyMatch: ReadonlyMap<Policy, Policy>,
): ProtectionChanges {
  const replaced: AccountChange[] = [];
  const references: ReferenceChange[] = [];
  const containers: ContainerChange[] = [];
  const policyMoves: PolicyMove[] = [];
  for (const [b, n] of m.instances.pairs) {
    const { changes, reference } = instanceChanges(m, b, n, replacedVaults);
    if (reference) references.push(reference);
    if (changes.length > 0) {
      replaced.push(accountChange(m, m.next, n, changes));
      continue;
    }
    // The same policy under a new name is a replacement (of the policy), not a move.
    const samePolicy = b.policy !== undefined && policyMatch.get(b.policy) === n.policy;
    const where = { account: n.account.name, vault: m.vaultName(m.next, n.vaultKey), stack: n.block.stack };
    if (!samePolicy && b.policyText !== n.policyText) policyMoves.push({ ...where, from: b.policyText, to: n.policyText });
    const [added, removed] = setDiff(b.containers, n.containers);
    if (added.length > 0 || removed.length > 0) containers.push({ ...where, added, removed });
  }
  const sort = byName<{ readonly account: string; readonly stack: string }>((a) => a.account);
  return {
    accounts: {
      added: m.instances.onlyNew.map((i) => accountChange(m, m.next, i)).sort(sort),
      removed: m.instances.onlyBase.map((i) => accountChange(m, m.base, i)).sort(sort),
      replaced: replaced.sort(sort),
      referenceChanged: references.sort(sort),
    },
    containers: containers.sort(sort),
    policyMoves: policyMoves.sort(sort),
  };
}

function accountChange(m: Matching, model: Model, i: Instance, changes: ArgChange[] = []): AccountChange {
  return {
    account: i.account.name,
    key: i.account.key,
    vault: m.vaultName(model, i.vaultKey),
    stack: i.block.stack,
    policy: i.policyText,
    containers: i.containers,
    changes,
    preventDestroy: i.preventDestroy,
    alsoIn: model === m.next ? m.stillIn.get(`instance|${i.account.key}|${i.vaultKey}`) : undefined,
  };
}

/**
 * What forces the instance's replacement (address, account ID, vault, region); or, when nothing does, how its
 * account is referenced another way.
 */
function instanceChanges(
  m: Matching,
  b: Instance,
  n: Instance,
  replacedVaults: ReadonlySet<string>,
): { changes: ArgChange[]; reference?: ReferenceChange } {
  const changes: ArgChange[] = [...addressChange(b.block, n.block, m.next)];
  const reference = referenceChange(b.account, n.account);
  if (reference?.forcesReplacement) {
    const [old, now] = [b.account.resolvedId!, n.account.resolvedId!];
    changes.push({ argument: 'storage_account_id', old, new: now, note: 'forces replacement (azurerm ForceNew)' });
  }
  const vault = vaultArgument(m, b, n, replacedVaults);
  if (vault) changes.push(vault);
  // A region read at plan (the account data source's `location`) against a literal one: the plan tells.
  let locationAtPlan: ArgChange | undefined;
  if (regionText(b.location, b.locationIsLiteral) !== regionText(n.location, n.locationIsLiteral)) {
    if (b.locationIsLiteral && n.locationIsLiteral) changes.push({ argument: 'location', old: b.location, new: n.location });
    else locationAtPlan = { argument: 'location', old: b.location, new: n.location, note: LOCATION_AT_PLAN };
  }
  if (reference && !reference.forcesReplacement && changes.length === 0) {
    const where = { account: n.account.name, vault: m.vaultName(m.next, n.vaultKey), stack: n.block.stack };
    const at = { address: n.block.address, argument: 'storage_account_id' } as const;
    return { changes, reference: { ...where, ...at, ...reference, ...(locationAtPlan ? { location: locationAtPlan } : {}) } };
  }
  return { changes: locationAtPlan ? [...changes, locationAtPlan] : changes };
}

/** The instance's `data_protection_backup_vault_id`: another vault, or its vault replaced (a new vault ID). */
function vaultArgument(m: Matching, b: Instance, n: Instance, replacedVaults: ReadonlySet<string>): ArgChange | undefined {
  const [old, now] = [m.vaultName(m.base, b.vaultKey), m.vaultName(m.next, n.vaultKey)];
  if (m.newKey(b.vaultKey) !== n.vaultKey) return { argument: 'data_protection_backup_vault_id', old, new: now };
  if (replacedVaults.has(n.vaultKey)) {
    return { argument: 'data_protection_backup_vault_id', old, new: `${now}, replaced (a new vault ID)` };
  }
  return undefined;
}
