/**
 * The rules of a fleet spec that its JSON Schema cannot say (lib/fleet/spec-rules.ts): references between parts
 * of the spec, uniqueness, templates, regions. Each refused spec gives exactly its problems, each with its code,
 * its path, its rule and the value shown, as a pipeline reads them from `validate --format json`.
 */
import { parseFleetSpec } from '../lib/fleet';
import { InputError, Problem } from '../lib/errors';
import { accountId, MINIMAL_SPEC } from './support/cli';

/** The problems `text` is refused with, as `{ code, path, rule, value }`. */
function problemsOf(text: string): Pick<Problem, 'code' | 'path' | 'rule' | 'value'>[] {
  try {
    parseFleetSpec(text, 'spec.yaml');
  } catch (e) {
    if (!InputError.isInputError(e)) throw e;
    return e.problems.map(({ code, path, rule, value }) => ({ code, path, rule, value }));
  }
  throw new Error('the spec was accepted');
}

/** MINIMAL_SPEC with `from` replaced by `to` (the case fails if `from` is not there). */
function edit(from: string, to: string, text = MINIMAL_SPEC): string {
  if (!text.includes(from)) throw new Error(`no ${JSON.stringify(from)} in the spec`);
  return text.replace(from, to);
}

const withAccount = (text: string, id: string, region = 'westeurope', more = '') =>
  `${text.replace(/\n$/, '')}\n  - id: ${id}\n    region: ${region}\n    containers: [raw]\n${more}`;
const TWO_POLICIES = edit(
  'accounts:',
  '  weekly:\n    schedule: { frequency: weekly, days: [Sunday], time: "01:00" }\n    retention: { default: P8W }\naccounts:',
);
const BACKEND = (key: string) =>
  `backend: { azurerm: { resourceGroupName: rg, storageAccountName: sttf01, containerName: tfstate, key: ${JSON.stringify(key)} } }\n`;
const RESERVED = "must not be a name the fleet's own objects use: no Azure region has this name";

