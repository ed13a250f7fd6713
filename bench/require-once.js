// The cold `require` of the built package, in this fresh process: prints milliseconds.
'use strict';
const start = process.hrtime.bigint();
require('../dist/lib');
process.stdout.write(`${Number(process.hrtime.bigint() - start) / 1e6}\n`);
