/**
 * The azurerm schema facts for the two ADLS backup resources, and the checker that holds a synthesized resource body
 * against them. Used by `test/schema-conformance.test.ts`.
 *
 * The facts live in `test/fixtures/azurerm-adls-schema.json`; `loadFixture` validates its shape once at import, so a
 * typo in the fixture fails loudly instead of weakening the checks.
 */
import schemaFixture from '../fixtures/azurerm-adls-schema.json';

// ---------------------------------------------------------------------------------------------------------------
// The fixture
// ---------------------------------------------------------------------------------------------------------------

type ArgumentType = 'string' | 'list(string)' | 'set(string)' | 'block list' | 'block';
type Format = 'iso8601-repeating-interval' | 'iso8601-duration' | 'rfc3339-time' | 'resource-id' | 'go-duration';

export interface ArgumentFact {
  readonly name: string;
  readonly type: ArgumentType;
  readonly required: boolean;
  readonly optional: boolean;
  readonly computed: boolean;
  readonly forceNew?: boolean;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly allowedValues?: readonly string[];
  readonly pattern?: string;
  readonly format?: Format;
  readonly resourceType?: string;
  readonly block?: { readonly arguments: readonly ArgumentFact[] };
}

interface ResourceFact {
  readonly firstReleased: string;
  readonly update: boolean;
  readonly arguments: readonly ArgumentFact[];
  readonly attributes: readonly { readonly name: string; readonly type: string; readonly computed: boolean }[];
}

interface SchemaFixture {
  readonly provenance: {
    readonly provider: string;
    readonly source: string;
    readonly firstReleased: Readonly<Record<string, string>>;
    readonly unchangedUpTo: string;
  };
  readonly resources: Readonly<Record<string, ResourceFact>>;
}

export const POLICY = 'azurerm_data_protection_backup_policy_data_lake_storage';
export const INSTANCE = 'azurerm_data_protection_backup_instance_data_lake_storage';
const ARGUMENT_TYPES: readonly string[] = ['string', 'list(string)', 'set(string)', 'block list', 'block'];
const FORMATS: Record<Format, (fact: ArgumentFact) => RegExp> = {
  // The form this library renders: ISO 8601 repeating interval, full date-time with offset, daily or weekly.
  'iso8601-repeating-interval': () => /^R\/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}\/P1[DW]$/,
  'iso8601-duration': () => /^P(\d+[YMWD])+$/,
  'rfc3339-time': () => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  'go-duration': () => /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/,
  // azurerm parses resource IDs case-sensitively (resourceids parser, `insensitively = false`).
  'resource-id': (fact) => resourceIdPattern(fact.resourceType ?? ''),
};

/** `Microsoft.DataProtection/backupVaults/backupPolicies` -> `.../providers/Microsoft.DataProtection/backupVaults/<n>/backupPolicies/<n>`. */
function resourceIdPattern(resourceType: string): RegExp {
  const [namespace, ...types] = resourceType.split('/');
  if (!namespace || types.length === 0) throw new Error(`fixture: bad resourceType ${JSON.stringify(resourceType)}`);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const tail = types.map((t) => `/${escape(t)}/[^/]+`).join('');
  return new RegExp(`^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/${escape(namespace)}${tail}$`);
}

/** Validates the fixture's shape once, so a typo in it fails loudly instead of weakening the checks. */
function loadFixture(raw: unknown): SchemaFixture {
  const fixture = raw as SchemaFixture;
  const problems: string[] = [];
  const checkArgument = (where: string, a: ArgumentFact) => {
    if (typeof a.name !== 'string' || !/^[a-z][a-z_]*$/.test(a.name)) problems.push(`${where}: bad name`);
    if (!ARGUMENT_TYPES.includes(a.type)) problems.push(`${where}.${a.name}: unknown type ${a.type}`);
    if ([a.required, a.optional, a.computed].some((b) => typeof b !== 'boolean'))
      problems.push(`${where}.${a.name}: required/optional/computed must be booleans`);
    if (a.required && a.optional) problems.push(`${where}.${a.name}: both required and optional`);
    if (a.format !== undefined && !(a.format in FORMATS)) problems.push(`${where}.${a.name}: unknown format ${a.format}`);
    if (a.format === 'resource-id') resourceIdPattern(a.resourceType ?? '');
    const isBlock = a.type === 'block' || a.type === 'block list';
    if (isBlock !== (a.block !== undefined)) problems.push(`${where}.${a.name}: blocks, and only blocks, have nested arguments`);
    a.block?.arguments.forEach((n) => checkArgument(`${where}.${a.name}`, n));
  };
  for (const [type, resource] of Object.entries(fixture.resources ?? {})) {
    resource.arguments.forEach((a) => checkArgument(type, a));
    resource.attributes.forEach((a) => {
      if (!a.computed) problems.push(`${type}.${a.name}: attributes are computed`);
    });
  }
  if (problems.length > 0) throw new Error(`test/fixtures/azurerm-adls-schema.json is malformed:\n${problems.join('\n')}`);
  return fixture;
}

export const SCHEMA = loadFixture(schemaFixture);

export function resourceFact(type: string): ResourceFact {
  const fact = SCHEMA.resources[type];
  if (!fact) throw new Error(`fixture has no ${type}`);
  return fact;
}

// ---------------------------------------------------------------------------------------------------------------
// The checker
// ---------------------------------------------------------------------------------------------------------------

/** Terraform meta-arguments a resource body may carry beside its schema arguments, plus cdktf's metadata key. */
export const META_ARGUMENTS = new Set(['depends_on', 'lifecycle', 'provider', 'count', 'for_each', '//']);

