import { existsSync, readFileSync, writeFileSync } from 'fs';

/**
 * Holds `actual` to the committed golden file `file`. With UPDATE_REVIEW_GOLDEN=1 the file is rewritten, but the
 * comparison is still with what was committed: the run fails and jest shows the diff, for a person to read before
 * committing; the next run passes. A golden is never compared with itself, and CI refuses to rewrite one.
 */
export function expectGolden(file: string, actual: string): void {
  const committed = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (process.env.UPDATE_REVIEW_GOLDEN === '1') {
    if (!['', '0', 'false', undefined].includes(process.env.CI))
      throw new Error('UPDATE_REVIEW_GOLDEN=1 is for a person who reads the diff, not for CI');
    if (committed !== actual) writeFileSync(file, actual);
  }
  expect(actual).toBe(committed);
}
