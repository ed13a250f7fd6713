import { isResourceGroupName, RESOURCE_GROUP_NAME_RULE } from './names';
import { terraformText } from './terraform-template';
import { isLiteral, isTokenCollection, Problems } from './problems';
import { codeOf } from './code-of';

// Checks that several constructs share: Azure's rules for resource groups and tags, enums and booleans.

/** Bytes of UTF-8: azurerm checks lengths with Go's `len`, which counts bytes, not characters. */
function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** Records a problem when a literal resource group name breaks Azure's naming rule. Tokens pass. */
export function checkResourceGroupName(problems: Problems, value: unknown, field = 'resourceGroupName'): void {
  if (typeof value !== 'string' || (isLiteral(value) && !isResourceGroupName(value))) {
    problems.add(
      codeOf(value, typeof value === 'string', 'ADLSBK-RESOURCE-GROUP-NAME'),
      field,
      `must be ${RESOURCE_GROUP_NAME_RULE}`,
      value,
    );
  }
}

/** Records a problem when `value` is given but is not one of the enum's values. */
export function checkEnum(problems: Problems, field: string, value: unknown, values: Record<string, string>): void {
  if (value !== undefined) {
    problems.check(
      Object.values(values).includes(value as string),
      'ADLSBK-NOT-ALLOWED',
      field,
      `must be one of ${Object.values(values).join(', ')}`,
      value,
    );
  }
}

/** Records a problem when `value` is given but is not a boolean. */
export function checkBoolean(problems: Problems, field: string, value: unknown): void {
  if (value !== undefined) problems.check(typeof value === 'boolean', 'ADLSBK-TYPE', field, 'must be true or false', value);
}

/**
 * Bytes of UTF-8 that Terraform sends for a literal (`$${` counts as `${`, `%%{` as `%{`); undefined for a string
 * with an unescaped `${` or `%{`, whose length is only known when Terraform evaluates it.
 */
export function sentLength(s: string): number | undefined {
  const text = terraformText(s);
  return text === undefined ? undefined : utf8Length(text);
}

/** Checks tags the way Azure limits them; a map given as a Terraform reference passes. */
export function checkTags(problems: Problems, tags: { [key: string]: string } | undefined): void {
  if (tags === undefined || isTokenCollection(tags)) return;
  if (tags === null || typeof tags !== 'object' || Array.isArray(tags)) {
    problems.add('ADLSBK-TYPE', 'tags', 'must be a map of tag names to values, e.g. { team: "data" }', tags);
    return;
  }
  const entries = Object.entries(tags);
  problems.check(entries.length <= 50, 'ADLSBK-TAGS', 'tags', 'can hold at most 50 tags', `${entries.length} tags`);
  for (const [key, value] of entries) {
    // go-azure-helpers tags.Validate: keys to 512 and values to 256, in bytes, of the text Terraform sends. A key or
    // value that is a reference or a raw `${...}` template is only known at plan: not judged here.
    const keyLength = isLiteral(key) ? sentLength(key) : undefined;
    problems.check(
      key.length >= 1 && (keyLength === undefined || (keyLength >= 1 && keyLength <= 512)),
      'ADLSBK-TAGS',
      `tags["${key}"]`,
      'key must be 1-512 bytes of UTF-8 (as Terraform sends it: `$${` counts as `${`)',
      key,
    );
    const valueLength = isLiteral(value) ? sentLength(value) : undefined;
    problems.check(
      typeof value === 'string' && (valueLength === undefined || valueLength <= 256),
      typeof value === 'string' ? 'ADLSBK-TAGS' : 'ADLSBK-TYPE',
      `tags["${key}"]`,
      'value must be a string of at most 256 bytes of UTF-8 (an accented letter counts 2; `$${` counts as `${`)',
      value,
    );
  }
}
