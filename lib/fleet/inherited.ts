// A value under `defaults` is every account's that does not set its own: one problem there is reported once, at
// the defaults line, with the number of accounts it reaches, not once per account.

/** The fields of `defaults` that accounts inherit, by the account field of the same name. */
const INHERITED = new Set(['policy', 'rolePropagationWait']);

/**
 * How many accounts of the (parsed, maybe invalid) spec take the value at `path` from `defaults`; undefined when
 * `path` is not an inherited default or the accounts cannot be counted.
 */
function inheritedBy(spec: unknown, path: readonly (string | number)[]): number | undefined {
  const field = path[1];
  if (path[0] !== 'defaults' || typeof field !== 'string' || !INHERITED.has(field)) return undefined;
  const accounts = (spec as { accounts?: unknown } | null)?.accounts;
  if (!Array.isArray(accounts)) return undefined;
  return accounts.filter((a) => typeof a !== 'object' || a === null || !Object.hasOwn(a, field)).length;
}

/** ` (inherited by N accounts)`, as a problem's message ends. */
export function inheritedNote(accounts: number): string {
  return ` (inherited by ${accounts} account${accounts === 1 ? '' : 's'})`;
}

/** `message` with the note when the problem at `path` is an inherited default. */
export function withInheritedNote(spec: unknown, path: readonly (string | number)[], message: string): string {
  const accounts = inheritedBy(spec, path);
  return accounts === undefined ? message : `${message}${inheritedNote(accounts)}`;
}
