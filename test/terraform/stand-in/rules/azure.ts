// Validators that several Azure services share, translated from the azurerm provider and the libraries it vendors
// (go-azure-helpers, go-azure-sdk). Each is named after its Go package and function in lowerCamelCase.
//
// Exports:
// - tagsValidate, tagsValidateHasLowerCaseKeys, tagsValidateWithMaximumElements(max): go-azure-helpers
//   resourcemanager/tags (the ValidateFunc of commonschema.Tags(), TagsWithLowerCaseKeys(), TagsWithMaximumElements()).
// - resourceGroupValidateName: resourcemanager/resourcegroups.ValidateName (commonschema.ResourceGroupName()).
// - locationNormalize, locationEnhancedValidate, locationEnhancedValidation(supportedLocations): resourcemanager/location
//   (commonschema.Location()).
// - Resource IDs (resourcemanager/resourceids): the types `Segment`, `ResourceIdType`, the segment builders
//   (staticSegment, subscriptionIdSegment, resourceGroupSegment, resourceProviderSegment, userSpecifiedSegment,
//   constantSegment, scopeSegment), `resourceIdsParse` (Parser.Parse), `validateResourceIdType(type)` (the generated
//   ValidateXxxID functions) and `commonschemaResourceIdReference(type)` (commonschema.ResourceIDReference*()'s
//   ValidateFunc), with these ID types and their validators:
//     SUBSCRIPTION_ID / commonidsValidateSubscriptionID, RESOURCE_GROUP_ID / commonidsValidateResourceGroupID,
//     MANAGEMENT_GROUP_ID / commonidsValidateManagementGroupID, STORAGE_ACCOUNT_ID / commonidsValidateStorageAccountID,
//     USER_ASSIGNED_IDENTITY_ID / commonidsValidateUserAssignedIdentityID, APP_SERVICE_ID / commonidsValidateFunctionAppID,
//     SCOPE_ID / commonidsValidateScopeID, BACKUP_VAULT_ID / backupVaultResourcesValidateBackupVaultID,
//     BACKUP_POLICY_ID / baseBackupPolicyResourcesValidateBackupPolicyID,
//     BACKUP_INSTANCE_ID / backupInstanceResourcesValidateBackupInstanceID,
//     RESOURCE_GUARD_ID / resourceGuardResourcesValidateResourceGuardID,
//     LOG_ANALYTICS_WORKSPACE_ID / workspacesValidateWorkspaceID, ACTION_GROUP_ID / actionGroupsApisValidateActionGroupID.
// - azureParseAzureResourceID, azureValidateResourceID, azureValidateResourceIDOrEmpty: helpers/azure.
// - Managed identity blocks (commonschema.SystemAssignedUserAssignedIdentity*(), SystemOrUserAssignedIdentity*()):
//   IDENTITY_TYPES_SYSTEM_AND_USER, IDENTITY_TYPES_SYSTEM_OR_USER and identityRules(block, types, source), the
//   `type` and `identity_ids.*` rules of such a block.
// - ISO 8601 (helpers/validate/time.go): periodParse (rickb777/date/period.Parse), datetimeParse
//   (btubbs/datetime.Parse), validateISO8601Duration, validateISO8601DateTime, validateISO8601RepeatingTime.
import { goQuote, parseRequestURI } from './go-url';
import type { ArgumentRule, Check, Value } from './rule';
import { isKnown, stringInSlice, stringIsNotEmpty } from './validation';

// ---------------------------------------------------------------------------------------------------------------
// Tags

/** Go's len of a string counts UTF-8 bytes, which is what the tag limits measure. */
const byteLength = (s: string): number => Buffer.byteLength(s, 'utf8');

function mapEntries(value: Value): [string, Value][] | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !isKnown(value)) return undefined;
  return Object.entries(value);
}

/** tags.tagValueToString: the map's values are strings (TypeMap of TypeString). */
function tagValueToString(value: Value): string | Error {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return new Error(`unknown tag type ${goTypeName(value)} in tag value`);
}

function goTypeName(value: Value): string {
  if (typeof value === 'number') return 'float64';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return '[]interface {}';
  if (value === null) return '<nil>';
  return 'map[string]interface {}';
}

/** The key and value length checks that tags.Validate and ValidateWithMaximumElements share. */
function tagLengthErrors(entries: [string, Value][]): string[] {
  const errors: string[] = [];
  for (const [k, v] of entries) {
    if (byteLength(k) > 512) {
      errors.push(`the maximum length for a tag key is 512 characters: ${goQuote(k)} is ${byteLength(k)} characters`);
    }
    const text = tagValueToString(v);
    if (typeof text !== 'string') errors.push(text.message);
    else if (byteLength(text) > 256) {
      errors.push(
        `the maximum length for a tag value is 256 characters: the value for ${goQuote(k)} is ${byteLength(text)} characters`,
      );
    }
  }
  return errors;
}

/**
 * tags.Validate, the ValidateFunc of commonschema.Tags(). Go walks the map in random order; this walks it in the
 * configuration's order, so the messages are the same but may be ordered differently.
 */
export const tagsValidate: Check = (value) => {
  const entries = mapEntries(value);
  if (entries === undefined) return [];
  const errors = entries.length > 50 ? ['a maximum of 50 tags can be applied to each resource'] : [];
  return [...errors, ...tagLengthErrors(entries)];
};

/** tags.ValidateWithMaximumElements(max). */
export function tagsValidateWithMaximumElements(max: number): Check {
  return (value) => {
    const entries = mapEntries(value);
    if (entries === undefined) return [];
    const errors = entries.length > max ? [`a maximum of ${max} tags can be applied to this ARM resource`] : [];
    return [...errors, ...tagLengthErrors(entries)];
  };
}

