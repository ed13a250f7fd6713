// Rules for names and free text that several constructs share, each defined once.

import { RESOURCE_GROUP_NAME } from './rules';

// The rules themselves (patterns, limits and their words) are in ./rules; these are the checks built on them.
export { RESOURCE_GROUP_NAME_RULE } from './rules';

/** True for a resource group name Azure accepts. */
export function isResourceGroupName(value: unknown): value is string {
  return typeof value === 'string' && RESOURCE_GROUP_NAME.test(value);
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
