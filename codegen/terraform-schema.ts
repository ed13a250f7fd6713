/**
 * The provider schemas the bindings are generated from, in the shape of `terraform providers schema -json`, and
 * where they live (`codegen/schema/`, copied from the real provider output; see codegen/README.md).
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

/** A cty type as Terraform's JSON schema writes it: `"string"`, `["list", "string"]`, `["object", {...}]`. */
export type CtyType = string | [string, CtyType] | ['object', Record<string, CtyType>];

export interface SchemaAttribute {
  readonly type: CtyType;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  readonly deprecated?: boolean;
}

export interface SchemaBlockType {
  readonly nesting_mode: 'single' | 'list' | 'set' | 'map' | 'group';
  readonly block: SchemaBlock;
  readonly min_items?: number;
  readonly max_items?: number;
}

export interface SchemaBlock {
  readonly attributes?: Readonly<Record<string, SchemaAttribute>>;
  readonly block_types?: Readonly<Record<string, SchemaBlockType>>;
}

/** One provider at one version: its provider block, resources and data sources. */
export interface ProviderSchema {
  /** The file it was read from, for headers and messages. */
  readonly file: string;
  readonly version: string;
  readonly provider: SchemaBlock;
  readonly resources: Readonly<Record<string, SchemaBlock>>;
  readonly dataSources: Readonly<Record<string, SchemaBlock>>;
}

// Beside this file when run from source (the tests), two levels up when compiled to dist/codegen (npm run generate).
const SCHEMA_DIR = existsSync(join(__dirname, 'schema'))
  ? join(__dirname, 'schema')
  : join(__dirname, '..', '..', 'codegen', 'schema');

/** The azurerm versions the bindings must be valid in; the files' `version` fields must agree. */
const AZURERM_SCHEMA_FILES = ['azurerm-4.68.0.json', 'azurerm-4.79.0.json', 'azurerm-5.x-derived.json'] as const;
const AZURERM_PROVIDER_FILE = 'azurerm-provider.json';
const TIME_SCHEMA_FILE = 'time-0.13.1.json';

interface SchemaFile {
  readonly version: string;
  readonly provider?: { readonly block: SchemaBlock };
  readonly resource_schemas: Record<string, { readonly block: SchemaBlock }>;
  readonly data_source_schemas: Record<string, { readonly block: SchemaBlock }>;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')) as T;
}

function blocksOf(entries: Record<string, { readonly block: SchemaBlock }>): Record<string, SchemaBlock> {
  return Object.fromEntries(Object.entries(entries).map(([type, entry]) => [type, entry.block]));
}

/**
 * The three azurerm schemas. The resource files hold no provider block (`terraform providers schema -json` output
 * as committed upstream has an outdated one), so each gets the block read from the provider's source at its tag.
 */
export function loadAzurermSchemas(): ProviderSchema[] {
  const providers = readJson<{ versions: Record<string, { provider: { block: SchemaBlock } }> }>(AZURERM_PROVIDER_FILE);
  return AZURERM_SCHEMA_FILES.map((file) => {
    const schema = readJson<SchemaFile>(file);
    const provider = providers.versions[schema.version];
    if (!provider) throw new Error(`${AZURERM_PROVIDER_FILE} has no provider block for azurerm ${schema.version} (${file})`);
    return {
      file,
      version: schema.version,
      provider: provider.provider.block,
      resources: blocksOf(schema.resource_schemas),
      dataSources: blocksOf(schema.data_source_schemas),
    };
  });
}

/** hashicorp/time 0.13.1, for `time_sleep`. */
export function loadTimeSchema(): ProviderSchema {
  const schema = readJson<SchemaFile>(TIME_SCHEMA_FILE);
  return {
    file: TIME_SCHEMA_FILE,
    version: schema.version,
    provider: schema.provider?.block ?? {},
    resources: blocksOf(schema.resource_schemas),
    dataSources: blocksOf(schema.data_source_schemas),
  };
}
