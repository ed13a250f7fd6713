// Lossless parsing: what the file says is what the spec reads, or the file is refused where it says something else.
// Numbers as written, YAML syntax errors (the first few, with the line and a caret), bytes that are not UTF-8,
// tags, duplicate and `__proto__` keys, keys YAML reads as other names, JSON's own syntax for `.json` specs, empty
// files and several documents. Every refusal exits 2 with file:line:column. Line numbers refer to MINIMAL_SPEC as
// edited by each case.
import * as fs from 'fs';
import * as path from 'path';
import { EXIT_INVALID_INPUT, EXIT_OK } from '../lib/cli/main';
import { parseFleetSpec, SpecError } from '../lib/fleet';
import { firstInvalidUtf8, jsonSyntaxError } from '../lib/fleet/load-spec';
import { accountId, cli, MINIMAL_SPEC, tempDir } from './support/cli';

/** Runs `validate` on `content` written to a fresh `name`; the output names the file `name`, without its folder. */
function validate(content: string | Buffer, name = 'spec.yaml') {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  const result = cli(['validate', '--config', file]);
  return { ...result, stderr: result.stderr.split(file).join(name) };
}

/** The whole stderr of a refused spec with these problem lines (each already indented as printed). */
function refused(name: string, count: number, ...lines: string[]): string {
  return `adls-backup: ${name}: ${count} problem${count === 1 ? '' : 's'} in the fleet spec:\n${lines.join('\n')}\n`;
}

/** MINIMAL_SPEC with `from` replaced by `to` (the case fails if `from` is not there). */
function edit(from: string, to: string, text = MINIMAL_SPEC): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

describe('numbers are shown as written', () => {
  test.each([
    ['1e309', 'a number past the largest double'],
    ['.nan', "YAML's not-a-number"],
    ['-.inf', "YAML's minus infinity"],
    ['12345678901234567890', 'an integer past 2^53, which JavaScript rounds'],
  ])('%s (%s)', (written) => {
    const result = validate(`${MINIMAL_SPEC}vaults: { softDeleteRetentionDays: ${written} }\n`);
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toBe(
      refused(
        'spec.yaml',
        1,
        `  spec.yaml:10:36: vaults.softDeleteRetentionDays: must be a whole number from 14 to 180, got: ${written}`,
      ),
    );
  });

  test('a hexadecimal number where a string is wanted, as written (not 31)', () => {
    const result = validate(edit('time: "02:00"', 'time: 0x1F'));
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toBe(
      refused(
        'spec.yaml',
        1,
        '  spec.yaml:4:41: policies.daily.schedule.time: must be a string (write it in quotes to make it one), got: 0x1F',
      ),
    );
  });

  test('a number reached through an alias, as written at its anchor', () => {
    const result = validate(`${MINIMAL_SPEC}x-days: &days 1e400\nvaults: { softDeleteRetentionDays: *days }\n`);
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toContain(
      '  spec.yaml:11:36: vaults.softDeleteRetentionDays: must be a whole number from 14 to 180, got: 1e400\n',
    );
  });
});