/** tags.ValidateHasLowerCaseKeys: unlike Validate, it stops at the first bad key. */
export const tagsValidateHasLowerCaseKeys: Check = (value, key) => {
  const entries = mapEntries(value);
  if (entries === undefined) return [`expected type of ${key} to be map`];
  const errors = entries.length > 50 ? ['a maximum of 50 tags can be applied to each ARM resource'] : [];
  for (const [k, v] of entries) {
    const problem = lowerCaseTagProblem(k, v);
    if (problem !== undefined) return [...errors, problem];
  }
  return errors;
};

function lowerCaseTagProblem(k: string, v: Value): string | undefined {
  if (byteLength(k) > 512) {
    return `the maximum length for a tag key is 512 characters: ${goQuote(k)} has ${byteLength(k)} characters`;
  }
  if (k.toLowerCase() !== k) return `a tag key ${goQuote(k)} expected to be all in lowercase`;
  const text = tagValueToString(v);
  if (typeof text !== 'string') return text.message;
  if (byteLength(text) > 256) {
    return `the maximum length for a tag value is 256 characters: the value for ${goQuote(k)} has ${byteLength(text)} characters`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Resource group name and location

/** RE2's \w is ASCII only: [0-9A-Za-z_]. */
const RESOURCE_GROUP_NAME = /^[-0-9A-Za-z_._()]+$/;

/** resourcegroups.ValidateName, the ValidateFunc of commonschema.ResourceGroupName(). */
export const resourceGroupValidateName: Check = (value, k) => {
  if (typeof value !== 'string') return [];
  const errors: string[] = [];
  if (byteLength(value) > 90) errors.push(`${goQuote(k)} may not exceed 90 characters in length`);
  if (value.endsWith('.')) errors.push(`${goQuote(k)} may not end with a period`);
  if (value.length === 0) errors.push(`${goQuote(k)} cannot be blank`);
  else if (!RESOURCE_GROUP_NAME.test(value)) {
    errors.push(`${goQuote(k)} may only contain alphanumeric characters, dash, underscores, parentheses and periods`);
  }
  return errors;
};

/** location.Normalize: lower case, spaces removed ("West Europe" is "westeurope"). */
export function locationNormalize(input: string): string {
  return input.toLowerCase().replaceAll(' ', '');
}

/**
 * location.EnhancedValidate, the ValidateFunc of commonschema.Location(), as it runs before the provider has
 * cached the supported locations (the validate walk runs on an unconfigured provider): StringIsNotEmpty.
 */
export const locationEnhancedValidate: Check = stringIsNotEmpty;

/** location.enhancedValidation: EnhancedValidate once the provider has cached `supportedLocations`. */
export function locationEnhancedValidation(supportedLocations: readonly string[]): Check {
  return (value, k) => {
    if (typeof value !== 'string') return [`expected type of ${goQuote(k)} to be string`];
    const normalized = locationNormalize(value);
    if (normalized === '') return [`${goQuote(k)} must not be empty`];
    if (supportedLocations.some((l) => locationNormalize(l) === normalized)) return [];
    // Some resources use a location named "global".
    if (normalized === 'global') return [];
    return [
      `${goQuote(normalized)} was not found in the list of supported Azure Locations: ${goQuote(supportedLocations.join(','))}`,
    ];
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Resource IDs: go-azure-helpers resourcemanager/resourceids

type SegmentType = 'Constant' | 'ResourceGroup' | 'ResourceProvider' | 'Scope' | 'Static' | 'SubscriptionId' | 'UserSpecified';

export interface Segment {
  readonly name: string;
  readonly type: SegmentType;
  readonly exampleValue: string;
  /** For Static and ResourceProvider segments. */
  readonly fixedValue?: string;
  /** For Constant segments. */
  readonly possibleValues?: readonly string[];
}

/** A Resource ID type: `name` is the Go type's name without its `Id` suffix, as the parser's messages give it. */
export interface ResourceIdType {
  readonly name: string;
  readonly segments: readonly Segment[];
}

export const staticSegment = (name: string, fixedValue: string, exampleValue: string): Segment => ({
  name,
  type: 'Static',
  fixedValue,
  exampleValue,
});
export const resourceProviderSegment = (name: string, fixedValue: string, exampleValue: string): Segment => ({
  name,
  type: 'ResourceProvider',
  fixedValue,
  exampleValue,
});
export const subscriptionIdSegment = (name: string, exampleValue: string): Segment => ({
  name,
  type: 'SubscriptionId',
  exampleValue,
});
export const resourceGroupSegment = (name: string, exampleValue: string): Segment => ({
  name,
  type: 'ResourceGroup',
  exampleValue,
});
export const userSpecifiedSegment = (name: string, exampleValue: string): Segment => ({
  name,
  type: 'UserSpecified',
  exampleValue,
});
export const scopeSegment = (name: string, exampleValue: string): Segment => ({ name, type: 'Scope', exampleValue });
export const constantSegment = (name: string, possibleValues: readonly string[], exampleValue: string): Segment => ({
  name,
  type: 'Constant',
  possibleValues,
  exampleValue,
});

/** errors.go BuildExpectedResourceId: the example values joined into an ID. */
function buildExpectedResourceId(segments: readonly Segment[]): string {
  return `/${segments.map((s) => s.exampleValue.replace(/^\//, '')).join('/')}`;
}

/** errors.go descriptionForSpecifiedSegment. */
function describeSegment(segment: Segment): string {
  switch (segment.type) {
    case 'Constant':
      return `should be a Constant with one of the following values [${(segment.possibleValues ?? []).map(goQuote).join(', ')}]`;
    case 'ResourceGroup':
      return 'should be the name of the Resource Group';
    case 'ResourceProvider':
      return `should be the name of the Resource Provider [for example '${segment.exampleValue}']`;
    case 'Scope':
      return `specifies the Resource ID that should be used as a Scope [for example '${segment.exampleValue}']`;
    case 'Static':
      return `should be the literal value ${goQuote(segment.fixedValue ?? '')}`;
    case 'SubscriptionId':
      return 'should be the UUID of the Azure Subscription';
    case 'UserSpecified':
      return `should be the user specified value for this ${segment.name.replace(/Name$/, '')} [for example ${goQuote(segment.exampleValue)}]`;
  }
}

type Parsed = Map<string, string>;

/** NumberOfSegmentsDidntMatchError.Error(). */
function numberOfSegmentsDidntMatch(id: ResourceIdType, parsed: Parsed, rawInput: string): string {
  const expected = id.segments.map((s, i) => `* Segment ${i} - this ${describeSegment(s)}`).join('\n');
  const summary = id.segments
    .map((s, i) => {
      const value = parsed.get(s.name);
      return value === undefined ? `* Segment ${i} - not found` : `* Segment ${i} - parsed as ${goQuote(value)}`;
    })
    .join('\n');
  return `parsing the ${id.name} ID: the number of segments didn't match

Expected a ${id.name} ID that matched (containing ${id.segments.length} segments):

> ${buildExpectedResourceId(id.segments)}

However this value was provided (which was parsed into ${parsed.size} segments):

> ${rawInput}

The following Segments are expected:

${expected}

The following Segments were parsed:

${summary}
`;
}

/** SegmentNotSpecifiedError.Error(). */
function segmentNotSpecified(id: ResourceIdType, segmentName: string, rawInput: string): string {
  const position = id.segments.findIndex((s) => s.name === segmentName);
  return `parsing the ${id.name} ID: the segment at position ${position} didn't match

Expected a ${id.name} ID that matched:

> ${buildExpectedResourceId(id.segments)}

However this value was provided:

> ${rawInput}

The parsed Resource ID was missing a value for the segment at position ${position}
(which ${describeSegment(id.segments[position])}).

`;
}

/** The outcome of resourceIdsParse: the parsed segments, or Go's error message. */
export type ParseOutcome = { readonly parsed: Parsed } | { readonly error: string };

/** The regex for the segments between a leading and a trailing scope (parse.go builds it the same way, unescaped). */
function nonScopeComponentsRegex(segments: readonly Segment[], scopeAtStart: boolean, scopeAtEnd: boolean): string {
  return segments
    .filter((_, i) => !(i === 0 && scopeAtStart) && !(i === segments.length - 1 && scopeAtEnd))
    .map((s) => {
      if (s.type === 'Constant') return `/(${(s.possibleValues ?? []).join('|')})`;
      if (s.type === 'Static' || s.type === 'ResourceProvider') return `/${s.fixedValue ?? ''}`;
      return '/(.){1,}';
    })
    .join('');
}

/** Parser.parseScopePrefix: the longest prefix that leaves the rest of the ID to match the other segments. */
function parseScopePrefix(input: string, rest: string, insensitively: boolean): string | Error {
  const source = `^((.){1,})${rest}`;
  // RE2's `.` is anything but a newline (JavaScript's also stops at \r, U+2028 and U+2029); the fixed values' dots
  // are wildcards in Go too, as parse.go does not escape them.
  const match = new RegExp(source.replaceAll('.', '[^\\n]'), insensitively ? 'i' : '').exec(input);
  if (match === null || match.length < 2) {
    return new Error(`unable to find the scope prefix from the value ${goQuote(input)} with the regex ${goQuote(source)}`);
  }
  return match[1];
}

/** Parser.parseSegment for the segment types a user-facing ID has. */
function parseSegment(id: ResourceIdType, segment: Segment, raw: string, insensitively: boolean, input: string): string | Error {
  const same = (a: string) => (insensitively ? a.toLowerCase() === raw.toLowerCase() : a === raw);
  if (segment.type === 'Constant') {
    const found = (segment.possibleValues ?? []).find(same);
    if (found !== undefined) return found;
    return new Error(
      `expected the segment ${goQuote(segment.name)} to match one of the values ${goQuote((segment.possibleValues ?? []).join(', '))} but got ${goQuote(raw)}`,
    );
  }
  if (segment.type === 'Static' || segment.type === 'ResourceProvider') {
    if (same(segment.fixedValue ?? '')) return segment.fixedValue ?? '';
    return new Error(segmentNotSpecified(id, segment.name, input));
  }
  return raw;
}

/**
 * resourceids Parser.Parse(input, insensitively): splits the ID on `/` and matches each part to the type's segments
 * (scopes allowed only first or last), exactly as the Go parser does, quirks included.
 */
export function resourceIdsParse(id: ResourceIdType, input: string, insensitively = false): ParseOutcome {
  const segments = id.segments;
  if (input === '') return { error: 'cannot parse an empty string' };
  if (segments.length === 1 && segments[0].type === 'Scope') return { parsed: new Map([[segments[0].name, input]]) };

  const parsed: Parsed = new Map();
  const scopeAtStart = segments[0].type === 'Scope';
  const scopeAtEnd = segments[segments.length - 1].type === 'Scope';
  let uri = input;
  if (scopeAtStart) {
    const prefix = parseScopePrefix(input, nonScopeComponentsRegex(segments, true, scopeAtEnd), insensitively);
    if (typeof prefix !== 'string') return { error: `parsing scope prefix: ${prefix.message}` };
    parsed.set(segments[0].name, prefix);
    // A fake first part keeps the indexes of the split aligned with the segments.
    uri = `fakestart/${trimPrefix(trimPrefix(uri, prefix), '/')}`;
  }
  uri = trimPrefix(uri, '/');
  const split = uri.split('/');
  if (split.length < segments.length) return { error: numberOfSegmentsDidntMatch(id, parsed, input) };
  if (scopeAtStart) uri = trimPrefix(uri, 'fakestart/');

  for (let i = 0; i < segments.length; i++) {
    if ((i === 0 && scopeAtStart) || (i === segments.length - 1 && scopeAtEnd)) continue;
    const raw = split[i];
    const value = parseSegment(id, segments[i], raw, insensitively, input);
    if (typeof value !== 'string') return { error: `parsing segment ${goQuote(segments[i].name)}: ${value.message}` };
    parsed.set(segments[i].name, value);
    // What is left once every expected part is trimmed off is the trailing scope.
    uri = trimPrefix(trimPrefix(uri, raw), '/');
  }

  if (uri !== '') {
    if (!scopeAtEnd)
      return { error: `unexpected segment ${goQuote(uri)} present at the end of the URI (input ${goQuote(input)})` };
    parsed.set(segments[segments.length - 1].name, `/${uri}`);
  }
  if (segments.length !== parsed.size) return { error: numberOfSegmentsDidntMatch(id, parsed, input) };
  // Go ranges over a map here (random order); the first empty segment in ID order stands in for it.
  const empty = segments.find((s) => parsed.get(s.name) === '');
  if (empty !== undefined) return { error: segmentNotSpecified(id, empty.name, input) };
  return { parsed };
}

function trimPrefix(s: string, prefix: string): string {
  return s.startsWith(prefix) ? s.slice(prefix.length) : s;
}

/**
 * The generated `ValidateXxxID` functions (go-azure-sdk and commonids): not a string is refused, and a parse error
 * comes out as `parsing "<input>": <error>`.
 */
export function validateResourceIdType(id: ResourceIdType): Check {
  return (value, key) => {
    if (typeof value !== 'string') return [`expected ${goQuote(key)} to be a string`];
    const outcome = resourceIdsParse(id, value, false);
    return 'error' in outcome ? [`parsing ${goQuote(value)}: ${outcome.error}`] : [];
  };
}

/**
 * commonschema.ResourceIDReference{Required,Optional,...}(id)'s ValidateFunc (validationFunctionForResourceID): the
 * same parse, then every segment must have a value.
 */
export function commonschemaResourceIdReference(id: ResourceIdType): Check {
  return (value, key) => {
    if (typeof value !== 'string') return [`expected ${goQuote(key)} to be a string`];
    const outcome = resourceIdsParse(id, value, false);
    if ('error' in outcome) return [`parsing ${goQuote(value)}: ${outcome.error}`];
    const missing = id.segments.findIndex((s) => !outcome.parsed.has(s.name));
    if (missing === -1) return [];
    const s = id.segments[missing];
    return [
      `parsing ${goQuote(value)}: expected the segment ${missing} (type ${goQuote(s.type)} / name ${goQuote(s.name)}) to have a value but it didn't`,
    ];
  };
}

const SUBSCRIPTION_EXAMPLE = '12345678-1234-9876-4563-123456789012';

/** The `/subscriptions/{id}/resourceGroups/{name}/providers/{rp}/{type}/{name}` shape the generated IDs share. */
function providerResource(
  name: string,
  rp: string,
  rpSegmentName: string,
  parts: readonly [string, string, string][],
): ResourceIdType {
  return {
    name,
    segments: [
      staticSegment('staticSubscriptions', 'subscriptions', 'subscriptions'),
      subscriptionIdSegment('subscriptionId', SUBSCRIPTION_EXAMPLE),
      staticSegment('staticResourceGroups', 'resourceGroups', 'resourceGroups'),
      resourceGroupSegment('resourceGroupName', 'example-resource-group'),
      staticSegment('staticProviders', 'providers', 'providers'),
      resourceProviderSegment(rpSegmentName, rp, rp),
      ...parts.flatMap(([collection, segmentName, example]) => [
        staticSegment(`static${collection[0].toUpperCase()}${collection.slice(1)}`, collection, collection),
        userSpecifiedSegment(segmentName, example),
      ]),
    ],
  };
}

/** commonids.SubscriptionId. */
const SUBSCRIPTION_ID: ResourceIdType = {
  name: 'Subscription',
  segments: [
    staticSegment('subscriptions', 'subscriptions', 'subscriptions'),
    subscriptionIdSegment('subscriptionId', SUBSCRIPTION_EXAMPLE),
  ],
};

/** commonids.ResourceGroupId. */
const RESOURCE_GROUP_ID: ResourceIdType = {
  name: 'ResourceGroup',
  segments: [
    staticSegment('subscriptions', 'subscriptions', 'subscriptions'),
    subscriptionIdSegment('subscriptionId', SUBSCRIPTION_EXAMPLE),
    staticSegment('resourceGroups', 'resourceGroups', 'resourceGroups'),
    resourceGroupSegment('resourceGroupName', 'example-resource-group'),
  ],
};

/** commonids.ManagementGroupId. */
const MANAGEMENT_GROUP_ID: ResourceIdType = {
  name: 'ManagementGroup',
  segments: [
    staticSegment('providers', 'providers', 'providers'),
    resourceProviderSegment('resourceProvider', 'Microsoft.Management', 'Microsoft.Management'),
    staticSegment('managementGroups', 'managementGroups', 'managementGroups'),
    userSpecifiedSegment('groupId', 'groupIdValue'),
  ],
};

/** commonids.ScopeId: any non-empty string. */
const SCOPE_ID: ResourceIdType = {
  name: 'Scope',
  segments: [scopeSegment('scope', '/subscriptions/12345678-1234-9876-4563-123456789012/resourceGroups/some-resource-group')],
};

/** commonids.StorageAccountId. */
export const STORAGE_ACCOUNT_ID = providerResource('StorageAccount', 'Microsoft.Storage', 'staticMicrosoftStorage', [
  ['storageAccounts', 'storageAccountName', 'storageAccountValue'],
]);

/** commonids.UserAssignedIdentityId (its static segments are named without the `static` prefix). */
const USER_ASSIGNED_IDENTITY_ID: ResourceIdType = {
  name: 'UserAssignedIdentity',
  segments: [
    ...RESOURCE_GROUP_ID.segments,
    staticSegment('providers', 'providers', 'providers'),
    resourceProviderSegment('resourceProvider', 'Microsoft.ManagedIdentity', 'Microsoft.ManagedIdentity'),
    staticSegment('userAssignedIdentities', 'userAssignedIdentities', 'userAssignedIdentities'),
    userSpecifiedSegment('userAssignedIdentityName', 'userAssignedIdentityValue'),
  ],
};

/** commonids.AppServiceId, which commonids.ValidateFunctionAppID parses (a Function App is a Microsoft.Web site). */
const APP_SERVICE_ID = providerResource('AppService', 'Microsoft.Web', 'staticMicrosoftWeb', [
  ['sites', 'siteName', 'siteValue'],
]);

/** dataprotection backupvaultresources.BackupVaultId (basebackuppolicyresources has the same one). */
export const BACKUP_VAULT_ID = providerResource('BackupVault', 'Microsoft.DataProtection', 'staticMicrosoftDataProtection', [
  ['backupVaults', 'backupVaultName', 'backupVaultName'],
]);

/** dataprotection basebackuppolicyresources.BackupPolicyId. */
export const BACKUP_POLICY_ID = providerResource('BackupPolicy', 'Microsoft.DataProtection', 'staticMicrosoftDataProtection', [
  ['backupVaults', 'backupVaultName', 'backupVaultName'],
  ['backupPolicies', 'backupPolicyName', 'backupPolicyName'],
]);

/** dataprotection backupinstanceresources.BackupInstanceId. */
const BACKUP_INSTANCE_ID = providerResource('BackupInstance', 'Microsoft.DataProtection', 'staticMicrosoftDataProtection', [
  ['backupVaults', 'backupVaultName', 'backupVaultName'],
  ['backupInstances', 'backupInstanceName', 'backupInstanceName'],
]);

/** dataprotection resourceguardresources.ResourceGuardId. */
const RESOURCE_GUARD_ID = providerResource('ResourceGuard', 'Microsoft.DataProtection', 'staticMicrosoftDataProtection', [
  ['resourceGuards', 'resourceGuardName', 'resourceGuardName'],
]);

/** operationalinsights workspaces.WorkspaceId. */
const LOG_ANALYTICS_WORKSPACE_ID = providerResource(
  'Workspace',
  'Microsoft.OperationalInsights',
  'staticMicrosoftOperationalInsights',
  [['workspaces', 'workspaceName', 'workspaceName']],
);

/** insights actiongroupsapis.ActionGroupId. */
export const ACTION_GROUP_ID = providerResource('ActionGroup', 'Microsoft.Insights', 'staticMicrosoftInsights', [
  ['actionGroups', 'actionGroupName', 'actionGroupName'],
]);

export const commonidsValidateSubscriptionID = validateResourceIdType(SUBSCRIPTION_ID);
export const commonidsValidateResourceGroupID = validateResourceIdType(RESOURCE_GROUP_ID);
export const commonidsValidateManagementGroupID = validateResourceIdType(MANAGEMENT_GROUP_ID);
export const commonidsValidateScopeID = validateResourceIdType(SCOPE_ID);
export const commonidsValidateStorageAccountID = validateResourceIdType(STORAGE_ACCOUNT_ID);
export const commonidsValidateUserAssignedIdentityID = validateResourceIdType(USER_ASSIGNED_IDENTITY_ID);
export const commonidsValidateFunctionAppID = validateResourceIdType(APP_SERVICE_ID);
export const backupVaultResourcesValidateBackupVaultID = validateResourceIdType(BACKUP_VAULT_ID);
export const baseBackupPolicyResourcesValidateBackupPolicyID = validateResourceIdType(BACKUP_POLICY_ID);
export const backupInstanceResourcesValidateBackupInstanceID = validateResourceIdType(BACKUP_INSTANCE_ID);
export const resourceGuardResourcesValidateResourceGuardID = validateResourceIdType(RESOURCE_GUARD_ID);
export const workspacesValidateWorkspaceID = validateResourceIdType(LOG_ANALYTICS_WORKSPACE_ID);
export const actionGroupsApisValidateActionGroupID = validateResourceIdType(ACTION_GROUP_ID);

// ---------------------------------------------------------------------------------------------------------------
// helpers/azure: the generic, key/value-pair resource ID parser

/** What azure.ParseAzureResourceID reads from an ID. */
export interface AzureResourceId {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly provider: string;
  readonly secondaryProvider: string;
  readonly path: Record<string, string>;
}

/** azure.ParseAzureResourceID: url.ParseRequestURI, then the path as key/value pairs with a subscription. */
export function azureParseAzureResourceID(id: string): AzureResourceId | Error {
  const url = parseRequestURI(id);
  if (!('path' in url)) return new Error(`cannot parse Azure ID: ${url.error}`);
  const path = url.path.replace(/^\//, '').replace(/\/$/, '');
  const components = path.split('/');
  if (components.length % 2 !== 0) return new Error(`the number of path segments is not divisible by 2 in ${goQuote(path)}`);

  let subscriptionId = '';
  let provider = '';
  const map: Record<string, string> = {};
  for (let i = 0; i < components.length; i += 2) {
    const [key, value] = [components[i], components[i + 1]];
    if (key === '' || value === '') return new Error(`key/value cannot be empty strings. Key: '${key}', Value: '${value}'`);
    // The first `subscriptions` and `providers` win: later ones (Service Bus subscriptions, role assignments) are
    // ordinary path entries.
    if (key === 'subscriptions' && subscriptionId === '') subscriptionId = value;
    else if (key === 'providers' && provider === '') provider = value;
    else map[key] = value;
  }
  if (subscriptionId === '') return new Error(`no subscription ID found in: ${goQuote(path)}`);
  return { subscriptionId, provider, ...popGroupAndSecondaryProvider(map) };
}

function popGroupAndSecondaryProvider(
  map: Record<string, string>,
): Pick<AzureResourceId, 'resourceGroup' | 'secondaryProvider' | 'path'> {
  const { resourceGroups, resourcegroups, ...rest } = map;
  // Some Azure APIs give `resourcegroups` in lower case; `resourceGroups` wins when both are present.
  const resourceGroup = resourceGroups ?? resourcegroups ?? '';
  if (resourceGroups !== undefined && resourcegroups !== undefined) rest.resourcegroups = resourcegroups;
  const { providers, ...path } = rest;
  if (providers === undefined || providers === '') return { resourceGroup, secondaryProvider: '', path: rest };
  return { resourceGroup, secondaryProvider: providers, path };
}

/** azure.ValidateResourceID (helpers/azure/deprecated_soon.go). */
export const azureValidateResourceID: Check = (value, k) => {
  if (typeof value !== 'string') return [`expected type of ${goQuote(k)} to be string`];
  const parsed = azureParseAzureResourceID(value);
  return 'message' in parsed ? [`cannot parse ${goQuote(k)} as a resource id: ${parsed.message}`] : [];
};

/** azure.ValidateResourceIDOrEmpty: an empty string passes. */
export const azureValidateResourceIDOrEmpty: Check = (value, k) => (value === '' ? [] : azureValidateResourceID(value, k));

// ---------------------------------------------------------------------------------------------------------------
// Managed identity blocks (commonschema identity_*.go)

/** identity.Type values in the order commonschema.SystemAssignedUserAssignedIdentity*() lists them. */
export const IDENTITY_TYPES_SYSTEM_AND_USER: readonly string[] = [
  'UserAssigned',
  'SystemAssigned',
  'SystemAssigned, UserAssigned',
];
/** identity.Type values in the order commonschema.SystemOrUserAssignedIdentity*() lists them. */
export const IDENTITY_TYPES_SYSTEM_OR_USER: readonly string[] = ['UserAssigned', 'SystemAssigned'];

/**
 * The rules of an `identity` block made by commonschema: `type` in the given list, each of `identity_ids` a User
 * Assigned Identity ID. `block` is the block's path, `source` names the resource file that uses the schema.
 */
export function identityRules(block: string, types: readonly string[], source: string): ArgumentRule[] {
  const schema = types.length === 3 ? 'SystemAssignedUserAssignedIdentity' : 'SystemOrUserAssignedIdentity';
  return [
    {
      path: `${block}.type`,
      check: stringInSlice(types, false),
      source: `${source} (commonschema.${schema}*: type ValidateFunc)`,
    },
    {
      path: `${block}.identity_ids.*`,
      check: commonidsValidateUserAssignedIdentityID,
      source: `${source} (commonschema.${schema}*: identity_ids commonids.ValidateUserAssignedIdentityID)`,
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// ISO 8601 durations and repeating times (helpers/validate/time.go)

/** strconv.ParseInt(s, 10, 64) succeeds: an optional sign, decimal digits, within int64. */
function parsesAsInt64(s: string): boolean {
  if (!/^[+-]?[0-9]+$/.test(s)) return false;
  const n = BigInt(s);
  return n <= 9223372036854775807n && n >= -9223372036854775808n;
}

/** period.parseDecimalFixedPoint: one decimal digit kept (fixed point x10), the rest of the fraction ignored. */
function parsesAsDecimalFixedPoint(s: string): boolean {
  let dec = s.indexOf('.');
  if (dec < 0) dec = s.indexOf(',');
  if (dec < 0) return parsesAsInt64(`${s}0`);
  const fixed = s.length - dec > 1 ? s.slice(0, dec) + s.slice(dec + 1, dec + 2) : `${s.slice(0, dec)}${s.slice(dec + 1)}0`;
  return parsesAsInt64(fixed);
}

interface PeriodState {
  rest: string;
  ok: boolean;
}

/** period.parseField: the number before the first `mark` (none when the mark is absent or first). */
function parseField(st: PeriodState, mark: string): boolean {
  const m = st.rest.indexOf(mark);
  if (m <= 0) return true;
  if (!parsesAsDecimalFixedPoint(st.rest.slice(0, m))) return false;
  st.rest = st.rest.slice(m + 1);
  st.ok = true;
  return true;
}

/** Reads the fields of one part of a period, in order: the error for the first that does not parse. */
function parseFields(st: PeriodState, marks: string, period: string): string | undefined {
  for (const mark of marks) {
    if (!parseField(st, mark)) return `expected a number before the '${mark}' marker: ${period}`;
  }
  return st.rest === '' ? undefined : `unexpected remaining components ${st.rest}: ${period}`;
}

/**
 * rickb777/date/period.Parse (the version azurerm vendors): the error message, or undefined when `period` parses.
 * `-` or `+` alone makes Go index an empty string and panic; this throws.
 */
export function periodParse(period: string): string | undefined {
  if (period === '') return 'cannot parse a blank string as a period';
  if (period === 'P0') return undefined;
  const unsigned = period[0] === '-' || period[0] === '+' ? period.slice(1) : period;
  if (unsigned === '') throw new Error('panic: runtime error: index out of range [0] with length 0');
  if (unsigned[0] !== 'P') return `expected 'P' period mark at the start: ${period}`;
  const body = unsigned.slice(1);
  const t = body.indexOf('T');
  const st: PeriodState = { rest: t >= 0 ? body.slice(t + 1) : body, ok: false };
  if (t >= 0) {
    const timeError = parseFields(st, 'HMS', period);
    if (timeError !== undefined) return timeError;
    st.rest = body.slice(0, t);
  }
  const dateError = parseFields(st, 'YMWD', period);
  if (dateError !== undefined) return dateError;
  return st.ok ? undefined : `expected 'Y', 'M', 'W', 'D', 'H', 'M', or 'S' marker: ${period}`;
}

type Token = 'ILLEGAL' | 'EOF' | 'NUMBER' | 'DASH' | 'COLON' | 'DOT' | 'PLUS' | 'T' | 'Z';

const SYMBOLS: Record<string, Token> = { '-': 'DASH', ':': 'COLON', '.': 'DOT', '+': 'PLUS', T: 'T', Z: 'Z' };

/** btubbs/datetime's scanner and its one-token push-back. A NUL rune reads as the end, as Go's `eof` is rune 0. */
class DatetimeTokens {
  private readonly chars: string[];
  private pos = 0;
  private last: [Token, string] = ['EOF', ''];
  private buffered = false;

  constructor(input: string) {
    this.chars = [...input];
  }

  scan(): [Token, string] {
    if (this.buffered) {
      this.buffered = false;
      return this.last;
    }
    this.last = this.read();
    return this.last;
  }

  unscan(): void {
    this.buffered = true;
  }

  private read(): [Token, string] {
    const ch = this.chars[this.pos++] ?? '\0';
    if (ch >= '0' && ch <= '9') {
      let lit = ch;
      while (this.pos < this.chars.length && /[0-9]/.test(this.chars[this.pos])) lit += this.chars[this.pos++];
      // The character that ends a number is put back, unless it was the NUL/end.
      if (this.chars[this.pos] === '\0') this.pos++;
      return ['NUMBER', lit];
    }
    if (ch === '\0') return ['EOF', ''];
    return [SYMBOLS[ch] ?? 'ILLEGAL', ch];
  }
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** strconv.Atoi of digits: the value, or Go's range error. */
function atoi(lit: string): bigint | Error {
  const n = BigInt(lit);
  return n > 9223372036854775807n ? new Error(`strconv.Atoi: parsing ${goQuote(lit)}: value out of range`) : n;
}

/** The datetime package's parseInt, which panics where Atoi fails. */
function mustInt(lit: string): bigint {
  const n = atoi(lit);
  if (typeof n !== 'bigint') throw new Error(`panic: ${n.message}`);
  return n;
}

/** `%02d` of an integer. */
const d02 = (n: bigint): string => (n >= 0n && n < 10n ? `0${n}` : `${n}`);

/** btubbs/datetime.Parse: its error message, or undefined when `s` parses. Go's panics (huge numbers) throw. */
export function datetimeParse(s: string): string | undefined {
  const p = new DatetimeTokens(s);
  const fields = { year: 0n, month: 1n, day: 1n, hour: 0n, min: 0n, sec: 0n };
  return parseDate(p, fields) ?? parseRest(p, fields);
}

type Fields = { year: bigint; month: bigint; day: bigint; hour: bigint; min: bigint; sec: bigint };

/** parser.scanNumber: a NUMBER token as an int. */
function scanNumber(p: DatetimeTokens): bigint | Error {
  const [tok, lit] = p.scan();
  return tok === 'NUMBER' ? atoi(lit) : new Error(`found ${lit}, expected number`);
}

/** parser.parseDate: yyyy, yyyymm, yyyymmdd, yyyy-mm or yyyy-mm-dd. */
function parseDate(p: DatetimeTokens, f: Fields): string | undefined {
  const [tok, lit] = p.scan();
  if (tok !== 'NUMBER') return `found ${lit}, expected number`;
  if (lit.length === 6 || lit.length === 8) {
    [f.year, f.month] = [mustInt(lit.slice(0, 4)), mustInt(lit.slice(4, 6))];
    if (lit.length === 8) f.day = mustInt(lit.slice(6, 8));
    return undefined;
  }
  if (lit.length !== 4) return `found ${lit}, expected yyyy-mm-dd or yyyymmdd`;
  f.year = mustInt(lit);
  const [afterYear, afterYearLit] = p.scan();
  if (afterYear === 'T') p.unscan();
  if (afterYear === 'T' || afterYear === 'EOF') return undefined;
  if (afterYear !== 'DASH') return `found ${afterYearLit}, expected dash, T, or EOF`;
  const month = scanNumber(p);
  if (typeof month !== 'bigint') return month.message;
  f.month = month;
  // After the month a T is not put back (the package's own quirk).
  const [afterMonth, afterMonthLit] = p.scan();
  if (afterMonth === 'T' || afterMonth === 'EOF') return undefined;
  if (afterMonth !== 'DASH') return `found ${afterMonthLit}, expected dash, T, or EOF`;
  const day = scanNumber(p);
  if (typeof day !== 'bigint') return day.message;
  f.day = day;
  const [afterDay, afterDayLit] = p.scan();
  if (afterDay === 'T') p.unscan();
  return afterDay === 'T' || afterDay === 'EOF' ? undefined : `found ${afterDayLit}, expected T or EOF`;
}

/** parser.parse after the date: an optional time, an optional zone, the end; then buildTime's range checks. */
function parseRest(p: DatetimeTokens, f: Fields): string | undefined {
  const [tok] = p.scan();
  if (tok !== 'EOF') {
    const problem = (tok === 'T' ? parseTime(p, f) : undefined) ?? parseLocation(p);
    if (problem !== undefined) return problem;
    const [end, endLit] = p.scan();
    if (end !== 'EOF') return `expected EOF. got ${endLit}`;
  }
  return buildTimeError(f);
}

/** parser.parseTime: hh, hhmm or hhmmss, or hh:mm[:ss], then an optional .fraction. */
function parseTime(p: DatetimeTokens, f: Fields): string | undefined {
  const [tok, lit] = p.scan();
  if (tok !== 'NUMBER') return `expected number. got ${lit}`;
  if (![2, 4, 6].includes(lit.length)) return `expected time. got ${lit}`;
  f.hour = mustInt(lit.slice(0, 2));
  if (lit.length >= 4) f.min = mustInt(lit.slice(2, 4));
  if (lit.length === 6) f.sec = mustInt(lit.slice(4, 6));
  if (lit.length === 2) {
    const [next, nextLit] = p.scan();
    if (next === 'EOF') return undefined;
    if (next === 'DASH' || next === 'PLUS' || next === 'Z') {
      p.unscan();
      return undefined;
    }
    if (next !== 'COLON') return `expected colon, EOF, or timezone offset. got ${nextLit}`;
    const min = scanNumber(p);
    if (typeof min !== 'bigint') return min.message;
    f.min = min;
  }
  if (lit.length !== 6) {
    // Any token other than a colon here is dropped (the package's own quirk).
    const [next] = p.scan();
    if (next === 'EOF') return undefined;
    if (next === 'COLON') {
      const sec = scanNumber(p);
      if (typeof sec !== 'bigint') return sec.message;
      f.sec = sec;
    }
  }
  return parseFraction(p);
}

function parseFraction(p: DatetimeTokens): string | undefined {
  const [tok] = p.scan();
  if (tok === 'DOT') {
    const [digits, lit] = p.scan();
    if (digits !== 'NUMBER') return `expected fraction of seconds.  got ${lit}`;
    mustInt(lit);
  } else if (tok !== 'EOF') p.unscan();
  return undefined;
}

/** parser.parseLocation: nothing, Z, or ±hh, ±hhmm, ±hh:mm. */
function parseLocation(p: DatetimeTokens): string | undefined {
  const [tok, lit] = p.scan();
  if (tok === 'EOF' || tok === 'Z') return undefined;
  if (tok !== 'PLUS' && tok !== 'DASH') return `expected Z, timezone offset, or EOF. got ${lit}`;
  const [num, numLit] = p.scan();
  if (num !== 'NUMBER') return `expected number. got ${numLit}`;
  if (numLit.length !== 4 && numLit.length !== 2) return `expected ±hh:mm, ±hhmm, or ±hh timezone offset format. got ${numLit}`;
  const [sep, sepLit] = p.scan();
  if (sep === 'EOF') return undefined;
  if (sep !== 'COLON') return `expected colon or EOF. got ${sepLit}`;
  const [minutes, minutesLit] = p.scan();
  if (minutes !== 'NUMBER') return `expected number. got ${minutesLit}`;
  mustInt(minutesLit);
  return undefined;
}

/** buildTime's checks (February allows 29 whatever the year). */
function buildTimeError(f: Fields): string | undefined {
  if (f.month < 1n || f.month > 12n) return `${d02(f.month)} is not a valid month`;
  const maxDay = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][Number(f.month) - 1];
  if (f.day < 1n || f.day > BigInt(maxDay)) return `${d02(f.day)} is not a valid day in ${MONTHS[Number(f.month) - 1]}`;
  if (f.hour > 23n) return `${d02(f.hour)} is not a valid hour`;
  if (f.min > 59n) return `${d02(f.min)} is not a valid minute`;
  if (f.sec > 59n) return `${d02(f.sec)} is not a valid second`;
  return undefined;
}

/** validate.ISO8601Duration: the period error as it is. */
export const validateISO8601Duration: Check = (value, k) => {
  if (typeof value !== 'string') return [`expected type of ${k} to be string`];
  const error = periodParse(value);
  return error === undefined ? [] : [error];
};

/** validate.ISO8601DateTime. */
export const validateISO8601DateTime: Check = (value, k) => {
  if (typeof value !== 'string') return [`expected type of ${goQuote(k)} to be string`];
  const error = datetimeParse(value);
  return error === undefined ? [] : [`${goQuote(k)} has the invalid ISO8601 date format ${goQuote(value)}: ${error}`];
};

/** validate.ISO8601RepeatingTime: `R/<datetime>/<period>`, e.g. R/2021-05-23T02:30:00+00:00/P1W. */
export const validateISO8601RepeatingTime: Check = (value, k) => {
  if (typeof value !== 'string') return [`expected type of ${k} to be string`];
  if (!value.startsWith('R/')) return [`${k} must start with 'R/'`];
  const parts = value.slice(2);
  const p = parts.indexOf('/P');
  if (p === -1) return [`${k} must end with duration`];
  const dateError = datetimeParse(parts.slice(0, p));
  if (dateError !== undefined) return [`${goQuote(k)} has the invalid ISO8601 date format ${goQuote(value)}: ${dateError}`];
  const periodError = periodParse(parts.slice(p + 1));
  return periodError === undefined ? [] : [periodError];
};
