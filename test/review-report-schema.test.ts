/**
 * The JSON report against lib/review/report.schema.json: every review this file's neighbours run (the test files
 * that call `reviewOutDir`, directly or through the command line, are loaded here, with `reviewOutDir` wrapped) is
 * also produced as JSON and validated, so every fixture the review tests use, with and without a base, checks the
 * schema; then the check is shown to refuse a report that breaks the schema, and the schema is held to its promises.
 *
 * Loaded: every test file that makes a report through `reviewOutDir` in jest's process (LOADED). Not loaded:
 * - the stage tests (review-findings, review-render, review-report) build reports from hand-written models without
 *   `reviewOutDir`, so no wrapper sees them; review-render checks that the markdown of such a report is the
 *   markdown of its JSON read back, and review-report holds the report to the model;
 * - synth-kill.test.ts runs the command line in other processes (test/support/cli-process.ts), which no wrapper in
 *   this one reaches, and its one review in jest's process is refused (a stopped synth): it makes no report.
 */
import Ajv from 'ajv';
import schema from '../lib/review/report.schema.json';
import { FINDING_SEVERITY, REPORT_SCHEMA_VERSION } from '../lib/review';

/** A report the wrapped `reviewOutDir` captured: its directories, the test file that asked for it, the report. */
interface Captured {
  readonly what: string;
  readonly from: string;
  readonly report: unknown;
  /** The markdown the test asked for, when it asked for markdown. */
  readonly markdown?: string;
}

// Filled by the wrapped `reviewOutDir` (jest.mock factories may only reach variables named mock…).
const mockReports: Captured[] = [];

/** The test file (not this one) that called `reviewOutDir`, from the call's stack. */
function mockCallerFile(): string {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 100;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  const files = [...stack.matchAll(/[\\/]test[\\/]([\w.-]+\.test\.ts)/g)].map((m) => m[1]);
  return files.find((f) => f !== 'review-report-schema.test.ts') ?? '(unknown)';
}

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
      if (json !== undefined) {
        const what = `${outDir}${options.base ? ` --base ${options.base}` : ''}`;
        const markdown = options.format === 'json' ? undefined : out;
        mockReports.push({ what, from: mockCallerFile(), report: JSON.parse(json), markdown });
      }
      return out;
    },
  };
});

/**
 * The test files loaded here, each with the reports it makes today: fewer means reviews went unchecked (a test
 * that stopped calling `reviewOutDir`, or a call this wrapper no longer sees). Raise a number with the tests.
 */
const LOADED: Readonly<Record<string, number>> = {
  'review.test.ts': 37,
  'review-diff.test.ts': 37,
  'review-fleet.test.ts': 21,
  'review-interpolations.test.ts': 20,
  'review-out-dir.test.ts': 4,
  'review-properties.test.ts': 60,
  // `review base` and `review head --base base`, whose markdown the README quotes.
  'readme-excerpts.test.ts': 2,
  // Through lib/cli/main.ts, which imports the same module: `review`, `--format json`, `--output`, `--base`.
  'cli.test.ts': 5,
  // The review of an output whose synth was cut short by a full disk.
  'synth-output.test.ts': 1,
};

describe('every JSON report of the review tests', () => {
  /* eslint-disable @typescript-eslint/no-require-imports */
  require('./review.test');
  require('./review-diff.test');
  require('./review-fleet.test');
  require('./review-interpolations.test');
  require('./review-out-dir.test');
  require('./review-properties.test');
  require('./readme-excerpts.test');
  require('./cli.test');
  require('./synth-output.test');
  /* eslint-enable @typescript-eslint/no-require-imports */
});

