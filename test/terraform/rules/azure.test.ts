import {
  ACTION_GROUP_ID,
  actionGroupsApisValidateActionGroupID,
  azureParseAzureResourceID,
  azureValidateResourceID,
  azureValidateResourceIDOrEmpty,
  BACKUP_VAULT_ID,
  backupInstanceResourcesValidateBackupInstanceID,
  backupVaultResourcesValidateBackupVaultID,
  baseBackupPolicyResourcesValidateBackupPolicyID,
  commonidsValidateFunctionAppID,
  commonidsValidateManagementGroupID,
  commonidsValidateResourceGroupID,
  commonidsValidateScopeID,
  commonidsValidateStorageAccountID,
  commonidsValidateSubscriptionID,
  commonidsValidateUserAssignedIdentityID,
  commonschemaResourceIdReference,
  constantSegment,
  datetimeParse,
  IDENTITY_TYPES_SYSTEM_AND_USER,
  IDENTITY_TYPES_SYSTEM_OR_USER,
  identityRules,
  locationEnhancedValidate,
  locationEnhancedValidation,
  locationNormalize,
  periodParse,
  resourceGroupSegment,
  resourceGroupValidateName,
  resourceGuardResourcesValidateResourceGuardID,
  resourceIdsParse,
  scopeSegment,
  staticSegment,
  STORAGE_ACCOUNT_ID,
  subscriptionIdSegment,
  tagsValidate,
  tagsValidateHasLowerCaseKeys,
  tagsValidateWithMaximumElements,
  userSpecifiedSegment,
  validateISO8601DateTime,
  validateISO8601Duration,
  validateISO8601RepeatingTime,
  workspacesValidateWorkspaceID,
} from '../stand-in/rules/azure';
import type { Check, Value } from '../stand-in/rules/rule';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const RG = `${SUB}/resourceGroups/rg`;
const VAULT = `${RG}/providers/Microsoft.DataProtection/backupVaults/vault`;

function expectCheck(check: Check, accepted: Value[], refused: [Value, string[]][]) {
  for (const value of accepted) expect({ value, messages: check(value, 'k') }).toEqual({ value, messages: [] });
  for (const [value, messages] of refused) expect({ value, messages: check(value, 'k') }).toEqual({ value, messages });
}

const tagMap = (n: number): { [key: string]: Value } => Object.fromEntries(Array.from({ length: n }, (_, i) => [`t${i}`, 'v']));

describe('tags (go-azure-helpers resourcemanager/tags)', () => {
  test('tagsValidate: 50 tags, keys to 512 and values to 256 UTF-8 bytes', () =>
    expectCheck(
      tagsValidate,
      [{}, tagMap(50), { ['k'.repeat(512)]: 'v'.repeat(256) }],
      [
        [tagMap(51), ['a maximum of 50 tags can be applied to each resource']],
        [
          { ['k'.repeat(513)]: 'v' },
          [`the maximum length for a tag key is 512 characters: "${'k'.repeat(513)}" is 513 characters`],
        ],
        [
          { env: 'é'.repeat(129) },
          ['the maximum length for a tag value is 256 characters: the value for "env" is 258 characters'],
        ],
        [{ n: true }, ['unknown tag type bool in tag value']],
      ],
    ));

  test('tagsValidateWithMaximumElements', () =>
    expectCheck(
      tagsValidateWithMaximumElements(2),
      [tagMap(2)],
      [[tagMap(3), ['a maximum of 2 tags can be applied to this ARM resource']]],
    ));

  test('tagsValidateHasLowerCaseKeys stops at the first bad key', () =>
    expectCheck(
      tagsValidateHasLowerCaseKeys,
      [{ env: 'Prod' }],
      [
        [{ Env: 'x', Other: 'y' }, ['a tag key "Env" expected to be all in lowercase']],
        [
          { env: 'v'.repeat(257) },
          ['the maximum length for a tag value is 256 characters: the value for "env" has 257 characters'],
        ],
        ['x', ['expected type of k to be map']],
      ],
    ));
});

