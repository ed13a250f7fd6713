// What apply makes up: Azure resource IDs in the real formats (so references, parsers and the review read them as
// they would read real ones), and stable stand-ins for other computed values. Everything is derived from the
// configuration, so applying the same configuration twice gives the same state.
import { createHash } from 'crypto';
import type { Value } from './rules/rule';
import type { ObjectValue } from './values';

/** A UUID derived from `seed`: stable across runs, distinct per seed. */
export function stableUuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function text(config: ObjectValue, name: string): string {
  const value = config[name];
  return typeof value === 'string' ? value : `unknown-${name}`;
}

type IdTemplate = (config: ObjectValue, subscription: string) => string;

const group = (c: ObjectValue, s: string) => `/subscriptions/${s}/resourceGroups/${text(c, 'resource_group_name')}`;

/** The `id` each resource type gets on create, in the format the provider's ID parser reads. */
const ID_TEMPLATES: Record<string, IdTemplate> = {
  azurerm_resource_group: (c, s) => `/subscriptions/${s}/resourceGroups/${text(c, 'name')}`,
  azurerm_data_protection_backup_vault: (c, s) =>
    `${group(c, s)}/providers/Microsoft.DataProtection/backupVaults/${text(c, 'name')}`,
  azurerm_data_protection_resource_guard: (c, s) =>
    `${group(c, s)}/providers/Microsoft.DataProtection/resourceGuards/${text(c, 'name')}`,
  azurerm_data_protection_backup_policy_data_lake_storage: (c) =>
    `${text(c, 'data_protection_backup_vault_id')}/backupPolicies/${text(c, 'name')}`,
  azurerm_data_protection_backup_instance_data_lake_storage: (c) =>
    `${text(c, 'data_protection_backup_vault_id')}/backupInstances/${text(c, 'name')}`,
  azurerm_data_protection_backup_policy_blob_storage: (c) => `${text(c, 'vault_id')}/backupPolicies/${text(c, 'name')}`,
  azurerm_data_protection_backup_instance_blob_storage: (c) => `${text(c, 'vault_id')}/backupInstances/${text(c, 'name')}`,
  azurerm_role_assignment: (c) =>
    `${text(c, 'scope')}/providers/Microsoft.Authorization/roleAssignments/${
      typeof c.name === 'string'
        ? c.name
        : stableUuid(JSON.stringify([c.scope, c.role_definition_name, c.role_definition_id, c.principal_id]))
    }`,
  azurerm_management_lock: (c) => `${text(c, 'scope')}/providers/Microsoft.Authorization/locks/${text(c, 'name')}`,
  azurerm_storage_account: (c, s) => `${group(c, s)}/providers/Microsoft.Storage/storageAccounts/${text(c, 'name')}`,
  azurerm_storage_container: (c) =>
    typeof c.storage_account_id === 'string'
      ? `${c.storage_account_id}/blobServices/default/containers/${text(c, 'name')}`
      : `https://${text(c, 'storage_account_name')}.blob.core.windows.net/${text(c, 'name')}`,
  azurerm_log_analytics_workspace: (c, s) =>
    `${group(c, s)}/providers/Microsoft.OperationalInsights/workspaces/${text(c, 'name')}`,
  azurerm_monitor_action_group: (c, s) => `${group(c, s)}/providers/Microsoft.Insights/actionGroups/${text(c, 'name')}`,
  azurerm_monitor_diagnostic_setting: (c) => `${text(c, 'target_resource_id')}|${text(c, 'name')}`,
  azurerm_monitor_scheduled_query_rules_alert_v2: (c, s) =>
    `${group(c, s)}/providers/Microsoft.Insights/scheduledQueryRules/${text(c, 'name')}`,
  // The time provider's IDs are the RFC 3339 time the resource was created: a fixed one keeps plans stable.
  time_sleep: () => '2026-01-01T00:00:00Z',
};

export function resourceId(type: string, config: ObjectValue, subscription: string): string {
  const template = ID_TEMPLATES[type];
  if (!template) throw new Error(`the stand-in has no ID format for ${type}; add one to ids.ts`);
  return template(config, subscription);
}

// Computed attributes that hold a GUID in Azure's responses.
const GUID_ATTRIBUTES = /(^|_)(principal_id|tenant_id|object_id|client_id|workspace_id|subscription_id|application_id)$/;

/** A known value of `type` for a computed attribute the plan left unknown, stable for the same seed. */
export function computedValue(name: string, type: unknown, seed: string): Value {
  if (type === 'string')
    return GUID_ATTRIBUTES.test(name) ? stableUuid(`${seed}/${name}`) : `stand-in-${stableUuid(seed + name).slice(0, 8)}`;
  if (type === 'number') return 0;
  if (type === 'bool') return false;
  if (Array.isArray(type) && (type[0] === 'list' || type[0] === 'set')) return [];
  if (Array.isArray(type) && type[0] === 'map') return {};
  return null;
}