describe('YAML syntax errors: the first few, with the line and a caret', () => {
  const example = fs.readFileSync(path.join(__dirname, '..', 'examples', 'fleet', 'backup.yaml'), 'utf8');

  test('one indentation slip in the fleet example: 14 errors, the first 3 shown and the rest counted', () => {
    const result = validate(
      edit('\n  resourceGroupName: rg-backup-{region}\n', '\n resourceGroupName: rg-backup-{region}\n', example),
      'backup.yaml',
    );
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      refused(
        'backup.yaml',
        14,
        '  backup.yaml:25:1: (document): is not valid YAML: All mapping items must start at the same column',
        '    25 |  resourceGroupName: rg-backup-{region}',
        '       | ^',
        '  backup.yaml:25:21: (document): is not valid YAML: Nested mappings are not allowed in compact mappings',
        '    25 |  resourceGroupName: rg-backup-{region}',
        '       |                     ^',
        '  backup.yaml:25:21: (document): is not valid YAML: Implicit keys need to be on a single line',
        '    25 |  resourceGroupName: rg-backup-{region}',
        '       |                     ^',
        '  (and 11 more, which often follow from the first: correct it and run again)',
      ),
    );
  });

  test('all the errors stay on the SpecError, in the order found', () => {
    let error: unknown;
    try {
      parseFleetSpec(
        example.replace('\n  resourceGroupName: rg-backup-{region}\n', '\n resourceGroupName: rg-backup-{region}\n'),
        'backup.yaml',
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SpecError);
    const problems = (error as SpecError).problems;
    expect(problems).toHaveLength(14);
    expect(problems[0]).toEqual({
      code: 'ADLSBK-SPEC-SYNTAX',
      path: '(document)',
      rule: 'is not valid YAML: All mapping items must start at the same column',
      message: '(document): is not valid YAML: All mapping items must start at the same column',
      file: 'backup.yaml',
      line: 25,
      column: 1,
    });
  });

  test('a tab used as indentation: the caret line keeps the tab, so the caret lands under the column', () => {
    const result = validate(edit('    region: westeurope', '\tregion: westeurope'));
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toBe(
      refused(
        'spec.yaml',
        3,
        '  spec.yaml:8:1: (document): is not valid YAML: Tabs are not allowed as indentation',
        '    8 | \tregion: westeurope',
        '      | ^',
        '  spec.yaml:8:10: (document): is not valid YAML: Nested mappings are not allowed in compact mappings',
        '    8 | \tregion: westeurope',
        '      | \t        ^',
        '  spec.yaml:8:10: (document): is not valid YAML: Implicit keys need to be on a single line',
        '    8 | \tregion: westeurope',
        '      | \t        ^',
      ),
    );
  });

  test('a document nested thousands deep: said once, not once per level', () => {
    const result = validate(`a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    const lines = result.stderr.split('\n');
    expect(lines[0]).toBe('adls-backup: spec.yaml: 1 problem in the fleet spec:');
    expect(lines[1]).toMatch(/^ {2}spec\.yaml:1:\d+: \(document\): is nested too deeply to be read$/);
    // The excerpt of a 10,000-character line is a window around the column.
    expect(lines[2]).toBe(`    1 | …${'['.repeat(100)}…`);
    expect(lines[3]).toBe(`      | ${' '.repeat(51)}^`);
  });

  test('an unknown directive', () => {
    const result = validate(`%FOO bar\n---\n${MINIMAL_SPEC}`);
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toBe(
      refused('spec.yaml', 1, '  spec.yaml:1:1: (document): cannot be read as written: Unknown directive %FOO'),
    );
  });
});

describe('bytes that are not UTF-8 are refused where they are, not replaced', () => {
  test('a Latin-1 é', () => {
    const bytes = Buffer.concat([
      Buffer.from(`${MINIMAL_SPEC}vaults: { tags: { owner: "Ren`),
      Buffer.from([0xe9]),
      Buffer.from('e" } }\n'),
    ]);
    const result = validate(bytes);
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toBe(
      refused(
        'spec.yaml',
        1,
        '  spec.yaml:10:30: (document): is not UTF-8: the bytes 0xE9 0x65 are not a character (it may be Latin-1 or Windows-1252 text): save the file as UTF-8',
        '    10 | vaults: { tags: { owner: "Ren\ufffde" } }',
        '       |                              ^',
      ),
    );
  });

  test('a byte that starts no character, after multi-byte characters on the same line (the column counts characters)', () => {
    const bytes = Buffer.concat([
      Buffer.from(`${MINIMAL_SPEC}vaults: { tags: { owner: "Zoë Ørsted `),
      Buffer.from([0xff]),
      Buffer.from('" } }\n'),
    ]);
    const result = validate(bytes);
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toContain(
      '  spec.yaml:10:38: (document): is not UTF-8: the byte 0xFF cannot start a character (it may be Latin-1 or Windows-1252 text): save the file as UTF-8\n',
    );
  });

  test('a file that ends inside a character', () => {
    const result = validate(Buffer.concat([Buffer.from(`${MINIMAL_SPEC}stackName: x`), Buffer.from([0xe2, 0x82])]));
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toContain(
      '  spec.yaml:10:13: (document): is not UTF-8: the file ends inside a character (0xE2...): save the file as UTF-8\n',
    );
  });

  test('UTF-16, by its byte order mark', () => {
    const result = validate(Buffer.from(`\ufeff${MINIMAL_SPEC}`, 'utf16le'));
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toContain(
      '  spec.yaml:1:1: (document): is UTF-16 text (it starts with the byte order mark 0xFF 0xFE): save the file as UTF-8\n',
    );
  });

  test('UTF-8 with a byte order mark and non-ASCII text is read', () => {
    const result = validate(Buffer.from(`\ufeff${MINIMAL_SPEC}vaults: { tags: { owner: "Zoë Ørsted" } }\n`));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(EXIT_OK);
  });

  test.each<[string, number[], number]>([
    ['an overlong encoding of "/"', [0x61, 0xc0, 0xaf], 1],
    ['a UTF-16 surrogate encoded in UTF-8', [0x61, 0x62, 0xed, 0xa0, 0x80], 2],
    ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a lone continuation byte', [0x61, 0x80], 1],
  ])('firstInvalidUtf8 follows the WHATWG decoder: %s', (_name, bytes, offset) => {
    const input = Uint8Array.from(bytes);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(input)).toThrow();
    expect(firstInvalidUtf8(input).offset).toBe(offset);
  });
});