describe.each<[string, string, Pick<Problem, 'code' | 'path' | 'rule' | 'value'>[]]>([
  [
    'a policy named in defaults that the spec does not have',
    `${MINIMAL_SPEC}defaults: { policy: hourly }\n`,
    [
      {
        code: 'ADLSBK-SPEC-POLICY-REFERENCE',
        path: 'defaults.policy',
        rule: 'must name one of the policies: daily',
        value: '"hourly"',
      },
    ],
  ],
  [
    'a policy named by an account that the spec does not have',
    edit('containers: [raw]', 'containers: [raw]\n    policy: hourly', TWO_POLICIES),
    [
      {
        code: 'ADLSBK-SPEC-POLICY-REFERENCE',
        path: 'accounts[0].policy',
        rule: 'must name one of the policies: daily, weekly',
        value: '"hourly"',
      },
    ],
  ],
  [
    'an account with no policy where the spec has several and no default',
    TWO_POLICIES,
    [
      {
        code: 'ADLSBK-SPEC-POLICY-REFERENCE',
        path: 'accounts[0]',
        rule: 'names no `policy`, and the spec has 2 policies and no `defaults.policy`',
        value: undefined,
      },
    ],
  ],
  [
    'an account ID with a segment that is not a name',
    edit(accountId('lake01'), accountId('lake01', undefined, '..')),
    [
      {
        code: 'ADLSBK-RESOURCE-ID',
        path: 'accounts[0].id',
        rule: 'must have a resource group segment of 1-90 ASCII letters, digits, underscores, hyphens, periods or parentheses, not ending in a period, found ".."',
        value: JSON.stringify(accountId('lake01', undefined, '..')),
      },
    ],
  ],
  [
    'a daily schedule with days',
    edit('frequency: daily, time', 'frequency: daily, days: [Monday], time'),
    [
      {
        code: 'ADLSBK-CONFLICT',
        path: 'policies.daily.schedule.days',
        rule: 'is only for weekly schedules: a daily schedule runs every day',
        value: undefined,
      },
    ],
  ],
  [
    'the same account twice',
    // ARM IDs compare case-insensitively: the same account, its resource group written in capitals.
    withAccount(MINIMAL_SPEC, accountId('lake01', undefined, 'RG-DATA')),
    [
      {
        code: 'ADLSBK-ACCOUNT-PROTECTED-TWICE',
        path: 'accounts[1].id',
        rule: 'protects the same account as accounts[0] (line 7): Azure allows one backup instance per account',
        value: JSON.stringify(accountId('lake01', undefined, 'RG-DATA')),
      },
    ],
  ],
  [
    'the same account name in another resource group',
    withAccount(MINIMAL_SPEC, accountId('lake01', undefined, 'rg-other')),
    [
      {
        code: 'ADLSBK-ACCOUNT-PROTECTED-TWICE',
        path: 'accounts[1].id',
        rule: 'has the same account name as accounts[0] (line 7), and storage account names are globally unique',
        value: JSON.stringify(accountId('lake01', undefined, 'rg-other')),
      },
    ],
  ],
  [
    "an account's region that is a name the fleet's objects use",
    edit('region: westeurope', 'region: backend'),
    [{ code: 'ADLSBK-REGION', path: 'accounts[0].region', rule: RESERVED, value: '"backend"' }],
  ],
  [
    'a region override named as the fleet names its objects',
    `${MINIMAL_SPEC}vaults: { regions: { azurerm: { name: bv-x } } }\n`,
    [{ code: 'ADLSBK-REGION', path: 'vaults.regions.azurerm', rule: RESERVED, value: '"azurerm"' }],
  ],
  [
    'a region where Azure Backup does not support ADLS vaulted backup',
    edit('region: westeurope', 'region: Mars Central'),
    [
      {
        code: 'ADLSBK-REGION-UNSUPPORTED',
        path: 'accounts[0].region',
        rule: expect.stringMatching(
          /^must be a region where Azure Backup supports ADLS vaulted backup \(.*\bwesteurope\b.*\); add "marscentral" to `defaults.allowUnlistedRegions` if Azure has added it since$/,
        ),
        value: '"Mars Central"',
      },
    ],
  ],
  ...(
    [
      ['vaults.name', 'vaults: { name: "bv-{location}" }'],
      ['vaults.resourceGroupName', 'vaults: { resourceGroupName: "rg-{location}" }'],
      ['vaults.regions.westeurope.name', 'vaults: { regions: { westeurope: { name: "bv-{location}" } } }'],
      [
        'vaults.regions.westeurope.resourceGroupName',
        'vaults: { regions: { westeurope: { resourceGroupName: "rg-{location}" } } }',
      ],
    ] as const
  ).map(([path, vaults]): [string, string, Pick<Problem, 'code' | 'path' | 'rule' | 'value'>[]] => [
    `an unknown placeholder in ${path}`,
    `${MINIMAL_SPEC}${vaults}\n`,
    [
      {
        code: 'ADLSBK-SPEC-TEMPLATE',
        path,
        rule: 'may only use the placeholder {region}',
        value: JSON.stringify(`${path.endsWith('.name') ? 'bv' : 'rg'}-{location}`),
      },
    ],
  ]),
  [
    "an unknown placeholder in the state's key",
    `${MINIMAL_SPEC}${BACKEND('{region}.tfstate')}`,
    [
      {
        code: 'ADLSBK-SPEC-TEMPLATE',
        path: 'backend.azurerm.key',
        rule: 'may only use the placeholder {stack}',
        value: '"{region}.tfstate"',
      },
    ],
  ],
  [
    "a state key without {stack} when each region's stack has its own state",
    `${MINIMAL_SPEC}stackPerRegion: true\n${BACKEND('backup.tfstate')}`,
    [
      {
        code: 'ADLSBK-SPEC-TEMPLATE',
        path: 'backend.azurerm.key',
        rule: "must contain {stack} when `stackPerRegion` is true, or every region's stack would share one state",
        value: '"backup.tfstate"',
      },
    ],
  ],
  [
    'two regions that would create one resource group',
    `${withAccount(MINIMAL_SPEC, accountId('lake02'), 'northeurope')}vaults: { resourceGroupName: RG-backup, createResourceGroup: true, regions: { northeurope: { resourceGroupName: rg-BACKUP } } }\n`,
    [
      {
        code: 'ADLSBK-SPEC-COLLISION',
        path: 'vaults.resourceGroupName',
        rule: 'must give each region its own resource group when `createResourceGroup` is true (put {region} in it): northeurope and westeurope would both create "RG-backup"',
        value: undefined,
      },
    ],
  ],
  [
    'two regions that would share one vault',
    `${withAccount(MINIMAL_SPEC, accountId('lake02'), 'northeurope')}vaults: { name: BV-lake, resourceGroupName: rg-backup, regions: { northeurope: { name: bv-LAKE, resourceGroupName: RG-BACKUP } } }\n`,
    [
      {
        code: 'ADLSBK-SPEC-COLLISION',
        path: 'vaults.name',
        rule: 'must give each region its own vault (put {region} in the name or the resource group): northeurope and westeurope both get vault "BV-lake" in resource group "rg-backup"',
        value: undefined,
      },
    ],
  ],
  [
    'two instances of one name in one vault, told apart only by case',
    withAccount(
      edit('containers: [raw]', 'containers: [raw]\n    instanceName: Lake'),
      accountId('lake02'),
      'westeurope',
      '    instanceName: LAKE\n',
    ),
    [
      {
        code: 'ADLSBK-SPEC-COLLISION',
        path: 'accounts[1].instanceName',
        rule: 'must be unique in the westeurope vault: accounts[0] (line 7) already uses it',
        value: '"LAKE"',
      },
    ],
  ],
])('a spec with %s', (_name, text, expected) => {
  test('is refused with exactly that problem: its code, path, rule and value', () => {
    expect(problemsOf(text)).toEqual(expected);
  });
});

