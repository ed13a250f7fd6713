import { Token } from 'cdktf';
import { BackupConfigError, InputError, Problem } from '../errors';
import { ProblemCode } from './rules/codes';
import { echoValue } from './echo';

/**
 * Renders a received value for an error message: strings quoted, numbers as written (NaN, Infinity), cut to about
 * 200 characters with the length said, invisible and control characters escaped.
 */
export function describe(value: unknown): string {
  return echoValue(value);
}

// An element of a list token (`#{TfToken[...]}`) is a string that Token.isUnresolved does not flag.
const ENCODED_TOKEN = /[$#]\{TfToken\[/;

/** True for a plain string known at synth time (not a cdktf token that Terraform resolves later). */
export function isLiteral(value: unknown): value is string {
  return typeof value === 'string' && !Token.isUnresolved(value) && !ENCODED_TOKEN.test(value);
}

/** True for a list or map that is itself a Terraform reference (a variable, a function call): its items are unknown. */
export function isTokenCollection(value: unknown): boolean {
  return value !== null && typeof value === 'object' && Token.isUnresolved(value);
}

/**
 * A problem as plain data, its message made from the rest: `` `path` rule, got: value `` (`value` already shown as
 * `describe` shows it; none where nothing was received). A path that is a file or folder (`file`) is written as it
 * is, followed by its rule (`out/stacks is a symbolic link ...`), and a place that is not a field (`(document)`)
 * with a colon. The one place a problem's sentence is written.
 */
export function problem(
  code: ProblemCode,
  path: string,
  rule: string,
  value?: string,
  options: { readonly file?: boolean; readonly note?: string } = {},
): Problem {
  const where = options.file ? path : path.startsWith('(') ? `${path}:` : `\`${path}\``;
  const got = value === undefined ? '' : `, got: ${value}`;
  const note = options.note === undefined ? '' : ` (${options.note})`;
  return {
    code,
    path,
    rule,
    ...(value === undefined ? {} : { value }),
    ...(options.note === undefined ? {} : { note: options.note }),
    message: `${where} ${rule}${got}${note}`,
  };
}

/** Throws a `BackupConfigError` with the one problem `code` at `path`. */
export function refuse(code: ProblemCode, path: string, rule: string, value: unknown, where?: string): never {
  throw new BackupConfigError([problem(code, path, rule, describe(value))], where);
}

/**
 * Collects the problems of one construct or value object, so that they are reported together.
 * Each problem reads: `` `field` rule, got: value ``.
 */
export class Problems {
  private readonly list: Problem[] = [];

  constructor(private readonly where?: string) {}

  /** Records that `field` broke the rule `code` (worded `rule`) with `value`. */
  public add(code: ProblemCode, field: string, rule: string, value: unknown): void {
    this.list.push(problem(code, field, rule, describe(value)));
  }

  /** Records a problem whose value is shown in words of its own (`vault in "westeurope", account in "eastus"`). */
  public addShown(code: ProblemCode, field: string, rule: string, shown: string): void {
    this.list.push(problem(code, field, rule, shown));
  }

  /** Checks `field` with `valid`, and records the rule `code` when it fails. Returns whether it passed. */
  public check(valid: boolean, code: ProblemCode, field: string, rule: string, value: unknown): boolean {
    if (!valid) this.add(code, field, rule, value);
    return valid;
  }

  public get empty(): boolean {
    return this.list.length === 0;
  }

  /** How many problems are recorded so far (to tell whether a check added one). */
  public get count(): number {
    return this.list.length;
  }

  /** Throws one `BackupConfigError` listing every problem recorded, if there is any. */
  public throwIfAny(): void {
    if (this.list.length > 0) throw new BackupConfigError(this.list, this.where);
  }
}

/** True for a whole number in [min, max]; false for NaN, Infinity, fractions and non-numbers. */
export function isIntegerInRange(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** An `InputError` with the one problem `code` about the file or folder `path`. */
export function fileError(code: ProblemCode, path: string, rule: string): InputError {
  return new InputError([problem(code, path, rule, undefined, { file: true })]);
}

/** An `InputError` with the one problem `code` at the option or field `path` (`value` as shown, if any). */
export function inputError(code: ProblemCode, path: string, rule: string, value?: string): InputError {
  return new InputError([problem(code, path, rule, value)]);
}
