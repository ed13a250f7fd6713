import Ajv, { ErrorObject } from 'ajv';
import { fleetSpecSchema } from './spec-schema';
import { echoValue, formatPath, SpecLocator, SpecProblem } from './spec-problems';
import { ProblemCode } from '../private/rules/codes';
import { CODE_KEYWORD } from './schema-code';

/**
 * The JSON Schema of the fleet spec, built from the library's rules (spec-schema.ts); the published file editors read
 * for completion, fleet-spec.schema.json, is written from it and a test holds the two equal.
 */
export const FLEET_SPEC_SCHEMA: object = fleetSpecSchema();

/**
 * The schema's own words for the rules it cannot say in words: `patternErrorMessage` beside each `pattern` (what
 * the pattern stands for) and `errorMessage` beside each `oneOf`/`anyOf` (what the alternatives add up to). They
 * are the annotation keywords VS Code's JSON and YAML language services show in place of their own message, so an
 * editor and this command state a rule alike. A `description` is documentation (what a field does) and never a
 * rule: every other keyword's message is written from the keyword itself (`type`, `enum`, `minimum`...).
 */
export const RULE_KEYWORDS = ['patternErrorMessage', 'errorMessage'] as const;

/** The keywords the schema may use: each one's failure has a message in words below (a test holds the schema to it). */
export const WORDED_KEYWORDS: readonly string[] = [
  'type',
  'enum',
  'const',
  'pattern',
  'required',
  'additionalProperties',
  'propertyNames',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'uniqueItems',
  'oneOf',
  'anyOf',
  'if',
];

let validator: ReturnType<Ajv['compile']> | undefined;

function compile(): ReturnType<Ajv['compile']> {
  const ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true });
  // Ajv's strict mode refuses keywords it does not know; these two hold text and validate nothing.
  for (const keyword of RULE_KEYWORDS) ajv.addKeyword({ keyword, schemaType: 'string' });
  ajv.addKeyword({ keyword: CODE_KEYWORD, schemaType: 'string' });
  return ajv.compile(inlineRefs(FLEET_SPEC_SCHEMA));
}

