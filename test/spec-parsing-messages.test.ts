// Messages worth reading: every value a spec problem echoes is cut to about 200 characters with its full length,
// and every schema error states the rule (from the keyword that failed, or the schema's `patternErrorMessage` /
// `errorMessage`), never a field's description. Line numbers refer to MINIMAL_SPEC as edited by each case.
import * as fs from 'fs';
import * as path from 'path';
import { EXIT_INVALID_INPUT, EXIT_OK } from '../lib/cli/main';
import { FLEET_SPEC_SCHEMA, inlineRefs, RULE_KEYWORDS, WORDED_KEYWORDS } from '../lib/fleet/schema-check';
import { echoValue, formatPath } from '../lib/fleet/spec-problems';
import { accountId, cli, MINIMAL_SPEC, tempDir } from './support/cli';

/** Runs `validate` on `text` written to a fresh `name`; the output names the file `name`, without its folder. */
function validate(text: string, name = 'spec.yaml') {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  const result = cli(['validate', '--config', file]);
  return { ...result, stderr: result.stderr.split(file).join(name) };
}

const TEN_MB = 10 * 1024 * 1024;

describe('echoValue: a value as a problem shows it', () => {
  test('a short string whole, quoted as JSON', () => {
    expect(echoValue('P30X')).toBe('"P30X"');
  });

  test('a 10 MB string cut to about 200 characters, with its full length', () => {
    const shown = echoValue('a'.repeat(TEN_MB));
    expect(shown).toBe(`"${'a'.repeat(198)}…" (10,485,760 characters)`);
  });

  test('a string just at the limit is whole; one character more is cut', () => {
    expect(echoValue('b'.repeat(198))).toBe(`"${'b'.repeat(198)}"`);
    expect(echoValue('b'.repeat(199))).toBe(`"${'b'.repeat(198)}…" (199 characters)`);
  });

  test('characters are counted as characters: an emoji is one, and never cut in half', () => {
    const shown = echoValue('😀'.repeat(150));
    expect(shown).toBe(`"${'😀'.repeat(99)}…" (150 characters)`);
  });

  test('newlines, terminal escapes and invisible characters are written as escapes', () => {
    expect(echoValue('a\nb\u001b[31mc\u009bd\u202ee\u200bf')).toBe('"a\\nb\\u001b[31mc\\u009bd\\u202ee\\u200bf"');
  });

  test('Infinity and NaN by name (JSON would write null)', () => {
    expect(echoValue(Infinity)).toBe('Infinity');
    expect(echoValue(-Infinity)).toBe('-Infinity');
    expect(echoValue(NaN)).toBe('NaN');
  });

  test('a list or mapping as JSON, cut with the length of its JSON', () => {
    expect(echoValue(['raw', 1])).toBe('["raw",1]');
    const list = Array.from({ length: 100 }, (_, i) => `c${i}`);
    expect(echoValue(list)).toBe(
      `${JSON.stringify(list).slice(0, 200)}… (${JSON.stringify(list).length.toLocaleString('en-US')} characters as JSON)`,
    );
  });

  test('the source text when given, cut the same way', () => {
    expect(echoValue(Infinity, '1e309')).toBe('1e309');
    expect(echoValue(Infinity, '9'.repeat(1000))).toBe(`${'9'.repeat(200)}… (1,000 characters as written)`);
  });

  test('a path segment of 10 MB is cut in the path too', () => {
    expect(formatPath(['vaults', 'tags', 'k'.repeat(TEN_MB)])).toBe(`vaults.tags["${'k'.repeat(198)}…" (10,485,760 characters)]`);
  });
});

