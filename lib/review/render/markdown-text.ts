// Small pieces of markdown the report's sections share.
import type { ArgChange } from '../changes';
import type { AccountVia } from '../model';
import type { GrantReport } from '../report';

/** Container names shown before the rest are counted. */
export const NAMES_SHOWN = 10;

/** How an account is referenced, as the tables say it. */
export const VIA: Readonly<Record<AccountVia, string>> = {
  ID: 'by ID',
  resource: 'resource',
  'data source': 'data source',
  expression: 'expression',
};

/** `3 vaults`, `1 policy`. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** A table cell: a pipe or a line break would end it. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Each name as a code span. */
export function ticked(names: readonly string[]): string[] {
  return names.map((n) => `\`${n}\``);
}

/** One indented line per argument change: `` - `argument`: old → new (note)``. */
export function argLines(changes: readonly ArgChange[]): string[] {
  return changes.map((x) => `  - \`${x.argument}\`: ${x.old} → ${x.new}${x.note ? ` (${x.note})` : ''}`);
}

/** A container list: the first names and a count of the rest, or the expression. */
export function containerWords(containers: readonly string[] | string): string {
  if (!Array.isArray(containers)) return `\`${containers}\``;
  const shown = containers.slice(0, NAMES_SHOWN).join(', ');
  return containers.length > NAMES_SHOWN ? `${shown}, … (+${containers.length - NAMES_SHOWN})` : shown;
}

/** A grant's account: `` `name` (by ID · group)``. */
export function accountWords(g: GrantReport): string {
  return `\`${g.account}\` (${[VIA[g.via], ...(g.resourceGroup ? [g.resourceGroup] : [])].join(' · ')})`;
}
