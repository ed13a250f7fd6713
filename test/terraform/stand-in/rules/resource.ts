// The azurerm provider's plan-time rules for resource groups, management locks and the account data sources,
// read at v4.68.0, v4.79.0 and v5.2.0 (no differences in these rules):
// internal/services/resource/{resource_group_resource,management_lock_resource,resource_group_data_source}.go.
//
// azurerm_client_config (internal/services/authorization/client_config_data_source.go) has only computed
// attributes, and azurerm_subscription (internal/services/subscription/subscription_data_source.go) one optional
// subscription_id without a ValidateFunc: the provider checks nothing of theirs, so they have no rules here.
import { locationEnhancedValidate, resourceGroupValidateName, tagsValidate } from './azure';
import type { Check, TypeRules } from './rule';
import { stringInSlice, stringIsNotEmpty, stringLenBetween } from './validation';

const DIR = 'internal/services/resource';
const GROUP = `${DIR}/resource_group_resource.go`;
const LOCK = `${DIR}/management_lock_resource.go`;
const GROUP_DATA = `${DIR}/resource_group_data_source.go`;

/**
 * validate/management_lock_name.go ManagementLockName. The pattern is not anchored, so one alphanumeric, dash or
 * underscore anywhere passes it; both checks run.
 */
export const managementLockName: Check = (value, key) => {
  const name = String(value);
  const errors: string[] = [];
  if (!/[-A-Za-z0-9_]/.test(name)) errors.push(`${key} can only consist of alphanumeric characters, dashes and underscores`);
  if (Buffer.byteLength(name, 'utf8') >= 260) errors.push(`${key} can only be a maximum of 260 characters`);
  return errors;
};

export const RESOURCE_RULES: readonly TypeRules[] = [
  {
    type: 'azurerm_resource_group',
    kind: 'resource',
    arguments: [
      {
        path: 'name',
        check: resourceGroupValidateName,
        source: `${GROUP}: name commonschema.ResourceGroupName() (resourcegroups.ValidateName)`,
      },
      {
        path: 'location',
        check: locationEnhancedValidate,
        source: `${GROUP}: location commonschema.Location() (location.EnhancedValidate)`,
      },
      { path: 'tags', check: tagsValidate, source: `${GROUP}: tags commonschema.Tags() (tags.Validate)` },
      { path: 'managed_by', check: stringIsNotEmpty, source: `${GROUP}: managed_by ValidateFunc validation.StringIsNotEmpty` },
    ],
    forceNew: [
      { path: 'name', source: `${GROUP}: name commonschema.ResourceGroupName() ForceNew` },
      { path: 'location', source: `${GROUP}: location commonschema.Location() ForceNew` },
    ],
  },
  {
    type: 'azurerm_management_lock',
    kind: 'resource',
    arguments: [
      { path: 'name', check: managementLockName, source: `${LOCK}: name ValidateFunc validate.ManagementLockName` },
      {
        path: 'lock_level',
        check: stringInSlice(['CanNotDelete', 'ReadOnly'], false),
        source: `${LOCK}: lock_level ValidateFunc validation.StringInSlice`,
      },
      {
        path: 'notes',
        check: stringLenBetween(0, 512),
        source: `${LOCK}: notes ValidateFunc validation.StringLenBetween(0, 512)`,
      },
    ],
    // No Update: every argument replaces the lock.
    forceNew: ['name', 'scope', 'lock_level', 'notes'].map((path) => ({ path, source: `${LOCK}: ${path} ForceNew` })),
  },
  {
    type: 'azurerm_resource_group',
    kind: 'data',
    arguments: [
      {
        path: 'name',
        check: resourceGroupValidateName,
        source: `${GROUP_DATA}: name commonschema.ResourceGroupNameForDataSource() (resourcegroups.ValidateName)`,
      },
    ],
  },
];
