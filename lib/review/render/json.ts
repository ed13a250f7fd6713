// The JSON renderer: the report as `--format json` prints it (described by ../report.schema.json).
import type { ReviewReport } from '../report';

/** The report as indented JSON, ending with a newline. */
export function renderJson(report: ReviewReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
