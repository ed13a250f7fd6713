import { brand, isBranded } from '../private/brand';

/**
 * Input the command line cannot use: bad arguments, a spec that breaks a rule, a directory that is not a
 * synthesized cdktf.out. The command exits with code 2 and prints the message, never a stack trace.
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
