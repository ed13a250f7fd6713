import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App } from 'cdktf';
import { IConstruct } from 'constructs';
import { InputError } from '../cli/input-error';
import { buildFleet, BuiltFleet, inSpecTerms } from './build-fleet';
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
  checkOutDir(outDir);
  // Build (and so refuse a bad spec) before anything in outDir is touched; cdktf's App creates outDir if missing.
  const app = new App({ outdir: outDir, stackTraces: false });
  const built = buildFleet(app, loaded);
  for (const stack of built.stacks) stack.runAllValidations();
  clearPreviousSynthesis(outDir);
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

function checkOutDir(outDir: string): void {
  if (!existsSync(outDir)) return;
  if (!statSync(outDir).isDirectory()) throw new InputError(`--out ${outDir}: exists and is not a directory`);
  if (readdirSync(outDir).length > 0 && !isPreviousSynthesis(outDir)) {
    throw new InputError(
      `--out ${outDir}: the directory is not empty and is not a previous synthesis (no cdktf manifest.json listing stacks under stacks/); choose another directory`,
    );
  }
}

// Only what cdktf itself wrote is removed: a manifest with a version and stacks under stacks/, and nothing else
// at the top level but that manifest and the stacks folder.
function isPreviousSynthesis(outDir: string): boolean {
  let manifest: { version?: unknown; stacks?: Record<string, { synthesizedStackPath?: unknown }> };
  try {
    manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
  } catch {
    return false;
  }
  const stacks = manifest.stacks;
  if (typeof manifest.version !== 'string' || typeof stacks !== 'object' || stacks === null) return false;
  const listed = Object.values(stacks).every(
    (s) => typeof s?.synthesizedStackPath === 'string' && s.synthesizedStackPath.startsWith('stacks/'),
  );
  const onlyOurs = readdirSync(outDir).every((name) => name === 'manifest.json' || name === 'stacks');
  return listed && onlyOurs;
}

// The stacks folder itself stays: cdktf's App made it when it was constructed, and writes into it.
function clearPreviousSynthesis(outDir: string): void {
  if (!existsSync(join(outDir, 'manifest.json'))) return;
  const stacks = join(outDir, 'stacks');
  for (const name of existsSync(stacks) ? readdirSync(stacks) : []) rmSync(join(stacks, name), { recursive: true, force: true });
  rmSync(join(outDir, 'manifest.json'), { force: true });
}

function warningsOf(app: App, loaded: LoadedSpec, built: BuiltFleet): string[] {
  const fromSpec = loaded.warnings.map((w) => `${formatLocation(loaded.file, w)}: ${w.message}`);
  const fromConstructs = app.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata
        .filter((m) => m.type === '@cdktf/warn')
        .map((m) => `${originOf(c, built, loaded)}: ${inSpecTerms(String(m.data))}`),
    );
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
