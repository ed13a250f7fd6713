import { loadTimeSchema } from '../../../codegen/terraform-schema';
import type { SchemaBlock } from '../../../codegen/terraform-schema';
import { parseDuration, TIME_RULES } from '../stand-in/rules/time';
import type { TypeRules, Value } from '../stand-in/rules/rule';
import { customProblems, validateConfig } from '../stand-in/validate';

const VERSION = '0.13.1';
const SLEEP = TIME_RULES.find((r) => r.type === 'time_sleep')!;
const messages = (config: { [key: string]: Value }) => validateConfig(SLEEP, config, VERSION).map((p) => p.summary);
const custom = (config: { [key: string]: Value }) => customProblems(SLEEP, config, VERSION).map((p) => p.summary);

/** Whether a rule path (`a.b`, `a.*`) names an attribute or block of `block`. */
function hasPath(block: SchemaBlock, path: string): boolean {
  const [name, ...rest] = path.split('.');
  const nested = block.block_types?.[name];
  if (nested) return rest.length === 0 || hasPath(nested.block, rest.join('.'));
  const attribute = block.attributes?.[name];
  return (
    attribute !== undefined && (rest.length === 0 || (rest.length === 1 && rest[0] === '*' && Array.isArray(attribute.type)))
  );
}

function allPaths(rules: TypeRules): string[] {
  return [
    ...rules.arguments.map((r) => r.path),
    ...(rules.cross ?? []).flatMap((r) => r.paths),
    ...(rules.forceNew ?? []).map((f) => f.path),
  ];
}

describe('internal/provider/resource_time_sleep.go', () => {
  const duration =
    'must be a number immediately followed by ms (milliseconds), s (seconds), m (minutes), or h (hours). For example, "30s" for 30 seconds.';

  test.each(['create_duration', 'destroy_duration'])('%s: stringvalidator.RegexMatches', (name) => {
    expect(messages({ [name]: '1.5m' })).toEqual([]);
    expect(messages({ [name]: '30' })).toEqual([`Invalid Attribute Value Match: Attribute ${name} ${duration}, got: 30`]);
    // ParseDuration would take these; the provider's expression does not.
    expect(messages({ [name]: '1h30m' })).toHaveLength(1);
    expect(messages({ [name]: '500us' })).toHaveLength(1);
  });

  test('create_duration and destroy_duration: stringvalidator.AtLeastOneOf, each naming the other first', () => {
    expect(custom({ create_duration: '30s', destroy_duration: null })).toEqual([]);
    expect(custom({ create_duration: null, destroy_duration: '30s' })).toEqual([]);
    expect(custom({ create_duration: { unknown: true }, destroy_duration: null })).toEqual([]);
    expect(custom({ create_duration: null, destroy_duration: null, triggers: { a: 'b' } })).toEqual([
      'Invalid Attribute Combination: At least one attribute out of [destroy_duration,create_duration] must be specified',
      'Invalid Attribute Combination: At least one attribute out of [create_duration,destroy_duration] must be specified',
    ]);
  });

  test('triggers: mapplanmodifier.RequiresReplace is the only replacement', () => {
    expect(SLEEP.forceNew).toEqual([{ path: 'triggers', source: expect.stringContaining('resource_time_sleep.go') }]);
  });

  test('every path exists in the time 0.13.1 schema', () => {
    const schema = loadTimeSchema();
    for (const rules of TIME_RULES) {
      const block = schema.resources[rules.type];
      expect(block).toBeDefined();
      const paths = allPaths(rules);
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) expect([path, hasPath(block, path)]).toEqual([path, true]);
    }
  });

  test('every source names the file', () => {
    for (const rule of [...SLEEP.arguments, ...(SLEEP.cross ?? []), ...(SLEEP.forceNew ?? [])]) {
      expect(rule.source).toMatch(/^internal\/provider\/resource_time_sleep\.go: /);
    }
  });
});

