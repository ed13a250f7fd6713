// The changes stage: what changes against a base (an older cdktf.out), ordered by what can go wrong at apply.
// Pure functions of the two models, one per concern: stacks, vaults, policies, protection (accounts), ordering
// (waits), grants and the other resources.
import type { Model } from '../model';
import { protectionChanges } from './accounts';
import { grantChanges } from './grants';
import { matchModels } from './matching';
import { otherChanges } from './other';
import { policyChanges } from './policies';
import { stackChanges } from './stacks';
import type { ChangesReport } from './types';
import { vaultChanges } from './vaults';
import { waitChanges } from './waits';

export type * from './types';
export { canonical, pair, sameKey } from './compare';
export { matchModels } from './matching';

/** Everything that changes from `base` to `next`; `baseDir` is the base directory, as given. */
export function diffModels(base: Model, next: Model, baseDir: string): ChangesReport {
  const m = matchModels(base, next);
  const vaults = vaultChanges(m);
  const replacedVaults = new Set(vaults.replaced.map((v) => v.key));
  const policies = policyChanges(m, replacedVaults);
  const protection = protectionChanges(m, replacedVaults, new Map(m.policies.pairs));
  const waits = waitChanges(m);
  const parts: Omit<ChangesReport, 'base' | 'none'> = {
    stacks: stackChanges(m),
    replacedPolicies: policies.replaced,
    vaults,
    accounts: protection.accounts,
    containers: protection.containers,
    policyMoves: protection.policyMoves,
    policies: { added: policies.added, removed: policies.removed },
    waits: waits.changes,
    grants: grantChanges(m),
    other: otherChanges(m, waits.told),
  };
  return { base: baseDir, none: isNone(parts), ...parts };
}

/** True when no part lists anything. */
function isNone(parts: Omit<ChangesReport, 'base' | 'none'>): boolean {
  return Object.values(parts).every((part) =>
    Array.isArray(part) ? part.length === 0 : Object.values(part as object).every((list: unknown[]) => list.length === 0),
  );
}
