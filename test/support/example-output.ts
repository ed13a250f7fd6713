// The three TypeScript examples synthesized into a directory, and edited copies of that output: the review
// tests read them as a user's cdktf.out.
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import { CompleteStack } from '../../examples/complete/main';
import { ExistingAccountStack } from '../../examples/existing-account/main';
import { QuickstartStack } from '../../examples/quickstart/main';

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
