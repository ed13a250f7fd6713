// Azure resource IDs of the shape azurerm parses: every segment checked, so that `..`, quotes or a newline in an
// ID can never become a provider alias, a subscription ID or part of a Terraform address.
import { isResourceGroupName, RESOURCE_GROUP_NAME_RULE } from './names';
import {
  ACTION_GROUP_NAME,
  ACTION_GROUP_NAME_RULE,
  GUID,
  LOG_ANALYTICS_WORKSPACE_NAME,
  LOG_ANALYTICS_WORKSPACE_NAME_RULE,
  STORAGE_ACCOUNT_NAME,
  STORAGE_ACCOUNT_NAME_RULE,
  VAULT_NAME,
  VAULT_NAME_RULE,
} from './rules';

/** What a resource type's ID must hold after `/providers/`: namespace, type and the rule for the name. */
export interface ResourceIdShape {
  /** e.g. `Microsoft.Storage`; compared exactly, as azurerm's case-sensitive parsers do. */
  readonly namespace: string;
  /** e.g. `storageAccounts`. */
  readonly type: string;
  readonly name: RegExp;
  /** How the name's rule reads in a message: "3-24 lowercase letters and digits". */
  readonly nameRule: string;
  /**
   * Compare `namespace` and `type` without regard to case. Only for IDs that azurerm reads with its generic parser
   * (`azure.ValidateResourceID`) and that Azure itself writes in another case (action groups: `microsoft.insights`).
   * @default false
   */
  readonly anyCase?: boolean;
}

/** The segments of a valid ID. */
export interface ParsedResourceId {
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  readonly name: string;
}

/** Which segment of an ID broke which rule, in words: "the subscription segment must be a GUID, got \"..\"". */
export interface ResourceIdProblem {
  readonly problem: string;
}

/** True for a GUID written as Azure writes object and subscription IDs: 8-4-4-4-12 hexadecimal digits. */
export function isGuid(value: unknown): value is string {
  return typeof value === 'string' && GUID.test(value);
}

// Azure's storage account name rule (storage/validate StorageAccountName in azurerm): 3-24 lowercase letters and digits.
export const STORAGE_ACCOUNT_ID_SHAPE: ResourceIdShape = {
  namespace: 'Microsoft.Storage',
  type: 'storageAccounts',
  name: STORAGE_ACCOUNT_NAME,
  nameRule: STORAGE_ACCOUNT_NAME_RULE,
};

/** data_protection_backup_vault_resource.go's name rule (FACTS.md section 4). */
export const BACKUP_VAULT_ID_SHAPE: ResourceIdShape = {
  namespace: 'Microsoft.DataProtection',
  type: 'backupVaults',
  name: VAULT_NAME,
  nameRule: VAULT_NAME_RULE,
};

/**
 * A Log Analytics workspace (its name rule is in ./rules). azurerm's diagnostic setting parses the ID with the
 * case-sensitive workspaces.ValidateWorkspaceID.
 */
export const LOG_ANALYTICS_WORKSPACE_ID_SHAPE: ResourceIdShape = {
  namespace: 'Microsoft.OperationalInsights',
  type: 'workspaces',
  name: LOG_ANALYTICS_WORKSPACE_NAME,
  nameRule: LOG_ANALYTICS_WORKSPACE_NAME_RULE,
};

/**
 * An action group (its name rule is in ./rules). azurerm checks `action.action_groups` with the generic
 * azure.ValidateResourceID, and Azure returns these IDs as `.../providers/microsoft.insights/actionGroups/...`: the
 * namespace and type are compared without case.
 */
export const ACTION_GROUP_ID_SHAPE: ResourceIdShape = {
  namespace: 'Microsoft.Insights',
  type: 'actionGroups',
  name: ACTION_GROUP_NAME,
  nameRule: ACTION_GROUP_NAME_RULE,
  anyCase: true,
};

/** Reads `/subscriptions/<guid>/resourceGroups/<rg>/providers/<namespace>/<type>/<name>`, every segment checked. */
export function parseResourceId(id: string, shape: ResourceIdShape): ParsedResourceId | ResourceIdProblem {
  const template = `/subscriptions/<GUID>/resourceGroups/<group>/providers/${shape.namespace}/${shape.type}/<name>`;
  if (typeof id !== 'string') return { problem: `must be a resource ID, ${template}` };
  const parts = id.split('/');
  if (parts.length !== 9 || parts[0] !== '') {
    return { problem: `must be a resource ID of 8 segments, ${template}` };
  }
  const [, subscriptions, subscriptionId, resourceGroups, resourceGroupName, providers, namespace, type, name] = parts;
  const fixed: [string, string, boolean][] = [
    [subscriptions, 'subscriptions', false],
    [resourceGroups, 'resourceGroups', false],
    [providers, 'providers', false],
    [namespace, shape.namespace, shape.anyCase === true],
    [type, shape.type, shape.anyCase === true],
  ];
  for (const [got, want, anyCase] of fixed) {
    const same = anyCase ? got.toLowerCase() === want.toLowerCase() : got === want;
    if (!same) return { problem: `must read ${template} (segment "${want}" cased as azurerm reads it), found "${cut(got)}"` };
  }
  if (!isGuid(subscriptionId)) return { problem: `must have a GUID as its subscription segment, found "${cut(subscriptionId)}"` };
  if (!isResourceGroupName(resourceGroupName)) {
    return { problem: `must have a resource group segment of ${RESOURCE_GROUP_NAME_RULE}, found "${cut(resourceGroupName)}"` };
  }
  if (!shape.name.test(name)) return { problem: `must end in a name of ${shape.nameRule}, found "${cut(name)}"` };
  return { subscriptionId, resourceGroupName, name };
}

/** Narrows a parse result to its problem. */
export function isResourceIdProblem(x: ParsedResourceId | ResourceIdProblem): x is ResourceIdProblem {
  return 'problem' in x;
}

// A segment is quoted inside a longer message: keep it short and on one line.
function cut(segment: string): string {
  const oneLine = JSON.stringify(segment).slice(1, -1);
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine;
}
