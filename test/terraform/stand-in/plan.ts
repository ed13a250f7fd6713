// PlanResourceChange and ApplyResourceChange as a provider written with the SDK answers them: a create plans every
// computed attribute the configuration leaves null as unknown; an update keeps their prior values (Terraform's
// proposed state already carries them); a change to a ForceNew argument is reported in `requires_replace`, and
// Terraform then plans the replacement as a create. Apply fills what the plan left unknown.
import type { SchemaBlock } from '../../../codegen/terraform-schema';
import { computedValue, resourceId } from './ids';
import type { Value } from './rules/rule';
import { isObject, isUnknown, UNKNOWN } from './values';
import type { ObjectValue } from './values';

/** The planned state for a create (prior null) or an update. */
export function plannedState(block: SchemaBlock, proposed: Value, config: Value, creating: boolean): Value {
  if (!isObject(proposed)) return proposed;
  const planned: ObjectValue = { ...proposed };
  const configured = isObject(config) ? config : {};
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) {
    const fromConfig = configured[name] ?? null;
    if (attribute.computed && fromConfig === null && creating) planned[name] = UNKNOWN;
  }
  for (const [name, nested] of Object.entries(block.block_types ?? {})) {
    const value = planned[name];
    const fromConfig = configured[name];
    if (Array.isArray(value)) {
      planned[name] = value.map((element, i) =>
        plannedState(nested.block, element, Array.isArray(fromConfig) ? fromConfig[i] : null, creating),
      );
    } else if (isObject(value)) {
      planned[name] = plannedState(nested.block, value, fromConfig ?? null, creating);
    }
  }
  return planned;
}

/** An attribute path in the protocol's form: names, list indexes and map keys. */
export type PathStep = { attribute_name: string } | { element_key_int: number } | { element_key_string: string };

/**
 * The paths of ForceNew arguments, down to every list-block element the prior and planned values have (a set or
 * map block is compared whole, as the SDK compares it). Terraform replaces the resource when the values at any of
 * them differ, so reporting an unchanged path is harmless; a list block whose length changes is reported whole.
 */
export function replacePaths(block: SchemaBlock, forceNew: readonly string[], prior: Value, planned: Value): PathStep[][] {
  const paths: PathStep[][] = [];
  for (const path of forceNew) expand(block, path.split('.'), [prior, planned], [], paths);
  return paths;
}

function expand(block: SchemaBlock, segments: string[], values: Value[], at: PathStep[], out: PathStep[][]): void {
  const [name, ...rest] = segments;
  const here = [...at, { attribute_name: name }];
  const nested = block.block_types?.[name];
  // An attribute is compared whole: `names.*` (its elements) changes only when the attribute does.
  if (!nested || rest.length === 0) {
    out.push(here);
    return;
  }
  const children = values.map((v) => (isObject(v) ? (v[name] ?? null) : null));
  if (nested.nesting_mode === 'single' || nested.nesting_mode === 'group') {
    expand(nested.block, rest, children, here, out);
    return;
  }
  if (nested.nesting_mode !== 'list') {
    out.push(here);
    return;
  }
  const lengths = children.map((c) => (Array.isArray(c) ? c.length : 0));
  if (lengths[0] !== lengths[1]) out.push(here);
  for (let i = 0; i < Math.max(...lengths); i++) {
    const elements = children.map((c) => (Array.isArray(c) ? (c[i] ?? null) : null));
    expand(nested.block, rest, elements, [...here, { element_key_int: i }], out);
  }
}

/** The value at a dot path, through the first element of list blocks (for a ForceNewIfChange's old and new). */
export function firstAt(value: Value, path: string): Value {
  let at: Value = value;
  for (const segment of path.split('.')) {
    if (Array.isArray(at)) at = at[0] ?? null;
    at = isObject(at) ? (at[segment] ?? null) : null;
  }
  return at;
}

/** The new state after apply: the plan with every unknown made known, IDs in Azure's formats. */
export function appliedState(type: string, block: SchemaBlock, planned: ObjectValue, subscription: string): ObjectValue {
  const id = isUnknown(planned.id) ? resourceId(type, planned, subscription) : planned.id;
  return fill(block, { ...planned, id }, `${type}/${String(id)}`);
}

function fill(block: SchemaBlock, value: ObjectValue, seed: string): ObjectValue {
  const out: ObjectValue = { ...value };
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) {
    if (isUnknown(out[name])) out[name] = computedValue(name, attribute.type, seed);
  }
  for (const [name, nested] of Object.entries(block.block_types ?? {})) {
    const v = out[name];
    if (isUnknown(v)) out[name] = nested.nesting_mode === 'single' ? null : [];
    else if (Array.isArray(v)) out[name] = v.map((e, i) => (isObject(e) ? fill(nested.block, e, `${seed}/${name}/${i}`) : e));
    else if (isObject(v)) out[name] = fill(nested.block, v, `${seed}/${name}`);
  }
  return out;
}
