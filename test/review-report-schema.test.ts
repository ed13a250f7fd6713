/**
 * The JSON report against lib/review/report.schema.json: every review this file's neighbours run (the review test
 * files are loaded here, with `reviewOutDir` wrapped) is also produced as JSON and validated, so every fixture the
 * review tests use, with and without a base, checks the schema; then the schema itself is held to its promises.
 */
import Ajv from 'ajv';
import schema from '../lib/review/report.schema.json';
import { REPORT_SCHEMA_VERSION } from '../lib/review';

// Filled by the wrapped `reviewOutDir` (jest.mock factories may only reach variables named mock…).
const mockReports: { readonly what: string; readonly report: unknown }[] = [];

jest.mock('../lib/review', () => {
  const actual = jest.requireActual('../lib/review');
  return {
    ...actual,
    reviewOutDir: (outDir: string, options: { base?: string; format?: string } = {}) => {
      const out = actual.reviewOutDir(outDir, options);
      let json: string | undefined;
      try {
        json = options.format === 'json' ? out : actual.reviewOutDir(outDir, { ...options, format: 'json' });
      } catch {
        json = undefined; // an input error: no report
      }
      if (json !== undefined)
        mockReports.push({ what: `${outDir}${options.base ? ` --base ${options.base}` : ''}`, report: JSON.parse(json) });
      return out;
    },
  };
});

const ajv = new Ajv({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

function problems(report: unknown): string[] {
  return validate(report)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

describe('every JSON report of the review tests', () => {
  /* eslint-disable @typescript-eslint/no-require-imports */
  require('./review.test');
  require('./review-diff.test');
  require('./review-fleet.test');
  require('./review-interpolations.test');
  require('./review-out-dir.test');
  require('./review-properties.test');
  /* eslint-enable @typescript-eslint/no-require-imports */
});

describe('report.schema.json', () => {
  afterAll(() => {
    // Runs after the loaded files' tests: by then every report they made is captured.
    expect(mockReports.length).toBeGreaterThan(100);
    const withChanges = mockReports.filter((r) => (r.report as { changes?: unknown }).changes !== undefined);
    expect(withChanges.length).toBeGreaterThan(20);
    const bad = mockReports.map((r) => ({ what: r.what, problems: problems(r.report) })).filter((r) => r.problems.length > 0);
    expect(bad.slice(0, 3)).toEqual([]);
  });

  test('is a draft-07 schema whose schemaVersion is the one the report writes', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.properties.schemaVersion.const).toBe(REPORT_SCHEMA_VERSION);
  });

  test('every object it describes is closed and every field is described', () => {
    const open: string[] = [];
    const undescribed: string[] = [];
    const walk = (node: any, where: string): void => {
      if (typeof node !== 'object' || node === null) return;
      if (node.type === 'object' && node.additionalProperties !== false) open.push(where);
      for (const [name, property] of Object.entries<any>(node.properties ?? {})) {
        if (typeof property.description !== 'string' || property.description === '') undescribed.push(`${where}.${name}`);
        walk(property, `${where}.${name}`);
      }
      if (node.items) walk(node.items, `${where}[]`);
      for (const [name, definition] of Object.entries<any>(node.definitions ?? {})) walk(definition, `#${name}`);
    };
    walk(schema, '');
    expect(open).toEqual([]);
    expect(undescribed).toEqual([]);
  });

  test('refuses a field it does not describe, and a report of another version', () => {
    const report = mockReports[0]?.report as Record<string, unknown>;
    expect(problems(report)).toEqual([]);
    expect(problems({ ...report, extra: true })).not.toEqual([]);
    expect(problems({ ...report, schemaVersion: REPORT_SCHEMA_VERSION + 1 })).not.toEqual([]);
    const { schemaVersion: _version, ...unversioned } = report;
    expect(problems(unversioned)).not.toEqual([]);
  });
});
