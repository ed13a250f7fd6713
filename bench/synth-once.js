// One measured synthesis in this fresh process: `node bench/synth-once.js <library|baseline> <n> <outdir>`.
// Prints one JSON line: resources by type, the output size, and this process's peak RSS.
'use strict';
const fs = require('fs');
const path = require('path');
const { App } = require('cdktf');
const lib = require('../dist/lib');
const { buildLibrary, buildBaseline } = require('./apps');

const [kind, n, outdir] = [process.argv[2], Number(process.argv[3]), process.argv[4]];
const app = new App({ outdir, stackTraces: false });
(kind === 'library' ? buildLibrary : buildBaseline)(app, n, lib);
app.synth();

const file = path.join(outdir, 'stacks', 'bench', 'cdk.tf.json');
const json = JSON.parse(fs.readFileSync(file, 'utf8'));
const resources = Object.fromEntries(Object.entries(json.resource).map(([type, all]) => [type, Object.keys(all).length]));
process.stdout.write(
  `${JSON.stringify({ resources, sameAs: signature(json), jsonBytes: fs.statSync(file).size, maxRssKiB: process.resourceUsage().maxRSS })}\n`,
);

// What the Terraform says, leaving out names: every resource's arguments with addresses and the "//" metadata
// removed, sorted. The library and the baseline must agree on it.
function signature(config) {
  const anonymous = (value) =>
    JSON.stringify(value, (key, v) =>
      key === '//'
        ? undefined
        : typeof v === 'string'
          ? v.replace(/\$\{[^}]+\}/g, '${ref}').replace(/^[a-z_]+\.[A-Za-z0-9_-]+$/, 'address')
          : v,
    );
  const bodies = Object.entries(config.resource).flatMap(([type, all]) =>
    Object.values(all).map((body) => `${type} ${anonymous(body)}`),
  );
  return require('crypto').createHash('sha256').update(bodies.sort().join('\n')).digest('hex');
}