describe('a 10 MB value in the spec does not become 10 MB of stderr', () => {
  test('a stack name', () => {
    const result = validate(`${MINIMAL_SPEC}stackName: ${'a'.repeat(TEN_MB)}\n`);
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toBe(
      'adls-backup: spec.yaml: 1 problem in the fleet spec:\n' +
        `  spec.yaml:10:12: stackName: must be a stack name: a letter, then up to 62 letters, digits, _ or -, got: "${'a'.repeat(198)}…" (10,485,760 characters)\n`,
    );
  });

  test('a tag name, in the path', () => {
    const result = validate(`${MINIMAL_SPEC}vaults: { tags: { ${'k'.repeat(TEN_MB)}: 1 } }\n`);
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr.length).toBeLessThan(600);
    expect(result.stderr).toContain(
      `  spec.yaml:10:10485781: vaults.tags["${'k'.repeat(198)}…" (10,485,760 characters)]: must be a string (write it in quotes to make it one), got: 1\n`,
    );
  });

  test('a property name that is no property (JSON: YAML limits a block key to 1,024 characters)', () => {
    const spec = { version: 1, policies: {}, accounts: [], ['x'.repeat(TEN_MB)]: 1 };
    const result = validate(JSON.stringify(spec, null, 2), 'spec.json');
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr.length).toBeLessThan(1000);
    expect(result.stderr).toContain(
      `  spec.json:5:3: ["${'x'.repeat(198)}…" (10,485,760 characters)]: is not a known property (allowed: $schema,`,
    );
  });

  test('a number of 1,000 digits, as written', () => {
    const result = validate(`${MINIMAL_SPEC}vaults: { softDeleteRetentionDays: ${'9'.repeat(1000)} }\n`);
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toContain(
      `  spec.yaml:10:36: vaults.softDeleteRetentionDays: must be a whole number from 14 to 180, got: ${'9'.repeat(200)}… (1,000 characters as written)\n`,
    );
  });
});

