// The same account referenced another way: a literal ID, a resource or a data source. The plan shows no change
// when both give the same ID, and a replacement when they give different ones.
import type { Account } from '../model';
import type { ReferenceChange } from './types';

/** How the configuration references an account, in words. */
function referenceWords(account: Account): string {
  if (account.via === 'ID') return `ID \`${account.resolvedId}\``;
  if (account.via === 'expression') return `\`${account.name}\``;
  return `${account.via} \`${account.address}\``;
}

/**
 * The same account (same key) referenced another way, or resolving to another ID. Undefined when nothing changes:
 * the same reference, and no two known IDs that differ.
 */
export function referenceChange(
  b: Account,
  n: Account,
): Pick<ReferenceChange, 'old' | 'new' | 'sameId' | 'forcesReplacement'> | undefined {
  const [old, now] = [referenceWords(b), referenceWords(n)];
  const bothKnown = b.resolvedId !== undefined && n.resolvedId !== undefined;
  if (bothKnown && b.resolvedId !== n.resolvedId) return { old, new: now, forcesReplacement: true };
  if (old === now) return undefined;
  return { old, new: now, sameId: bothKnown ? b.resolvedId : undefined };
}
