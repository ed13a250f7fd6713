/**
 * The part of several schema versions that is valid in all of them: what a binding may write so that the same
 * Terraform JSON works with every azurerm version the library supports (4.68.0 to 5.x).
 */
import { SchemaAttribute, SchemaBlock, SchemaBlockType } from './terraform-schema';

/** What was left out of the common schema, and why, for the generated headers and the tests. */
export interface Omission {
  readonly path: string;
  readonly reason: string;
}

/**
 * The blocks' common part: an attribute or nested block is kept when every version has it with the same type and
 * nesting. An argument that one version requires is required; one that a version only computes cannot be set;
 * item limits are the tightest of all versions.
 */
export function commonBlock(
  blocks: readonly SchemaBlock[],
  versions: readonly string[],
  path: string,
  omitted: Omission[],
): SchemaBlock {
  const attributes: Record<string, SchemaAttribute> = {};
  for (const name of unionOfKeys(blocks.map((b) => b.attributes ?? {}))) {
    const all = blocks.map((b) => b.attributes?.[name]);
    const missing = missingIn(all, versions);
    if (missing) {
      omitted.push({ path: `${path}${name}`, reason: `not in azurerm ${missing}` });
      continue;
    }
    const present = all as SchemaAttribute[];
    if (new Set(present.map((a) => JSON.stringify(a.type))).size > 1) {
      omitted.push({ path: `${path}${name}`, reason: 'its type differs between versions' });
      continue;
    }
    const settable = present.every((a) => a.required || a.optional);
    attributes[name] = {
      type: present[0].type,
      required: settable && present.some((a) => a.required) ? true : undefined,
      optional: settable && !present.some((a) => a.required) ? true : undefined,
      computed: present.some((a) => a.computed) ? true : undefined,
      sensitive: present.some((a) => a.sensitive) ? true : undefined,
      deprecated: present.some((a) => a.deprecated) ? true : undefined,
    };
  }
  const blockTypes: Record<string, SchemaBlockType> = {};
  for (const name of unionOfKeys(blocks.map((b) => b.block_types ?? {}))) {
    const all = blocks.map((b) => b.block_types?.[name]);
    const missing = missingIn(all, versions);
    if (missing) {
      omitted.push({ path: `${path}${name}`, reason: `not in azurerm ${missing}` });
      continue;
    }
    const present = all as SchemaBlockType[];
    if (new Set(present.map((b) => b.nesting_mode)).size > 1) {
      omitted.push({ path: `${path}${name}`, reason: 'its nesting differs between versions' });
      continue;
    }
    const mins = present.map((b) => b.min_items ?? 0);
    const maxes = present.map((b) => b.max_items).filter((m): m is number => m !== undefined);
    blockTypes[name] = {
      nesting_mode: present[0].nesting_mode,
      min_items: Math.max(...mins) || undefined,
      max_items: maxes.length > 0 ? Math.min(...maxes) : undefined,
      block: commonBlock(
        present.map((b) => b.block),
        versions,
        `${path}${name}.`,
        omitted,
      ),
    };
  }
  return { attributes: sorted(attributes), block_types: sorted(blockTypes) };
}

function unionOfKeys(records: readonly object[]): string[] {
  return [...new Set(records.flatMap((r) => Object.keys(r)))].sort();
}

/** The versions that lack an entry, or undefined when all have it. */
function missingIn(entries: readonly unknown[], versions: readonly string[]): string | undefined {
  const missing = versions.filter((_, i) => entries[i] === undefined);
  return missing.length > 0 ? missing.join(', ') : undefined;
}

function sorted<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