describe('tags: only the core ones, whose values JSON holds', () => {
  test.each([
    ['an unknown tag', 'stackName: !foo lake', '10:17: stackName: has the tag !foo'],
    ['!!binary (a buffer)', 'stackName: !!binary aGVsbG8=', '10:21: stackName: has the tag !!binary'],
    ['!!timestamp (a date)', 'stackName: !!timestamp 2001-12-14', '10:24: stackName: has the tag !!timestamp'],
    [
      '!!set (a set, which the schema would take for an empty mapping)',
      'vaults: !!set { a }',
      '10:15: vaults: has the tag !!set',
    ],
  ])('%s', (_name, line, expected) => {
    const result = validate(`${MINIMAL_SPEC}${line}\n`);
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toBe(
      refused(
        'spec.yaml',
        1,
        `  spec.yaml:${expected}, which a fleet spec does not read: remove it (the values of a fleet spec are strings, numbers, true or false, null, lists and mappings)`,
      ),
    );
  });

  test('a core tag on a value it cannot read', () => {
    const result = validate(`${MINIMAL_SPEC}vaults: { softDeleteRetentionDays: !!int abc }\n`);
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toBe(
      refused(
        'spec.yaml',
        1,
        '  spec.yaml:10:42: vaults.softDeleteRetentionDays: has the tag !!int, but YAML cannot read "abc" as one',
      ),
    );
  });

  test('a verbatim tag named like an Object method (the parser fails in its own words)', () => {
    const result = validate(`${MINIMAL_SPEC}stackName: !<constructor> lake\n`);
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toBe(
      refused(
        'spec.yaml',
        1,
        '  spec.yaml:10:12: (document): has a tag that YAML cannot resolve: remove it (the values of a fleet spec are strings, numbers, true or false, null, lists and mappings)',
        '    10 | stackName: !<constructor> lake',
        '       |            ^',
      ),
    );
  });

  test('!!str and the other core tags are read', () => {
    const result = validate(
      `${MINIMAL_SPEC}stackName: !!str lake\nstackPerRegion: !!bool false\nvaults: !!map { softDeleteRetentionDays: !!int 30 }\n`,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(EXIT_OK);
  });
});

describe('keys: each once, names as written, never __proto__', () => {
  test('a key given twice (the existing uniqueKeys rule, now with where the first is)', () => {
    const result = validate(edit('  daily:\n', '  daily:\n    timeZone: UTC\n    timeZone: W. Europe Standard Time\n'));
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toBe(
      refused(
        'spec.yaml',
        1,
        '  spec.yaml:5:5: policies.daily.timeZone: is given twice in this mapping (first at line 4, column 5): a key may appear once',
      ),
    );
  });

  test('1 and "1", which are one name in the spec', () => {
    const result = validate(`${MINIMAL_SPEC}vaults: { tags: { 1: a, "1": b } }\n`);
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toBe(
      refused(
        'spec.yaml',
        1,
        '  spec.yaml:10:25: vaults.tags["1"]: is given twice in this mapping (first at line 10, column 19): a key may appear once',
      ),
    );
  });

  test.each([
    ['at the top', '__proto__: { stackName: lake }', '10:1: __proto__'],
    ['in tags', 'vaults: { tags: { __proto__: x } }', '10:19: vaults.tags.__proto__'],
    ['as a region', 'vaults: { regions: { __proto__: { redundancy: ZoneRedundant } } }', '10:22: vaults.regions.__proto__'],
  ])('__proto__ %s, located at the key', (_name, line, expected) => {
    const result = validate(`${MINIMAL_SPEC}${line}\n`);
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toBe(
      refused(
        'spec.yaml',
        1,
        `  spec.yaml:${expected}: is not allowed as a key: JavaScript objects take \`__proto__\` as their prototype, so the spec would not be read as written`,
      ),
    );
  });

  test('__proto__ in a mapping merged in with <<, at the anchor where it is written', () => {
    const result = validate(`${MINIMAL_SPEC}x-tags: &tags { __proto__: x }\nvaults: { tags: { <<: *tags } }\n`);
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toContain('  spec.yaml:10:17: x-tags.__proto__: is not allowed as a key');
  });

  test('__proto__ in a JSON spec', () => {
    const result = validate('{ "version": 1, "__proto__": { "stackName": "x" } }', 'spec.json');
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toContain('  spec.json:1:17: __proto__: is not allowed as a key');
  });

  test('keys YAML reads as another name, a list as a key, an alias as a key', () => {
    const result = validate(
      `${MINIMAL_SPEC}x-name: &n owner\nvaults: { tags: { ~: a, 0x10: b, 1.0: c, 7: d, true: e, ? [x] : f, *n : g } }\n`,
    );
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toBe(
      refused(
        'spec.yaml',
        5,
        '  spec.yaml:11:19: vaults.tags: has the key "~", which YAML reads as null: write the name in quotes',
        '  spec.yaml:11:25: vaults.tags: has the key "0x10", which YAML reads as 16: write the name in quotes',
        '  spec.yaml:11:34: vaults.tags: has the key "1.0", which YAML reads as 1: write the name in quotes',
        '  spec.yaml:11:59: vaults.tags: has a key that is a list or a mapping: keys must be names',
        '  spec.yaml:11:68: vaults.tags: has a key given as the alias *n: keys must be names written out',
      ),
    );
  });

  test('an alias to an anchor that is not defined', () => {
    const result = validate(`${MINIMAL_SPEC}stackName: *lake\n`);
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toBe(
      refused('spec.yaml', 1, '  spec.yaml:10:12: stackName: refers to the anchor &lake, which is not defined before it'),
    );
  });
});

describe("names of Object's own members are data, never inherited values", () => {
  const withPolicy = (name: string) => edit('  daily:', `  ${name}:`);

  test('a policy named constructor is a policy like any other', () => {
    const loaded = parseFleetSpec(withPolicy('constructor'), 'spec.yaml');
    expect(Object.keys(loaded.spec.policies)).toEqual(['constructor']);
    expect(loaded.spec.policies.constructor).toEqual({
      schedule: { frequency: 'daily', time: '02:00' },
      retention: { default: 'P30D' },
    });
    expect(validate(withPolicy('constructor')).code).toBe(EXIT_OK);
  });

  test('every mapping of the spec is an object without a prototype: a name it lacks is not there', () => {
    const spec = parseFleetSpec(`${MINIMAL_SPEC}vaults: { tags: { owner: x }, regions: { westeurope: {} } }\n`, 'spec.yaml').spec;
    for (const mapping of [
      spec,
      spec.policies,
      spec.policies.daily,
      spec.vaults!,
      spec.vaults!.tags!,
      spec.vaults!.regions!,
      spec.accounts[0],
    ]) {
      expect(Object.getPrototypeOf(mapping)).toBeNull();
    }
    const lookup = (record: object, name: string) => (record as Record<string, unknown>)[name];
    expect(lookup(spec.policies, 'toString')).toBeUndefined();
    expect(lookup(spec.policies, 'constructor')).toBeUndefined();
    expect(lookup(spec.vaults!.tags!, 'hasOwnProperty')).toBeUndefined();
    expect(lookup(spec.vaults!.regions!, 'valueOf')).toBeUndefined();
  });

  test('an account naming a policy called toString that the spec does not define', () => {
    const result = validate(edit('    containers: [raw]', '    containers: [raw]\n    policy: toString'));
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toBe(
      refused('spec.yaml', 1, '  spec.yaml:10:13: accounts[0].policy: must name one of the policies: daily, got: "toString"'),
    );
  });
});

describe('a .json spec is held to JSON', () => {
  const JSON_SPEC = JSON.stringify(
    {
      version: 1,
      policies: { daily: { schedule: { frequency: 'daily', time: '02:00' }, retention: { default: 'P30D' } } },
      accounts: [{ id: accountId('lake01'), region: 'westeurope', containers: ['raw'] }],
    },
    null,
    2,
  );

  test('a trailing comma in an object, located at the comma', () => {
    const text = JSON_SPEC.replace('"containers": [\n        "raw"\n      ]', '"containers": [\n        "raw"\n      ],');
    expect(text).not.toBe(JSON_SPEC);
    const result = validate(text, 'spec.json');
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toBe(
      refused(
        'spec.json',
        1,
        '  spec.json:20:8: (document): is not valid JSON: a trailing comma before `}` (JSON allows none)',
        '    20 |       ],',
        '       |        ^',
      ),
    );
  });

  test('a trailing comma in a list', () => {
    const result = validate(JSON_SPEC.replace('"raw"\n', '"raw",\n'), 'spec.json');
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toContain(
      '  spec.json:19:14: (document): is not valid JSON: a trailing comma before `]` (JSON allows none)\n',
    );
  });

  test.each([
    [
      'a comment',
      '{\n  // daily only\n  "version": 1\n}',
      '2:3',
      'expected a property name in double quotes, found "/" (JSON has no comments: a .yaml spec can have them)',
    ],
    [
      'single quotes',
      "{'version': 1}",
      '1:2',
      'expected a property name in double quotes, found "\'" (JSON strings take double quotes)',
    ],
    ['a string not closed', '{"version": "1', '1:13', 'a string that is not closed (a `"` is missing)'],
    [
      'the end before the value does',
      '{"version": 1',
      '1:14',
      'expected `,` or `}` after a property value, found the end of the file',
    ],
    [
      'NaN',
      '{"version": NaN}',
      '1:13',
      'expected a value (a string in double quotes, a number, an object, an array, true, false or null), found "N"',
    ],
    ['a leading zero', '{"version": 01}', '1:13', 'a number with a leading zero (JSON numbers have none)'],
    ['a missing colon', '{"version" 1}', '1:12', 'expected `:` after the property name, found "1"'],
    ['text after the value', '{"version": 1} x', '1:16', 'expected the end of the file after the value, found "x"'],
    [
      'a bad escape',
      '{"version": "\\x"}',
      '1:14',
      '\\x is not a JSON escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u and 4 hex digits)',
    ],
  ])('%s', (_name, text, at, message) => {
    const result = validate(text, 'spec.json');
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toContain(`  spec.json:${at}: (document): is not valid JSON: ${message}\n`);
  });

  test('a minified spec: the excerpt is a window around the column', () => {
    const result = validate(`${JSON.stringify(JSON.parse(JSON_SPEC)).slice(0, -1)},}`, 'spec.json');
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    const lines = result.stderr.split('\n');
    expect(lines[1]).toBe('  spec.json:1:306: (document): is not valid JSON: a trailing comma before `}` (JSON allows none)');
    expect(lines[2]).toMatch(/^ {4}1 \| ….{99}}$/);
    expect(lines[3]).toBe(`      | ${' '.repeat(99)}^`);
  });

  test('.JSON in capitals is JSON too; the same text named .yaml is read as YAML, which allows the comma', () => {
    const text = JSON_SPEC.replace('"raw"\n', '"raw",\n');
    expect(validate(text, 'SPEC.JSON').code).toBe(EXIT_INVALID_INPUT);
    expect(validate(text, 'spec.yaml').code).toBe(EXIT_OK);
  });

  test('a byte order mark is allowed', () => {
    expect(validate(`\ufeff${JSON_SPEC}`, 'spec.json').code).toBe(EXIT_OK);
  });

  test('a key given twice, which JSON.parse would take (the last wins)', () => {
    const result = validate('{"version": 1, "version": 1}', 'spec.json');
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toBe(
      refused(
        'spec.json',
        1,
        '  spec.json:1:16: version: is given twice in this mapping (first at line 1, column 2): a key may appear once',
      ),
    );
  });

  test('jsonSyntaxError agrees with JSON.parse on nesting deeper than any stack', () => {
    const deep = `${'['.repeat(100000)}${']'.repeat(100000)}`;
    expect(jsonSyntaxError(deep)).toBeUndefined();
    expect(jsonSyntaxError(`${deep.slice(0, -1)},]`)).toEqual({
      offset: 199999,
      message: 'a trailing comma before `]` (JSON allows none)',
    });
  });
});

