import { Token } from 'cdktf';
import { BackupConfigError } from '../errors';
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
 * Collects the problems of one construct or value object, so that they are reported together.
 * Each problem reads: `` `field` rule, got: value ``.
 */
export class Problems {
  private readonly list: string[] = [];

  constructor(private readonly where?: string) {}

  /** Records that `field` broke `rule` with `value`. */
  public add(field: string, rule: string, value: unknown): void {
    this.list.push(`\`${field}\` ${rule}, got: ${describe(value)}`);
  }

  /** Records a problem that spans several fields, written out whole. */
  public addSentence(sentence: string): void {
    this.list.push(sentence);
  }

  /** Checks `field` with `valid`, and records `rule` when it fails. Returns whether it passed. */
  public check(valid: boolean, field: string, rule: string, value: unknown): boolean {
    if (!valid) this.add(field, rule, value);
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
