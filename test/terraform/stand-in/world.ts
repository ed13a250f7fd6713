// What exists in the stand-in's Azure: the test describes it in a JSON file (the path in STAND_IN_WORLD), and data
// sources and imports read it. A data source that matches nothing fails as the real one does when Azure answers
// 404, so a stack that reads an account the test did not create cannot plan.
import { readFileSync } from 'fs';
import type { SchemaBlock } from '../../../codegen/terraform-schema';
import { stableUuid } from './ids';
import type { Value } from './rules/rule';
import type { ObjectValue } from './values';

/** One thing a data source can find: its attributes where the configuration matches `where`. */
export interface WorldEntry {
  /** Configuration values that select it (compared case-insensitively, as Azure compares names). */
  readonly where: { readonly [argument: string]: string };
  /** The subscription it is in; the provider configuration's `subscription_id` must be this one to see it. */
  readonly subscription?: string;
  /** The attributes the data source returns, `id` included; the configuration's own values are kept. */
  readonly values: ObjectValue;
}

export interface World {
  /** Per data source type, what it can find. */
  readonly data?: { readonly [type: string]: readonly WorldEntry[] };
  /** Existing resources by their ID, for `terraform import` and `import` blocks: their attributes. */
  readonly resources?: { readonly [id: string]: { readonly type: string; readonly values: ObjectValue } };
  /** The identity the pipeline runs as (azurerm_client_config). */
  readonly tenantId?: string;
  readonly clientId?: string;
  readonly objectId?: string;
}

export function loadWorld(): World {
  const file = process.env.STAND_IN_WORLD;
  return file ? (JSON.parse(readFileSync(file, 'utf8')) as World) : {};
}

/**
 * The provider's wording when Azure answers 404: the data source's `fmt.Errorf("%s was not found", id)`, where the ID
 * type's String() lists its segments (storage_account_data_source.go, resource_group_data_source.go,
 * data_protection_backup_vault_data_source.go).
 */
const NOT_FOUND: Record<string, (config: ObjectValue, subscription: string) => string> = {
  azurerm_storage_account: (c, s) =>
    `Storage Account (Subscription: ${quote(s)}\nResource Group Name: ${quote(c.resource_group_name)}\nStorage Account Name: ${quote(c.name)}) was not found`,
  azurerm_resource_group: (c, s) =>
    `Resource Group (Subscription: ${quote(s)}\nResource Group Name: ${quote(c.name)}) was not found`,
  azurerm_data_protection_backup_vault: (c, s) =>
    `Backup Vault (Subscription: ${quote(s)}\nResource Group Name: ${quote(c.resource_group_name)}\nBackup Vault Name: ${quote(c.name)}) was not found`,
};

function quote(value: Value | undefined): string {
  return JSON.stringify(typeof value === 'string' ? value : String(value));
}

export type ReadResult = { state: ObjectValue } | { error: string };

/** ReadDataSource: the matching entry, or the identity data sources the provider answers without a lookup. */
export function readDataSource(
  world: World,
  type: string,
  block: SchemaBlock,
  config: ObjectValue,
  subscription: string,
): ReadResult {
  const base = allNull(block, config);
  if (type === 'azurerm_client_config') {
    return {
      state: {
        ...base,
        id: stableUuid(`client-config/${subscription}`),
        subscription_id: subscription,
        tenant_id: world.tenantId ?? stableUuid('tenant'),
        client_id: world.clientId ?? stableUuid('client'),
        object_id: world.objectId ?? stableUuid('object'),
      },
    };
  }
  if (type === 'azurerm_subscription' && config.subscription_id === null) {
    return {
      state: {
        ...base,
        id: `/subscriptions/${subscription}`,
        subscription_id: subscription,
        display_name: 'stand-in',
        tenant_id: world.tenantId ?? stableUuid('tenant'),
        state: 'Enabled',
      },
    };
  }
  const entry = (world.data?.[type] ?? []).find((e) => matches(e, config, subscription));
  if (!entry) {
    const message =
      NOT_FOUND[type]?.(config, subscription) ?? `${type}: nothing in the stand-in's world matches ${JSON.stringify(config)}`;
    return { error: message };
  }
  return { state: { ...base, ...entry.values } };
}

function matches(entry: WorldEntry, config: ObjectValue, subscription: string): boolean {
  if (entry.subscription !== undefined && entry.subscription.toLowerCase() !== subscription.toLowerCase()) return false;
  return Object.entries(entry.where).every(
    ([name, expected]) => typeof config[name] === 'string' && (config[name] as string).toLowerCase() === expected.toLowerCase(),
  );
}

/** The configuration with every attribute the schema has and the configuration does not, as null. */
function allNull(block: SchemaBlock, config: ObjectValue): ObjectValue {
  const out: ObjectValue = {};
  for (const name of Object.keys(block.attributes ?? {})) out[name] = config[name] ?? null;
  for (const name of Object.keys(block.block_types ?? {})) out[name] = config[name] ?? null;
  return out;
}

/** ImportResourceState: the existing resource's attributes, or the provider's "does not exist" error. */
export function importResource(world: World, type: string, block: SchemaBlock, id: string): ReadResult {
  const found = Object.entries(world.resources ?? {}).find(([key]) => key.toLowerCase() === id.toLowerCase());
  if (!found || found[1].type !== type)
    return { error: `Cannot import non-existent remote object: ${type} with ID ${JSON.stringify(id)}` };
  return { state: { ...allNull(block, {}), ...found[1].values, id: found[0] } };
}
