// Strings from a spec file are data: Terraform template sequences are escaped, cdktf token markers refused, every
// segment of an account ID checked, and no region can collide with the fleet's own construct ids or object members.
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { accountId, cli, MINIMAL_SPEC, SUB_B, tempDir, writeSpec } from './support/cli';

type Spec = Record<string, any>;

const BASE: Spec = {
  version: 1,
  backend: {
    azurerm: {
      resourceGroupName: 'rg-tfstate',
      storageAccountName: 'sttfstate01',
      containerName: 'tfstate',
      key: 'fleet/{stack}.tfstate',
    },
  },
  vaults: { tags: { team: 'data' } },
  policies: {
    daily: {
      schedule: { frequency: 'daily', time: '02:00' },
      retention: {
        default: 'P30D',
        weekly: { keep: 'P12W', name: 'KeepSundays', daysOfWeek: ['Sunday'] },
        custom: [{ name: 'FirstOfYear', keep: 'P10Y', absoluteCriteria: 'FirstOfYear' }],
      },
    },
  },
  accounts: [{ id: accountId('lake01'), region: 'westeurope', containers: ['raw'], instanceName: 'lake01-backup' }],
};

/** Runs synth on `spec` (written as JSON) and returns the exit code, stderr and every stack file's text. */
function synth(spec: Spec): { code: number; stderr: string; json: string } {
  const dir = tempDir();
  const out = join(dir, 'out');
  const result = cli(['synth', '--config', writeSpec(dir, JSON.stringify(spec, null, 2), 'spec.json'), '--out', out]);
  const stacks = result.code === 0 ? readdirSync(join(out, 'stacks')) : [];
  const json = stacks.map((s) => readFileSync(join(out, 'stacks', s, 'cdk.tf.json'), 'utf8')).join('\n');
  return { code: result.code, stderr: result.stderr, json };
}

const set = (path: (string | number)[], value: unknown): Spec => {
  const spec = structuredClone(BASE);
  let node = spec;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path[path.length - 1]] = value;
  return spec;
};

