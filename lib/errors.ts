import { brand, isBranded } from './private/brand';

/**
 * One thing wrong with an input, as plain data a program can act on: which rule (a stable `code`, listed with an
 * example in docs/errors.md), where (`path`), what the rule says and what was received. `message` is the sentence
 * made from the rest, e.g. `` `containers[2]` must be 3-63 lowercase letters, ..., got: "Raw_Data" ``.
 */
export interface Problem {
  /** The rule's stable code, e.g. `ADLSBK-CONTAINER-NAME`: match on it, never on the words. */
  readonly code: string;
  /**
   * Where: the prop of the construct or value object (`containers[2]`, `retentionRules[0].duration`), the place in
   * the fleet spec (`accounts[3].region`, `(document)` for the whole of it), or the command-line argument.
   */
  readonly path: string;
  /** What the rule requires, in words, e.g. `must be 3-63 lowercase letters, digits or single hyphens`. */
  readonly rule: string;
  /**
   * The value received, as the message shows it: strings in JSON quotes, long values cut with their length said
   * (`undefined` for a prop left out). Absent where nothing can be shown: a field missing from the fleet spec, a
   * file that cannot be read.
   */
  readonly value?: string;
  /** Said after the value, e.g. `inherited by 28 accounts` (a spec default that every such account breaks). */
  readonly note?: string;
  /** The sentence a person reads: the path, the rule, the value and the note. */
  readonly message: string;
  /** The file the problem is in, for the fleet spec. */
  readonly file?: string;
  /** 1-based line in `file`, where the spec gives it. */
  readonly line?: number;
  /** 1-based column in `file`, where the spec gives it. */
  readonly column?: number;
}

/**
 * The base of every error the library throws for a user's mistake: it carries every problem found, each as a
 * `Problem`. A program tells a mistake from a bug with `AdlsBackupError.isAdlsBackupError(e)` and reads
 * `e.problems`; the subclasses say where the input came from (`BackupConfigError`: the constructs' props;
 * `InputError`: the fleet spec, the command line, a synthesized output to review).
 */
export class AdlsBackupError extends Error {
  /** Whether `x` is an `AdlsBackupError` (or a subclass), made by any copy of this library. */
  public static isAdlsBackupError(x: unknown): x is AdlsBackupError {
    return isBranded(x, 'AdlsBackupError');
  }

  /** Every problem found, in the order they were found. */
  public readonly problems: readonly Problem[];

  /**
   * @param problems every problem found, at least one
   * @param message the whole text a person reads (the subclasses build it from the problems)
   */
  constructor(problems: readonly Problem[], message: string) {
    super(message);
    this.name = 'AdlsBackupError';
    this.problems = Object.freeze([...problems]);
  }
}

brand(AdlsBackupError, 'AdlsBackupError');

/**
 * A construct or value object refused its props. Each problem names the prop, states the rule and shows the value
 * received; where one construct has several problems they are reported together.
 *
 * @example
 * try { new DataLakeBackup(stack, 'Lake', props); } catch (e) {
 *   if (BackupConfigError.isBackupConfigError(e)) for (const p of e.problems) console.error(p.code, p.path);
 * }
 */
export class BackupConfigError extends AdlsBackupError {
  /** Whether `x` is a `BackupConfigError`, made by any copy of this library (`instanceof` knows only its own). */
  public static isBackupConfigError(x: unknown): x is BackupConfigError {
    return isBranded(x, 'BackupConfigError');
  }

  /** The construct or value object the problems belong to, e.g. `DataLakeBackup 'Lake'`, when known. */
  public readonly where?: string;

  /**
   * @param problems every problem found
   * @param where the construct or value object they belong to, e.g. `DataLakeBackup 'Lake'`
   */
  constructor(problems: readonly Problem[], where?: string) {
    super(problems, configMessage(problems, where));
    this.name = 'BackupConfigError';
    this.where = where;
  }
}

brand(BackupConfigError, 'BackupConfigError');

function configMessage(problems: readonly Problem[], where: string | undefined): string {
  const list = problems.map((p) => p.message);
  const prefix = where ? `${where}: ` : '';
  return prefix + (list.length === 1 ? list[0] : `${list.length} problems:\n  - ${list.join('\n  - ')}`);
}

/**
 * Input the fleet command line, the fleet synthesizer or the review cannot use: bad arguments, a spec that breaks a
 * rule, a directory that is not a synthesized output. The command line exits with code 2 and prints the message,
 * never a stack trace (`validate --format json` prints the problems); a program that calls `synthFleet` or
 * `reviewOutDir` tells it from a bug with `InputError.isInputError(e)`.
 */
export class InputError extends AdlsBackupError {
  /** Whether `x` is an `InputError` (or a subclass), made by any copy of this library. */
  public static isInputError(x: unknown): x is InputError {
    return isBranded(x, 'InputError');
  }

  /**
   * @param problems every problem found
   * @param message the text a person reads, when it says more than the problems' messages (the usage after a bad
   *   argument, the spec's lines); by default the problems' messages, one per line
   */
  constructor(problems: readonly Problem[], message?: string) {
    super(problems, message ?? problems.map((p) => p.message).join('\n'));
    this.name = 'InputError';
  }
}

brand(InputError, 'InputError');
