// Writes docs/errors.md from the problem-code catalog (scripts/error-docs.ts).
//
//   npm run docs:errors
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join, relative } from 'path';
import { errorDocs } from './error-docs';

// This file runs compiled, from dist/scripts/ (or from scripts/ under a TypeScript runner).
const ROOT = existsSync(join(__dirname, '..', 'package.json')) ? join(__dirname, '..') : join(__dirname, '..', '..');
const TARGET = join(ROOT, 'docs', 'errors.md');

const wanted = errorDocs();
const shown = relative(process.cwd(), TARGET) || TARGET;
if (existsSync(TARGET) && readFileSync(TARGET, 'utf8') === wanted) {
  console.log(`${shown} is up to date`);
} else {
  writeFileSync(TARGET, wanted);
  console.log(`Wrote ${shown}`);
}
