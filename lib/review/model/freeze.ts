// The model is never changed once built: its plain objects and arrays are frozen, so that a stage that tried to
// change it would fail (TypeError in strict mode) instead of changing what the next stage reads.
import { types } from 'util';

/**
 * Freezes `value` and every plain object and array it reaches, and the contents of its Maps and Sets (the
 * collections themselves stay as they are; the model types them `ReadonlyMap` and `ReadonlySet`). Class instances
 * (the `Configuration` index) are left alone. Returns `value`.
 */
export function deepFreeze<T>(value: T, seen: Set<unknown> = new Set()): T {
  if (typeof value !== 'object' || value === null || seen.has(value)) return value;
  seen.add(value);
  if (types.isMap(value)) {
    for (const [k, v] of value) {
      deepFreeze(k, seen);
      deepFreeze(v, seen);
    }
    return value;
  }
  if (types.isSet(value)) {
    for (const v of value) deepFreeze(v, seen);
    return value;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return value;
  for (const v of Object.values(value as object)) deepFreeze(v, seen);
  return Object.freeze(value);
}
