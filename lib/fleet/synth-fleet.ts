import { tmpdir } from 'os';
import { App } from 'cdktf';
import { IConstruct } from 'constructs';
import { buildFleet, BuiltFleet, inSpecTerms } from './build-fleet';
import { LoadedSpec } from './load-spec';
import { writeOutput } from './output/write-output';
import { FleetWarning, specWarning } from './fleet-warning';
import { formatPath } from './spec-problems';

/** What a synth or validate run made of the spec, for the summary line and the warnings. */
export interface FleetResult {
  readonly built: BuiltFleet;
  /** Warnings of the spec's rules and of the constructs (irreversible settings, unlisted regions, ...), then notes about the output. */
  readonly warnings: readonly FleetWarning[];
}

/**
 * Synthesizes the spec into `outDir` in the layout `cdktf synth` writes (`stacks/<stack>/cdk.tf.json` and
 * `manifest.json`), replacing a previous synthesis there atomically (see `writeOutput`): a stack dropped from the
 * spec leaves no stale stack file, files synth did not write under `stacks/` are kept, and a directory that holds
 * anything else is refused before anything changes.
 */
export function synthFleet(loaded: LoadedSpec, outDir: string): FleetResult {
  const { result, notes } = writeOutput(outDir, (staging) => {
    const app = new App({ outdir: staging, stackTraces: false });
    const built = buildFleet(app, loaded);
    for (const stack of built.stacks) stack.runAllValidations();
    app.synth();
    return { built, warnings: warningsOf(app, loaded, built) };
  });
  return { built: result.built, warnings: [...result.warnings, ...notes.map((message) => ({ message }))] };
}

/** Builds the spec and runs every validation `synth` would, writing nothing. */
export function validateFleet(loaded: LoadedSpec): FleetResult {
  // cdktf's App creates its outdir when missing: point it at one that exists, and never synthesize.
  const app = new App({ outdir: tmpdir(), stackTraces: false });
  const built = buildFleet(app, loaded);
  for (const stack of built.stacks) {
    stack.runAllValidations();
    stack.toTerraform();
  }
  return { built, warnings: warningsOf(app, loaded, built) };
}

function warningsOf(app: App, loaded: LoadedSpec, built: BuiltFleet): FleetWarning[] {
  const fromSpec = loaded.warnings.map((w) => specWarning(loaded.file, w));
  const fromConstructs = app.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === '@cdktf/warn')
      .map((m): FleetWarning => ({
        ...originOf(c, built, loaded),
        message: inSpecTerms(String(m.data)),
        construct: c.node.path,
      })),
  );
  // A construct that warns twice with the same words (once per validation pass) is one warning.
  const seen = new Set<string>();
  const once = fromConstructs.filter((w) => !seen.has(JSON.stringify(w)) && seen.add(JSON.stringify(w)));
  return [...fromSpec, ...once];
}

// A warning names the spec element it came from, not a construct path the user never wrote.
function originOf(
  construct: IConstruct,
  built: BuiltFleet,
  loaded: LoadedSpec,
): Pick<FleetWarning, 'path' | 'file' | 'line' | 'column'> {
  for (let c: IConstruct | undefined = construct; c; c = c.node.scope) {
    const path = built.origins.get(c);
    if (path) return { path: formatPath(path), file: loaded.file, ...loaded.locator.locate(path, 'key') };
  }
  return {};
}
