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

/** `inherited by N accounts`, the note a problem's message ends with in parentheses. */
export function inheritedNote(accounts: number): string {
  return `inherited by ${accounts} account${accounts === 1 ? '' : 's'}`;
}

/** `problem` with the note when it is at an inherited default. */
export function withInheritedNote<P extends { readonly path: readonly (string | number)[] }>(spec: unknown, problem: P): P {
  const accounts = inheritedBy(spec, problem.path);
  return accounts === undefined ? problem : { ...problem, note: inheritedNote(accounts) };
}
