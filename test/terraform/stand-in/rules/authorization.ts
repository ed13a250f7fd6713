// azurerm_role_assignment as internal/services/authorization/role_assignment_resource.go declares it at v4.68.0,
// v4.79.0 and v5.2.0. The only difference: v5.2.0 added an Update, so description, condition and condition_version
// no longer force a replacement.
//
// Left out: "`condition_version` should not be set without `condition`" is returned by Create, at apply.
import {
  azureValidateResourceID,
  commonidsValidateManagementGroupID,
  commonidsValidateResourceGroupID,
  commonidsValidateSubscriptionID,
} from './azure';
import { parseRequestURI } from './go-url';
import type { Check, CrossRule, TypeRules } from './rule';
import { any, goQuote, isUUID, stringInSlice, stringIsNotEmpty, stringMatch } from './validation';

const FILE = 'internal/services/authorization/role_assignment_resource.go';

/** Go's `%v` of a map[string]string: `map[k:v k2:v2]`, keys sorted. */
function goMapV(map: Map<string, string>): string {
  const keys = [...map.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return `map[${keys.map((k) => `${k}:${map.get(k)}`).join(' ')}]`;
}

/**
 * helpers/azure ParseAzureResourceIDWithoutSubscription: the path as key/value pairs (a later key overwrites an
 * earlier one), `providers` taken out. The remaining pairs, or Go's error message.
 */
function parseAzureResourceIDWithoutSubscription(id: string): Map<string, string> | string {
  const url = parseRequestURI(id);
  if ('error' in url) return `cannot parse Azure ID: ${url.error}`;
  const path = url.path.replace(/^\//, '').replace(/\/$/, '');
  const components = path.split('/');
  if (components.length % 2 !== 0) return `the number of path segments is not divisible by 2 in ${goQuote(path)}`;
  const pairs = new Map<string, string>();
  for (let i = 0; i < components.length; i += 2) {
    const [key, value] = [components[i], components[i + 1]];
    if (key === '' || value === '') return `key/value cannot be empty strings. Key: '${key}', Value: '${value}'`;
    pairs.set(key, value);
  }
  pairs.delete('providers');
  return pairs;
}

/**
 * internal/services/billing/validate EnrollmentID (parse.EnrollmentID): an `enrollmentAccounts` pair and nothing
 * else after `providers` is taken out.
 */
export const billingValidateEnrollmentID: Check = (value, key) => {
  if (typeof value !== 'string') return [`expected ${goQuote(key)} to be a string`];
  const pairs = parseAzureResourceIDWithoutSubscription(value);
  if (typeof pairs === 'string') return [pairs];
  if (!pairs.delete('enrollmentAccounts')) return ['the ID was missing the `enrollmentAccounts` element'];
  if (pairs.size > 0) return [`the ID contained more segments than required: ${goQuote(value)}, ${goMapV(pairs)}`];
  return [];
};

// validation.Any: the first alternative matches any string with a "/" in it, so only a scope without one fails,
// and then with every alternative's message, in order. RE2's `.` is spelled [^\n] (JavaScript's excludes more).
const scope: Check = any(
  stringMatch(/\//, 'Root scope (/) is invalid'),
  stringMatch(/\/providers\/Microsoft[^\n]Subscription[^\n]*/, 'Subscription scope is invalid'),
  stringMatch(/\/providers\/Microsoft[^\n]Capacity/, 'Capacity scope is invalid'),
  stringMatch(/\/providers\/Microsoft[^\n]BillingBenefits/, 'BillingBenefits scope is invalid'),
  billingValidateEnrollmentID,
  commonidsValidateManagementGroupID,
  commonidsValidateSubscriptionID,
  commonidsValidateResourceGroupID,
  azureValidateResourceID,
);

// ExactlyOneOf on both arguments, each naming both: the SDK reports it once per argument.
const exactlyOneRoleDefinition: CrossRule[] = [
  ['role_definition_id', 'role_definition_name'],
  ['role_definition_name', 'role_definition_id'],
].map(([self, other]) => ({ kind: 'exactlyOneOf', paths: [self, other], source: `${FILE}: ${self} ExactlyOneOf` }));

export const AUTHORIZATION_RULES: readonly TypeRules[] = [
  {
    type: 'azurerm_role_assignment',
    kind: 'resource',
    arguments: [
      { path: 'name', check: isUUID, source: `${FILE}: name ValidateFunc validation.IsUUID` },
      { path: 'scope', check: scope, source: `${FILE}: scope ValidateFunc validation.Any` },
      {
        path: 'role_definition_name',
        check: stringIsNotEmpty,
        source: `${FILE}: role_definition_name ValidateFunc validation.StringIsNotEmpty`,
      },
      {
        path: 'principal_type',
        check: stringInSlice(['User', 'Group', 'ServicePrincipal'], false),
        source: `${FILE}: principal_type ValidateFunc validation.StringInSlice`,
      },
      {
        path: 'delegated_managed_identity_resource_id',
        check: azureValidateResourceID,
        source: `${FILE}: delegated_managed_identity_resource_id ValidateFunc azure.ValidateResourceID`,
      },
      { path: 'description', check: stringIsNotEmpty, source: `${FILE}: description ValidateFunc validation.StringIsNotEmpty` },
      { path: 'condition', check: stringIsNotEmpty, source: `${FILE}: condition ValidateFunc validation.StringIsNotEmpty` },
      {
        path: 'condition_version',
        check: stringInSlice(['1.0', '2.0'], false),
        source: `${FILE}: condition_version ValidateFunc validation.StringInSlice`,
      },
    ],
    cross: exactlyOneRoleDefinition,
    forceNew: [
      ...[
        'name',
        'scope',
        'role_definition_id',
        'role_definition_name',
        'principal_id',
        'principal_type',
        'delegated_managed_identity_resource_id',
      ].map((path) => ({ path, source: `${FILE}: ${path} ForceNew` })),
      ...['description', 'condition', 'condition_version'].map((path) => ({
        path,
        source: `${FILE}: ${path} ForceNew (removed in v5.2.0 with resourceArmRoleAssignmentUpdate)`,
        versions: '< 5.2.0',
      })),
    ],
  },
];