const ajv = new Ajv({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

function problems(report: unknown): string[] {
  return validate(report)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

/** The check every captured report goes through: the reports the schema refuses, with why. */
function refused(reports: readonly Captured[]): { what: string; from: string; problems: string[] }[] {
  return reports.map((r) => ({ what: r.what, from: r.from, problems: problems(r.report) })).filter((r) => r.problems.length > 0);
}

/** A deep copy of a captured report, to plant a mistake in. */
const copy = (report: unknown): any => JSON.parse(JSON.stringify(report));

describe('report.schema.json', () => {
  // These run after the loaded files' tests: by then every report they made is captured.

  test('every report the loaded files made passes the schema', () => {
    expect(mockReports.length).toBeGreaterThan(100);
    const withChanges = mockReports.filter((r) => (r.report as { changes?: unknown }).changes !== undefined);
    expect(withChanges.length).toBeGreaterThan(20);
    expect(refused(mockReports).slice(0, 3)).toEqual([]);
  });

  test('each loaded file made its reports, and no report came from elsewhere', () => {
    const counts: Record<string, number> = {};
    for (const r of mockReports) counts[r.from] = (counts[r.from] ?? 0) + 1;
    expect(Object.keys(counts).sort()).toEqual(Object.keys(LOADED).sort());
    const short = Object.entries(LOADED)
      .filter(([file, fewest]) => counts[file] < fewest)
      .map(([file, fewest]) => `${file}: ${counts[file]} reports, fewer than ${fewest}`);
    expect(short).toEqual([]);
  });

  test('the markdown of each report prints each of its findings, once per finding', () => {
    const withMarkdown = mockReports.filter((r) => r.markdown !== undefined);
    expect(withMarkdown.length).toBeGreaterThan(50);
    const unprinted = withMarkdown.flatMap((r) => {
      const lines = r.markdown!.split('\n').filter((l) => l.startsWith('- ⚠ '));
      const messages = (r.report as { findings: { message: string }[] }).findings.map((f) => `- ⚠ ${f.message}`);
      return messages.length === lines.length && messages.every((m) => lines.includes(m)) ? [] : [r.what];
    });
    expect(unprinted.slice(0, 3)).toEqual([]);
  });

  test('the reports hold a finding of every code', () => {
    const codes = new Set(mockReports.flatMap((r) => (r.report as { findings: { code: string }[] }).findings.map((f) => f.code)));
    expect([...codes].sort()).toEqual(Object.keys(FINDING_SEVERITY).sort());
  });

  describe('the check refuses a report with a planted mistake, naming where', () => {
    const withFindings = () => mockReports.find((r) => (r.report as { findings: unknown[] }).findings.length > 1)!;
    const plants: [string, (report: any) => void, string][] = [
      ['a finding of an unknown code', (r) => (r.findings[0].code = 'REVIEW-NOT-A-CODE'), '/findings/0/code'],
      ['a finding of an unknown severity', (r) => (r.findings[1].severity = 'fatal'), '/findings/1/severity'],
      ['a finding with a field the schema does not describe', (r) => (r.findings[0].subject = 'lake'), '/findings/0'],
      ['a finding without its message', (r) => delete r.findings[0].message, '/findings/0'],
      ['a count that is not a number', (r) => (r.summary.vaults = '1'), '/summary/vaults'],
      ["a vault's warning that is not a sentence", (r) => (r.vaults[0].warnings = [1]), '/vaults/0/warnings/0'],
      ['no findings (a report of version 1)', (r) => delete r.findings, '/'],
      ['schemaVersion 1', (r) => (r.schemaVersion = 1), '/schemaVersion'],
    ];

    test.each(plants)('%s', (_, plant, where) => {
      const captured = withFindings();
      const planted: Captured = { what: 'planted', from: 'here', report: copy(captured.report) };
      plant(planted.report);
      const result = refused([captured, planted]);
      expect(result.map((r) => r.what)).toEqual(['planted']);
      expect(result[0].problems.map((p) => p.split(' ')[0])).toContain(where);
    });
  });

  test('is a draft-07 schema whose schemaVersion is the one the report writes', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.properties.schemaVersion.const).toBe(REPORT_SCHEMA_VERSION);
    expect(REPORT_SCHEMA_VERSION).toBe(2);
  });

  test('names every finding code and severity of findings.ts, and only those', () => {
    const finding = schema.definitions.finding.properties;
    expect(finding.code.enum).toEqual(Object.keys(FINDING_SEVERITY));
    expect([...finding.severity.enum].sort()).toEqual([...new Set(Object.values(FINDING_SEVERITY))].sort());
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
