import { existsSync, readdirSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App } from 'cdktf';
import { IConstruct } from 'constructs';
import { InputError } from '../cli/input-error';
import { buildFleet, BuiltFleet } from './build-fleet';
import { LoadedSpec } from './load-spec';
import { formatLocation } from './spec-problems';

/** What a synth or validate run made of the spec, for the summary line and the warnings. */
export interface FleetResult {
  readonly built: BuiltFleet;
  /** Warnings of the constructs (irreversible settings, unlisted regions, ...) and of the spec's rules. */
  readonly warnings: readonly string[];
}

/**
 * Synthesizes the spec into `outDir` in the layout `cdktf synth` writes (`stacks/<stack>/cdk.tf.json` and
 * `manifest.json`). A previous synthesis there is replaced, so a stack dropped from the spec leaves no stale files;
 * a directory that holds anything else is refused rather than emptied.
 */
export function synthFleet(loaded: LoadedSpec, outDir: string): FleetResult {
  prepareOutDir(outDir);
  const app = new App({ outdir: outDir, stackTraces: false });
  const built = buildFleet(app, loaded);
  app.synth();
  return { built, warnings: warningsOf(app, loaded, built) };
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

function prepareOutDir(outDir: string): void {
  if (!existsSync(outDir)) return;
  if (!statSync(outDir).isDirectory()) throw new InputError(`--out ${outDir}: exists and is not a directory`);
  const entries = readdirSync(outDir);
  if (entries.length === 0) return;
  if (!entries.includes('manifest.json')) {
    throw new InputError(
      `--out ${outDir}: the directory is not empty and holds no manifest.json, so it is not a previous synthesis; choose another directory`,
    );
  }
  rmSync(join(outDir, 'stacks'), { recursive: true, force: true });
  rmSync(join(outDir, 'manifest.json'), { force: true });
}

function warningsOf(app: App, loaded: LoadedSpec, built: BuiltFleet): string[] {
  const fromSpec = loaded.warnings.map((w) => `${formatLocation(loaded.file, w)}: ${w.message}`);
  const fromConstructs = app.node
    .findAll()
    .flatMap((c) => c.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => `${originOf(c, built, loaded)}: ${String(m.data)}`));
  return [...fromSpec, ...new Set(fromConstructs)];
}

// A warning names the spec element it came from, not a construct path the user never wrote.
function originOf(construct: IConstruct, built: BuiltFleet, loaded: LoadedSpec): string {
  for (let c: IConstruct | undefined = construct; c; c = c.node.scope) {
    const path = built.origins.get(c);
    if (path) return `${formatLocation(loaded.file, loaded.locator.problem(path, '', 'key'))} (${construct.node.path})`;
  }
  return construct.node.path;
}
