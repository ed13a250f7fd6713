// Version comparisons for rules that only some provider releases have (`>= 4.79.0`, `< 5.0.0`).

function parts(version: string): number[] {
  return version.split('.').map((p) => Number.parseInt(p, 10));
}

export function compareVersions(a: string, b: string): number {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** Whether `version` satisfies one comparison such as `>= 4.79.0`. */
export function admits(constraint: string, version: string): boolean {
  const match = /^\s*(>=|<=|>|<|=)\s*(\d+(?:\.\d+)*)\s*$/.exec(constraint);
  if (!match) throw new Error(`a rule's versions must be one comparison such as ">= 4.79.0", not ${JSON.stringify(constraint)}`);
  const c = compareVersions(version, match[2]);
  return { '>=': c >= 0, '<=': c <= 0, '>': c > 0, '<': c < 0, '=': c === 0 }[match[1] as '>=']!;
}
