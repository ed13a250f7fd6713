// Synthesizes every example app into one cdktf.out/ (one stack each), as `cdktf synth` would lay it out:
// cdktf.out/stacks/<example>/cdk.tf.json plus one manifest.json listing them all.
import { App } from 'cdktf';
import { CompleteStack } from '../examples/complete/main';
import { ExistingAccountStack } from '../examples/existing-account/main';
import { QuickstartStack } from '../examples/quickstart/main';

const app = new App({ outdir: process.env.CDKTF_OUTDIR ?? 'cdktf.out' });
new QuickstartStack(app, 'quickstart');
new CompleteStack(app, 'complete');
new ExistingAccountStack(app, 'existing-account');
app.synth();
console.log(`Synthesized ${app.node.children.length} example stacks into ${app.outdir}/stacks/`);