/** Checks a parsed spec against the JSON Schema, returning one problem per broken rule, in words. */
export function schemaProblems(value: unknown, locator: SpecLocator): SpecProblem[] {
  validator ??= compile();
  if (validator(value)) return [];
  const seen = new Set<string>();
  return readable(validator.errors ?? [])
    .map((e) => problemOf(e, pointerToPath(e.instancePath, value), locator))
    .filter((p) => {
      const key = `${formatPath(p.path)}\n${p.code}\n${p.rule}\n${p.value}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function problemOf(e: ErrorObject, path: (string | number)[], locator: SpecLocator): SpecProblem {
  const shown = (at: readonly (string | number)[], data: unknown) =>
    echoValue(data, typeof data === 'number' ? locator.written(at) : undefined);
  switch (e.keyword) {
    case 'propertyNames': {
      const name = String(e.params.propertyName);
      const rule = (e.parentSchema as { propertyNames?: Schema }).propertyNames;
      const words = ruleOf(rule, 'pattern') ?? 'is not an allowed name';
      return locator.problem(codeOf(rule, 'pattern'), [...path, name], words, shown([], name), 'key');
    }
    case 'additionalProperties': {
      const name = String(e.params.additionalProperty);
      return locator.problem('ADLSBK-UNKNOWN-FIELD', [...path, name], unknownProperty(name, e.parentSchema), undefined, 'key');
    }
    case 'uniqueItems': {
      // Ajv names the two items in an order that depends on the items' type: the later one is the repeat.
      const { i, j } = e.params as { i: number; j: number };
      const item = [...path, Math.max(i, j)];
      return locator.problem(
        'ADLSBK-REPEATED',
        item,
        `must differ from every other item of the list: ${formatPath([...path, Math.min(i, j)])} is the same`,
        shown(item, (e.data as unknown[])[Math.max(i, j)]),
      );
    }
    default:
      return locator.problem(
        codeOf(e.parentSchema as Schema, e.keyword),
        path,
        ruleOf(e.parentSchema as Schema, e.keyword, e) ?? `${e.message ?? 'is not valid'}`,
        valueFor(e, path, shown),
      );
  }
}

// The codes of the keywords that are the same rule wherever they stand; the others (a pattern, a range, the
// alternatives of a oneOf) are the rule of their field, whose code the schema gives beside them.
const KEYWORD_CODES: Readonly<Record<string, ProblemCode>> = {
  type: 'ADLSBK-TYPE',
  required: 'ADLSBK-REQUIRED',
  enum: 'ADLSBK-NOT-ALLOWED',
  const: 'ADLSBK-NOT-ALLOWED',
};

function codeOf(schema: Schema | undefined, keyword: string): ProblemCode {
  const given = schema?.[CODE_KEYWORD];
  // An empty name breaks the name's rule, as in the construct; an empty list or mapping is the same rule anywhere.
  if (keyword === 'minLength' && typeof given === 'string') return given as ProblemCode;
  const atLeastOne = { minItems: schema?.minItems, minProperties: schema?.minProperties, minLength: schema?.minLength };
  if ((atLeastOne as Record<string, unknown>)[keyword] === 1) return 'ADLSBK-EMPTY';
  if (typeof given === 'string' && keyword !== 'type' && keyword !== 'required') return given as ProblemCode;
  // Every other rule of the schema carries its code (test/spec-schema-generated.test.ts holds it to that).
  return KEYWORD_CODES[keyword] ?? 'ADLSBK-NOT-ALLOWED';
}

// What follows the rule: the value received; for a list or mapping of the wrong size, how many it has.
function valueFor(
  e: ErrorObject,
  path: (string | number)[],
  shown: (at: (string | number)[], data: unknown) => string,
): string | undefined {
  if (e.keyword === 'required') return undefined;
  if ((e.keyword === 'minItems' || e.keyword === 'maxItems') && Array.isArray(e.data) && e.data.length > 0) {
    return `${e.data.length} item${e.data.length === 1 ? '' : 's'}`;
  }
  if (e.keyword === 'minProperties' || e.keyword === 'maxProperties') {
    const count = Object.keys(e.data as object).length;
    if (count > 0) return `${count} entr${count === 1 ? 'y' : 'ies'}`;
  }
  return shown(path, e.data);
}

type Schema = { readonly [keyword: string]: unknown };

/**
 * The rule `keyword` of `schema` states, in words ("must be a whole number from 14 to 180"), or undefined when the
 * schema does not say it (a pattern without `patternErrorMessage`).
 */
function ruleOf(schema: Schema | undefined, keyword: string, e?: ErrorObject): string | undefined {
  if (!schema) return undefined;
  switch (keyword) {
    case 'type':
      if (e?.instancePath === '') return 'must be a mapping with `version`, `policies` and `accounts`';
      return `must be ${typeWords(schema)}${quoteHint(schema, e?.data)}`;
    case 'enum': {
      const allowed = schema.enum as unknown[];
      return `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}${closeMatch(e?.data, allowed)}`;
    }
    case 'const':
      return `must be ${JSON.stringify(schema.const)}`;
    case 'pattern':
      return typeof schema.patternErrorMessage === 'string'
        ? schema.patternErrorMessage
        : schema.pattern === undefined
          ? undefined
          : `must match the regular expression /${String(schema.pattern)}/`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${typeWords(schema)}`;
    case 'minLength':
    case 'maxLength':
      return lengthWords(schema);
    case 'minItems':
    case 'maxItems':
      return `must have ${countWords(schema.minItems, schema.maxItems, 'item', 'items')}`;
    case 'minProperties':
    case 'maxProperties':
      return `must have ${countWords(schema.minProperties, schema.maxProperties, 'entry', 'entries')}`;
    case 'required':
      return `must have the property \`${String(e?.params.missingProperty)}\``;
    case 'oneOf':
    case 'anyOf':
      return typeof schema.errorMessage === 'string' ? schema.errorMessage : 'must take one of the forms the schema allows';
    default:
      return undefined;
  }
}

