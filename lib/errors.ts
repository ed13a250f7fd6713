import { brand, isBranded } from './private/brand';

/**
 * The one error type for user mistakes in a backup configuration.
 *
 * Each problem names the prop in backticks, states the rule and shows the value received, e.g.
 * `` `containers[2]` must be 3-63 lowercase letters, digits or single hyphens, got: "Raw_Data" ``.
 * Where one construct has several problems they are reported together.
 *
 * @example
 * try { new DataLakeBackup(stack, 'Lake', props); } catch (e) {
 *   if (BackupConfigError.isBackupConfigError(e)) console.error(e.problems);
 * }
 */
export class BackupConfigError extends Error {
  /** Whether `x` is a `BackupConfigError`, made by any copy of this library (`instanceof` knows only its own). */
  public static isBackupConfigError(x: unknown): x is BackupConfigError {
    return isBranded(x, 'BackupConfigError');
  }

  /** Every problem found, one sentence each. */
  public readonly problems: readonly string[];

  /**
   * @param problems one sentence per problem
   * @param where the construct or value object they belong to, e.g. `DataLakeBackup 'Lake'`
   */
  constructor(problems: string | readonly string[], where?: string) {
    const list = typeof problems === 'string' ? [problems] : [...problems];
    const prefix = where ? `${where}: ` : '';
    const body = list.length === 1 ? list[0] : `${list.length} problems:\n  - ${list.join('\n  - ')}`;
    super(prefix + body);
    this.name = 'BackupConfigError';
    this.problems = list;
  }
}

brand(BackupConfigError, 'BackupConfigError');

/**
 * Input the fleet command line, the fleet synthesizer or the review cannot use: bad arguments, a spec that breaks a
 * rule, a directory that is not a synthesized output. The command line exits with code 2 and prints the message,
 * never a stack trace; a program that calls `synthFleet` or `reviewOutDir` tells it from a bug with
 * `InputError.isInputError(e)`.
 */
export class InputError extends Error {
  /** Whether `x` is an `InputError` (or a subclass), made by any copy of this library. */
  public static isInputError(x: unknown): x is InputError {
    return isBranded(x, 'InputError');
  }

  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

brand(InputError, 'InputError');