// One case per kind of schema keyword: each message says the rule in words, located at the value (or the key).
describe.each<[string, string, string]>([
  // type, for each type the schema uses
  [
    'type boolean',
    `${MINIMAL_SPEC}stackPerRegion: "yes"\n`,
    'spec.yaml:10:17: stackPerRegion: must be true or false, got: "yes"',
  ],
  [
    'type string, for a number YAML read unquoted',
    `${MINIMAL_SPEC}backend: { azurerm: { resourceGroupName: rg, storageAccountName: 12345, containerName: tfstate, key: k } }\n`,
    'spec.yaml:10:66: backend.azurerm.storageAccountName: must be a string (write it in quotes to make it one), got: 12345',
  ],
  [
    'type string, for a list',
    MINIMAL_SPEC.replace('region: westeurope', 'region: [westeurope]'),
    'spec.yaml:8:13: accounts[0].region: must be a string, got: ["westeurope"]',
  ],
  [
    'type integer, with its range',
    `${MINIMAL_SPEC}vaults: { softDeleteRetentionDays: 14.5 }\n`,
    'spec.yaml:10:36: vaults.softDeleteRetentionDays: must be a whole number from 14 to 180, got: 14.5',
  ],
  ['type object', `${MINIMAL_SPEC}provider: 5\n`, 'spec.yaml:10:11: provider: must be a mapping, got: 5'],
  [
    'type array',
    `${MINIMAL_SPEC}vaults: { acknowledgeIrreversible: SoftDeleteAlwaysOn }\n`,
    'spec.yaml:10:36: vaults.acknowledgeIrreversible: must be a list, got: "SoftDeleteAlwaysOn"',
  ],
  [
    'type of the whole document',
    'just text\n',
    'spec.yaml:1:1: (document): must be a mapping with `version`, `policies` and `accounts`, got: "just text"',
  ],
  // enum and const
  [
    'enum, with the value meant',
    `${MINIMAL_SPEC}vaults: { redundancy: georedundant }\n`,
    'spec.yaml:10:23: vaults.redundancy: must be one of "GeoRedundant", "LocallyRedundant", "ZoneRedundant" (did you mean "GeoRedundant"?), got: "georedundant"',
  ],
  [
    'enum of list items',
    `${MINIMAL_SPEC}vaults: { acknowledgeIrreversible: [Immutability] }\n`,
    'spec.yaml:10:37: vaults.acknowledgeIrreversible[0]: must be one of "SoftDeleteAlwaysOn", "ImmutabilityLocked", "CrossRegionRestore", got: "Immutability"',
  ],
  ['const', MINIMAL_SPEC.replace('version: 1', 'version: "1"'), 'spec.yaml:1:10: version: must be 1, got: "1"'],
  // pattern, in the words of patternErrorMessage
  [
    'pattern',
    `${MINIMAL_SPEC}provider: { subscriptionId: not-a-guid }\n`,
    'spec.yaml:10:29: provider.subscriptionId: must be a GUID such as 00000000-0000-0000-0000-000000000000, got: "not-a-guid"',
  ],
  [
    'pattern of a UTC offset',
    MINIMAL_SPEC.replace('time: "02:00"', 'time: "02:00", utcOffset: "1:00"'),
    'spec.yaml:4:61: policies.daily.schedule.utcOffset: must be a UTC offset from -14:00 to +14:00 written like "+01:00", got: "1:00"',
  ],
  [
    'propertyNames (pattern of a key)',
    `${MINIMAL_SPEC}vaults: { regions: { West-Europe: {} } }\n`,
    'spec.yaml:10:22: vaults.regions.West-Europe: must be a region in lowercase without spaces, such as westeurope, got: "West-Europe"',
  ],
  // ranges
  [
    'minimum',
    `${MINIMAL_SPEC}vaults: { softDeleteRetentionDays: 5 }\n`,
    'spec.yaml:10:36: vaults.softDeleteRetentionDays: must be a whole number from 14 to 180, got: 5',
  ],
  [
    'maximum',
    `${MINIMAL_SPEC}vaults: { softDeleteRetentionDays: 181 }\n`,
    'spec.yaml:10:36: vaults.softDeleteRetentionDays: must be a whole number from 14 to 180, got: 181',
  ],
  [
    'minLength',
    `${MINIMAL_SPEC}backend: { azurerm: { resourceGroupName: rg, storageAccountName: sttf01, containerName: tfstate, key: "" } }\n`,
    'spec.yaml:10:103: backend.azurerm.key: must not be empty, got: ""',
  ],
  ['minItems', MINIMAL_SPEC.replace('[raw]', '[]'), 'spec.yaml:9:17: accounts[0].containers: must have 1 to 100 items, got: []'],
  [
    'maxItems, with the count',
    MINIMAL_SPEC.replace('[raw]', `[${Array.from({ length: 101 }, (_, i) => `c${String(i).padStart(3, '0')}`).join(', ')}]`),
    'spec.yaml:9:17: accounts[0].containers: must have 1 to 100 items, got: 101 items',
  ],
  [
    'minProperties',
    MINIMAL_SPEC.replace(/policies:\n(?:.*\n){3}/, 'policies: {}\n'),
    'spec.yaml:2:11: policies: must have at least 1 entry, got: {}',
  ],
  [
    'uniqueItems, at the repeat',
    MINIMAL_SPEC.replace('time: "02:00"', 'time: "02:00", days: [Monday, Friday, Monday]').replace(
      'frequency: daily',
      'frequency: weekly',
    ),
    'spec.yaml:4:74: policies.daily.schedule.days[2]: must differ from every other item of the list: policies.daily.schedule.days[0] is the same, got: "Monday"',
  ],
  // required, additionalProperties, if/then
  [
    'required',
    MINIMAL_SPEC.replace('    retention: { default: P30D }\n', ''),
    'spec.yaml:4:5: policies.daily: must have the property `retention`',
  ],
  [
    'additionalProperties',
    `${MINIMAL_SPEC}defaults: { polcy: daily }\n`,
    'spec.yaml:10:13: defaults.polcy: is not a known property (did you mean `policy`?)',
  ],
  [
    'if/then',
    MINIMAL_SPEC.replace('frequency: daily', 'frequency: weekly'),
    'spec.yaml:4:15: policies.daily.schedule: must have the property `days`',
  ],
  // oneOf / anyOf: the alternatives' errorMessage, or the errors of the one alternative the value's shape fits
  [
    'oneOf, a value fitting no alternative',
    MINIMAL_SPEC.replace('default: P30D', 'default: P30D, monthly: P12X'),
    'spec.yaml:5:42: policies.daily.retention.monthly: must be a duration such as P12M, or a mapping with `keep`, got: "P12X"',
  ],
  [
    'oneOf, a mapping: the mapping alternative says what is wrong in it',
    MINIMAL_SPEC.replace('default: P30D', 'default: P30D, yearly: { keep: P10X }'),
    'spec.yaml:5:49: policies.daily.retention.yearly.keep: must be an ISO 8601 duration in days, weeks, months or years, such as P30D, P12W, P12M or P10Y, got: "P10X"',
  ],
  [
    'oneOf, a mapping without its required property',
    MINIMAL_SPEC.replace('default: P30D', 'default: P30D, weekly: { daysOfWeek: [Sunday] }'),
    'spec.yaml:5:41: policies.daily.retention.weekly: must have the property `keep`',
  ],
  [
    'oneOf, false or a duration',
    `${MINIMAL_SPEC}defaults: { rolePropagationWait: PT5X }\n`,
    'spec.yaml:10:34: defaults.rolePropagationWait: must be an ISO 8601 duration of 1 second to 60 minutes (PT30S, PT5M, PT1H), or false for no wait, got: "PT5X" (inherited by 1 account)',
  ],
  [
    'anyOf with a pattern (a region)',
    MINIMAL_SPEC.replace('region: westeurope', 'region: West Europe!'),
    'spec.yaml:8:13: accounts[0].region: must be an Azure region name, such as westeurope or West Europe, got: "West Europe!"',
  ],
])('a schema rule in words: %s', (_name, text, expected) => {
  test('exits 2 with the one problem, located', () => {
    const result = validate(text);
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`adls-backup: spec.yaml: 1 problem in the fleet spec:\n  ${expected}\n`);
  });
});

