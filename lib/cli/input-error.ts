/**
 * Input the command line cannot use: bad arguments, a spec that breaks a rule, a directory that is not a
 * synthesized cdktf.out. The command exits with code 2 and prints the message, never a stack trace.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
