// Turns the spec's text values into the library's value objects. The schema has already checked their shape.
import { Duration } from '../duration';
import { BackupConfigError } from '../errors';
import { AbsoluteCriteria, MonthOfYear, RetentionRule, WeekOfMonth } from '../retention';
import { BackupSchedule, DayOfWeek } from '../schedule';
import { retentionDurationTextParts, waitTextParts } from '../private/rules';
import { CustomRuleSpec, NamedRuleSpec, PolicySpec, RetentionSpec, WaitText } from './spec';

const RETENTION_UNITS: Record<'D' | 'W' | 'M' | 'Y', (n: number) => Duration> = {
  D: Duration.days,
  W: Duration.weeks,
  M: Duration.months,
  Y: Duration.years,
};
const WAIT_UNITS: Record<'S' | 'M' | 'H', (n: number) => Duration> = {
  S: Duration.seconds,
  M: Duration.minutes,
  H: Duration.hours,
};

/** `P30D` → `Duration.days(30)`; the library then applies Azure's limits. The text form is RETENTION_DURATION_TEXT. */
export function retentionDuration(text: string): Duration {
  const { amount, unit } = retentionDurationTextParts(text)!;
  return RETENTION_UNITS[unit](amount);
}

/**
 * `PT5M` → `Duration.minutes(5)`; `false` stays false (no wait); undefined keeps the library's default. The text
 * form is WAIT_TEXT.
 */
export function waitDuration(text: WaitText | undefined): Duration | false | undefined {
  if (text === undefined || text === false) return text;
  const { amount, unit } = waitTextParts(text)!;
  return WAIT_UNITS[unit](amount);
}

export function scheduleOf(policy: PolicySpec): BackupSchedule {
  const { frequency, time, days, utcOffset } = policy.schedule;
  const [hour, minute] = time.split(':').map(Number);
  return frequency === 'weekly'
    ? BackupSchedule.weekly({ days: (days ?? []) as DayOfWeek[], hour, minute, utcOffset })
    : BackupSchedule.daily({ hour, minute, utcOffset });
}

/** The named rules (weekly, monthly, yearly), then the custom ones; the library orders them by priority. */
export function retentionRulesOf(retention: RetentionSpec): RetentionRule[] {
  const rules: RetentionRule[] = [];
  const named = (spec: string | NamedRuleSpec | undefined, make: typeof RetentionRule.weekly) => {
    if (spec === undefined) return;
    const { keep, ...options } = typeof spec === 'string' ? { keep: spec } : spec;
    rules.push(make(retentionDuration(keep), options as never));
  };
  named(retention.weekly, RetentionRule.weekly);
  named(retention.monthly, RetentionRule.monthly);
  named(retention.yearly, RetentionRule.yearly);
  (retention.custom ?? []).forEach((custom, i) => rules.push(customRule(custom, i)));
  return rules;
}

// A custom rule's problems name the rule by its place in the spec's list (`RetentionRule.custom[1]`), so that
// build-fleet.ts locates them at that rule's own field.
function customRule(spec: CustomRuleSpec, index: number): RetentionRule {
  try {
    return makeCustomRule(spec);
  } catch (e) {
    if (!BackupConfigError.isBackupConfigError(e)) throw e;
    throw new BackupConfigError(e.problems, `RetentionRule.custom[${index}]`);
  }
}

function makeCustomRule(spec: CustomRuleSpec): RetentionRule {
  return RetentionRule.custom({
    name: spec.name,
    duration: retentionDuration(spec.keep),
    absoluteCriteria: spec.absoluteCriteria as AbsoluteCriteria | undefined,
    daysOfWeek: spec.daysOfWeek as DayOfWeek[] | undefined,
    weeksOfMonth: spec.weeksOfMonth as WeekOfMonth[] | undefined,
    monthsOfYear: spec.monthsOfYear as MonthOfYear[] | undefined,
    scheduledBackupTimes: spec.scheduledBackupTimes,
  });
}
