import { formatPath, SpecWarning } from './spec-problems';

/**
 * A warning of a fleet synth or validate run: a setting that works but deserves a look (a region override no account
 * uses, an irreversible setting, an unlisted region allowed on purpose), or a note about the output folder. Plain
 * data: the command line prints it as one line (`warningLine`), `validate --format json` as it is.
 */
export interface FleetWarning {
  /** The spec's field it is about (`vaults.regions.westus`), as a problem's `path`; absent for a note about the output. */
  readonly path?: string;
  /** What to look at, in the spec's words. */
  readonly message: string;
  /** The spec file, when the warning is about a place in it. */
  readonly file?: string;
  /** 1-based line of `path` in `file`, where the spec gives it. */
  readonly line?: number;
  /** 1-based column of `path` in `file`, where the spec gives it. */
  readonly column?: number;
  /** The construct that warned (its path in the app), for a warning of the library's constructs. */
  readonly construct?: string;
}

/** A warning of the spec's own rules at `w.path` of `file`. */
export function specWarning(file: string, w: SpecWarning): FleetWarning {
  return { path: formatPath(w.path), message: w.message, file, line: w.line, column: w.column };
}

/** The warning as the command line prints it after `warning: `: where, then what. */
export function warningLine(w: FleetWarning): string {
  const construct = w.construct === undefined ? '' : w.path === undefined ? w.construct : ` (${w.construct})`;
  if (w.path === undefined) return construct === '' ? w.message : `${construct}: ${w.message}`;
  const where = w.file === undefined ? '' : w.line === undefined ? `${w.file}: ` : `${w.file}:${w.line}:${w.column ?? 1}: `;
  return `${where}${w.path}${construct}: ${w.message}`;
}
