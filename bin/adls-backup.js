#!/usr/bin/env node
// The `adls-backup` command. The TypeScript is compiled to dist/ by `npm run build` (the packages ship it built).
'use strict';
let cli;
try {
  cli = require('../dist/lib/cli/main.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('dist/lib/cli/main')) {
    process.stderr.write('adls-backup: not built yet: run `npm run build` in the repository first\n');
    process.exit(1);
  }
  throw e;
}
process.exitCode = cli.run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
