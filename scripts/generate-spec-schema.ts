// Writes lib/fleet/fleet-spec.schema.json, the published JSON Schema of the fleet spec, from lib/fleet/spec-schema.ts
// (built from the library's rules). With --check, writes nothing and exits 1 when the committed file differs.
//
//   npm run schema    (or: npm run build && node dist/scripts/generate-spec-schema.js --check)
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join, relative } from 'path';
import { fleetSpecSchemaText } from '../lib/fleet/spec-schema';

// This file runs compiled, from dist/scripts/ (or from scripts/ under a TypeScript runner).
const ROOT = existsSync(join(__dirname, '..', 'package.json')) ? join(__dirname, '..') : join(__dirname, '..', '..');
const TARGET = join(ROOT, 'lib', 'fleet', 'fleet-spec.schema.json');

const wanted = fleetSpecSchemaText();
const current = existsSync(TARGET) ? readFileSync(TARGET, 'utf8') : undefined;
const shown = relative(process.cwd(), TARGET) || TARGET;
if (process.argv.includes('--check')) {
  if (current !== wanted) {
    console.error(`${shown} differs from lib/fleet/spec-schema.ts: run npm run schema`);
    process.exit(1);
  }
  console.log(`${shown} is up to date`);
} else if (current === wanted) {
  console.log(`${shown} is up to date`);
} else {
  writeFileSync(TARGET, wanted);
  console.log(`Wrote ${shown}`);
}