describe('resourceGroupValidateName (resourcegroups.ValidateName)', () => {
  test('names', () =>
    expectCheck(
      resourceGroupValidateName,
      ['rg', 'my-rg_(1).x', 'r'.repeat(90)],
      [
        ['', ['"k" cannot be blank']],
        ['rg.', ['"k" may not end with a period']],
        ['my rg', ['"k" may only contain alphanumeric characters, dash, underscores, parentheses and periods']],
        // RE2's \w is ASCII.
        ['grüße', ['"k" may only contain alphanumeric characters, dash, underscores, parentheses and periods']],
        ['r'.repeat(91), ['"k" may not exceed 90 characters in length']],
        ['r'.repeat(90) + '.', ['"k" may not exceed 90 characters in length', '"k" may not end with a period']],
      ],
    ));
});

describe('location', () => {
  test('locationNormalize', () => expect(locationNormalize('West Europe')).toBe('westeurope'));

  test('locationEnhancedValidate before the provider caches locations: StringIsNotEmpty', () =>
    expectCheck(locationEnhancedValidate, ['westeurope', 'Mars'], [['', ['expected "k" to not be an empty string, got ']]]));

  test('locationEnhancedValidation with the cached locations', () =>
    expectCheck(
      locationEnhancedValidation(['westeurope', 'northeurope']),
      ['West Europe', 'NorthEurope', 'Global'],
      [
        ['Mars', ['"mars" was not found in the list of supported Azure Locations: "westeurope,northeurope"']],
        [' ', ['"k" must not be empty']],
        [1, ['expected type of "k" to be string']],
      ],
    ));
});

