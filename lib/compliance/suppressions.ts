import { IConstruct } from 'constructs';
import { codeOf } from '../private/code-of';
import { Problems, refuse } from '../private/problems';
import { ComplianceRule } from './rules';

/** A finding the team accepts, with the reason a reviewer will read in the synth output. */
export interface ComplianceSuppression {
  /** The rule whose findings on this construct (and below it) are accepted. */
  readonly rule: ComplianceRule;
  /** Why: at least 10 characters, shown with every finding it suppresses. */
  readonly reason: string;
}

const RULES = Object.values(ComplianceRule) as string[];
const MIN_REASON = 10;
const suppressions = new WeakMap<IConstruct, ComplianceSuppression[]>();

/** Records suppressions on `construct`; they apply to it and everything below it. */
export function addSuppressions(construct: IConstruct, list: readonly ComplianceSuppression[]): void {
  const problems = new Problems('DataLakeBackupCompliance.suppress');
  if (!construct || typeof (construct as IConstruct).node !== 'object') {
    refuse(
      codeOf(construct, false, 'ADLSBK-TYPE'),
      'construct',
      'must be a construct',
      construct,
      'DataLakeBackupCompliance.suppress',
    );
  }
  if (!Array.isArray(list) || list.length === 0) {
    const code = Array.isArray(list) ? 'ADLSBK-EMPTY' : codeOf(list, false, 'ADLSBK-TYPE');
    problems.add(code, 'suppressions', 'must list at least one { rule, reason }', list);
  }
  (Array.isArray(list) ? list : []).forEach((s, i) => {
    problems.check(
      RULES.includes(s?.rule),
      'ADLSBK-SUPPRESSION',
      `suppressions[${i}].rule`,
      `must be one of ${RULES.join(', ')}`,
      s?.rule,
    );
    problems.check(
      typeof s?.reason === 'string' && s.reason.trim().length >= MIN_REASON,
      'ADLSBK-SUPPRESSION',
      `suppressions[${i}].reason`,
      `must say why in at least ${MIN_REASON} characters (it is shown with every finding it suppresses)`,
      s?.reason,
    );
  });
  problems.throwIfAny();
  suppressions.set(construct, [...(suppressions.get(construct) ?? []), ...list]);
}

/** The suppression of `rule` on `construct` or its nearest ancestor that has one. */
export function suppressionOf(construct: IConstruct, rule: ComplianceRule): ComplianceSuppression | undefined {
  for (let c: IConstruct | undefined = construct; c; c = c.node.scope) {
    const found = suppressions.get(c)?.find((s) => s.rule === rule);
    if (found) return found;
  }
  return undefined;
}
