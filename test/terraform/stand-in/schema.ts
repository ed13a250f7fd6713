// Which schema the stand-in serves, and the schema in the protocol's form. The schemas are the project's copies
// of the real provider output (codegen/schema/), so Terraform checks the configuration exactly as against the
// real provider: argument names, types, required and optional, nesting and block counts.
import { loadAzurermSchemas, loadTimeSchema } from '../../../codegen/terraform-schema';
import type { ProviderSchema, SchemaBlock } from '../../../codegen/terraform-schema';

/** The provider versions the stand-in is served at, and the schema each one serves. */
export const SERVED_VERSIONS = {
  azurerm: { '4.68.0': '4.68.0', '4.79.0': '4.79.0', '5.2.0': '5.x' },
  time: { '0.13.1': '0.13.1' },
} as const;

export type ProviderName = keyof typeof SERVED_VERSIONS;

export function providerSchema(provider: ProviderName, version: string): ProviderSchema {
  const schemaVersion = (SERVED_VERSIONS[provider] as Record<string, string>)[version];
  if (!schemaVersion) throw new Error(`the stand-in has no ${provider} ${version}`);
  if (provider === 'time') return loadTimeSchema();
  const schema = loadAzurermSchemas().find((s) => s.version === schemaVersion);
  if (!schema) throw new Error(`no azurerm schema file for ${schemaVersion}`);
  return schema;
}

const NESTING = { single: 1, list: 2, set: 3, map: 4, group: 5 } as const;

/** A block as the protocol's `Schema.Block` message (proto-loader field names). */
export function protoBlock(block: SchemaBlock): object {
  return {
    version: 0,
    attributes: Object.entries(block.attributes ?? {}).map(([name, a]) => ({
      name,
      type: Buffer.from(JSON.stringify(a.type)),
      required: a.required ?? false,
      optional: a.optional ?? false,
      computed: a.computed ?? false,
      sensitive: a.sensitive ?? false,
      deprecated: a.deprecated ?? false,
    })),
    block_types: Object.entries(block.block_types ?? {}).map(([name, nested]) => ({
      type_name: name,
      block: protoBlock(nested.block),
      nesting: NESTING[nested.nesting_mode],
      min_items: nested.min_items ?? 0,
      max_items: nested.max_items ?? 0,
    })),
  };
}