describe('resourceIdsParse (resourceids Parser.Parse)', () => {
  test('a backup vault ID parses into its segments', () => {
    const outcome = resourceIdsParse(BACKUP_VAULT_ID, VAULT);
    expect('parsed' in outcome && Object.fromEntries(outcome.parsed)).toEqual({
      staticSubscriptions: 'subscriptions',
      subscriptionId: '00000000-0000-0000-0000-000000000000',
      staticResourceGroups: 'resourceGroups',
      resourceGroupName: 'rg',
      staticProviders: 'providers',
      staticMicrosoftDataProtection: 'Microsoft.DataProtection',
      staticBackupVaults: 'backupVaults',
      backupVaultName: 'vault',
    });
  });

  test('too few segments: the full NumberOfSegmentsDidntMatchError text', () => {
    expect(backupVaultResourcesValidateBackupVaultID(RG, 'k')).toEqual([
      `parsing "${RG}": parsing the BackupVault ID: the number of segments didn't match

Expected a BackupVault ID that matched (containing 8 segments):

> /subscriptions/12345678-1234-9876-4563-123456789012/resourceGroups/example-resource-group/providers/Microsoft.DataProtection/backupVaults/backupVaultName

However this value was provided (which was parsed into 0 segments):

> ${RG}

The following Segments are expected:

* Segment 0 - this should be the literal value "subscriptions"
* Segment 1 - this should be the UUID of the Azure Subscription
* Segment 2 - this should be the literal value "resourceGroups"
* Segment 3 - this should be the name of the Resource Group
* Segment 4 - this should be the literal value "providers"
* Segment 5 - this should be the name of the Resource Provider [for example 'Microsoft.DataProtection']
* Segment 6 - this should be the literal value "backupVaults"
* Segment 7 - this should be the user specified value for this backupVault [for example "backupVaultName"]

The following Segments were parsed:

* Segment 0 - not found
* Segment 1 - not found
* Segment 2 - not found
* Segment 3 - not found
* Segment 4 - not found
* Segment 5 - not found
* Segment 6 - not found
* Segment 7 - not found
`,
    ]);
  });

  test('a wrong provider: the full SegmentNotSpecifiedError text (case-sensitive)', () => {
    const id = `${RG}/providers/Microsoft.dataprotection/backupVaults/vault`;
    expect(backupVaultResourcesValidateBackupVaultID(id, 'k')).toEqual([
      `parsing "${id}": parsing segment "staticMicrosoftDataProtection": parsing the BackupVault ID: the segment at position 5 didn't match

Expected a BackupVault ID that matched:

> /subscriptions/12345678-1234-9876-4563-123456789012/resourceGroups/example-resource-group/providers/Microsoft.DataProtection/backupVaults/backupVaultName

However this value was provided:

> ${id}

The parsed Resource ID was missing a value for the segment at position 5
(which should be the name of the Resource Provider [for example 'Microsoft.DataProtection']).

`,
    ]);
  });

  test('extra segments at the end', () => {
    expect(resourceIdsParse(BACKUP_VAULT_ID, `${VAULT}/backupPolicies/p`)).toEqual({
      error: `unexpected segment "backupPolicies/p" present at the end of the URI (input "${VAULT}/backupPolicies/p")`,
    });
  });

  test('an empty segment is reported at its position', () => {
    const outcome = resourceIdsParse(
      BACKUP_VAULT_ID,
      '/subscriptions//resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/v',
    );
    expect('error' in outcome && outcome.error.split('\n').slice(0, 1)).toEqual([
      "parsing the BackupVault ID: the segment at position 1 didn't match",
    ]);
    expect('error' in outcome && outcome.error).toContain('(which should be the UUID of the Azure Subscription).');
  });

  test('a trailing slash is accepted, as the Go parser trims it with the last segment', () =>
    expect('parsed' in resourceIdsParse(BACKUP_VAULT_ID, `${VAULT}/`)).toBe(true));

  test('an empty string', () => expect(resourceIdsParse(BACKUP_VAULT_ID, '')).toEqual({ error: 'cannot parse an empty string' }));

  test('a scope at the start and a constant segment', () => {
    const type = {
      name: 'Lock',
      segments: [
        scopeSegment('scope', '/subscriptions/12345678-1234-9876-4563-123456789012'),
        staticSegment('providers', 'providers', 'providers'),
        constantSegment('kind', ['Alpha', 'Beta'], 'Alpha'),
        userSpecifiedSegment('lockName', 'lockName'),
      ],
    };
    const outcome = resourceIdsParse(type, `${RG}/providers/Beta/l`);
    expect('parsed' in outcome && Object.fromEntries(outcome.parsed)).toEqual({
      scope: RG,
      providers: 'providers',
      kind: 'Beta',
      lockName: 'l',
    });
    expect(resourceIdsParse(type, `${RG}/providers/Gamma/l`)).toEqual({
      error: `parsing scope prefix: unable to find the scope prefix from the value "${RG}/providers/Gamma/l" with the regex "^((.){1,})/providers/(Alpha|Beta)/(.){1,}"`,
    });
  });

  test('an insensitive parse gives back the canonical casing', () => {
    const type = {
      name: 'ResourceGroup',
      segments: [
        staticSegment('s', 'subscriptions', 'subscriptions'),
        subscriptionIdSegment('id', 'x'),
        staticSegment('r', 'resourceGroups', 'resourceGroups'),
        resourceGroupSegment('g', 'g'),
      ],
    };
    const outcome = resourceIdsParse(type, '/SUBSCRIPTIONS/x/resourcegroups/rg', true);
    expect('parsed' in outcome && outcome.parsed.get('r')).toBe('resourceGroups');
  });
});