describe("Go's time.ParseDuration (src/time/format.go), for Create and ImportState", () => {
  const ns = (s: string) => {
    const parsed = parseDuration(s);
    if ('error' in parsed) throw new Error(parsed.error);
    return parsed.nanoseconds;
  };
  const error = (s: string) => {
    const parsed = parseDuration(s);
    return 'error' in parsed ? parsed.error : `parsed as ${parsed.nanoseconds}`;
  };

  test.each([
    ['0', 0n],
    ['-0', 0n],
    ['+0', 0n],
    ['5s', 5_000_000_000n],
    ['30s', 30_000_000_000n],
    ['1478s', 1_478_000_000_000n],
    ['-5s', -5_000_000_000n],
    ['+5s', 5_000_000_000n],
    ['-0s', 0n],
    ['5.0s', 5_000_000_000n],
    ['5.6s', 5_600_000_000n],
    ['5.s', 5_000_000_000n],
    ['.5s', 500_000_000n],
    ['1.0s', 1_000_000_000n],
    ['1.00s', 1_000_000_000n],
    ['1.004s', 1_004_000_000n],
    ['100.00100s', 100_001_000_000n],
    ['10ns', 10n],
    ['11us', 11_000n],
    ['12\u00b5s', 12_000n],
    ['12\u03bcs', 12_000n],
    ['13ms', 13_000_000n],
    ['14s', 14_000_000_000n],
    ['15m', 900_000_000_000n],
    ['16h', 57_600_000_000_000n],
    ['3h30m', 12_600_000_000_000n],
    ['10.5s4m', 250_500_000_000n],
    ['-2m3.4s', -123_400_000_000n],
    ['1h2m3s4ms5us6ns', 3_723_004_005_006n],
    ['39h9m14.425s', 140_954_425_000_000n],
    ['52763797000ns', 52_763_797_000n],
    ['0.3333333333333333333h', 1_200_000_000_000n],
    ['9007199254740993ns', 9_007_199_254_740_993n],
    ['9223372036854775807ns', 9_223_372_036_854_775_807n],
    ['9223372036854775.807us', 9_223_372_036_854_775_807n],
    ['9223372036s854ms775us807ns', 9_223_372_036_854_775_807n],
    ['-9223372036854775808ns', -9_223_372_036_854_775_808n],
    ['-9223372036854775.808us', -9_223_372_036_854_775_808n],
    ['0.100000000000000000000h', 360_000_000_000n],
    ['0.830103483285477580700h', 2_988_372_539_827n],
  ])('%s is %p ns', (input, expected) => {
    expect(ns(input)).toBe(expected);
  });

  test.each([
    ['', 'time: invalid duration ""'],
    ['3', 'time: missing unit in duration "3"'],
    ['-', 'time: invalid duration "-"'],
    ['s', 'time: invalid duration "s"'],
    ['.', 'time: invalid duration "."'],
    ['-.', 'time: invalid duration "-."'],
    ['.s', 'time: invalid duration ".s"'],
    ['+.s', 'time: invalid duration "+.s"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
    ['1.5S', 'time: unknown unit "S" in duration "1.5S"'],
    ['1constructor', 'time: unknown unit "constructor" in duration "1constructor"'],
    ['\x85\x85', 'time: invalid duration "\\xc2\\x85\\xc2\\x85"'],
    ['1\u00e9s', 'time: unknown unit "\\xc3\\xa9s" in duration "1\\xc3\\xa9s"'],
    ['1"s', 'time: unknown unit "\\"s" in duration "1\\"s"'],
    ['9223372036854775810ns', 'time: invalid duration "9223372036854775810ns"'],
    ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
    ['-9223372036854775809ns', 'time: invalid duration "-9223372036854775809ns"'],
    ['9223372036854775.808us', 'time: invalid duration "9223372036854775.808us"'],
    ['9223372036854ms775us808ns', 'time: invalid duration "9223372036854ms775us808ns"'],
    ['2562048h', 'time: invalid duration "2562048h"'],
  ])('%p is refused: %s', (input, message) => {
    expect(error(input)).toBe(message);
  });
});
