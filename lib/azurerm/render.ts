import * as cdktf from 'cdktf';
import { ArgumentSchema, BlockArgument, ValueArgument, ValueKind } from './argument-schema';

/** Configured values, keyed by their TypeScript (camelCase) names. */
export type ConfiguredValues = Readonly<Record<string, unknown>>;

type HclAttribute = { value: unknown; isBlock: boolean; type: string; storageClassType: string };

const ELEMENT: Record<ValueKind, { readonly collection: 'simple' | 'list' | 'set' | 'map'; readonly storage: string }> = {
  string: { collection: 'simple', storage: 'string' },
  number: { collection: 'simple', storage: 'number' },
  bool: { collection: 'simple', storage: 'boolean' },
  stringList: { collection: 'list', storage: 'stringList' },
  stringSet: { collection: 'set', storage: 'stringList' },
  numberList: { collection: 'list', storage: 'numberList' },
  numberSet: { collection: 'set', storage: 'numberList' },
  stringMap: { collection: 'map', storage: 'stringMap' },
  numberMap: { collection: 'map', storage: 'numberMap' },
  boolMap: { collection: 'map', storage: 'booleanMap' },
};

// cdktf's element mappers for primitives pass values through; lists and maps are mapped so that tokens and
// dynamic expressions inside them are kept as cdktf expects.
function renderValue(kind: ValueKind, value: unknown, hcl: boolean): unknown {
  switch (ELEMENT[kind].collection) {
    case 'simple':
      return value;
    case 'list':
    case 'set':
      return (hcl ? cdktf.listMapperHcl : cdktf.listMapper)((v: unknown) => v, false)(value);
    case 'map':
      return (hcl ? cdktf.hashMapperHcl : cdktf.hashMapper)((v: unknown) => v)(value);
  }
}

/** The argument values of a block as they stand in `cdk.tf.json`; arguments left unset are left out. */
export function renderJson(schema: ArgumentSchema, values: ConfiguredValues | undefined): Record<string, unknown> {
  if (!inspectable(values)) return values as never;
  const out: Record<string, unknown> = {};
  for (const [name, arg] of Object.entries(schema)) {
    const value = values[arg.name];
    if (value === undefined) continue;
    out[name] = arg.kind === 'block' ? renderBlockJson(arg, value) : renderValue(arg.kind, value, false);
  }
  return out;
}

function renderBlockJson(arg: BlockArgument, value: unknown): unknown {
  if (arg.single) return renderJson(arg.fields, value as ConfiguredValues);
  return cdktf.listMapper((v: ConfiguredValues) => renderJson(arg.fields, v), true)(value);
}

/** The argument values of a block as cdktf's HCL output describes them. */
export function renderHcl(schema: ArgumentSchema, values: ConfiguredValues | undefined): Record<string, HclAttribute> {
  if (!inspectable(values)) return values as never;
  const out: Record<string, HclAttribute> = {};
  for (const [name, arg] of Object.entries(schema)) {
    const value = values[arg.name];
    if (value === undefined) continue;
    out[name] = arg.kind === 'block' ? hclBlock(arg, value) : hclValue(arg, value);
  }
  return out;
}

function hclValue(arg: ValueArgument, value: unknown): HclAttribute {
  const element = ELEMENT[arg.kind];
  return {
    value: renderValue(arg.kind, value, true),
    isBlock: false,
    type: element.collection,
    storageClassType: element.storage,
  };
}

function hclBlock(arg: BlockArgument, value: unknown): HclAttribute {
  const rendered = arg.single
    ? renderHcl(arg.fields, value as ConfiguredValues)
    : cdktf.listMapperHcl((v: ConfiguredValues) => renderHcl(arg.fields, v), true)(value);
  // cdktf's generated bindings call a nesting-mode-single block a struct, a list of at most one a list.
  const type = arg.nesting === 'single' ? 'struct' : arg.nesting;
  return {
    value: rendered,
    isBlock: true,
    type,
    storageClassType: arg.nesting === 'single' ? arg.className : `${arg.className}List`,
  };
}

/**
 * Tokens and unresolvable values are passed through for cdktf to resolve. An output reference (what a binding's
 * block getter returns) is not configuration: cdktf refuses it the same way.
 */
function inspectable(values: ConfiguredValues | undefined): values is ConfiguredValues {
  if (values === undefined || !cdktf.canInspect(values) || cdktf.Tokenization.isResolvable(values)) return false;
  if (cdktf.isComplexElement(values)) {
    throw new Error(
      'A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration',
    );
  }
  return true;
}
