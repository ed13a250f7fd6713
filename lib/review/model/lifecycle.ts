// A block's `lifecycle`: whether Terraform refuses to destroy it, and what its preconditions check.
import type { Args } from '../read/out-dir';
import { isExpression } from '../read/configuration';
import { verbatim } from '../words';

/** Whether the block has `lifecycle.prevent_destroy = true`. */
export function preventDestroyOf(args: Args): boolean {
  const lifecycle = args.lifecycle as Record<string, unknown> | undefined;
  return lifecycle?.prevent_destroy === true;
}

// What the library's preconditions check, in short; anything else by its literal message, or its condition.
const CHECKS: readonly (readonly [RegExp, string])[] = [
  [/lower\(replace\(/, 'same region as the vault'],
  [/\.is_hns_enabled == true/, 'hierarchical namespace on'],
  [/\.nfsv3_enabled != true/, 'NFS 3.0 off'],
  [/\.account_kind == "StorageV2"/, 'StorageV2'],
  [/\.account_tier == "Standard"/, 'Standard tier'],
];

/** Each `lifecycle.precondition` in short. */
export function preconditionsOf(args: Args): string[] {
  const lifecycle = args.lifecycle as Record<string, unknown> | undefined;
  const list = lifecycle?.precondition;
  if (list === undefined) return [];
  return (Array.isArray(list) ? list : [list]).map((p: unknown) => {
    const { condition, error_message: message } = (p ?? {}) as Record<string, unknown>;
    const cond = verbatim(condition);
    const known = CHECKS.find(([pattern]) => pattern.test(cond));
    if (known) return known[1];
    if (typeof message === 'string' && !isExpression(message)) return message;
    return cond;
  });
}

/** A value as text, or undefined when it is not set. */
export function optionalText(value: unknown): string | undefined {
  return value === undefined ? undefined : verbatim(value);
}
