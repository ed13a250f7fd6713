// The published JSON Schema (lib/fleet/fleet-spec.schema.json, what editors read) is generated from
// lib/fleet/spec-schema.ts, which builds it from the library's rules; the command checks specs against the built
// schema. This test fails when the committed file is not what the builder makes.
import { readFileSync } from 'fs';
import { join } from 'path';
import { FLEET_SPEC_SCHEMA } from '../lib/fleet';

const FILE = join(__dirname, '..', 'lib', 'fleet', 'fleet-spec.schema.json');
const REGENERATE = 'npm run schema';

/** The first line where `a` and `b` differ, both shown, or undefined when they are the same text. */
function firstDifference(a: string, b: string): string | undefined {
  if (a === b) return undefined;
  const left = a.split('\n');
  const right = b.split('\n');
  const at = left.findIndex((line, i) => line !== right[i]);
  const i = at === -1 ? left.length : at;
  return `line ${i + 1}:\n  committed: ${JSON.stringify(left[i])}\n  generated: ${JSON.stringify(right[i])}`;
}

describe('the published fleet spec schema', () => {
  const committed = readFileSync(FILE, 'utf8');
  // The same text the generator writes: 2-space JSON with a final newline.
  const generated = `${JSON.stringify(FLEET_SPEC_SCHEMA, null, 2)}\n`;

  test('is what lib/fleet/spec-schema.ts builds (regenerate it when this fails)', () => {
    const difference = firstDifference(committed, generated);
    if (difference !== undefined) {
      throw new Error(
        `lib/fleet/fleet-spec.schema.json is not what lib/fleet/spec-schema.ts builds, first at ${difference}\n` +
          `Regenerate it with: ${REGENERATE}`,
      );
    }
  });

  test('is 2-space JSON with one final newline, and its keys in the builder order', () => {
    expect(committed.endsWith('}\n')).toBe(true);
    expect(committed.endsWith('\n\n')).toBe(false);
    expect(committed.split('\n')[1]).toBe('  "$schema": "http://json-schema.org/draft-07/schema#",');
    expect(Object.keys(JSON.parse(committed))).toEqual(Object.keys(FLEET_SPEC_SCHEMA));
  });

  test('the command checks specs against the same schema', () => {
    expect(JSON.parse(committed)).toEqual(FLEET_SPEC_SCHEMA);
  });
});