describe('generated ValidateXxxID functions and commonschema.ResourceIDReference', () => {
  test.each([
    ['commonids.ValidateSubscriptionID', commonidsValidateSubscriptionID, SUB, `${SUB}/resourceGroups/rg`],
    ['commonids.ValidateResourceGroupID', commonidsValidateResourceGroupID, RG, SUB],
    [
      'commonids.ValidateManagementGroupID',
      commonidsValidateManagementGroupID,
      '/providers/Microsoft.Management/managementGroups/mg',
      '/providers/Microsoft.Management/mg',
    ],
    [
      'commonids.ValidateStorageAccountID',
      commonidsValidateStorageAccountID,
      `${RG}/providers/Microsoft.Storage/storageAccounts/sa`,
      `${RG}/providers/Microsoft.Storage/storageaccounts/sa`,
    ],
    [
      'commonids.ValidateUserAssignedIdentityID',
      commonidsValidateUserAssignedIdentityID,
      `${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id`,
      `${RG}/providers/Microsoft.ManagedIdentity/identities/id`,
    ],
    [
      'commonids.ValidateFunctionAppID',
      commonidsValidateFunctionAppID,
      `${RG}/providers/Microsoft.Web/sites/fn`,
      `${RG}/providers/Microsoft.Web/serverFarms/fn`,
    ],
    ['commonids.ValidateScopeID', commonidsValidateScopeID, RG, ''],
    ['ValidateBackupVaultID', backupVaultResourcesValidateBackupVaultID, VAULT, `${VAULT}/backupPolicies/p`],
    [
      'ValidateBackupPolicyID',
      baseBackupPolicyResourcesValidateBackupPolicyID,
      `${VAULT}/backupPolicies/p`,
      `${VAULT}/backupInstances/p`,
    ],
    [
      'ValidateBackupInstanceID',
      backupInstanceResourcesValidateBackupInstanceID,
      `${VAULT}/backupInstances/i`,
      `${VAULT}/backupPolicies/i`,
    ],
    [
      'ValidateResourceGuardID',
      resourceGuardResourcesValidateResourceGuardID,
      `${RG}/providers/Microsoft.DataProtection/resourceGuards/g`,
      VAULT,
    ],
    [
      'workspaces.ValidateWorkspaceID',
      workspacesValidateWorkspaceID,
      `${RG}/providers/Microsoft.OperationalInsights/workspaces/w`,
      `${RG}/providers/Microsoft.OperationalInsights/workspace/w`,
    ],
    [
      'actiongroupsapis.ValidateActionGroupID',
      actionGroupsApisValidateActionGroupID,
      `${RG}/providers/Microsoft.Insights/actionGroups/ag`,
      `${RG}/providers/microsoft.insights/actionGroups/ag`,
    ],
  ])('%s accepts one ID and refuses another', (_, check, good, bad) => {
    expect(check(good, 'k')).toEqual([]);
    const refused = check(bad, 'k');
    expect(refused).toHaveLength(1);
    expect(refused[0].startsWith(`parsing "${bad}": `) || refused[0] === 'parsing "": cannot parse an empty string').toBe(true);
  });

  test('a value that is not a string', () =>
    expect(commonidsValidateStorageAccountID(1, 'k')).toEqual(['expected "k" to be a string']));

  test('the action group and storage account types name themselves in the messages', () => {
    expect(ACTION_GROUP_ID.name).toBe('ActionGroup');
    expect(commonschemaResourceIdReference(STORAGE_ACCOUNT_ID)(RG, 'storage_account_id')[0]).toContain(
      'parsing the StorageAccount ID',
    );
  });

  test('commonschemaResourceIdReference parses as the generated validators do', () => {
    const check = commonschemaResourceIdReference(BACKUP_VAULT_ID);
    expect(check(VAULT, 'k')).toEqual([]);
    expect(check(`${VAULT}/x`, 'k')).toEqual([
      `parsing "${VAULT}/x": unexpected segment "x" present at the end of the URI (input "${VAULT}/x")`,
    ]);
    expect(check(null, 'k')).toEqual(['expected "k" to be a string']);
  });
});

