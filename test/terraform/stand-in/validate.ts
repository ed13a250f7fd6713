// The provider's own checks, applied as the SDK applies them: a ValidateFunc to every known, non-null value at
// its path (each element of a list, set or map; each block of a list or set), the schema's cross-argument rules
// over one configuration object, and CustomizeDiff checks at plan time. Unknown values are skipped, as the SDK
// skips them: they are checked at apply, which the stand-in does not model.
import type { ArgumentRule, CrossRule, TypeRules, Value } from './rules/rule';
import { isObject, isUnknown, isWhollyKnown } from './values';
import type { ObjectValue } from './values';
import type { PathStep } from './plan';
import { admits } from './versions';

export interface Problem {
  readonly summary: string;
  readonly path: PathStep[];
}

interface Found {
  readonly value: Value;
  /** The SDK's key for the value: `retention_rule.0.duration`, what a ValidateFunc gets as `k`. */
  readonly key: string;
  readonly path: PathStep[];
}

/**
 * Every known, non-null value at `path` (dot segments, `*` for the elements of a collection attribute). A block
 * written once is a list of one, so the segments before the last reach into every element of a list.
 */
export function valuesAt(config: Value, path: string): Found[] {
  const segments = path.split('.');
  let found: Found[] = [{ value: config, key: '', path: [] }];
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    found = found.flatMap((f): Found[] => {
      if (segment === '*') {
        if (Array.isArray(f.value)) return f.value.map((v, i) => step(f, v, String(i), { element_key_int: i }));
        if (isObject(f.value)) return Object.entries(f.value).map(([k, v]) => step(f, v, k, { element_key_string: k }));
        return [];
      }
      const named = step(f, isObject(f.value) ? (f.value[segment] ?? null) : null, segment, { attribute_name: segment });
      // A list before `*` is a collection attribute whose elements `*` names; a list before a name is a block list.
      if (!last && Array.isArray(named.value) && segments[index + 1] !== '*') {
        return named.value.map((e, i) => step(named, e, String(i), { element_key_int: i }));
      }
      return [named];
    });
  });
  return found.filter((f) => f.value !== null && isWhollyKnown(f.value));
}

function step(from: Found, value: Value, key: string, s: PathStep): Found {
  return { value, key: from.key ? `${from.key}.${key}` : key, path: [...from.path, s] };
}

/** Whether a rule that only some releases have is one of `version`'s. */
export function applies(rule: { readonly versions?: string }, version: string): boolean {
  return rule.versions === undefined || admits(rule.versions, version);
}

/** The messages of every argument and cross-argument rule of `rules` that `config` breaks. */
export function validateConfig(rules: TypeRules | undefined, config: Value, version: string): Problem[] {
  if (!rules) return [];
  const problems: Problem[] = [];
  for (const rule of rules.arguments) if (applies(rule, version)) problems.push(...argumentProblems(rule, config));
  for (const rule of rules.cross ?? []) {
    if (rule.kind !== 'custom' && applies(rule, version)) problems.push(...crossProblems(rule, config));
  }
  return problems;
}

/** The CustomizeDiff checks (and, for the provider block, the ConfigureFunc checks) that `config` breaks. */
export function customProblems(rules: TypeRules | undefined, config: Value, version: string): Problem[] {
  if (!rules || !isObject(config)) return [];
  return (rules.cross ?? [])
    .filter((r) => r.kind === 'custom' && r.check && applies(r, version))
    .flatMap((r) => r.check!(config).map((summary) => ({ summary, path: [] })));
}

function argumentProblems(rule: ArgumentRule, config: Value): Problem[] {
  return valuesAt(config, rule.path).flatMap((f) => rule.check(f.value, f.key).map((summary) => ({ summary, path: f.path })));
}

// ConflictsWith and friends as the SDK words them; a path is "set" when it has a non-null value, and an unknown
// value is set for ExactlyOneOf/AtLeastOneOf/RequiredWith but not for ConflictsWith (the SDK skips it there).
function crossProblems(rule: CrossRule, config: Value): Problem[] {
  if (!isObject(config)) return [];
  const [self, ...others] = rule.paths;
  const isSet = (path: string, unknownCounts: boolean) => {
    const raw = rawAt(config, path);
    return raw.some((v) => v !== null && (unknownCounts || !isUnknown(v)) && !(Array.isArray(v) && v.length === 0));
  };
  const at: PathStep[] = self.split('.').map((attribute_name) => ({ attribute_name }));
  switch (rule.kind) {
    case 'conflictsWith': {
      // The SDK stops at the first conflicting argument.
      const conflict = isSet(self, false) ? others.find((o) => isSet(o, false)) : undefined;
      return conflict === undefined ? [] : [{ summary: `"${self}": conflicts with ${conflict}`, path: at }];
    }
    case 'exactlyOneOf': {
      // The SDK sorts the keys it lists.
      const set = [...rule.paths].sort().filter((p) => isSet(p, true));
      const list = [...rule.paths].sort().join(',');
      if (set.length === 0) return [{ summary: `"${self}": one of \`${list}\` must be specified`, path: at }];
      if (set.length > 1)
        return [
          { summary: `"${self}": only one of \`${list}\` can be specified, but \`${set.join(',')}\` were specified.`, path: at },
        ];
      return [];
    }
    case 'atLeastOneOf':
      return rule.paths.some((p) => isSet(p, true))
        ? []
        : [{ summary: `"${self}": one of \`${rule.paths.join(',')}\` must be specified`, path: at }];
    case 'requiredWith':
      if (!isSet(self, true) || others.every((o) => isSet(o, true))) return [];
      return [{ summary: `"${self}": all of \`${[...rule.paths].sort().join(',')}\` must be specified`, path: at }];
    default:
      return [];
  }
}

/** The values at a path, null and unknown included (for "is it set"). */
function rawAt(config: ObjectValue, path: string): Value[] {
  let values: Value[] = [config];
  for (const segment of path.split('.')) {
    values = values.flatMap((v) => {
      if (Array.isArray(v)) return v.map((e) => (isObject(e) ? (e[segment] ?? null) : null));
      return isObject(v) ? [v[segment] ?? null] : [];
    });
  }
  return values;
}