type SchemaNode = { readonly [keyword: string]: unknown };

/** Every schema object in `node`, with the keyword path that leads to it. */
function schemaNodes(node: unknown, at = '#'): [string, SchemaNode][] {
  if (Array.isArray(node)) return node.flatMap((item, i) => schemaNodes(item, `${at}/${i}`));
  if (node === null || typeof node !== 'object') return [];
  return [
    [at, node as SchemaNode],
    ...Object.entries(node).flatMap(([k, v]) => (k === 'enum' || k === 'const' ? [] : schemaNodes(v, `${at}/${k}`))),
  ];
}

describe('the schema states each rule it cannot derive', () => {
  const nodes = schemaNodes(FLEET_SPEC_SCHEMA);

  test('every pattern has a patternErrorMessage that begins with "must "', () => {
    const patterns = nodes.filter(([, n]) => typeof n.pattern === 'string');
    expect(patterns.length).toBeGreaterThanOrEqual(15);
    expect(patterns.filter(([, n]) => !String(n.patternErrorMessage ?? '').startsWith('must ')).map(([at]) => at)).toEqual([]);
  });

  test('every oneOf and anyOf has an errorMessage that begins with "must "', () => {
    const alternatives = nodes.filter(([, n]) => n.oneOf !== undefined || n.anyOf !== undefined);
    expect(alternatives.length).toBeGreaterThanOrEqual(5);
    expect(alternatives.filter(([, n]) => !String(n.errorMessage ?? '').startsWith('must ')).map(([at]) => at)).toEqual([]);
  });

  test('every validation keyword the schema uses has words in the schema check', () => {
    const structural = [
      '$schema',
      'title',
      'description',
      'properties',
      'definitions',
      'items',
      'then',
      '$ref',
      ...RULE_KEYWORDS,
      'x-problem-code',
    ];
    const used = new Set(
      nodes.flatMap(([at, n]) => (at.endsWith('/properties') || at.endsWith('/definitions') ? [] : Object.keys(n))),
    );
    expect([...used].filter((k) => !structural.includes(k) && !WORDED_KEYWORDS.includes(k))).toEqual([]);
  });

  test('inlining the definitions keeps the same rules (the published file is unchanged in meaning)', () => {
    const inlined = JSON.stringify(inlineRefs(FLEET_SPEC_SCHEMA));
    expect(inlined).not.toContain('$ref');
    expect(inlined).toContain('"pattern":"^P[1-9][0-9]*[DWMY]$"');
  });
});