describe('helpers/azure resource IDs', () => {
  test('azureParseAzureResourceID reads key/value pairs', () => {
    expect(
      azureParseAzureResourceID(`${RG}/providers/Microsoft.Storage/storageAccounts/sa/providers/Microsoft.Authorization/locks/l`),
    ).toEqual({
      subscriptionId: '00000000-0000-0000-0000-000000000000',
      resourceGroup: 'rg',
      provider: 'Microsoft.Storage',
      secondaryProvider: 'Microsoft.Authorization',
      path: { storageAccounts: 'sa', locks: 'l' },
    });
  });

  test('azureValidateResourceID', () =>
    expectCheck(
      azureValidateResourceID,
      [SUB, RG, `${SUB}/resourcegroups/rg/`, VAULT],
      [
        [
          'subscriptions/x',
          ['cannot parse "k" as a resource id: cannot parse Azure ID: parse "subscriptions/x": invalid URI for request'],
        ],
        ['', ['cannot parse "k" as a resource id: cannot parse Azure ID: parse "": empty url']],
        ['/resourceGroups/rg', ['cannot parse "k" as a resource id: no subscription ID found in: "resourceGroups/rg"']],
        [
          `${SUB}/resourceGroups`,
          [
            'cannot parse "k" as a resource id: the number of path segments is not divisible by 2 in "subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups"',
          ],
        ],
        [
          '/subscriptions//a/b',
          ["cannot parse \"k\" as a resource id: key/value cannot be empty strings. Key: 'subscriptions', Value: ''"],
        ],
        [`${RG}/%zz`, [`cannot parse "k" as a resource id: cannot parse Azure ID: parse "${RG}/%zz": invalid URL escape "%zz"`]],
        [1, ['expected type of "k" to be string']],
      ],
    ));

  test('azureValidateResourceIDOrEmpty lets the empty string through', () =>
    expectCheck(
      azureValidateResourceIDOrEmpty,
      ['', RG],
      [['x', ['cannot parse "k" as a resource id: cannot parse Azure ID: parse "x": invalid URI for request']]],
    ));
});

describe('identity blocks (commonschema)', () => {
  test('identityRules: type and identity_ids', () => {
    const rules = identityRules('identity', IDENTITY_TYPES_SYSTEM_AND_USER, 'file.go: identity');
    expect(rules.map((r) => r.path)).toEqual(['identity.type', 'identity.identity_ids.*']);
    expect(rules[0].check('SystemAssigned, UserAssigned', 'type')).toEqual([]);
    expect(rules[0].check('None', 'type')).toEqual([
      'expected type to be one of ["UserAssigned" "SystemAssigned" "SystemAssigned, UserAssigned"], got None',
    ]);
    expect(rules[1].check(`${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/u`, 'identity_ids')).toEqual([]);
    const orRules = identityRules('identity', IDENTITY_TYPES_SYSTEM_OR_USER, 'file.go: identity');
    expect(orRules[0].check('SystemAssigned, UserAssigned', 'type')).toEqual([
      'expected type to be one of ["UserAssigned" "SystemAssigned"], got SystemAssigned, UserAssigned',
    ]);
  });
});

