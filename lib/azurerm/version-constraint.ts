/**
 * Terraform version constraints (comma-separated `op version` clauses, `~>` included), read as Terraform reads them.
 * The library uses them to find what the stack's azurerm constraint allows (1000 containers from 4.79.0); the tests
 * check the constraint the library writes.
 */

/** A version as Terraform compares it: up to three numeric parts and an optional prerelease. */
interface Version {
  readonly parts: readonly number[];
  readonly prerelease?: string;
}

/** A constraint operator; a clause without one means `=`. */
type Operator = '=' | '!=' | '>' | '>=' | '<' | '<=' | '~>';

/** One clause of a constraint. */
export interface Clause {
  readonly op: Operator;
  readonly version: Version;
}

/** Reads `4.68.0`, `4.79`, `v5` or `5.0.0-beta1`; throws on anything else. */
function parseVersion(text: string): Version {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?$/.exec(text.trim());
  if (!match) throw new Error(`not a version: ${JSON.stringify(text)}`);
  const parts = [match[1], match[2], match[3]].filter((p) => p !== undefined).map(Number);
  return { parts, prerelease: match[4] };
}

/** Negative, zero or positive as `a` sorts before, with or after `b`. */
function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) {
    const d = (a.parts[i] ?? 0) - (b.parts[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (a.prerelease === b.prerelease) return 0;
  if (a.prerelease === undefined) return 1; // a release sorts after its prereleases
  if (b.prerelease === undefined) return -1;
  return a.prerelease < b.prerelease ? -1 : 1;
}

/** Reads a constraint such as `>= 4.68.0, < 6.0.0`; throws on a clause Terraform would refuse. */
export function parseConstraint(text: string): Clause[] {
  const clauses = text.split(',').map((c) => c.trim());
  if (clauses.some((c) => c === '')) throw new Error(`empty clause in ${JSON.stringify(text)}`);
  return clauses.map((clause) => {
    const match = /^(~>|>=|<=|!=|>|<|=)?\s*(\S+)$/.exec(clause);
    if (!match) throw new Error(`not a version constraint: ${JSON.stringify(clause)}`);
    return { op: (match[1] ?? '=') as Operator, version: parseVersion(match[2]) };
  });
}

// `~> 4.68.0` lets only the rightmost given part grow: >= 4.68.0, < 4.69.0; `~> 4.0`: >= 4.0, < 5.0.
function pessimisticUpper(bound: Version): Version {
  const pivot = Math.max(0, bound.parts.length - 2);
  return { parts: bound.parts.slice(0, pivot + 1).map((p, i) => (i === pivot ? p + 1 : p)) };
}

/** True when `version` satisfies every clause of `constraint`, as Terraform reads it. */
export function admits(constraint: string, version: string): boolean {
  const v = parseVersion(version);
  const clauses = parseConstraint(constraint);
  // Terraform only selects a prerelease when a clause names it exactly.
  if (v.prerelease !== undefined && !clauses.some((c) => c.op === '=' && compareVersions(c.version, v) === 0)) return false;
  return clauses.every(({ op, version: bound }) => {
    const cmp = compareVersions(v, bound);
    switch (op) {
      case '=':
        return cmp === 0;
      case '!=':
        return cmp !== 0;
      case '>':
        return cmp > 0;
      case '>=':
        return cmp >= 0;
      case '<':
        return cmp < 0;
      case '<=':
        return cmp <= 0;
      case '~>':
        return cmp >= 0 && compareVersions(v, pessimisticUpper(bound)) < 0;
    }
  });
}

/**
 * True when `constraint` refuses every version below `version`: its lowest bound (from `>=`, `>`, `=` or `~>`) is
 * at least `version`. `!=` clauses are not counted, so the answer errs towards "older versions are admitted".
 */
export function refusesBelow(constraint: string, version: string): boolean {
  const floor = parseVersion(version);
  return parseConstraint(constraint).some(({ op, version: bound }) => {
    if (op === '>=' || op === '=' || op === '~>') return compareVersions(bound, floor) >= 0;
    // `> 4.78.9` still admits 4.78.10; only a bound at or above the floor refuses everything below it.
    if (op === '>') return compareVersions(bound, floor) >= 0;
    return false;
  });
}