// Every field the schema declares, given a value of the wrong kind, is refused with a rule: "must be ..." from the
// field's type, enum, const or alternatives, never its description (a sentence about what the field does).
describe('every field of the schema, given a wrong value, reads as a rule', () => {
  const base = {
    version: 1,
    stackName: 'lake',
    stackPerRegion: false,
    provider: { subscriptionId: '11111111-1111-1111-1111-111111111111' },
    backend: { azurerm: { resourceGroupName: 'rg', storageAccountName: 'sttf01', containerName: 'tfstate', key: 'k' } },
    checkAccountsAtPlan: true,
    vaults: { regions: { westeurope: {} } },
    policies: {
      daily: {
        schedule: { frequency: 'daily', time: '02:00' },
        retention: {
          default: 'P30D',
          weekly: { keep: 'P12W' },
          monthly: { keep: 'P12M' },
          yearly: { keep: 'P10Y' },
          custom: [{ name: 'c', keep: 'P1D', absoluteCriteria: 'AllBackup' }],
        },
      },
    },
    defaults: {},
    accounts: [{ id: accountId('lake01'), region: 'westeurope', containers: ['raw'] }],
  };
  const defs = (FLEET_SPEC_SCHEMA as { definitions: Record<string, SchemaNode> }).definitions;
  const props = (n: SchemaNode) => Object.entries((n.properties ?? {}) as Record<string, SchemaNode>);
  const top = FLEET_SPEC_SCHEMA as SchemaNode;
  const topProps = Object.fromEntries(props(top));
  const policy = Object.fromEntries(props(defs.policy));
  const retention = Object.fromEntries(props(policy.retention));
  const weekly = (retention.weekly.oneOf as SchemaNode[])[1];
  const vaultRegion = (topProps.vaults.properties as Record<string, SchemaNode>).regions.additionalProperties as SchemaNode;
  // [path of the mapping, its schema]
  const mappings: [(string | number)[], SchemaNode][] = [
    [[], top],
    [['provider'], topProps.provider],
    [['backend', 'azurerm'], (topProps.backend.properties as Record<string, SchemaNode>).azurerm],
    [['vaults'], topProps.vaults],
    [['vaults', 'regions', 'westeurope'], vaultRegion],
    [['policies', 'daily'], defs.policy],
    [['policies', 'daily', 'schedule'], policy.schedule],
    [['policies', 'daily', 'retention'], policy.retention],
    [['policies', 'daily', 'retention', 'weekly'], weekly],
    [['policies', 'daily', 'retention', 'custom', 0], retention.custom.items as SchemaNode],
    [['defaults'], topProps.defaults],
    [['accounts', 0], defs.account],
  ];
  const fields = mappings.flatMap(([at, schema]) =>
    props(schema).map(([name, field]): [string, (string | number)[], SchemaNode] => [
      formatPath([...at, name]),
      [...at, name],
      field,
    ]),
  );

  test('the base spec passes the schema, so each case breaks one field', () => {
    // Valid as a whole (the constructs' rules included): a case's problem is the one its change makes.
    expect(validate(JSON.stringify(base, null, 2), 'spec.json')).toMatchObject({ code: 0, stderr: '' });
    expect(fields.length).toBeGreaterThan(60);
  });

  test.each(fields)('%s', (_name, fieldPath, field) => {
    const spec = JSON.parse(JSON.stringify(base));
    let parent = spec;
    for (const segment of fieldPath.slice(0, -1)) parent = parent[segment];
    // A mapping where the field is not one, a number where it is one.
    const kinds = ([] as unknown[]).concat(
      field.type ?? [],
      ((field.oneOf as SchemaNode[]) ?? []).map((b) => b.type),
    );
    parent[fieldPath[fieldPath.length - 1]] = kinds.includes('object') ? 12 : { wrong: 1 };
    const result = validate(JSON.stringify(spec, null, 2), 'spec.json');
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    const lines = result.stderr.split('\n').filter((l) => l.startsWith('  spec.json:'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^  spec\\.json:\\d+:\\d+: ${formatPath(fieldPath).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: must (be|have) `),
    );
    const description = typeof field.description === 'string' ? field.description.split('. ')[0] : undefined;
    if (description && !/^an? /.test(description)) expect(lines[0]).not.toContain(description);
  });
});

describe("README's Errors section is what the command prints", () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8').split('\n');
  /** The ```text block after the line holding `marker`. */
  const block = (marker: string) => {
    const at = readme.findIndex((l) => l.includes(marker));
    expect(at).toBeGreaterThanOrEqual(0);
    const open = readme.findIndex((l, i) => i > at && l === '```text');
    const close = readme.findIndex((l, i) => i > open && l === '```');
    return readme.slice(open + 1, close);
  };
  /** The command as README shows it: the prompt, what it printed, and the exit code. */
  const transcript = (text: string) => {
    const result = validate(text, 'backup.yaml');
    return [
      '$ npx adls-backup validate --config backup.yaml',
      ...result.stderr.trimEnd().split('\n'),
      '$ echo $?',
      String(result.code),
    ];
  };

  test('the schema problems', () => {
    const spec = [
      'version: 1',
      'policies:',
      '  daily:',
      '    schedule: { frequency: daily, time: "02:30" }',
      '    retention: { default: P30X }',
      'accounts:',
      `  - id: ${accountId('lakeweufinance01')}`,
      '    region: westeurope',
      '    containrs: [raw]',
      `  - id: ${accountId('lakeweusales01')}`,
      '    region: westeurope',
      '    containers: [raw, Curated_Data]',
      '',
    ].join('\n');
    expect(block('Each problem gives file, line')).toEqual(transcript(spec));
  });

  test('a syntax error', () => {
    const example = fs.readFileSync(path.join(__dirname, '..', 'examples', 'fleet', 'backup.yaml'), 'utf8');
    const slipped = example.replace('\n  resourceGroupName: rg-backup-{region}\n', '\n resourceGroupName: rg-backup-{region}\n');
    expect(slipped).not.toBe(example);
    expect(block('A syntax error is shown')).toEqual(transcript(slipped));
  });

  test('the valid example still passes', () => {
    const example = fs.readFileSync(path.join(__dirname, '..', 'examples', 'fleet', 'backup.yaml'), 'utf8');
    expect(validate(example, 'backup.yaml').code).toBe(EXIT_OK);
  });
});
