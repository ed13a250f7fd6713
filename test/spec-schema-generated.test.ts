// The published JSON Schema (lib/fleet/fleet-spec.schema.json, what editors read) is generated from
// lib/fleet/spec-schema.ts, which builds it from the library's rules; the command checks specs against the built
// schema. This test fails when the committed file is not what the builder makes.
import { readFileSync } from 'fs';
import { join } from 'path';
import { FLEET_SPEC_SCHEMA } from '../lib/fleet';
import { PROBLEM_CODES } from '../lib/error-catalog';

const FILE = join(__dirname, '..', 'lib', 'fleet', 'fleet-spec.schema.json');
const REGENERATE = 'npm run schema';

/** The first line where `a` and `b` differ, both shown, or undefined when they are the same text. */
function firstDifference(a: string, b: string): string | undefined {
  if (a === b) return undefined;
  const left = a.split('\n');
  const right = b.split('\n');
  const at = left.findIndex((line, i) => line !== right[i]);
  const i = at === -1 ? left.length : at;
  return `line ${i + 1}:\n  committed: ${JSON.stringify(left[i])}\n  generated: ${JSON.stringify(right[i])}`;
}

describe('the published fleet spec schema', () => {
  const committed = readFileSync(FILE, 'utf8');
  // The same text the generator writes: 2-space JSON with a final newline.
  const generated = `${JSON.stringify(FLEET_SPEC_SCHEMA, null, 2)}\n`;

  test('is what lib/fleet/spec-schema.ts builds (regenerate it when this fails)', () => {
    const difference = firstDifference(committed, generated);
    if (difference !== undefined) {
      throw new Error(
        `lib/fleet/fleet-spec.schema.json is not what lib/fleet/spec-schema.ts builds, first at ${difference}\n` +
          `Regenerate it with: ${REGENERATE}`,
      );
    }
  });

  test('is 2-space JSON with one final newline, and its keys in the builder order', () => {
    expect(committed.endsWith('}\n')).toBe(true);
    expect(committed.endsWith('\n\n')).toBe(false);
    expect(committed.split('\n')[1]).toBe('  "$schema": "http://json-schema.org/draft-07/schema#",');
    expect(Object.keys(JSON.parse(committed))).toEqual(Object.keys(FLEET_SPEC_SCHEMA));
  });

  test('the command checks specs against the same schema', () => {
    expect(JSON.parse(committed)).toEqual(FLEET_SPEC_SCHEMA);
  });
});

// A rule whose code depends on where it stands (a pattern, a range, a size, alternatives) carries its problem code
// beside it, so that a spec problem has the code of the rule broken (ADLSBK-CONTAINER-NAME in a spec as in the
// construct); the keywords that are one rule anywhere (type, required, enum, uniqueItems, a minimum size of 1)
// have theirs in schema-check.ts.
describe('the problem codes in the fleet spec schema', () => {
  const RULES_NEEDING_A_CODE = [
    'pattern',
    'minimum',
    'maximum',
    'exclusiveMinimum',
    'exclusiveMaximum',
    'maxLength',
    'maxItems',
    'maxProperties',
    'oneOf',
    'anyOf',
  ];
  const SIZE_KEYWORDS = ['minLength', 'minItems', 'minProperties'];

  function nodes(node: unknown, path: string): [string, Record<string, unknown>][] {
    if (Array.isArray(node)) return node.flatMap((item, i) => nodes(item, `${path}/${i}`));
    if (node === null || typeof node !== 'object') return [];
    const object = node as Record<string, unknown>;
    const own: [string, Record<string, unknown>][] = [[path, object]];
    return own.concat(
      Object.entries(object)
        .filter(([key]) => key !== 'enum' && key !== 'const')
        .flatMap(([key, value]) => nodes(value, `${path}/${key}`)),
    );
  }

  const all = nodes(FLEET_SPEC_SCHEMA, '#');
  const ruled = all.filter(
    ([, n]) =>
      RULES_NEEDING_A_CODE.some((k) => k in n) || SIZE_KEYWORDS.some((k) => typeof n[k] === 'number' && (n[k] as number) > 1),
  );

  test('every rule that is not one rule anywhere carries x-problem-code', () => {
    expect(ruled.length).toBeGreaterThan(15);
    const uncoded = ruled.filter(([, n]) => typeof n['x-problem-code'] !== 'string').map(([path]) => path);
    expect(uncoded).toEqual([]);
  });

  test('every code it names is in the catalog', () => {
    const named = all.map(([, n]) => n['x-problem-code']).filter((c) => c !== undefined);
    expect(named.length).toBeGreaterThan(15);
    for (const code of named) expect(Object.keys(PROBLEM_CODES)).toContain(code);
  });
});
