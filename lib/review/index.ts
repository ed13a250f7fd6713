// Review report of a synthesized cdktf output directory: what each vault protects, how, in what order, and what
// changes against an older output. The command line calls `reviewOutDir`.
import { InputError } from '../cli/input-error';
import { diffModels } from './diff';
import { buildReport } from './json-report';
import { renderMarkdown } from './markdown';
import { buildModel } from './model';
import { readOutDir } from './read-out-dir';

export type {
  ReviewReport,
  VaultReport,
  PolicyReport,
  AccountReport,
  GrantReport,
  OrderingReport,
  WarningReport,
  InterpolationReport,
} from './json-report';
export type { Interpolation } from './interpolations';
export type { ChangesReport, ReferenceChange, DroppedStack, WaitChange, StackSettings, ArgChange } from './diff';

export type ReviewFormat = 'md' | 'json';

export interface ReviewOptions {
  /** An older synthesized output directory to compare with: the report then starts with the changes. */
  readonly base?: string;
  /** @default 'md' */
  readonly format?: ReviewFormat;
}

/** Reads `outDir` (and `base`), returns the report text (ends with a newline). Bad input throws `InputError`. */
export function reviewOutDir(outDir: string, options: ReviewOptions = {}): string {
  const format = options.format ?? 'md';
  if (format !== 'md' && format !== 'json') throw new InputError(`format must be md or json, got: ${String(format)}`);
  const model = buildModel(readOutDir(outDir, 'output directory'));
  const changes =
    options.base === undefined ? undefined : diffModels(buildModel(readOutDir(options.base, 'base')), model, options.base);
  const report = buildReport(model, changes);
  return format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderMarkdown(report);
}
