import { readFileSync } from 'fs';
import { LineCounter, parseDocument } from 'yaml';
import { InputError } from '../cli/input-error';
import { schemaProblems } from './schema-check';
import { FleetSpec } from './spec';
import { ruleProblems } from './spec-rules';
import { SpecError, SpecLocator, SpecProblem } from './spec-problems';

/** A spec that passed the schema and the cross-field rules, with the locator that maps paths to lines. */
export interface LoadedSpec {
  readonly file: string;
  readonly spec: FleetSpec;
  readonly locator: SpecLocator;
  /** Things worth a reviewer's look that are not errors (an override for a region without accounts, ...). */
  readonly warnings: readonly SpecProblem[];
}

/**
 * Reads a fleet spec (YAML or JSON: JSON is read by the same parser, so both get line numbers) and checks it
 * against the JSON Schema and the rules a schema cannot say. Throws `SpecError` listing every problem.
 */
export function loadFleetSpec(file: string): LoadedSpec {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`${file}: cannot read the fleet spec (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  return parseFleetSpec(text, file);
}

/** As `loadFleetSpec`, from text already read; `file` names it in messages. */
export function parseFleetSpec(text: string, file: string): LoadedSpec {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, merge: true });
  const locator = new SpecLocator(doc, lines);
  if (doc.errors.length > 0) {
    throw new SpecError(
      file,
      doc.errors.map((e) => {
        const { line, col } = lines.linePos(e.pos[0]);
        return { path: [], message: `is not valid YAML or JSON: ${e.message.split('\n')[0]}`, line, column: col };
      }),
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // Aliases that expand past the limit (a "billion laughs" document) are input, not a failure of the command.
    throw new SpecError(file, [{ path: [], message: `cannot be read: ${(e as Error).message}`, line: 1, column: 1 }]);
  }
  const problems = schemaProblems(value, locator);
  if (problems.length > 0) throw new SpecError(file, problems);
  const spec = value as FleetSpec;
  const { errors, warnings } = ruleProblems(spec, locator);
  if (errors.length > 0) throw new SpecError(file, errors);
  return { file, spec, locator, warnings };
}