// The injected sequences where Terraform would read them: not preceded by the same sign (the escape). The
// library's own expressions (preconditions, references) are other text.
const UNESCAPED = /(?:^|[^$])\$\{file\(|(?:^|[^%])%\{ if true/;

describe('Terraform template sequences in spec strings reach the JSON as literals', () => {
  test('tags: keys and values written with Terraform escapes ($${ and %%{), so Terraform reads back the text', () => {
    const tags = {
      owner: '${file("~/.azure/accessTokens.json")}',
      loop: '%{ for x in ["a"] }x%{ endfor }',
      '${timestamp()}': 'key',
      already: '$${kept}',
    };
    const { code, json } = synth(set(['vaults', 'tags'], tags));
    expect(code).toBe(0);
    const vault = Object.values<any>(JSON.parse(json).resource.azurerm_data_protection_backup_vault)[0];
    expect(vault.tags).toEqual({
      owner: '$${file("~/.azure/accessTokens.json")}',
      loop: '%%{ for x in ["a"] }x%%{ endfor }',
      '$${timestamp()}': 'key',
      already: '$$${kept}',
    });
  });

  const FREE_TEXT: [string, (string | number)[]][] = [
    ['a vault tag value', ['vaults', 'tags', 'team']],
    ['the backend resource group', ['backend', 'azurerm', 'resourceGroupName']],
    ['an instance name', ['accounts', 0, 'instanceName']],
    ['a named retention rule name', ['policies', 'daily', 'retention', 'weekly', 'name']],
    ['a custom retention rule name', ['policies', 'daily', 'retention', 'custom', 0, 'name']],
    ['a vault name', ['vaults', 'name']],
    ['a resource group name', ['vaults', 'resourceGroupName']],
    ['a region', ['accounts', 0, 'region']],
    ['a container', ['accounts', 0, 'containers', 0]],
    ['a time zone', ['policies', 'daily', 'timeZone']],
    ['a scheduled backup time', ['policies', 'daily', 'retention', 'custom', 0, 'scheduledBackupTimes']],
  ];
  test.each(FREE_TEXT)('%s with ${file(...)} and %%{ }: refused (exit 2) or written escaped, never evaluated', (_, path) => {
    for (const text of ['x${file("/etc/passwd")}', 'x%{ if true }y%{ endif }']) {
      const value = path[path.length - 1] === 'scheduledBackupTimes' ? [text] : text;
      const { code, stderr, json } = synth(set(path, value));
      expect([text, code]).toEqual([text, code === 0 ? 0 : 2]);
      if (code === 2) expect(stderr).toContain('problem');
      else expect(json.split('\n').filter((line) => UNESCAPED.test(line))).toEqual([]);
    }
  });
});

test('the state key is written as given: a backend block is not a template (Terraform reads `$${x}` there as itself)', () => {
  const key = 'fleet/${file("x")}/%{ if true }{stack}.tfstate';
  const { code, json } = synth(set(['backend', 'azurerm', 'key'], key));
  expect(code).toBe(0);
  expect(JSON.parse(json).terraform.backend.azurerm.key).toBe('fleet/${file("x")}/%{ if true }adls-backup.tfstate');
});

describe('cdktf token markers in spec strings are refused with their location', () => {
  test.each([
    ['a tag value', ['vaults', 'tags', 'team'], 'vaults.tags.team'],
    ['a tag key', ['vaults', 'tags'], 'vaults.tags["${TfToken[TOKEN.1]}"]'],
    ['the backend key', ['backend', 'azurerm', 'key'], 'backend.azurerm.key'],
  ])('in %s', (_, path, where) => {
    const marker = '${TfToken[TOKEN.1]}';
    const spec = path[path.length - 1] === 'tags' ? set(path, { [marker]: 'x' }) : set(path, marker);
    const { code, stderr } = synth(spec);
    expect(code).toBe(2);
    expect(stderr).toContain(`${where}: holds a cdktf token marker (TfToken[...]), which cdktf would resolve as a reference`);
  });

  // The schema holds an instance name to the construct's rule (letters, digits, `-_.`), which a marker breaks first.
  test("in an instance name: refused by the name's own rule, at its location", () => {
    const { code, stderr } = synth(set(['accounts', 0, 'instanceName'], '${TfToken[TOKEN.1]}'));
    expect(code).toBe(2);
    expect(stderr).toContain(
      'accounts[0].instanceName: must be 1-150 letters, digits, hyphens, underscores or periods, starting and ending with a letter or digit, got: "${TfToken[TOKEN.1]}"',
    );
  });
});

describe('every segment of an account ID is checked', () => {
  test.each([
    [
      '`..` for the subscription and group',
      '/subscriptions/../resourceGroups/../providers/Microsoft.Storage/storageAccounts/lake01',
      'must have a GUID as its subscription segment, found ".."',
    ],
    [
      'a group of `..`',
      `/subscriptions/${SUB_B}/resourceGroups/../providers/Microsoft.Storage/storageAccounts/lake01`,
      'must have a resource group segment of 1-90 ASCII letters',
    ],
    [
      'a group ending in a period',
      `/subscriptions/${SUB_B}/resourceGroups/rg./providers/Microsoft.Storage/storageAccounts/lake01`,
      'not ending in a period, found "rg."',
    ],
    [
      'a quote in the group',
      `/subscriptions/${SUB_B}/resourceGroups/rg"x/providers/Microsoft.Storage/storageAccounts/lake01`,
      'found "rg\\"x"',
    ],
    [
      'a newline in the subscription',
      `/subscriptions/${SUB_B}\n/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/lake01`,
      'must have a GUID as its subscription segment, found "',
    ],
    [
      'the namespace in another case',
      `/subscriptions/${SUB_B}/resourceGroups/rg/providers/microsoft.storage/storageAccounts/lake01`,
      // The schema's pattern refuses these shapes before the segment rules run.
      'must be a storage account resource ID',
    ],
    [
      'another resource type',
      `/subscriptions/${SUB_B}/resourceGroups/rg/providers/Microsoft.Storage/fileShares/lake01`,
      'must be a storage account resource ID',
    ],
    [
      'an extra segment',
      `/subscriptions/${SUB_B}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/lake01/x`,
      'must be a storage account resource ID',
    ],
  ])('%s', (_, id, message) => {
    const dir = tempDir();
    const spec = writeSpec(
      dir,
      MINIMAL_SPEC.replace(accountId('lake01'), JSON.stringify(id).slice(1, -1)).replace(/id: (.*)$/m, 'id: "$1"'),
    );
    const result = cli(['validate', '--config', spec]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('accounts[0].id:');
    expect(result.stderr).toContain(message);
  });
});

describe('regions can never collide with construct ids or object members', () => {
  test.each(['constructor', 'azurerm', 'backend'])('an unlisted region named "%s" is refused, not a crash', (region) => {
    const spec = set(['accounts', 0, 'region'], region);
    spec.defaults = { allowUnlistedRegions: [region] };
    const { code, stderr } = synth(spec);
    expect(code).toBe(2);
    expect(stderr).toContain(
      `accounts[0].region: must not be a name the fleet's own objects use: no Azure region has this name, got: "${region}"`,
    );
    expect(stderr).not.toContain('already a Construct');
  });

  test('a vaults.regions entry named "constructor" is refused at its key', () => {
    const { code, stderr } = synth(set(['vaults', 'regions'], { constructor: { redundancy: 'LocallyRedundant' } }));
    expect(code).toBe(2);
    expect(stderr).toContain(
      `vaults.regions.constructor: must not be a name the fleet's own objects use: no Azure region has this name, got: "constructor"`,
    );
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\`]/g, '\\$&');

describe('a bad value in defaults is one problem at the defaults line, with the number of accounts that inherit it', () => {
  // 30 accounts, 2 of which set the field themselves: 28 inherit the default.
  test.each([
    ['a duration the library refuses', 'rolePropagationWait', 'PT2H', 'PT5M', 'must be from 1 second to 60 minutes'],
    ['a duration the schema refuses', 'rolePropagationWait', 'PT99X', 'PT5M', 'must be '],
    ['a policy the spec does not have', 'policy', 'weekly', 'daily', 'must name one of the policies: daily'],
  ])('%s', (_, field, bad, own, rule) => {
    const accounts = Array.from({ length: 30 }, (_, i) => ({
      id: accountId(`lake${100 + i}`),
      region: 'westeurope',
      containers: ['raw'],
      ...(i < 2 ? { [field]: own } : {}),
    }));
    const { code, stderr } = synth({ ...structuredClone(BASE), accounts, defaults: { [field]: bad } });
    expect(code).toBe(2);
    expect(stderr).toContain('1 problem in the fleet spec');
    expect(stderr).toMatch(
      new RegExp(`spec\\.json:\\d+:\\d+: defaults\\.${field}: ${escape(rule)}.*\\(inherited by 28 accounts\\)\n`),
    );
  });
});

test('a 1 MB value the library refuses is echoed cut, with its length, not whole', () => {
  const { code, stderr } = synth(set(['accounts', 0, 'instanceName'], 'a'.repeat(1_000_000)));
  expect(code).toBe(2);
  // Located at the spec's own field: the schema holds `instanceName` to the rule of the construct's `name`.
  expect(stderr).toContain('accounts[0].instanceName: must be 1-150 letters');
  expect(stderr).toContain('…" (1,000,000 characters)');
  expect(stderr.length).toBeLessThan(1000);
});
