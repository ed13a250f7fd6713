// How two configurations are compared: items paired by identity, values in a canonical form, addresses.
import { normalizeRegion } from '../../regions';
import { Block, compare } from '../read/configuration';
import type { Model } from '../model';
import type { ArgChange } from './types';

/** Meta-arguments: they never force a replacement and are not Azure settings. */
export const META: ReadonlySet<string> = new Set(['//', 'depends_on', 'lifecycle', 'provider', 'count', 'for_each', 'timeouts']);
// Arguments azurerm declares as sets: their order means nothing.
const SETS = new Set(['days_of_week', 'weeks_of_month', 'months_of_year', 'scheduled_backup_times', 'storage_container_names']);

/** Items of base and new paired by identity; the rest are only in one of them. */
export interface Paired<T> {
  /** `[base, new]`, in the order of the base. */
  readonly pairs: readonly (readonly [T, T])[];
  /** Items only in the base. */
  readonly onlyBase: readonly T[];
  /** Items only in the new output. */
  readonly onlyNew: readonly T[];
}

/** One identity to pair by: the key of a base item, and of a new one (the same function unless they differ). */
export type PairKey<T> = readonly [(base: T) => string, (next: T) => string];

/** Pairs items of base and new by each key in turn; the rest are only in one of them. */
export function pair<T>(base: readonly T[], next: readonly T[], keys: readonly PairKey<T>[]): Paired<T> {
  let onlyBase = [...base];
  let onlyNew = [...next];
  const pairs: [T, T][] = [];
  for (const [baseKey, nextKey] of keys) {
    const waiting = new Map<string, T[]>();
    for (const n of onlyNew) waiting.set(nextKey(n), [...(waiting.get(nextKey(n)) ?? []), n]);
    const unmatched: T[] = [];
    for (const b of onlyBase) {
      const match = waiting.get(baseKey(b))?.shift();
      if (match === undefined) unmatched.push(b);
      else pairs.push([b, match]);
    }
    const matched = new Set(pairs.map(([, n]) => n));
    onlyBase = unmatched;
    onlyNew = onlyNew.filter((n) => !matched.has(n));
  }
  return { pairs, onlyBase, onlyNew };
}

/** The same key for base and new items. */
export function sameKey<T>(key: (t: T) => string): PairKey<T> {
  return [key, key];
}

/** JSON with sorted keys, and azurerm's sets sorted, so that equal configurations compare equal. */
export function canonical(value: unknown, key?: string): string {
  if (Array.isArray(value)) {
    const items = value.map((v) => canonical(v));
    return `[${(key !== undefined && SETS.has(key) ? items.sort(compare) : items).join(',')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k]) => k !== '//')
      .sort(([a], [b]) => compare(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v, k)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Terraform knows resources by address: the same vault, policy or instance under another address (or in another
 * stack) is destroyed and created again, unless a `moved` block says where it went.
 */
export function addressChange(b: Block, n: Block, next: Model): ArgChange[] {
  if (b.stack !== n.stack) {
    const note = "a stack's plan destroys what leaves it, the other creates it again";
    return [{ argument: 'stack', old: b.stack, new: n.stack, note }];
  }
  if (b.address === n.address) return [];
  const json = next.stacks.find((s) => s.name === n.stack)?.json;
  const moved = Array.isArray(json?.moved) ? (json!.moved as { from?: unknown; to?: unknown }[]) : [];
  if (moved.some((m) => m?.from === b.address && m?.to === n.address)) return [];
  const note = 'no `moved` block: Terraform destroys the old address and creates the new one';
  return [{ argument: 'address', old: b.address, new: n.address, note }];
}

/** A region as compared: a literal one normalized (`West Europe` = `westeurope`), an expression as written. */
export function regionText(location: string, literal: boolean): string {
  return literal ? normalizeRegion(location) : location;
}

/** What the new list adds and removes, each sorted. */
export function setDiff(old: readonly string[] | string, now: readonly string[] | string): [string[], string[]] {
  const a = Array.isArray(old) ? old : [old];
  const b = Array.isArray(now) ? now : [now];
  return [b.filter((x) => !a.includes(x)).sort(compare), a.filter((x) => !b.includes(x)).sort(compare)];
}

/** Sorts by `key`, then stack. */
export function byName<T extends { readonly stack: string }>(key: (t: T) => string): (a: T, b: T) => number {
  return (a, b) => compare(key(a), key(b)) || compare(a.stack, b.stack);
}
