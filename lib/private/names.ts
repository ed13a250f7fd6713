// Rules for names and free text that several constructs share, each defined once.

// azurerm's resource group rule (resourcegroups.ValidateName; Go's \w is ASCII): 1-90 letters, digits, `_ - . ( )`,
// not ending in `.`. Azure itself also takes non-ASCII letters (`données`), but azurerm refuses them in every
// resource_group_name this library writes (the vault's and the data sources'), so the plan would fail: the rule here
// is azurerm's, and says ASCII.
const RESOURCE_GROUP_NAME = /^[-\w.()]{1,90}$/;

/** How the resource group rule reads in a message. */
export const RESOURCE_GROUP_NAME_RULE =
  '1-90 ASCII letters, digits, underscores, hyphens, periods or parentheses, not ending in a period';

/** True for a resource group name Azure accepts. */
export function isResourceGroupName(value: unknown): value is string {
  return typeof value === 'string' && RESOURCE_GROUP_NAME.test(value) && !value.endsWith('.');
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f-\x9f]/;

/** True when `value` holds a control character (a newline, a tab, ...). */
export function hasControlCharacter(value: string): boolean {
  return CONTROL.test(value);
}

/** True when `value` starts or ends with white space (Azure trims or refuses it; a reviewer cannot see it). */
export function hasEdgeWhiteSpace(value: string): boolean {
  return value !== value.trim();
}

/** data_protection_backup_policy_data_lake_storage_resource.go's name rule (FACTS.md section 2). */
export const POLICY_NAME = /^[a-zA-Z][-a-zA-Z0-9]{2,149}$/;

/** How the policy name rule reads in a message. */
export const POLICY_NAME_RULE = '3-150 letters, digits or hyphens, starting with a letter';