const TYPE_WORDS: Record<string, string> = {
  boolean: 'true or false',
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  object: 'a mapping',
  array: 'a list',
  null: 'null',
};

// "a whole number from 14 to 180": the type, with the range when the schema gives one.
function typeWords(schema: Schema): string {
  const types = ([] as unknown[]).concat(schema.type ?? []).map(String);
  const words = types.length > 0 ? types.map((t) => TYPE_WORDS[t] ?? t).join(' or ') : 'a number';
  const range = rangeWords(schema);
  return range === undefined ? words : `${words}${range.startsWith(',') ? '' : ' '}${range}`;
}

function rangeWords(schema: Schema): string | undefined {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema as Record<string, number | undefined>;
  if (minimum !== undefined && maximum !== undefined) return `from ${minimum} to ${maximum}`;
  const parts = [
    minimum !== undefined ? `at least ${minimum}` : undefined,
    exclusiveMinimum !== undefined ? `more than ${exclusiveMinimum}` : undefined,
    maximum !== undefined ? `at most ${maximum}` : undefined,
    exclusiveMaximum !== undefined ? `less than ${exclusiveMaximum}` : undefined,
  ].filter((p) => p !== undefined);
  return parts.length > 0 ? `, ${parts.join(' and ')}` : undefined;
}

function lengthWords(schema: Schema): string {
  const min = schema.minLength as number | undefined;
  const max = schema.maxLength as number | undefined;
  if (min === 1 && max === undefined) return 'must not be empty';
  return `must be ${countWords(min, max, 'character', 'characters')} long`;
}

// "at least 1 item", "1 to 100 items", "at most 5 entries".
function countWords(min: unknown, max: unknown, one: string, many: string): string {
  const unit = (n: unknown) => (n === 1 ? one : many);
  if (typeof min === 'number' && typeof max === 'number') return `${min} to ${max} ${unit(max)}`;
  if (typeof min === 'number') return `at least ${min} ${unit(min)}`;
  return `at most ${String(max)} ${unit(max)}`;
}

// A number, true or false where a string is wanted: YAML read it as one because it was not quoted.
function quoteHint(schema: Schema, data: unknown): string {
  if (schema.type !== 'string' || (typeof data !== 'number' && typeof data !== 'boolean')) return '';
  return ' (write it in quotes to make it one)';
}

// `georedundant` for `GeoRedundant`: the one allowed value equal but for case, or within two edits.
function closeMatch(data: unknown, allowed: unknown[]): string {
  if (typeof data !== 'string') return '';
  const strings = allowed.filter((v): v is string => typeof v === 'string');
  const close =
    strings.find((v) => v.toLowerCase() === data.toLowerCase()) ??
    strings.find((v) => Math.abs(v.length - data.length) <= 2 && editDistance(v.toLowerCase(), data.toLowerCase()) <= 2);
  return close === undefined ? '' : ` (did you mean ${JSON.stringify(close)}?)`;
}

