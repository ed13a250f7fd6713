// What the rules tests share: a rule looked up by path, the key the SDK passes to a ValidateFunc, one accepted and
// one refused value per rule (named after the rule's source), and every rule path found in the schema.
import { loadAzurermSchemas } from '../../../codegen/terraform-schema';
import type { SchemaBlock } from '../../../codegen/terraform-schema';
import type { ArgumentRule, TypeRules, Value } from '../stand-in/rules/rule';
import { admits } from '../stand-in/versions';

/** The SDK's key for a rule path: `a.b` is `a.0.b`, `a.*` is `a.0`. */
export const sdkKey = (path: string) => path.replace(/\./g, '.0.').replace(/\.0\.\*$/, '.0');

export function argumentRule(rules: TypeRules, path: string, versions?: string): ArgumentRule {
  const found = rules.arguments.filter((r) => r.path === path && r.versions === versions);
  expect(found).toHaveLength(1);
  return found[0];
}

export interface Row {
  readonly path: string;
  readonly versions?: string;
  readonly ok: Value;
  readonly bad: Value;
  /** The messages for `bad`, in order (matchers such as expect.stringContaining allowed). */
  readonly messages: readonly unknown[];
}

export function checkRows(rules: TypeRules, rows: readonly Row[]): void {
  test.each(rows.map((row) => [argumentRule(rules, row.path, row.versions).source, row] as const))('%s', (_source, row) => {
    const rule = argumentRule(rules, row.path, row.versions);
    expect(rule.check(row.ok, sdkKey(row.path))).toEqual([]);
    expect(rule.check(row.bad, sdkKey(row.path))).toEqual(row.messages);
  });
  test(`every argument rule of ${rules.type} has a row`, () => {
    expect(rules.arguments.length).toBeGreaterThan(0);
    const covered = new Set(rows.map((r) => `${r.path} ${r.versions}`));
    expect(rules.arguments.map((r) => `${r.path} ${r.versions}`).filter((k) => !covered.has(k))).toEqual([]);
  });
}

const SCHEMAS = loadAzurermSchemas();

/** The schema a rule is checked against: 4.79.0 when the rule applies there, else the release it applies to. */
function schemaFor(versions: string | undefined) {
  const version = versions === undefined || admits(versions, '4.79.0') ? '4.79.0' : admits(versions, '5.2.0') ? '5.x' : '4.68.0';
  return SCHEMAS.find((s) => s.version === version)!;
}

function hasPath(block: SchemaBlock | undefined, path: string): boolean {
  if (block === undefined) return false;
  const [name, ...rest] = path.split('.');
  const nested = block.block_types?.[name];
  if (nested) return rest.length === 0 || hasPath(nested.block, rest.join('.'));
  const attribute = block.attributes?.[name];
  return attribute !== undefined && (rest.length === 0 || (rest.join('.') === '*' && Array.isArray(attribute.type)));
}

/**
 * Every rule path exists in the schema of a release the rule applies to. `gaps` lists the paths
 * (`<schema version> <type> <path>`) that the schema file lacks although the provider's source has them: they must
 * be missing, so the list goes when the schema is fixed.
 */
export function pathsExist(all: readonly TypeRules[], gaps: readonly string[] = []): void {
  test('every path exists in the schema (4.79.0, or the release the rule is for)', () => {
    const checked: string[] = [];
    for (const rules of all) {
      const entries = [...rules.arguments, ...(rules.cross ?? []), ...(rules.forceNew ?? [])];
      for (const entry of entries) {
        const schema = schemaFor(entry.versions);
        const block =
          rules.kind === 'provider'
            ? schema.provider
            : rules.kind === 'data'
              ? schema.dataSources[rules.type]
              : schema.resources[rules.type];
        for (const path of 'paths' in entry ? entry.paths : [entry.path]) {
          const missing = gaps.includes(`${schema.version} ${rules.type} ${path}`);
          expect([rules.type, path, hasPath(block, path)]).toEqual([rules.type, path, !missing]);
          checked.push(path);
        }
      }
    }
    expect(checked.length).toBeGreaterThan(0);
  });
}
