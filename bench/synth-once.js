// One measured synthesis in this fresh process: `node bench/synth-once.js <library|baseline> <n> <outdir>`.
// Prints one JSON line with this process's peak RSS. The parent reads the output afterwards, outside the timing.
'use strict';
const { App } = require('cdktf');
const { buildLibrary, buildBaseline } = require('./apps');

const [kind, n, outdir] = [process.argv[2], Number(process.argv[3]), process.argv[4]];
const app = new App({ outdir, stackTraces: false });
if (kind === 'library') buildLibrary(app, n, require('../dist/lib'));
// The baseline loads only the project's ADLS L1 bindings, as a hand-written app would.
else buildBaseline(app, n, require('../dist/lib/azurerm'));
app.synth();
process.stdout.write(`${JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS })}\n`);
