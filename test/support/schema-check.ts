/**
 * Holds a synthesized stack (`cdk.tf.json`) against a provider schema as Terraform would read it: every resource,
 * data source and provider block of the provider names a type the schema has, every argument exists and can be set,
 * required arguments and blocks are there, values have the schema's types, blocks their nesting and item limits.
 * Expressions (`${...}`) are accepted wherever a value goes: Terraform types them at plan.
 */
import { CtyType, ProviderSchema, SchemaBlock, SchemaBlockType } from '../../codegen/terraform-schema';

const RESOURCE_META = new Set(['depends_on', 'count', 'for_each', 'provider', 'lifecycle', 'provisioner', 'connection', '//']);
const DATA_META = new Set(['depends_on', 'count', 'for_each', 'provider', 'lifecycle', '//']);
const PROVIDER_META = new Set(['alias']);

type Json = Record<string, unknown>;

/** What a check looked at, so that a test can show it was not vacuous. */
export interface SchemaCheck {
  readonly violations: string[];
  /** `resource.<type>`, `data.<type>` and `provider.<name>` blocks checked, with how many of each. */
  readonly checked: Record<string, number>;
}

/** Every violation of `provider`'s schema (`azurerm`, `time`) in `stack`. */
export function checkAgainstSchema(stack: Json, provider: string, schema: ProviderSchema): SchemaCheck {
  const violations: string[] = [];
  const checked: Record<string, number> = {};
  const count = (key: string) => (checked[key] = (checked[key] ?? 0) + 1);
  const version = `${provider} ${schema.version}`;
  const ours = (type: string) => type === provider || type.startsWith(`${provider}_`);

  for (const [kind, types, meta] of [
    ['resource', schema.resources, RESOURCE_META],
    ['data', schema.dataSources, DATA_META],
  ] as const) {
    for (const [type, elements] of Object.entries((stack[kind] ?? {}) as Record<string, Record<string, Json>>)) {
      if (!ours(type)) continue;
      const block = types[type];
      for (const [name, body] of Object.entries(elements)) {
        const where = `${kind === 'data' ? 'data.' : ''}${type}.${name}`;
        count(`${kind}.${type}`);
        if (!block) violations.push(`${where}: ${version} has no ${kind === 'data' ? 'data source' : 'resource'} ${type}`);
        else checkBody(body, block, where, meta, version, violations);
      }
    }
  }
  for (const [name, configs] of Object.entries((stack.provider ?? {}) as Record<string, Json[]>)) {
    if (name !== provider) continue;
    configs.forEach((config, i) => {
      count(`provider.${name}`);
      checkBody(config, schema.provider, `provider.${name}[${i}]`, PROVIDER_META, version, violations);
    });
  }
  return { violations, checked };
}

function checkBody(
  body: Json,
  block: SchemaBlock,
  where: string,
  meta: ReadonlySet<string>,
  version: string,
  out: string[],
): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    out.push(`${where}: must be an object, got ${JSON.stringify(body)}`);
    return;
  }
  for (const [key, value] of Object.entries(body)) {
    if (meta.has(key) || value === undefined || value === null) continue;
    const attribute = block.attributes?.[key];
    const nested = block.block_types?.[key];
    if (attribute) {
      if (!attribute.required && !attribute.optional) out.push(`${where}.${key}: computed by ${version}, cannot be set`);
      else checkValue(value, attribute.type, `${where}.${key}`, out);
    } else if (nested) {
      checkBlock(value, nested, `${where}.${key}`, version, out);
    } else if (key === 'dynamic') {
      for (const name of Object.keys(value as Json)) {
        if (!block.block_types?.[name]) out.push(`${where}.dynamic.${name}: ${version} has no block ${name} here`);
      }
    } else {
      out.push(`${where}.${key}: ${version} has no argument ${key} here`);
    }
  }
  for (const [key, attribute] of Object.entries(block.attributes ?? {})) {
    if (attribute.required && body[key] === undefined) out.push(`${where}: ${version} requires ${key}`);
  }
  for (const [key, nested] of Object.entries(block.block_types ?? {})) {
    const given = body[key] ?? (body.dynamic as Json | undefined)?.[key];
    if ((nested.min_items ?? 0) > 0 && given === undefined) out.push(`${where}: ${version} requires the ${key} block`);
  }
}

function isExpression(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}

function checkValue(value: unknown, type: CtyType, where: string, out: string[]): void {
  if (isExpression(value)) return;
  const got = JSON.stringify(value);
  if (typeof type === 'string') {
    const js = type === 'bool' ? 'boolean' : type;
    if (type !== 'dynamic' && typeof value !== js) out.push(`${where}: must be a ${type}, got ${got}`);
    return;
  }
  const [kind, element] = type;
  if (kind === 'list' || kind === 'set') {
    if (!Array.isArray(value)) out.push(`${where}: must be a ${kind}, got ${got}`);
    else value.forEach((v, i) => checkValue(v, element as CtyType, `${where}[${i}]`, out));
  } else if (kind === 'map') {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) out.push(`${where}: must be a map, got ${got}`);
    else for (const [k, v] of Object.entries(value)) checkValue(v, element as CtyType, `${where}.${k}`, out);
  } else if (kind === 'object') {
    if (typeof value !== 'object' || value === null) out.push(`${where}: must be an object, got ${got}`);
  }
}

function checkBlock(value: unknown, nested: SchemaBlockType, where: string, version: string, out: string[]): void {
  if (isExpression(value)) {
    out.push(`${where}: a block cannot be an expression (use a dynamic block), got ${JSON.stringify(value)}`);
    return;
  }
  if (nested.nesting_mode === 'single') {
    if (Array.isArray(value)) out.push(`${where}: a single block must be one object, got a list`);
    else checkBody(value as Json, nested.block, where, new Set(), version, out);
    return;
  }
  // Terraform's JSON syntax reads one object as one block of a list or set.
  const items = Array.isArray(value) ? value : [value];
  const min = nested.min_items ?? 0;
  const max = nested.max_items;
  if (items.length < min || (max !== undefined && items.length > max)) {
    out.push(`${where}: ${version} takes ${min} to ${max ?? 'any number of'} blocks, got ${items.length}`);
  }
  items.forEach((item, i) => checkBody(item as Json, nested.block, `${where}[${i}]`, new Set(), version, out));
}
