import Ajv, { ErrorObject } from 'ajv';
import schema from './fleet-spec.schema.json';
import { SpecLocator, SpecProblem } from './spec-problems';

/** The published JSON Schema of the fleet spec (the same file editors read for completion). */
export const FLEET_SPEC_SCHEMA: object = schema;

let validator: ReturnType<Ajv['compile']> | undefined;

/** Checks a parsed spec against the JSON Schema, returning one problem per broken rule, in words. */
export function schemaProblems(value: unknown, locator: SpecLocator): SpecProblem[] {
  validator ??= new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true }).compile(schema);
  if (validator(value)) return [];
  return readable(validator.errors ?? []).map((e) => {
    const path = pointerToPath(e.instancePath);
    if (e.keyword === 'propertyNames') {
      const name = String(e.params.propertyName);
      return locator.problem(
        [...path, name],
        `${describeSchema((e.parentSchema as { propertyNames?: unknown }).propertyNames) ?? 'is not an allowed name'}, got: ${received(name)}`,
        'key',
      );
    }
    if (e.keyword === 'additionalProperties') {
      const name = String(e.params.additionalProperty);
      return locator.problem([...path, name], unknownProperty(name, e.parentSchema), 'key');
    }
    return locator.problem(path, messageOf(e));
  });
}

// `oneOf` / `anyOf` report every branch's failure too; keep the one message that says what the value may be.
// `if` only says that `then` failed, which `then` reports itself. A value of the wrong type fails every other
// keyword of its schema as well: the type error alone says it. A bad property name is reported by
// `propertyNames`, not by the pattern inside it. Every filter leaves at least one error for a path that had any.
function readable(errors: ErrorObject[]): ErrorObject[] {
  const alternatives = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  const insideAlternative = (e: ErrorObject) =>
    alternatives.some((alt) => alt !== e && e.schemaPath.startsWith(`${alt.schemaPath}/`));
  const kept = errors.filter((e) => e.keyword !== 'if' && !e.schemaPath.includes('/propertyNames/') && !insideAlternative(e));
  const wrongType = new Set(kept.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  return kept.filter((e) => e.keyword === 'type' || !wrongType.has(e.instancePath));
}

function messageOf(e: ErrorObject): string {
  const got = `, got: ${received(e.data)}`;
  switch (e.keyword) {
    case 'required':
      return `must have the property \`${String(e.params.missingProperty)}\``;
    case 'enum':
      return `must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}${got}`;
    case 'const':
      return `must be ${JSON.stringify(e.params.allowedValue)}${got}`;
    case 'pattern':
      return `${describeSchema(e.parentSchema) ?? `must match ${String(e.params.pattern)}`}${got}`;
    case 'type':
      if (e.instancePath === '') return `must be a mapping with \`version\`, \`policies\` and \`accounts\`${got}`;
      return `${describeSchema(e.parentSchema) ?? `must be ${String(e.params.type)}`}${got}`;
    case 'oneOf':
    case 'anyOf':
      return `${describeSchema(e.parentSchema) ?? 'does not match any allowed form'}${got}`;
    case 'propertyNames':
      return `has a property name that breaks the rule ${JSON.stringify(e.params.propertyName)}`;
    default:
      return `${e.message ?? 'is not valid'}${got}`;
  }
}

function unknownProperty(name: string, parentSchema: unknown): string {
  const known = Object.keys((parentSchema as { properties?: object })?.properties ?? {});
  const close = known.find((k) => editDistance(k.toLowerCase(), name.toLowerCase()) <= 2);
  const hint = close ? ` (did you mean \`${close}\`?)` : known.length ? ` (allowed: ${known.join(', ')})` : '';
  return `is not a known property${hint}`;
}

// The schema's description says what a value must look like better than a raw pattern does.
function describeSchema(schema: unknown): string | undefined {
  const description = (schema as { description?: string })?.description;
  // Descriptions of checked values start with what the value must be: "a GUID such as ...". The first sentence is enough.
  return description ? `must be ${description.split('. ')[0].replace(/\.$/, '')}` : undefined;
}

function received(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
