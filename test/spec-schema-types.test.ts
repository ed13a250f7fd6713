// lib/fleet/spec.ts (the spec's TypeScript types) and the JSON Schema lib/fleet/spec-schema.ts builds say the same
// thing: every interface has exactly the schema's properties, optional exactly where the schema does not require
// them, of the schema's kinds (a list, a mapping, a string, a literal). The types are read with the TypeScript
// compiler, so a property added to one and not the other fails here.
import { join } from 'path';
import * as ts from 'typescript';
import { FLEET_SPEC_SCHEMA } from '../lib/fleet';

type JsonSchema = { readonly [keyword: string]: unknown };

const SPEC_FILE = join(__dirname, '..', 'lib', 'fleet', 'spec.ts');
const root = FLEET_SPEC_SCHEMA as JsonSchema;
const definitions = root.definitions as Record<string, JsonSchema>;

// Where one TypeScript type serves several places of the schema, it has the properties of the widest: a weekly
// rule has no weeksOfMonth or monthsOfYear, a monthly one no monthsOfYear (NamedRuleSpec has all three). The
// schema's own `$schema` property (for editors) has no place in the type.
const TYPE_ONLY: Record<string, string[]> = {
  'retention.weekly': ['weeksOfMonth', 'monthsOfYear'],
  'retention.monthly': ['monthsOfYear'],
};
const typeOnly = (path: string) => Object.entries(TYPE_ONLY).find(([end]) => path.endsWith(end))?.[1] ?? [];
const SCHEMA_ONLY: Record<string, string[]> = { '': ['$schema'] };

const program = ts.createProgram([SPEC_FILE], { strict: true, noEmit: true, skipLibCheck: true });
const checker = program.getTypeChecker();

function exported(name: string): ts.Type {
  const source = program.getSourceFile(SPEC_FILE)!;
  const symbol = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!).find((s) => s.name === name)!;
  return checker.getDeclaredTypeOfSymbol(symbol);
}

const resolve = (schema: JsonSchema): JsonSchema => {
  const name = typeof schema.$ref === 'string' ? schema.$ref.replace('#/definitions/', '') : undefined;
  return name === undefined ? schema : { ...definitions[name], ...schema, $ref: undefined };
};

const parts = (type: ts.Type): ts.Type[] =>
  (type.isUnion() ? type.types : [type]).filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));

// `false | true` is how TypeScript spells boolean: one part.
function members(type: ts.Type): ts.Type[] {
  const all = parts(type);
  const booleans = all.filter((t) => t.flags & ts.TypeFlags.BooleanLiteral);
  if (booleans.length === 2) return [...all.filter((t) => !booleans.includes(t)), checker.getBooleanType()];
  return all;
}

function kindOf(type: ts.Type): string {
  if (type.flags & ts.TypeFlags.StringLike) return 'string';
  if (type.flags & ts.TypeFlags.NumberLike) return 'number';
  if (type.flags & ts.TypeFlags.Boolean) return 'boolean';
  if (type.flags & ts.TypeFlags.BooleanLiteral) return 'boolean';
  if (checker.isArrayType(type)) return 'array';
  return 'object';
}

function schemaKind(schema: JsonSchema): string {
  if (schema.const !== undefined) return typeof schema.const === 'number' ? 'number' : typeof schema.const;
  if (Array.isArray(schema.enum)) return typeof schema.enum[0];
  if (schema.type === 'integer') return 'number';
  return String(schema.type);
}

