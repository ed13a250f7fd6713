// Strings from a spec file are data. Terraform reads `${...}` and `%{...}` in any string of its JSON as template
// sequences (a `file()` read on the pipeline agent, a `timestamp()` that changes every plan), and cdktf reads its
// token markers (`${TfToken[TOKEN.1]}`) as references to other objects of the app. So free text from the spec is
// written with Terraform's escapes, and a token marker anywhere in the spec is refused.

import { terraformLiteral } from '../private/terraform-template';

type Path = (string | number)[];

// cdktf's (and CDK Terrain's) string, list and map token markers all contain this.
const TOKEN_MARKER = 'TfToken[';

/** Tags with every key and value made literal; undefined stays undefined. */
export function literalTags(tags: Readonly<Record<string, string>> | undefined): Record<string, string> | undefined {
  if (tags === undefined) return undefined;
  return Object.fromEntries(Object.entries(tags).map(([k, v]) => [terraformLiteral(k), terraformLiteral(v)]));
}

/** The path of every string in `value` (map keys included) that holds a cdktf token marker. */
export function tokenMarkerPaths(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'string') return value.includes(TOKEN_MARKER) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => tokenMarkerPaths(item, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) =>
    key.includes(TOKEN_MARKER) ? [[...path, key]] : tokenMarkerPaths(item, [...path, key]),
  );
}
