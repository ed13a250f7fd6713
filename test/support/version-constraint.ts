/**
 * A small reader for Terraform version constraints (comma-separated `op version` clauses, including `~>`), and
 * Terraform's provider source address normalization. Used by `test/schema-conformance.test.ts` to check the azurerm
 * version constraint the library renders.
 */

// ---------------------------------------------------------------------------------------------------------------
// Version constraint checker (Terraform syntax: comma-separated `op version`)
// ---------------------------------------------------------------------------------------------------------------

interface Version {
  readonly parts: readonly number[];
  readonly prerelease?: string;
}
type Operator = '=' | '!=' | '>' | '>=' | '<' | '<=' | '~>';

export function parseVersion(text: string): Version {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?$/.exec(text.trim());
  if (!match) throw new Error(`not a version: ${JSON.stringify(text)}`);
  const parts = [match[1], match[2], match[3]].filter((p) => p !== undefined).map(Number);
  return { parts, prerelease: match[4] };
}

export function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) {
    const d = (a.parts[i] ?? 0) - (b.parts[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (a.prerelease === b.prerelease) return 0;
  if (a.prerelease === undefined) return 1; // a release sorts after its prereleases
  if (b.prerelease === undefined) return -1;
  return a.prerelease < b.prerelease ? -1 : 1;
}

export function parseConstraint(text: string): { op: Operator; version: Version }[] {
  const clauses = text.split(',').map((c) => c.trim());
  if (clauses.some((c) => c === '')) throw new Error(`empty clause in ${JSON.stringify(text)}`);
  return clauses.map((clause) => {
    const match = /^(~>|>=|<=|!=|>|<|=)?\s*(\S+)$/.exec(clause);
    if (!match) throw new Error(`not a version constraint: ${JSON.stringify(clause)}`);
    return { op: (match[1] ?? '=') as Operator, version: parseVersion(match[2]) };
  });
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
      case '~>': {
        // `~> 4.68.0` allows only the rightmost given part to grow: >= 4.68.0, < 4.69.0; `~> 4.0`: >= 4.0, < 5.0.
        const given = bound.parts.length;
        const pivot = Math.max(0, given - 2);
        const upper = bound.parts.slice(0, pivot + 1).map((p, i) => (i === pivot ? p + 1 : p));
        return cmp >= 0 && compareVersions(v, { parts: upper }) < 0;
      }
    }
  });
}

/** Terraform's source address with its defaults filled in: `azurerm` -> `hashicorp/azurerm`. */
export function normalizeSource(source: string): string {
  const parts = source.toLowerCase().split('/');
  if (parts.length === 1) return `hashicorp/${parts[0]}`;
  if (parts.length === 3 && parts[0] === 'registry.terraform.io') return `${parts[1]}/${parts[2]}`;
  return parts.join('/');
}