/** Every way `type` and `schema` disagree at `path`. */
function compare(type: ts.Type, schemaIn: JsonSchema, path: string): string[] {
  const schema = resolve(schemaIn);
  const alternatives = (schema.oneOf as JsonSchema[] | undefined)?.map(resolve);
  if (alternatives) {
    const types = members(type);
    const problems = types.flatMap((t) => {
      const matching = alternatives.filter((a) => schemaKind(a) === kindOf(t));
      return matching.length === 1
        ? compare(t, matching[0], path)
        : [`${path}: no single alternative for ${checker.typeToString(t)}`];
    });
    if (types.length !== alternatives.length)
      problems.push(`${path}: ${types.length} types for ${alternatives.length} alternatives`);
    return problems;
  }
  const [only, ...more] = members(type);
  // A union of string literals is one form: the schema's enum, compared below.
  const literals = members(type).every((t) => t.isStringLiteral());
  if (more.length > 0 && !(literals && Array.isArray(schema.enum)))
    return [`${path}: ${checker.typeToString(type)} is a union where the schema has one form`];
  const kind = schemaKind(schema);
  if (kindOf(only) !== kind) return [`${path}: ${checker.typeToString(only)} where the schema has ${kind}`];
  if (schema.const !== undefined && only.isLiteral() && only.value !== schema.const) return [`${path}: literal differs`];
  if (Array.isArray(schema.enum) && parts(only).some((t) => t.isStringLiteral())) {
    const literals = parts(type).map((t) => (t as ts.StringLiteralType).value);
    if (JSON.stringify([...literals].sort()) !== JSON.stringify([...schema.enum].sort())) {
      return [`${path}: ${literals.join('|')} where the schema allows ${schema.enum.join('|')}`];
    }
  }
  if (kind === 'array')
    return compare(checker.getTypeArguments(only as ts.TypeReference)[0], schema.items as JsonSchema, `${path}[]`);
  if (kind !== 'object') return [];
  if (schema.properties === undefined) {
    const index = checker.getIndexInfoOfType(only, ts.IndexKind.String);
    if (index === undefined) return [`${path}: a mapping in the schema, no string index in the type`];
    return compare(index.type, schema.additionalProperties as JsonSchema, `${path}.*`);
  }
  return compareProperties(only, schema, path);
}

function compareProperties(type: ts.Type, schema: JsonSchema, path: string): string[] {
  const problems: string[] = [];
  const fields = schema.properties as Record<string, JsonSchema>;
  const required = (schema.required as string[] | undefined) ?? [];
  const typed = new Map(type.getProperties().map((p) => [p.name, p]));
  const schemaNames = Object.keys(fields).filter((n) => !(SCHEMA_ONLY[path] ?? []).includes(n));
  const typeNames = [...typed.keys()].filter((n) => !typeOnly(path).includes(n));
  for (const name of schemaNames.filter((n) => !typed.has(n))) problems.push(`${path}: ${name} is in the schema only`);
  for (const name of typeNames.filter((n) => !(n in fields))) problems.push(`${path}: ${name} is in the type only`);
  for (const name of schemaNames.filter((n) => typed.has(n))) {
    const symbol = typed.get(name)!;
    const at = path === '' ? name : `${path}.${name}`;
    const optional = (symbol.flags & ts.SymbolFlags.Optional) !== 0;
    if (optional === required.includes(name)) problems.push(`${at}: ${optional ? 'optional' : 'required'} in the type only`);
    problems.push(...compare(checker.getTypeOfSymbol(symbol), fields[name], at));
  }
  // A property in the type only is compared where the type has it (TYPE_ONLY), not here.
  return problems;
}

describe('lib/fleet/spec.ts and the schema', () => {
  test('FleetSpec has the properties, optionality and kinds of the schema, all the way down', () => {
    expect(compare(exported('FleetSpec'), root, '')).toEqual([]);
  });

  test('the comparison sees a difference (a property the type lacks)', () => {
    const extra = { ...root, properties: { ...(root.properties as object), extra: { type: 'string' } } };
    expect(compare(exported('FleetSpec'), extra, '')).toEqual([': extra is in the schema only']);
  });

  test('the interfaces are the ones the schema uses', () => {
    const policy = definitions.policy.properties as Record<string, JsonSchema>;
    const retention = policy.retention.properties as Record<string, JsonSchema>;
    expect(compare(exported('AccountSpec'), definitions.account, 'account')).toEqual([]);
    expect(compare(exported('PolicySpec'), definitions.policy, 'policy')).toEqual([]);
    expect(compare(exported('CustomRuleSpec'), retention.custom.items as JsonSchema, 'custom')).toEqual([]);
    expect(compare(exported('NamedRuleSpec'), (retention.yearly.oneOf as JsonSchema[])[1], 'yearly')).toEqual([]);
  });
});