test("a spec's references are checked before its plan: a problem there is the only one, not one of the plan's that follows from it", () => {
  // Two accounts of one instance name in one vault would be a collision, but the first refers to no policy.
  const text = withAccount(
    edit('containers: [raw]', 'containers: [raw]\n    instanceName: lake\n    policy: hourly'),
    accountId('lake02'),
    'westeurope',
    '    instanceName: lake\n',
  );
  expect(problemsOf(text).map((p) => [p.code, p.path])).toEqual([['ADLSBK-SPEC-POLICY-REFERENCE', 'accounts[0].policy']]);
});

test('a region override no account uses is a warning, not a problem', () => {
  const loaded = parseFleetSpec(`${MINIMAL_SPEC}vaults: { regions: { northeurope: { name: bv-neu } } }\n`, 'spec.yaml');
  expect(loaded.warnings).toEqual([
    expect.objectContaining({
      path: ['vaults', 'regions', 'northeurope'],
      message: 'has no account in this region: the override is unused',
    }),
  ]);
});

test("a region override's problem points at its key, where the region is written, not at the settings under it", () => {
  const text = `${MINIMAL_SPEC}vaults:\n  regions:\n    azurerm:\n      name: bv-x\n`;
  expect(text.split('\n')[11]).toBe('    azurerm:');
  try {
    parseFleetSpec(text, 'spec.yaml');
  } catch (e) {
    if (!InputError.isInputError(e)) throw e;
    expect(e.problems.map(({ path, line, column }) => ({ path, line, column }))).toEqual([
      { path: 'vaults.regions.azurerm', line: 12, column: 5 },
    ]);
    return;
  }
  throw new Error('the spec was accepted');
});
