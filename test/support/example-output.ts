// The three TypeScript examples and the fleet example synthesized into a directory, and edited copies of that
// output: the review tests read them as a user's cdktf.out.
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import { CompleteStack } from '../../examples/complete/main';
import { ExistingAccountStack } from '../../examples/existing-account/main';
import { QuickstartStack } from '../../examples/quickstart/main';
import { loadFleetSpec, parseFleetSpec, synthFleet } from '../../lib/fleet';

/** The fleet example's spec. */
export const FLEET_SPEC = path.join(__dirname, '..', '..', 'examples', 'fleet', 'backup.yaml');

/** Synthesizes quickstart, complete and existing-account into `outdir`, as `npm run synth` lays them out. */
export function synthExamples(outdir: string): void {
  const app = new App({ outdir });
  new QuickstartStack(app, 'quickstart');
  new CompleteStack(app, 'complete');
  new ExistingAccountStack(app, 'existing-account');
  app.synth();
}

/** A copy of `source` at `<parent>/<name>` whose stack `stack` is edited by `edit`. */
export function editedCopy(source: string, parent: string, name: string, stack: string, edit: (json: any) => void): string {
  const dir = path.join(parent, name);
  fs.cpSync(source, dir, { recursive: true });
  const file = path.join(dir, 'stacks', stack, 'cdk.tf.json');
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  edit(json);
  fs.writeFileSync(file, JSON.stringify(json, null, 2));
  return dir;
}

/** The single resource of `type` in a stack's JSON (fails the test when there is not exactly one). */
export function onlyOf(json: any, type: string): any {
  const all = Object.values(json.resource[type]);
  expect(all).toHaveLength(1);
  return all[0];
}

/**
 * Synthesizes the fleet example into `outdir`, in process, as `adls-backup synth` does. `edit` changes the YAML
 * text first (build it with `replaceOnce`, so that a spec that no longer holds the text fails the test).
 */
export function synthFleetExample(outdir: string, edit?: (yaml: string) => string): void {
  const loaded = edit ? parseFleetSpec(edit(fs.readFileSync(FLEET_SPEC, 'utf8')), 'backup.yaml') : loadFleetSpec(FLEET_SPEC);
  synthFleet(loaded, outdir);
}

/** `text` with `from`, which must occur exactly once, replaced by `to`. */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`expected exactly one ${JSON.stringify(from)} in the text`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}
