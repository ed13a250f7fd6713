import { AUTHORIZATION_RULES, billingValidateEnrollmentID } from '../stand-in/rules/authorization';
import type { Value } from '../stand-in/rules/rule';
import { validateConfig } from '../stand-in/validate';
import { admits } from '../stand-in/versions';
import { argumentRule, checkRows, pathsExist } from './harness';

const FILE = 'internal/services/authorization/role_assignment_resource.go';
const ASSIGNMENT = AUTHORIZATION_RULES.find((r) => r.type === 'azurerm_role_assignment')!;

// ---- azurerm_role_assignment

describe(FILE, () => {
  // validation.Any: every alternative's messages, in order, when none passes.
  const SCOPE_WITHOUT_SLASH = [
    'invalid value for scope (Root scope (/) is invalid)',
    'invalid value for scope (Subscription scope is invalid)',
    'invalid value for scope (Capacity scope is invalid)',
    'invalid value for scope (BillingBenefits scope is invalid)',
    'cannot parse Azure ID: parse "subscription": invalid URI for request',
    expect.stringContaining('parsing "subscription": parsing the ManagementGroup ID'),
    expect.stringContaining('parsing "subscription": parsing the Subscription ID'),
    expect.stringContaining('parsing "subscription": parsing the ResourceGroup ID'),
    'cannot parse "scope" as a resource id: cannot parse Azure ID: parse "subscription": invalid URI for request',
  ];

  checkRows(ASSIGNMENT, [
    {
      path: 'name',
      ok: '00000000-0000-0000-0000-000000000001',
      bad: 'not-a-uuid',
      messages: ['expected "name" to be a valid UUID, got not-a-uuid'],
    },
    {
      path: 'scope',
      ok: '/subscriptions/00000000-0000-0000-0000-000000000000',
      bad: 'subscription',
      messages: SCOPE_WITHOUT_SLASH,
    },
    {
      path: 'role_definition_name',
      ok: 'Reader',
      bad: '',
      messages: ['expected "role_definition_name" to not be an empty string, got '],
    },
    {
      path: 'principal_type',
      ok: 'ServicePrincipal',
      bad: 'Robot',
      messages: ['expected principal_type to be one of ["User" "Group" "ServicePrincipal"], got Robot'],
    },
    {
      path: 'delegated_managed_identity_resource_id',
      ok: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id',
      bad: '/subscriptions',
      messages: [
        'cannot parse "delegated_managed_identity_resource_id" as a resource id: the number of path segments is not divisible by 2 in "subscriptions"',
      ],
    },
    {
      path: 'description',
      ok: 'Backup reads the account',
      bad: '',
      messages: ['expected "description" to not be an empty string, got '],
    },
    { path: 'condition', ok: "@Resource[x] == 'y'", bad: '', messages: ['expected "condition" to not be an empty string, got '] },
    {
      path: 'condition_version',
      ok: '2.0',
      bad: '3.0',
      messages: ['expected condition_version to be one of ["1.0" "2.0"], got 3.0'],
    },
  ]);

  test(`${FILE}: scope validation.Any passes any string with a slash (its first alternative)`, () => {
    const scope = argumentRule(ASSIGNMENT, 'scope');
    expect(scope.check('/', 'scope')).toEqual([]);
    expect(scope.check('a/b', 'scope')).toEqual([]);
  });

  test(`${FILE}: scope's billingValidate.EnrollmentID (internal/services/billing/parse.EnrollmentID)`, () => {
    expect(billingValidateEnrollmentID('/providers/Microsoft.Billing/enrollmentAccounts/123', 'scope')).toEqual([]);
    expect(billingValidateEnrollmentID('/providers/Microsoft.Billing/billingAccounts/123', 'scope')).toEqual([
      'the ID was missing the `enrollmentAccounts` element',
    ]);
    expect(billingValidateEnrollmentID('/providers/Microsoft.Billing/enrollmentAccounts/1/b/2/a/3', 'scope')).toEqual([
      'the ID contained more segments than required: "/providers/Microsoft.Billing/enrollmentAccounts/1/b/2/a/3", map[a:3 b:2]',
    ]);
    expect(billingValidateEnrollmentID('/providers/x/y', 'scope')).toEqual([
      'the number of path segments is not divisible by 2 in "providers/x/y"',
    ]);
  });

  test(`${FILE}: role_definition_id and role_definition_name ExactlyOneOf, reported by each`, () => {
    const messages = (config: { [key: string]: Value }) => validateConfig(ASSIGNMENT, config, '4.79.0').map((p) => p.summary);
    expect(messages({ role_definition_name: 'Reader', role_definition_id: null })).toEqual([]);
    expect(messages({ role_definition_name: null, role_definition_id: '/providers/x' })).toEqual([]);
    const neither = messages({ role_definition_name: null, role_definition_id: null });
    expect(neither).toHaveLength(2);
    expect(neither[0]).toBe('"role_definition_id": one of `role_definition_id,role_definition_name` must be specified');
    const both = messages({ role_definition_name: 'Reader', role_definition_id: '/providers/x' });
    expect(both[0]).toBe(
      '"role_definition_id": only one of `role_definition_id,role_definition_name` can be specified, but `role_definition_id,role_definition_name` were specified.',
    );
  });

  test(`${FILE}: ForceNew, with description, condition and condition_version updatable from v5.2.0`, () => {
    const forceNewAt = (version: string) =>
      (ASSIGNMENT.forceNew ?? []).filter((f) => f.versions === undefined || admits(f.versions, version)).map((f) => f.path);
    const always = ['name', 'scope', 'role_definition_id', 'role_definition_name', 'principal_id', 'principal_type'];
    expect(forceNewAt('5.2.0').sort()).toEqual([...always, 'delegated_managed_identity_resource_id'].sort());
    expect(forceNewAt('5.1.0').sort()).toEqual(
      [...always, 'delegated_managed_identity_resource_id', 'description', 'condition', 'condition_version'].sort(),
    );
  });

  test('every source names the file', () => {
    for (const entry of [...ASSIGNMENT.arguments, ...(ASSIGNMENT.cross ?? []), ...(ASSIGNMENT.forceNew ?? [])]) {
      expect(entry.source.startsWith(`${FILE}: `)).toBe(true);
    }
  });

  pathsExist(AUTHORIZATION_RULES);
});
