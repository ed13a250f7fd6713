// Each class of invalid spec: exit code 2, and a message with file:line:column, the path in the document,
// the rule and the value received. Line numbers refer to MINIMAL_SPEC as edited by each case.
import { EXIT_INVALID_INPUT, EXIT_OK } from '../lib/cli/main';
import { accountId, cli, MINIMAL_SPEC, tempDir, writeSpec } from './support/cli';

function validate(text: string, name = 'spec.yaml') {
  const dir = tempDir();
  const file = writeSpec(dir, text, name);
  return { ...cli(['validate', '--config', file]), file };
}

/** MINIMAL_SPEC with `from` replaced by `to` (the case fails if `from` is not there). */
function edit(from: string, to: string, text = MINIMAL_SPEC): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

const POLICY_B = `  weekly:
    schedule: { frequency: weekly, days: [Sunday], time: "01:00" }
    retention: { default: P8W }
accounts:`;

const SECOND_ACCOUNT = (id: string, region = 'westeurope') => `${MINIMAL_SPEC}  - id: ${id}
    region: ${region}
    containers: [raw]
`;

describe.each<[string, string, (string | RegExp)[]]>([
  [
    // Located just after the last character written, where the missing `]` belongs, with the line and a caret.
    'YAML syntax',
    edit('containers: [raw]', 'containers: [raw'),
    [
      'spec.yaml:9:21: (document): is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]\n' +
        '    9 |     containers: [raw\n' +
        '      |                     ^\n',
    ],
  ],
  [
    'a key given twice',
    edit('    region: westeurope\n', '    region: westeurope\n    region: northeurope\n'),
    ['spec.yaml:9:5: accounts[0].region: is given twice in this mapping (first at line 8, column 5): a key may appear once\n'],
  ],
  [
    'an unknown property, with the close match',
    edit('containers:', 'containrs:'),
    [
      'spec.yaml:9:5: accounts[0].containrs: is not a known property (did you mean `containers`?)',
      'spec.yaml:7:5: accounts[0]: must have the property `containers`',
    ],
  ],
  [
    'an unknown top-level property',
    `${MINIMAL_SPEC}colour: blue\n`,
    ['spec.yaml:10:1: colour: is not a known property (allowed: $schema, version, stackName'],
  ],
  ['a wrong version', edit('version: 1', 'version: 2'), ['spec.yaml:1:10: version: must be 1, got: 2']],
  [
    'no accounts',
    edit(MINIMAL_SPEC.slice(MINIMAL_SPEC.indexOf('accounts:')), 'accounts: []\n'),
    ['spec.yaml:6:11: accounts: must have at least 1 item, got: []\n'],
  ],
  [
    'a bad enum',
    edit('version: 1', 'version: 1\nvaults: { redundancy: Geo }'),
    ['spec.yaml:2:23: vaults.redundancy: must be one of "GeoRedundant", "LocallyRedundant", "ZoneRedundant", got: "Geo"'],
  ],
  [
    'a storage account ID of another type',
    edit('Microsoft.Storage/storageAccounts', 'Microsoft.Compute/virtualMachines'),
    [
      'spec.yaml:7:9: accounts[0].id: must be a storage account resource ID: /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<name>',
      'Microsoft.Compute',
    ],
  ],
  [
    'a container name with capitals',
    edit('[raw]', '[raw, Curated_Data]'),
    [
      'spec.yaml:9:23: accounts[0].containers[1]: must be a container name: 3-63 lowercase letters, digits or single hyphens',
      'got: "Curated_Data"',
    ],
  ],
  [
    'a container listed twice',
    edit('[raw]', '[raw, raw]'),
    [
      // Located at the repeat, naming the item it repeats.
      'spec.yaml:9:23: accounts[0].containers[1]: must differ from every other item of the list: accounts[0].containers[0] is the same, got: "raw"\n',
    ],
  ],
  [
    'a retention duration in a unit Azure lacks',
    edit('default: P30D', 'default: P30X'),
    [
      'spec.yaml:5:27: policies.daily.retention.default: must be an ISO 8601 duration in days, weeks, months or years, such as P30D',
      'got: "P30X"',
    ],
  ],
  [
    'a time of day past 23:59',
    edit('"02:00"', '"25:00"'),
    ['spec.yaml:4:41: policies.daily.schedule.time: must be a time of day HH:MM (00:00-23:59)', 'got: "25:00"'],
  ],
  [
    'a weekly schedule without days',
    edit('frequency: daily', 'frequency: weekly'),
    ['spec.yaml:4:15: policies.daily.schedule: must have the property `days`'],
  ],
  [
    'days on a daily schedule',
    edit('frequency: daily,', 'frequency: daily, days: [Monday],'),
    ['spec.yaml:4:41: policies.daily.schedule.days: is only for weekly schedules'],
  ],
  [
    'an unknown time zone',
    edit('    retention:', '    timeZone: Europe/Berlin\n    retention:'),
    ['spec.yaml:5:15: policies.daily.timeZone: must be one of "Afghanistan Standard Time"', 'got: "Europe/Berlin"'],
  ],
  [
    'a wait that is not a duration',
    edit('    containers: [raw]', '    containers: [raw]\n    rolePropagationWait: 5m'),
    [
      'spec.yaml:10:26: accounts[0].rolePropagationWait: must be an ISO 8601 duration of 1 second to 60 minutes (PT30S, PT5M, PT1H), or false for no wait, got: "5m"',
    ],
  ],
  [
    'a policy name Azure refuses',
    edit('  daily:', '  d:'),
    ['spec.yaml:3:3: policies.d: must be a policy name: a letter, then 2 to 149 letters, digits or hyphens, got: "d"'],
  ],
  [
    'an account naming an unknown policy',
    edit('    containers: [raw]', '    containers: [raw]\n    policy: hourly'),
    ['spec.yaml:10:13: accounts[0].policy: must name one of the policies: daily, got: "hourly"'],
  ],
  [
    'an unknown default policy',
    `${MINIMAL_SPEC}defaults: { policy: weekly }\n`,
    ['spec.yaml:10:21: defaults.policy: must name one of the policies: daily, got: "weekly"'],
  ],
  [
    'two policies and none chosen',
    edit('accounts:', POLICY_B),
    ['spec.yaml:10:5: accounts[0]: names no `policy`, and the spec has 2 policies and no `defaults.policy`'],
  ],
  [
    'the same account twice',
    SECOND_ACCOUNT(accountId('lake01')),
    [
      'spec.yaml:10:9: accounts[1].id: protects the same account as accounts[0] (line 7): Azure allows one backup instance per account',
    ],
  ],
  [
    'the same account name in another group',
    SECOND_ACCOUNT(accountId('lake01', undefined, 'rg-other')),
    [
      'spec.yaml:10:9: accounts[1].id: has the same account name as accounts[0] (line 7), and storage account names are globally unique',
    ],
  ],
  [
    'an instance name used twice in one vault',
    edit(
      '    containers: [raw]\n',
      '    containers: [raw]\n    instanceName: lake\n',
      SECOND_ACCOUNT(accountId('lake02')),
    ).replace(/(lake02\n(?:.*\n){2})/, '$1    instanceName: lake\n'),
    [
      'spec.yaml:14:19: accounts[1].instanceName: must be unique in the westeurope vault: accounts[0] (line 7) already uses it, got: "lake"',
    ],
  ],
  [
    'an unlisted region',
    edit('region: westeurope', 'region: mars central'),
    [
      'spec.yaml:8:13: accounts[0].region: must be a region where Azure Backup supports ADLS vaulted backup',
      'add "marscentral" to `defaults.allowUnlistedRegions`',
      'got: "mars central"',
    ],
  ],
  [
    'one vault name for two regions',
    `${SECOND_ACCOUNT(accountId('lake02'), 'northeurope')}vaults: { name: bv-lake, resourceGroupName: rg-backup }\n`,
    [
      'spec.yaml:13:17: vaults.name: must give each region its own vault (put {region} in the name or the resource group): northeurope and westeurope both get vault "bv-lake" in resource group "rg-backup"',
    ],
  ],
  [
    'an unknown placeholder',
    `${MINIMAL_SPEC}vaults: { name: "bv-{location}" }\n`,
    ['spec.yaml:10:17: vaults.name: may only use the placeholder {region}, got: "bv-{location}"'],
  ],
  [
    'one state key for every regional stack',
    `${MINIMAL_SPEC}stackPerRegion: true\nbackend: { azurerm: { resourceGroupName: rg, storageAccountName: sttf01, containerName: tfstate, key: backup.tfstate } }\n`,
    ['spec.yaml:11:103: backend.azurerm.key: must contain {stack} when `stackPerRegion` is true', 'got: "backup.tfstate"'],
  ],
  [
    'a wait of true',
    edit('    containers: [raw]', '    containers: [raw]\n    rolePropagationWait: true'),
    [
      'spec.yaml:10:26: accounts[0].rolePropagationWait: must be an ISO 8601 duration of 1 second to 60 minutes (PT30S, PT5M, PT1H), or false for no wait, got: true',
    ],
  ],
  [
    'a wait given as a number',
    `${MINIMAL_SPEC}defaults: { rolePropagationWait: 5 }\n`,
    ['spec.yaml:10:34: defaults.rolePropagationWait: must be an ISO 8601 duration', 'got: 5'],
  ],
  [
    'a wait left empty (null)',
    edit('    containers: [raw]', '    containers: [raw]\n    rolePropagationWait:'),
    ['accounts[0].rolePropagationWait: must be an ISO 8601 duration', 'got: null'],
  ],
  [
    'an empty file',
    '',
    ['spec.yaml:1:1: (document): is empty: a fleet spec must be a mapping with `version`, `policies` and `accounts`\n'],
  ],
  [
    'a list as the whole document',
    '- version: 1\n',
    ['spec.yaml:1:1: (document): must be a mapping with `version`, `policies` and `accounts`, got: [{"version":1}]'],
  ],
  [
    'aliases that expand without end',
    `${MINIMAL_SPEC}x1: &a [${'x,'.repeat(20)}x]\nx2: &b [${'*a,'.repeat(20)}*a]\nx3: &c [${'*b,'.repeat(20)}*b]\nx4: [${'*c,'.repeat(20)}*c]\n`,
    ['spec.yaml:1:1: (document): cannot be read: Excessive alias count'],
  ],
  [
    'a created resource group shared by two regions',
    `${SECOND_ACCOUNT(accountId('lake02'), 'northeurope')}vaults: { resourceGroupName: rg-backup, createResourceGroup: true }\n`,
    [
      'vaults.resourceGroupName: must give each region its own resource group when `createResourceGroup` is true (put {region} in it): northeurope and westeurope would both create "rg-backup"',
    ],
  ],
  [
    'a resource group name Azure refuses',
    `${MINIMAL_SPEC}vaults: { resourceGroupName: "rg with space/x" }\n`,
    [
      'spec.yaml:10:30: vaults.resourceGroupName: must be a resource group name (up to 90 letters, digits, underscores, periods, parentheses or hyphens) or a template with {region}, got: "rg with space/x"',
    ],
  ],
  // Rules the constructs apply, located at the spec element they were built from.
  [
    'retention past 10 years (library rule)',
    edit('retention: { default: P30D }', 'retention: { default: P30D, yearly: P11Y }'),
    [
      // At the rule's own field, the value as the spec writes it.
      'policies.daily.retention.yearly: can be at most 10 years (Azure Backup\'s limit, 10 years), got: "P11Y"',
    ],
  ],
  [
    'a custom retention rule with no criteria (library rule)',
    edit('retention: { default: P30D }', 'retention: { default: P30D, custom: [{ name: Quarterly, keep: P1Y }] }'),
    [
      // At the rule in the list, naming the field it lacks.
      'spec.yaml:5:42: policies.daily.retention.custom[0]: `absoluteCriteria` must be given, or else `daysOfWeek`: a retention rule needs one of them (azurerm refuses it at apply otherwise), got: {"name":"Quarterly","keep":"P1Y"}',
    ],
  ],
  [
    'an irreversible setting not acknowledged (library rule)',
    `${MINIMAL_SPEC}vaults: { immutability: Locked }\n`,
    [
      // Located at the field the construct refused, the rule in the spec's words.
      'spec.yaml:10:11: vaults.immutability: is irreversible in Azure; to set it, also set `acknowledgeIrreversible: [ImmutabilityLocked]`, got: "Locked"',
    ],
  ],
  [
    'a vault name too long once filled in (library rule)',
    `${MINIMAL_SPEC}vaults: { name: "backup-vault-for-the-data-platform-team-in-{region}" }\n`,
    [
      'spec.yaml:10:11: vaults.name: must be 2-50 letters, digits or hyphens',
      'backup-vault-for-the-data-platform-team-in-westeurope',
    ],
  ],
])('an invalid spec: %s', (_name, text, expected) => {
  test('exits 2 and says where, which rule and what it got', () => {
    const result = validate(text);
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^adls-backup: .*spec\.yaml: \d+ problems? in the fleet spec:\n/);
    for (const e of expected) {
      if (typeof e === 'string') expect(result.stderr).toContain(e);
      else expect(result.stderr).toMatch(e);
    }
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('specs that are valid', () => {
  test('the minimal spec', () => {
    const result = validate(MINIMAL_SPEC);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(EXIT_OK);
    expect(result.stdout).toContain(
      'valid. 1 accounts in 1 regions, one vault each: westeurope (bv-adls-westeurope, 1 accounts).',
    );
  });

  test('the same spec written as JSON, whose problems also carry lines', () => {
    const json = JSON.stringify(
      {
        version: 1,
        policies: { daily: { schedule: { frequency: 'daily', time: '02:00' }, retention: { default: 'P30D' } } },
        accounts: [{ id: accountId('lake01'), region: 'westeurope', containers: ['raw'] }],
      },
      null,
      2,
    );
    expect(validate(json, 'spec.json').code).toBe(EXIT_OK);
    const broken = validate(json.replace('"westeurope"', '"West Europe!"'), 'spec.json');
    expect(broken.code).toBe(EXIT_INVALID_INPUT);
    expect(broken.stderr).toContain('spec.json:17:17: accounts[0].region: must be an Azure region name');
  });

  test('an unlisted region named in defaults.allowUnlistedRegions passes, with a warning', () => {
    const text = `${edit('region: westeurope', 'region: marscentral')}defaults: { allowUnlistedRegions: [marscentral] }\n`;
    const result = validate(text);
    expect(result.code).toBe(EXIT_OK);
    expect(result.stderr).toMatch(
      /warning: .*spec\.yaml:7:5: accounts\[0\] .*Region "marscentral" is not in the ADLS vaulted backup support list of 2025-11-18; allowed by `defaults\.allowUnlistedRegions`\./,
    );
  });

  test('an override for a region without accounts passes, with a warning', () => {
    const result = validate(`${MINIMAL_SPEC}vaults: { regions: { northeurope: { redundancy: LocallyRedundant } } }\n`);
    expect(result.code).toBe(EXIT_OK);
    expect(result.stderr).toContain('warning: ');
    expect(result.stderr).toContain(
      'spec.yaml:10:22: vaults.regions.northeurope: has no account in this region: the override is unused',
    );
  });

  test('every problem is reported at once, in line order', () => {
    const text = edit('default: P30D', 'default: P30X', edit('region: westeurope', 'region: 42'));
    const result = validate(text);
    const lines = result.stderr.split('\n').filter((l) => l.startsWith('  spec.yaml') || l.includes('spec.yaml:'));
    expect(result.stderr).toContain('2 problems in the fleet spec');
    expect(lines.findIndex((l) => l.includes('policies.daily.retention.default'))).toBeLessThan(
      lines.findIndex((l) => l.includes('accounts[0].region')),
    );
  });
});

test('YAML merge keys and anchors work as YAML 1.1 tools expect', () => {
  const text = `${MINIMAL_SPEC.replace('accounts:\n', 'accounts:\n  - &lake\n    id: ' + accountId('lake02') + '\n    region: westeurope\n    containers: [raw]\n')}  - <<: *lake\n    id: ${accountId('lake03')}\n`;
  const result = validate(text);
  expect(result.stderr).toBe('');
  expect(result.stdout).toContain('3 accounts in 1 regions');
});

test('a spec file that does not exist exits 2 naming it', () => {
  const result = cli(['validate', '--config', '/nonexistent/backup.yaml']);
  expect(result.code).toBe(EXIT_INVALID_INPUT);
  expect(result.stderr).toBe('adls-backup: /nonexistent/backup.yaml cannot be read as the fleet spec (ENOENT)\n');
});
