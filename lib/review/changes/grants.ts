// Storage Account Backup Contributor grants added, removed, or referencing their account another way.
import type { Grant, Model } from '../model';
import { byName } from './compare';
import type { Matching } from './matching';
import { referenceChange } from './references';
import type { ChangesReport, GrantChange, ReferenceChange } from './types';

/** The grant changes, each list by account and address. */
export function grantChanges(m: Matching): ChangesReport['grants'] {
  const references: ReferenceChange[] = [];
  for (const [b, n] of m.grants.pairs) {
    const reference = referenceChange(b.account, n.account);
    if (!reference) continue;
    references.push({
      account: n.account.name,
      vault: n.vaultKey === undefined ? undefined : m.vaultName(m.next, n.vaultKey),
      kind: n.kind,
      stack: n.block.stack,
      address: n.block.address,
      argument: 'scope',
      ...reference,
    });
  }
  const change = (model: Model, g: Grant): GrantChange => ({
    account: g.account.name,
    vault: g.vaultKey === undefined ? undefined : m.vaultName(model, g.vaultKey),
    kind: g.kind,
    stack: g.block.stack,
    address: g.block.address,
  });
  const sort = byName<GrantChange | ReferenceChange>((g) => `${g.account}|${g.address}`);
  return {
    added: m.grants.onlyNew.map((g) => change(m.next, g)).sort(sort),
    removed: m.grants.onlyBase.map((g) => change(m.base, g)).sort(sort),
    referenceChanged: references.sort(sort),
  };
}
