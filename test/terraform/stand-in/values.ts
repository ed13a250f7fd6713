// Terraform's values on the wire: msgpack, shaped by the schema (cty). Decoding needs no type (msgpack carries
// strings, numbers, arrays and maps); encoding does, because Terraform reads an object's attributes by name and
// expects every one of them, a block as the collection its nesting mode makes, and unknowns as extension 0.
import { decode, encode, ExtData } from '@msgpack/msgpack';
import type { CtyType, SchemaBlock } from '../../../codegen/terraform-schema';
import type { Unknown, Value } from './rules/rule';

export type ObjectValue = { [key: string]: Value };

/** The one unknown value: cty's refinements (extension 12) are dropped, which only makes the stand-in less precise. */
export const UNKNOWN: Unknown = Object.freeze({ unknown: true as const });

export function isUnknown(value: unknown): value is Unknown {
  return typeof value === 'object' && value !== null && (value as Partial<Unknown>).unknown === true;
}

/**
 * Whether no part of `value` is unknown. The plugin SDK validates only wholly known values (schemaMap.validate:
 * "if the value is unknown then we can't validate it yet"), so a map with one unknown element is not checked.
 */
export function isWhollyKnown(value: Value): boolean {
  if (isUnknown(value)) return false;
  if (Array.isArray(value)) return value.every(isWhollyKnown);
  if (value !== null && typeof value === 'object') return Object.values(value).every(isWhollyKnown);
  return true;
}

export function isObject(value: Value | undefined): value is ObjectValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isUnknown(value);
}

/** A msgpack DynamicValue as plain data, with UNKNOWN where Terraform sent an unknown. */
export function decodeValue(bytes: Uint8Array | undefined): Value {
  if (!bytes || bytes.length === 0) return null;
  return fromWire(decode(bytes));
}

function fromWire(raw: unknown): Value {
  if (raw === null || raw === undefined) return null;
  if (raw instanceof ExtData) return UNKNOWN; // an unknown, with or without refinements
  if (Array.isArray(raw)) return raw.map(fromWire);
  if (raw instanceof Uint8Array) throw new Error('the stand-in does not decode dynamically typed values');
  if (typeof raw === 'object') {
    return Object.fromEntries(Object.entries(raw as Record<string, unknown>).map(([k, v]) => [k, fromWire(v)]));
  }
  if (typeof raw === 'bigint') return Number(raw);
  return raw as Value;
}

/** The cty type of a block's value: an object of its attributes and nested blocks. */
export function blockType(block: SchemaBlock): CtyType {
  const attributes: Record<string, CtyType> = {};
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) attributes[name] = attribute.type;
  for (const [name, nested] of Object.entries(block.block_types ?? {})) {
    const element = blockType(nested.block);
    attributes[name] =
      nested.nesting_mode === 'single' || nested.nesting_mode === 'group'
        ? element
        : [nested.nesting_mode === 'map' ? 'map' : nested.nesting_mode, element];
  }
  return ['object', attributes];
}

/** `value` as msgpack bytes of type `type`. */
export function encodeValue(value: Value, type: CtyType): Uint8Array {
  return encode(toWire(value, type));
}

/** The JSON form Terraform keeps in state files, as a value: the same data, typed by the schema on encoding. */
export function fromStateJson(json: Uint8Array): Value {
  return JSON.parse(Buffer.from(json).toString('utf8')) as Value;
}

function toWire(value: Value | undefined, type: CtyType): unknown {
  if (value === null || value === undefined) return null;
  if (isUnknown(value)) return new ExtData(0, new Uint8Array());
  if (typeof type === 'string') return primitive(value, type);
  const [kind, element] = type;
  if (kind === 'object') {
    const attributes = element as Record<string, CtyType>;
    const object = expectObject(value, type);
    // Every attribute, null where the value has none: cty's decoder wants the whole object.
    return Object.fromEntries(Object.keys(attributes).map((name) => [name, toWire(object[name], attributes[name])]));
  }
  if (kind === 'list' || kind === 'set') return expectArray(value, type).map((item) => toWire(item, element as CtyType));
  if (kind === 'map') {
    const map = expectObject(value, type);
    return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, toWire(v, element as CtyType)]));
  }
  throw new Error(`the stand-in does not encode values of type ${JSON.stringify(type)}`);
}

function primitive(value: Value, type: string): unknown {
  switch (type) {
    case 'string':
      // Terraform converts numbers and booleans written for a string argument before the provider sees them.
      return typeof value === 'string' ? value : String(value);
    case 'number':
      return typeof value === 'number' ? value : Number(value);
    case 'bool':
      return typeof value === 'boolean' ? value : value === 'true';
    default:
      throw new Error(`the stand-in does not encode values of type ${JSON.stringify(type)}`);
  }
}

function expectObject(value: Value, type: CtyType): ObjectValue {
  if (!isObject(value)) throw new Error(`expected an object for ${JSON.stringify(type)}, got ${JSON.stringify(value)}`);
  return value;
}

function expectArray(value: Value, type: CtyType): Value[] {
  if (!Array.isArray(value)) throw new Error(`expected an array for ${JSON.stringify(type)}, got ${JSON.stringify(value)}`);
  return value;
}
