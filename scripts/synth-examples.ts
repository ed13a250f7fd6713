// Synthesizes every example into one cdktf.out/, as `cdktf synth` would lay it out: the three TypeScript apps
// (one stack each) and the fleet spec (one stack per region), with one manifest.json listing them all.
import { join } from 'path';
import { App } from 'cdktf';
import { CompleteStack } from '../examples/complete/main';
import { ExistingAccountStack } from '../examples/existing-account/main';
import { QuickstartStack } from '../examples/quickstart/main';
import { buildFleet, loadFleetSpec } from '../lib/fleet';

// This file runs compiled, from dist/scripts/.
const FLEET_SPEC = join(__dirname, '..', '..', 'examples', 'fleet', 'backup.yaml');

const app = new App({ outdir: process.env.CDKTF_OUTDIR ?? 'cdktf.out', stackTraces: false }); // no machine paths in manifest.json
new QuickstartStack(app, 'quickstart');
new CompleteStack(app, 'complete');
new ExistingAccountStack(app, 'existing-account');
const fleet = buildFleet(app, loadFleetSpec(FLEET_SPEC));
app.synth();
console.log(
  `Synthesized ${app.node.children.length} example stacks into ${app.outdir}/stacks/ (${fleet.stacks.length} from examples/fleet/backup.yaml)`,
);