describe('ISO 8601 (helpers/validate/time.go)', () => {
  // The provider's own cases, helpers/validate/time_test.go TestISO8601Duration.
  test.each([
    ['P1Y2M3D', undefined],
    ['PT7H42M3S', undefined],
    ['P1Y2M3DT7H42M3S', undefined],
    ['P10675199DT2H48M5.4775807S', undefined],
    ['1Y2M3DT7H42M3S', "expected 'P' period mark at the start: 1Y2M3DT7H42M3S"],
    ['PT7H42M3S1Y2M3D', 'unexpected remaining components 1Y2M3D: PT7H42M3S1Y2M3D'],
    ['P0', undefined],
    ['-P1D', undefined],
    ['P1.5W', undefined],
    ['', 'cannot parse a blank string as a period'],
    ['P', "expected 'Y', 'M', 'W', 'D', 'H', 'M', or 'S' marker: P"],
    ['PxD', "expected a number before the 'D' marker: PxD"],
    // One decimal is kept and the rest of the fraction is not looked at.
    ['PT1.2.3H', undefined],
    ['PT1.xH', "expected a number before the 'H' marker: PT1.xH"],
    ['P1D2', 'unexpected remaining components 2: P1D2'],
    ['P99999999999999999999D', "expected a number before the 'D' marker: P99999999999999999999D"],
  ])('periodParse(%j) is %j', (value, error) => {
    expect(periodParse(value)).toBe(error);
  });

  test('periodParse panics on a bare sign, as Go does', () => expect(() => periodParse('-')).toThrow('panic: runtime error'));

  test('validateISO8601Duration', () =>
    expectCheck(
      validateISO8601Duration,
      ['P30D'],
      [
        ['30D', ["expected 'P' period mark at the start: 30D"]],
        [30, ['expected type of k to be string']],
      ],
    ));

  // The provider's own cases, helpers/validate/time_test.go TestISO8601DateTime, with btubbs/datetime's messages.
  test.each([
    ['', 'found , expected number'],
    ['this is not a date', 'found t, expected number'],
    ['2000-06-31', '31 is not a valid day in June'],
    ['01/21/2015', 'found 01, expected yyyy-mm-dd or yyyymmdd'],
    ['01-21-2015', 'found 01, expected yyyy-mm-dd or yyyymmdd'],
    ['2000-01-01', undefined],
    ['2000-01-01T01:23:45', undefined],
    ['2000-01-01T01:23:45Z', undefined],
    ['2000-01-01T01:23:45+00:00', undefined],
    ['2000-02-30', '30 is not a valid day in February'],
    ['2001-02-29', undefined],
    ['2000-13-01', '13 is not a valid month'],
    ['2000-01-01T24:00', '24 is not a valid hour'],
    ['2000-01-01T10:61', '61 is not a valid minute'],
    ['20000101T102030.5-0130', undefined],
    ['2000-01-01T10x', 'expected colon, EOF, or timezone offset. got x'],
    ['2000-01-01T10:30:00+1', 'expected ±hh:mm, ±hhmm, or ±hh timezone offset format. got 1'],
    ['2000-01-01T10:30:00.x', 'expected fraction of seconds.  got x'],
    ['2000-01-01T10:30:00Zjunk', 'expected EOF. got j'],
    ['2000-01-01T10:30+01:00', 'expected Z, timezone offset, or EOF. got 01'],
    ['2000-01-99999999999999999999', 'strconv.Atoi: parsing "99999999999999999999": value out of range'],
  ])('datetimeParse(%j) is %j', (value, error) => {
    expect(datetimeParse(value)).toBe(error);
  });

  test('validateISO8601DateTime', () =>
    expectCheck(
      validateISO8601DateTime,
      ['2000-01-01'],
      [['2000-06-31', ['"k" has the invalid ISO8601 date format "2000-06-31": 31 is not a valid day in June']]],
    ));

  // The provider's own cases, helpers/validate/time_test.go TestISO8601RepeatingTime.
  test.each([
    ['R/2021-05-23T02:30:00+00:00/P1W', []],
    ['R/2021-05-23T02:30:00+00:00/PT20S', []],
    ['R/2021-05-23T02:30:00+00:00/PT0.5S', []],
    ['R', ["k must start with 'R/'"]],
    ['R/', ['k must end with duration']],
    ['2021-05-23T02:30:03+01:02', ["k must start with 'R/'"]],
    ['P1W', ["k must start with 'R/'"]],
    ['R/2021-05-23T02:30:00+00:00', ['k must end with duration']],
    ['C/2021-05-23T02:30:00+00:00', ["k must start with 'R/'"]],
    ['2021-05-23T02:30:00+00:00/D1W', ["k must start with 'R/'"]],
    ['2021-05-23T02:30:00+00:00/P1W', ["k must start with 'R/'"]],
    [
      'R/2021-13-23T02:30:00+00:00/P1W',
      ['"k" has the invalid ISO8601 date format "R/2021-13-23T02:30:00+00:00/P1W": 13 is not a valid month'],
    ],
    ['R/2021-05-23T02:30:00+00:00/P1X', ['unexpected remaining components 1X: P1X']],
    ['R/2021-05-23T02:30:00+00:00/PT', ["expected 'Y', 'M', 'W', 'D', 'H', 'M', or 'S' marker: PT"]],
  ])('validateISO8601RepeatingTime(%j)', (value, messages) => {
    expect(validateISO8601RepeatingTime(value, 'k')).toEqual(messages);
  });
});
