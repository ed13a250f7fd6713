// Review report of a synthesized cdktf output directory: what each vault protects, how, in what order, and what
// changes against an older output. The command line calls `reviewOutDir`.
//
// A pipeline, each stage importing only from the stages before it:
//   read (files to plain data) → model (immutable, built once) → changes and findings (pure functions)
//   → report (the JSON report's data) → render (markdown, JSON, mermaid: formatting only) → this entry.
import { echoValue } from '../private/echo';
import { inputError } from '../private/problems';
import { diffModels } from './changes';
import { findingsOf } from './findings';
import { buildModel } from './model';
import { readOutDir } from './read';
import { buildReport } from './report';
import { renderJson, renderMarkdown } from './render';

export type {
  ReviewReport,
  ReviewSummary,
  VaultReport,
  DeletionLockReport,
  PolicyReport,
  RetentionRuleReport,
  AccountReport,
  GrantReport,
  OrderingReport,
  WarningReport,
  InterpolationReport,
} from './report';
export { REPORT_SCHEMA_VERSION } from './report';
export type { Interpolation } from './interpolations';
export type {
  ChangesReport,
  ArgChange,
  PolicyReplacement,
  VaultChange,
  AccountChange,
  ReferenceChange,
  DroppedStack,
  WaitChange,
  ContainerChange,
  PolicyMove,
  PolicyRef,
  GrantChange,
  OtherChange,
  StackSettings,
} from './changes';
export type { Finding, FindingCode, Severity } from './findings';
export { FINDING_SEVERITY } from './findings';
export type { AccountVia, NodeKind, OrderingNode } from './model';

export { AdlsBackupError, InputError } from '../errors';
export type { Problem } from '../errors';

/** The report's format: markdown for people, JSON (report.schema.json) for tools. */
export type ReviewFormat = 'md' | 'json';

/** What `reviewOutDir` compares with and how it prints. */
export interface ReviewOptions {
  /** An older synthesized output directory to compare with: the report then starts with the changes. */
  readonly base?: string;
  /** @default 'md' */
  readonly format?: ReviewFormat;
}

/** Reads `outDir` (and `base`), returns the report text (ends with a newline). Bad input throws `InputError`. */
export function reviewOutDir(outDir: string, options: ReviewOptions = {}): string {
  const format = options.format ?? 'md';
  if (format !== 'md' && format !== 'json')
    throw inputError('ADLSBK-CLI-USAGE', 'format', 'must be md or json', echoValue(format));
  const model = buildModel(readOutDir(outDir, 'output directory'));
  const changes =
    options.base === undefined
      ? undefined
      : diffModels(buildModel(readOutDir(options.base, 'base directory')), model, options.base);
  const report = buildReport(model, findingsOf(model), changes);
  return format === 'json' ? renderJson(report) : renderMarkdown(report);
}