describe('empty files and several documents', () => {
  const EMPTY = '  spec.yaml:1:1: (document): is empty: a fleet spec must be a mapping with `version`, `policies` and `accounts`';

  test.each([
    ['nothing', ''],
    ['only comments', '# the fleet spec\n# to do\n'],
    ['only a document start', '---\n'],
    ['only blank lines', '\n\n  \n'],
  ])('%s', (_name, text) => {
    const result = validate(text);
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toBe(refused('spec.yaml', 1, EMPTY));
  });

  test('an empty .json file says the same', () => {
    const result = validate(' \n', 'spec.json');
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toBe(refused('spec.json', 1, EMPTY.replace('spec.yaml', 'spec.json')));
  });

  test('an explicit null is a value of the wrong kind', () => {
    const result = validate('null\n');
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toBe(
      refused(
        'spec.yaml',
        1,
        '  spec.yaml:1:1: (document): must be a mapping with `version`, `policies` and `accounts`, got: null',
      ),
    );
  });

  test('two documents, located at the second', () => {
    const result = validate(`${MINIMAL_SPEC}---\n${MINIMAL_SPEC}`);
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toBe(
      refused(
        'spec.yaml',
        1,
        '  spec.yaml:10:1: (document): holds 2 YAML documents (a `---` line starts a new one): a fleet spec must be one document',
      ),
    );
  });

  test('a `---` after the spec starts an empty second document, also refused', () => {
    const result = validate(`${MINIMAL_SPEC}---\n`);
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr).toContain('  spec.yaml:10:1: (document): holds 2 YAML documents');
  });

  test('a `---` before the spec, and a `...` after it, mark one document', () => {
    expect(validate(`---\n${MINIMAL_SPEC}...\n`).code).toBe(EXIT_OK);
  });
});
