// docs/errors.md is generated from the problem-code catalog (npm run docs:errors); this test fails when the committed
// file is not what the catalog makes, or when a code of the catalog is missing from it.
import { readFileSync } from 'fs';
import { join } from 'path';
import { PROBLEM_CODES } from '../lib/error-catalog';
import { errorDocs } from '../scripts/error-docs';

const FILE = join(__dirname, '..', 'docs', 'errors.md');

describe('docs/errors.md', () => {
  const committed = readFileSync(FILE, 'utf8');

  test('is what the catalog makes (run npm run docs:errors when this fails)', () => {
    const generated = errorDocs();
    const left = committed.split('\n');
    const right = generated.split('\n');
    const at = left.findIndex((line, i) => line !== right[i]);
    expect(at === -1 && left.length === right.length ? 'same' : `differs at line ${at + 1}: ${JSON.stringify(left[at])}`).toBe(
      'same',
    );
  });

  test('has a section with a wrong and a right example for every code', () => {
    const codes = Object.keys(PROBLEM_CODES);
    expect(codes.length).toBeGreaterThan(40);
    for (const code of codes) {
      const start = committed.indexOf(`\n### ${code}\n`);
      expect([code, start >= 0]).toEqual([code, true]);
      const end = committed.indexOf('\n### ', start + 1);
      const body = committed.slice(start, end < 0 ? undefined : end);
      expect(body).toMatch(/\nWrong[^\n]*:\n\n```/);
      expect(body).toMatch(/\nRight:\n\n```/);
    }
  });
});