// Ajv reports a `oneOf`/`anyOf` failure with the failure of every alternative. When the value's shape fits exactly
// one alternative (a mapping where a duration or a mapping is allowed), that alternative's own errors say what is
// wrong inside it; otherwise the alternatives' `errorMessage` says what the value may be. `if` only says that `then`
// failed, which `then` reports itself. A value of the wrong type fails every other keyword of its schema as well:
// the type error alone says it. A bad property name is reported by `propertyNames`, not by the pattern inside it.
// Every filter leaves at least one error for a path that had any.
function readable(errors: ErrorObject[]): ErrorObject[] {
  const kept = resolveAlternatives(errors.filter((e) => e.keyword !== 'if' && !e.schemaPath.includes('/propertyNames/')));
  const wrongType = new Set(kept.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  return kept.filter((e) => e.keyword === 'type' || !wrongType.has(e.instancePath));
}

const isAlternative = (e: ErrorObject) => e.keyword === 'oneOf' || e.keyword === 'anyOf';
const inside = (e: ErrorObject, outer: ErrorObject) => e.schemaPath.startsWith(`${outer.schemaPath}/`);

// Keywords whose failure is about the contents of a mapping or list, not its shape: an alternative that fails only
// these at the value itself (and anything deeper) is the one the value was meant to be.
const CONTENT_KEYWORDS = new Set([
  'required',
  'additionalProperties',
  'propertyNames',
  'minProperties',
  'maxProperties',
  'minItems',
  'maxItems',
  'uniqueItems',
]);

function resolveAlternatives(errors: ErrorObject[]): ErrorObject[] {
  const alternatives = errors.filter(isAlternative);
  const outermost = alternatives.filter((a) => !alternatives.some((b) => b !== a && inside(a, b)));
  const result = errors.filter((e) => !outermost.some((a) => e === a || inside(e, a)));
  for (const alternative of outermost) {
    const branches = (alternative.schema as unknown[]).map((_, k) =>
      errors.filter((e) => e.schemaPath.startsWith(`${alternative.schemaPath}/${k}/`)),
    );
    const fitting = branches.filter((branch) =>
      branch.every((e) => e.instancePath !== alternative.instancePath || CONTENT_KEYWORDS.has(e.keyword)),
    );
    result.push(...(fitting.length === 1 ? resolveAlternatives(fitting[0]) : [alternative]));
  }
  return result;
}

function unknownProperty(name: string, parentSchema: unknown): string {
  const known = Object.keys((parentSchema as { properties?: object })?.properties ?? {});
  // The edit distance is only computed for names of about the same length (a 10 MB name costs nothing).
  const close = known.find(
    (k) => Math.abs(k.length - name.length) <= 2 && editDistance(k.toLowerCase(), name.toLowerCase()) <= 2,
  );
  const hint = close ? ` (did you mean \`${close}\`?)` : known.length ? ` (allowed: ${known.join(', ')})` : '';
  return `is not a known property${hint}`;
}

const ANNOTATIONS = new Set(['description', 'title', 'default', 'examples', CODE_KEYWORD, ...RULE_KEYWORDS]);

/**
 * The schema with every `$ref` replaced by a copy of the definition it names (the schema has no recursion), so
 * that an error's `schemaPath` says which alternative of a `oneOf` it came from (Ajv gives the definition's path
 * for errors inside a `$ref`) and its `parentSchema` carries the words of the place it is used. Draft-07 ignores
 * the siblings of `$ref`; the schema only puts annotations there, which override the definition's.
 */
export function inlineRefs(root: object): object {
  const definitions = (root as { definitions?: Record<string, unknown> }).definitions ?? {};
  const inline = (node: unknown, trail: readonly string[]): unknown => {
    if (Array.isArray(node)) return node.map((item) => inline(item, trail));
    if (node === null || typeof node !== 'object') return node;
    const { $ref, ...rest } = node as Record<string, unknown>;
    if (typeof $ref === 'string') {
      const name = /^#\/definitions\/([^/]+)$/.exec($ref)?.[1];
      if (name === undefined || !(name in definitions)) throw new Error(`fleet schema: unsupported $ref ${$ref}`);
      if (trail.includes(name)) throw new Error(`fleet schema: recursive $ref ${$ref}`);
      const extra = Object.keys(rest).filter((k) => !ANNOTATIONS.has(k));
      if (extra.length > 0) throw new Error(`fleet schema: ${$ref} has sibling keywords ${extra.join(', ')}`);
      return { ...(inline(definitions[name], [...trail, name]) as object), ...rest };
    }
    return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, k === 'enum' || k === 'const' ? v : inline(v, trail)]));
  };
  // The definitions themselves are left out: every use has its own copy.
  return inline(Object.fromEntries(Object.entries(root).filter(([k]) => k !== 'definitions')), []) as object;
}

// A segment is an index where the value there is a list: a tag named "2024" stays a name.
function pointerToPath(pointer: string, root: unknown): (string | number)[] {
  if (pointer === '') return [];
  let node = root;
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => {
      const segment = Array.isArray(node) ? Number(s) : s;
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[s] : undefined;
      return segment;
    });
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
