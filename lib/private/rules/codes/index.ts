// The catalog of problem codes: every rule a construct, the fleet spec or the command line applies has one stable
// code here, and every problem the library reports carries one (`Problem.code`). The code is the contract a
// pipeline matches on; the words may improve. A code is never reused for another rule and never renamed; a rule
// that goes away keeps its entry, marked in its `why`.
import { BACKUP_CODES } from './backup';
import { CLI_CODES } from './cli';
import { CodeEntry } from './entry';
import { FLEET_CODES } from './fleet';
import { GENERAL_CODES } from './general';
import { MONITORING_CODES } from './monitoring';
import { NAME_CODES } from './names';
import { POLICY_CODES } from './policy';

export type { CodeEntry, CodeExample } from './entry';
export { BASE_SPEC, specWith, TYPESCRIPT_SETUP } from './entry';

const CATALOG = {
  ...GENERAL_CODES,
  ...NAME_CODES,
  ...BACKUP_CODES,
  ...POLICY_CODES,
  ...MONITORING_CODES,
  ...FLEET_CODES,
  ...CLI_CODES,
} as const;

/** The parts the catalog is made of, in its order: a code in two of them would be one entry (a test refuses it). */
export const CATALOG_PARTS: readonly Readonly<Record<string, CodeEntry>>[] = [
  GENERAL_CODES,
  NAME_CODES,
  BACKUP_CODES,
  POLICY_CODES,
  MONITORING_CODES,
  FLEET_CODES,
  CLI_CODES,
];

/** A code of the catalog, e.g. `ADLSBK-CONTAINER-NAME`. */
export type ProblemCode = keyof typeof CATALOG;

/** Every code with its entry, in the catalog's order (general rules first, the command line's last). */
export const PROBLEM_CODES: Readonly<Record<ProblemCode, CodeEntry>> = CATALOG;
