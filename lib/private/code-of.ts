import type { ProblemCode } from './rules/codes';

/**
 * The code of a value that breaks the rule `code`, told by what was received: ADLSBK-REQUIRED when nothing was
 * (undefined), ADLSBK-TYPE when it is not of the kind the rule is about (`ofKind` false: a number for a name, a
 * string for a list), else `code` itself.
 */
export function codeOf(value: unknown, ofKind: boolean, code: ProblemCode): ProblemCode {
  if (value === undefined) return 'ADLSBK-REQUIRED';
  return ofKind ? code : 'ADLSBK-TYPE';
}