/** How many value rules actually ran, so that a green result is never a vacuous one. */
export interface Tally {
  resources: number;
  allowedValues: number;
  formats: number;
  patterns: number;
  itemCounts: number;
  expressions: number;
}

export const newTally = (): Tally => ({ resources: 0, allowedValues: 0, formats: 0, patterns: 0, itemCounts: 0, expressions: 0 });

/** A Terraform expression (reference or function call) whose value is only known at plan time. */
const isExpression = (value: string) => value.includes('${');

const show = (value: unknown) => JSON.stringify(value);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks one synthesized resource body against the fixture; returns one sentence per violation. */
export function checkResource(type: string, address: string, body: unknown, tally: Tally): string[] {
  const fact = resourceFact(type);
  const violations: string[] = [];
  const at = `${type}.${address}`;
  tally.resources++;
  if (!isPlainObject(body)) return [`${at}: must be an object, got: ${show(body)}`];
  const computedOnly = new Set(fact.attributes.map((a) => a.name));
  const known = new Set(fact.arguments.map((a) => a.name));
  for (const key of Object.keys(body)) {
    if (META_ARGUMENTS.has(key)) continue;
    if (computedOnly.has(key))
      violations.push(`${at}: \`${key}\` is computed by azurerm and must not be set, got: ${show(body[key])}`);
    else if (!known.has(key)) violations.push(`${at}: \`${key}\` is not an argument of ${type} in the azurerm schema`);
  }
  checkArguments(at, fact.arguments, body, violations, tally);
  return violations;
}

function checkArguments(
  at: string,
  facts: readonly ArgumentFact[],
  body: Record<string, unknown>,
  violations: string[],
  tally: Tally,
): void {
  for (const fact of facts) {
    const value = body[fact.name];
    const path = `${at}: \`${fact.name}\``;
    if (value === undefined || value === null) {
      if (fact.required) violations.push(`${path} is required by the azurerm schema but missing`);
      continue;
    }
    checkValue(path, fact, value, violations, tally);
  }
}

function checkValue(path: string, fact: ArgumentFact, value: unknown, violations: string[], tally: Tally): void {
  switch (fact.type) {
    case 'string':
      if (typeof value !== 'string') {
        violations.push(`${path} must be a string, got: ${show(value)}`);
        return;
      }
      if (fact.required && value.trim() === '') violations.push(`${path} is required and must not be empty`);
      checkString(path, fact, value, violations, tally);
      return;
    case 'list(string)':
    case 'set(string)': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
        violations.push(`${path} must be a ${fact.type}: an array of strings, got: ${show(value)}`);
        return;
      }
      if (fact.required && value.length === 0) violations.push(`${path} is required and must not be empty`);
      checkItemCount(path, fact, value.length, violations, tally);
      value.forEach((v, i) => {
        if (v.trim() === '') violations.push(`${path}[${i}] must not be empty`);
        checkString(`${path}[${i}]`, fact, v, violations, tally);
      });
      if (fact.type === 'set(string)' && new Set(value).size !== value.length) {
        violations.push(`${path} is a set(string): its values must be distinct, got: ${show(value)}`);
      }
      return;
    }
    case 'block':
    case 'block list': {
      // Terraform JSON syntax takes a block as an object, or as an array of objects.
      const blocks = Array.isArray(value) ? value : [value];
      if (blocks.some((b) => !isPlainObject(b))) {
        violations.push(`${path} must be a ${fact.type}: an object or an array of objects, got: ${show(value)}`);
        return;
      }
      if (fact.type === 'block' && blocks.length !== 1) violations.push(`${path} is a single block, got ${blocks.length}`);
      if (fact.type === 'block list') checkItemCount(path, fact, blocks.length, violations, tally);
      const nested = fact.block?.arguments ?? [];
      const names = new Set(nested.map((n) => n.name));
      (blocks as Record<string, unknown>[]).forEach((block, i) => {
        const where = fact.type === 'block list' ? `${path}[${i}]` : path;
        for (const key of Object.keys(block)) {
          if (!names.has(key))
            violations.push(`${where}: \`${key}\` is not an argument of the \`${fact.name}\` block in the azurerm schema`);
        }
        checkArguments(where.replace(/^(.*): `(.*)`(.*)$/, '$1.$2$3'), nested, block, violations, tally);
      });
      return;
    }
  }
}

function checkItemCount(path: string, fact: ArgumentFact, count: number, violations: string[], tally: Tally): void {
  if (fact.minItems === undefined && fact.maxItems === undefined) return;
  tally.itemCounts++;
  const min = fact.minItems ?? 0;
  const max = fact.maxItems ?? Infinity;
  if (count < min || count > max) {
    violations.push(
      `${path} must hold ${min} to ${max === Infinity ? 'any number of' : max} items (azurerm schema), got ${count}`,
    );
  }
}

function checkString(path: string, fact: ArgumentFact, value: string, violations: string[], tally: Tally): void {
  if (!fact.allowedValues && !fact.format && !fact.pattern) return;
  if (isExpression(value)) {
    tally.expressions++;
    return;
  }
  if (fact.allowedValues) {
    tally.allowedValues++;
    if (!fact.allowedValues.includes(value)) {
      violations.push(
        `${path} must be one of ${fact.allowedValues.join(', ')} (azurerm schema, case-sensitive), got: ${show(value)}`,
      );
    }
  }
  if (fact.format) {
    tally.formats++;
    const pattern = FORMATS[fact.format](fact);
    if (!pattern.test(value)) violations.push(`${path} must be a ${fact.format} matching ${pattern}, got: ${show(value)}`);
  }
  if (fact.pattern) {
    tally.patterns++;
    if (!new RegExp(fact.pattern).test(value))
      violations.push(`${path} must match ${fact.pattern} (azurerm schema), got: ${show(value)}`);
  }
}
