import { Duration, TimeUnit } from './duration';
import { parseDateTime } from './private/date-time';
import { codeOf } from './private/code-of';
import { isLiteral, isTokenCollection, Problems, refuse } from './private/problems';
import { checkEnum } from './private/common-checks';
import { DayOfWeek } from './schedule';
import { brand, isBranded } from './private/brand';
import { RETENTION_RULE_NAME, RETENTION_RULE_NAME_RULE } from './private/rules';

/** Weeks of a month, as azurerm spells them. */
export enum WeekOfMonth {
  FIRST = 'First',
  SECOND = 'Second',
  THIRD = 'Third',
  FOURTH = 'Fourth',
  LAST = 'Last',
}

/** Months of the year, as azurerm spells them. */
export enum MonthOfYear {
  JANUARY = 'January',
  FEBRUARY = 'February',
  MARCH = 'March',
  APRIL = 'April',
  MAY = 'May',
  JUNE = 'June',
  JULY = 'July',
  AUGUST = 'August',
  SEPTEMBER = 'September',
  OCTOBER = 'October',
  NOVEMBER = 'November',
  DECEMBER = 'December',
}

/** Which backup a retention rule keeps, as azurerm spells it (`retention_rule.absolute_criteria`). */
export enum AbsoluteCriteria {
  ALL_BACKUP = 'AllBackup',
  FIRST_OF_DAY = 'FirstOfDay',
  FIRST_OF_WEEK = 'FirstOfWeek',
  FIRST_OF_MONTH = 'FirstOfMonth',
  FIRST_OF_YEAR = 'FirstOfYear',
}

/**
 * Azure Backup's longest retention per unit (support matrix): daily 3,650 days, weekly 521 weeks,
 * monthly 120 months, yearly 10 years.
 */
export const MAX_RETENTION: Readonly<Partial<Record<TimeUnit, number>>> = {
  [TimeUnit.DAYS]: 3650,
  [TimeUnit.WEEKS]: 521,
  [TimeUnit.MONTHS]: 120,
  [TimeUnit.YEARS]: 10,
};

/** Options shared by the named retention rules. */
export interface RetentionRuleOptions {
  /**
   * The rule's name in the policy (`retention_rule.name`).
   * @default 'Weekly', 'Monthly' or 'Yearly'
   */
  readonly name?: string;
}

/** Options of `RetentionRule.weekly`. */
export interface WeeklyRetentionOptions extends RetentionRuleOptions {
  /**
   * Keep the backups taken on these days instead of the first backup of each week.
   * @default - the first backup of each week
   */
  readonly daysOfWeek?: DayOfWeek[];
}

/** Options of `RetentionRule.monthly`. */
export interface MonthlyRetentionOptions extends WeeklyRetentionOptions {
  /**
   * With `daysOfWeek`: keep the backups of those days in these weeks of the month (e.g. the first Sunday).
   * @default - the first backup of each month
   */
  readonly weeksOfMonth?: WeekOfMonth[];
}

/** Options of `RetentionRule.yearly`. */
export interface YearlyRetentionOptions extends MonthlyRetentionOptions {
  /**
   * With `daysOfWeek` and `weeksOfMonth`: only in these months.
   * @default - the first backup of each year
   */
  readonly monthsOfYear?: MonthOfYear[];
}

/** Props of `RetentionRule.custom`: every criterion azurerm offers. */
export interface CustomRetentionRuleProps {
  /** The rule's name in the policy. */
  readonly name: string;
  /** How long the matching backups are kept. */
  readonly duration: Duration;
  /**
   * Which backup to keep. Give this or `daysOfWeek`, not both.
   * @default - none
   */
  readonly absoluteCriteria?: AbsoluteCriteria;
  /**
   * Keep backups taken on these days.
   * @default - none
   */
  readonly daysOfWeek?: DayOfWeek[];
  /**
   * With `daysOfWeek`: only in these weeks of the month.
   * @default - every week
   */
  readonly weeksOfMonth?: WeekOfMonth[];
  /**
   * With `daysOfWeek`: only in these months.
   * @default - every month
   */
  readonly monthsOfYear?: MonthOfYear[];
  /**
   * With `daysOfWeek`: only the backups scheduled at these RFC 3339 times, e.g. `2024-01-07T02:30:00Z`.
   * @default - any time
   */
  readonly scheduledBackupTimes?: string[];
}

/** The criteria a rule renders to, one azurerm `retention_rule` block. */
export interface RetentionCriteria {
  readonly absoluteCriteria?: AbsoluteCriteria;
  readonly daysOfWeek?: DayOfWeek[];
  readonly weeksOfMonth?: WeekOfMonth[];
  readonly monthsOfYear?: MonthOfYear[];
  readonly scheduledBackupTimes?: string[];
}

/**
 * Azure's own tag priorities (yearly 10, monthly 15, weekly 20, daily 25): when one backup matches several rules,
 * the rule that picks the rarest backups must come first, or it never sees them.
 */
enum Priority {
  YEARLY = 10,
  MONTHLY = 15,
  WEEKLY = 20,
  DAILY = 25,
}

/** Ranks criteria by how rare the backups they pick are: of a year, a month, a week, or every day. */
function priorityOf(c: RetentionCriteria): Priority {
  if (c.absoluteCriteria === AbsoluteCriteria.FIRST_OF_YEAR || c.monthsOfYear) return Priority.YEARLY;
  if (c.absoluteCriteria === AbsoluteCriteria.FIRST_OF_MONTH || c.weeksOfMonth) return Priority.MONTHLY;
  if (c.absoluteCriteria === AbsoluteCriteria.FIRST_OF_WEEK || c.daysOfWeek) return Priority.WEEKLY;
  return Priority.DAILY;
}

/**
 * Keeps some backups longer than the policy's default retention: the first of each week, month or year,
 * or backups picked by custom criteria. Up to 10 years.
 *
 * In the synthesized policy the rules are ordered by what they pick, as Azure ranks its own tags: backups of a
 * year first, then of a month, of a week, of a day (rules of the same rank keep the order given). azurerm takes
 * list order as priority and the first matching rule wins: a weekly rule listed first would otherwise catch the
 * first backup of the year and cut its retention short.
 *
 * @example
 * RetentionRule.weekly(Duration.weeks(12));
 * RetentionRule.monthly(Duration.months(12));
 * RetentionRule.yearly(Duration.years(10));
 * @see https://learn.microsoft.com/azure/backup/azure-data-lake-storage-backup-support-matrix
 */
export class RetentionRule {
  /** Whether `x` is a `RetentionRule`, made by any copy of this library (`instanceof` knows only its own). */
  public static isRetentionRule(x: unknown): x is RetentionRule {
    return isBranded(x, 'RetentionRule');
  }

  /** Azure's tag priority for what the rule picks (yearly 10 ... daily 25); lower is rendered first. */
  public readonly priority: number;

  /** Keeps the first backup of each week (or the backups of `daysOfWeek`) for `duration`. */
  public static weekly(duration: Duration, opts?: WeeklyRetentionOptions): RetentionRule {
    const where = 'RetentionRule.weekly';
    const options = optionsOf(opts, where);
    const criteria =
      options.daysOfWeek !== undefined
        ? { daysOfWeek: options.daysOfWeek }
        : { absoluteCriteria: AbsoluteCriteria.FIRST_OF_WEEK };
    return new RetentionRule(nameOf(options, 'Weekly'), duration, criteria, where, unknownOptions(options, where));
  }

  /** Keeps the first backup of each month (or of `weeksOfMonth` x `daysOfWeek`) for `duration`. */
  public static monthly(duration: Duration, opts?: MonthlyRetentionOptions): RetentionRule {
    const where = 'RetentionRule.monthly';
    const options = optionsOf(opts, where);
    const criteria =
      options.daysOfWeek !== undefined || options.weeksOfMonth !== undefined
        ? { daysOfWeek: options.daysOfWeek, weeksOfMonth: options.weeksOfMonth }
        : { absoluteCriteria: AbsoluteCriteria.FIRST_OF_MONTH };
    return new RetentionRule(nameOf(options, 'Monthly'), duration, criteria, where, unknownOptions(options, where));
  }

  /** Keeps the first backup of each year (or of `monthsOfYear` x `weeksOfMonth` x `daysOfWeek`) for `duration`. */
  public static yearly(duration: Duration, opts?: YearlyRetentionOptions): RetentionRule {
    const where = 'RetentionRule.yearly';
    const options = optionsOf(opts, where);
    const criteria =
      options.daysOfWeek !== undefined || options.weeksOfMonth !== undefined || options.monthsOfYear !== undefined
        ? { daysOfWeek: options.daysOfWeek, weeksOfMonth: options.weeksOfMonth, monthsOfYear: options.monthsOfYear }
        : { absoluteCriteria: AbsoluteCriteria.FIRST_OF_YEAR };
    return new RetentionRule(nameOf(options, 'Yearly'), duration, criteria, where, unknownOptions(options, where));
  }

  /** Any criteria azurerm offers; still validated so that it cannot fail at apply. */
  public static custom(props: CustomRetentionRuleProps): RetentionRule {
    const where = 'RetentionRule.custom';
    const given = optionsOf(props, where, 'props', '{ name, duration, absoluteCriteria }');
    const { name, duration, ...criteria } = given;
    return new RetentionRule(name, duration, criteria, where, unknownOptions(given, where));
  }

  private constructor(
    /** The rule's name in the policy. */
    public readonly name: string,
    /** How long the matching backups are kept. */
    public readonly duration: Duration,
    /** What the rule matches. */
    public readonly criteria: RetentionCriteria,
    where: string,
    unknown: readonly [field: string, rule: string, value: unknown][],
  ) {
    this.priority = priorityOf(criteria);
    const problems = new Problems(where);
    for (const [field, rule, value] of unknown) problems.add('ADLSBK-UNKNOWN-FIELD', field, rule, value);
    checkRuleName(problems, 'name', name);
    checkRetentionDuration(problems, 'duration', duration);
    checkCriteria(problems, criteria);
    problems.throwIfAny();
  }

  /** Plain words for reviewers, e.g. `first backup of each month kept 12 months`. */
  public describe(): string {
    const c = this.criteria;
    const which = c.absoluteCriteria
      ? ABSOLUTE_WORDS[c.absoluteCriteria]
      : [
          `backups of ${c.daysOfWeek?.join(', ')}`,
          c.weeksOfMonth ? `in the ${c.weeksOfMonth.join(', ')} week of the month` : '',
          c.monthsOfYear ? `in ${c.monthsOfYear.join(', ')}` : '',
        ]
          .filter(Boolean)
          .join(' ');
    return `${this.name}: ${which} kept ${this.duration}`;
  }
}
brand(RetentionRule, 'RetentionRule');

const ABSOLUTE_WORDS: Record<AbsoluteCriteria, string> = {
  [AbsoluteCriteria.ALL_BACKUP]: 'every backup',
  [AbsoluteCriteria.FIRST_OF_DAY]: 'first backup of each day',
  [AbsoluteCriteria.FIRST_OF_WEEK]: 'first backup of each week',
  [AbsoluteCriteria.FIRST_OF_MONTH]: 'first backup of each month',
  [AbsoluteCriteria.FIRST_OF_YEAR]: 'first backup of each year',
};

// The rule for a retention rule's name, and why, is in ./private/rules.

function checkRuleName(problems: Problems, field: string, name: unknown): void {
  if (typeof name !== 'string' || (isLiteral(name) && !RETENTION_RULE_NAME.test(name))) {
    problems.add(
      codeOf(name, typeof name === 'string', 'ADLSBK-RETENTION-RULE-NAME'),
      field,
      `must be ${RETENTION_RULE_NAME_RULE}`,
      name,
    );
  } else if (isLiteral(name) && name.toLowerCase() === 'default') {
    problems.add('ADLSBK-RETENTION-RULE-NAME', field, 'must not be "Default": azurerm names the default retention rule so', name);
  }
}

// The options each factory takes; any other key given a value is refused rather than ignored.
const OPTIONS: Record<string, readonly string[]> = {
  'RetentionRule.weekly': ['name', 'daysOfWeek'],
  'RetentionRule.monthly': ['name', 'daysOfWeek', 'weeksOfMonth'],
  'RetentionRule.yearly': ['name', 'daysOfWeek', 'weeksOfMonth', 'monthsOfYear'],
  'RetentionRule.custom': [
    'name',
    'duration',
    'absoluteCriteria',
    'daysOfWeek',
    'weeksOfMonth',
    'monthsOfYear',
    'scheduledBackupTimes',
  ],
};

/** The keys of `options` that `where` does not take, each with the rule it breaks. */
function unknownOptions(options: object, where: string): [string, string, unknown][] {
  return Object.entries(options)
    .filter(([key, value]) => value !== undefined && !OPTIONS[where].includes(key))
    .map(([key, value]) => {
      const takers = Object.keys(OPTIONS).filter((w) => OPTIONS[w].includes(key));
      const hint = takers.length > 0 ? ` (${takers.join(' and ')} take it)` : '';
      return [key, `is not an option of ${where}${hint}`, value];
    });
}

/** The rule's name: the one given (checked like any other), or the factory's default when none is. */
function nameOf(options: RetentionRuleOptions, fallback: string): string {
  return options.name === undefined ? fallback : options.name;
}

/** The options object of a rule, refusing anything else (a day name given where options belong). */
function optionsOf<T extends object>(
  opts: T | undefined,
  where: string,
  field = 'options',
  example = '{ daysOfWeek: [DayOfWeek.SUNDAY] }',
): T {
  if (opts === undefined || opts === null) return {} as T;
  if (typeof opts !== 'object' || Array.isArray(opts)) {
    refuse('ADLSBK-TYPE', field, `must be an object such as ${example}`, opts, where);
  }
  return opts;
}

/**
 * Checks a retention duration: a Duration in days, weeks, months or years, within Azure Backup's limits.
 * Records problems under `field`.
 */
export function checkRetentionDuration(problems: Problems, field: string, duration: unknown): void {
  if (!Duration.isDuration(duration)) {
    problems.add(codeOf(duration, false, 'ADLSBK-TYPE'), field, 'must be a Duration, e.g. Duration.days(30)', duration);
    return;
  }
  const max = MAX_RETENTION[duration.unit];
  if (max === undefined) {
    problems.add('ADLSBK-RETENTION-DURATION', field, 'must be given in days, weeks, months or years', duration.toString());
  } else if (duration.amount > max) {
    problems.add(
      'ADLSBK-RETENTION-DURATION',
      field,
      `can be at most ${max} ${duration.unit} (Azure Backup's limit, 10 years)`,
      duration.toString(),
    );
  }
}

function checkCriteria(problems: Problems, criteria: RetentionCriteria): void {
  const { absoluteCriteria, daysOfWeek, weeksOfMonth, monthsOfYear, scheduledBackupTimes } = criteria;
  if (absoluteCriteria === undefined && daysOfWeek === undefined) {
    problems.add(
      'ADLSBK-RETENTION-CRITERIA',
      'absoluteCriteria',
      'must be given, or else `daysOfWeek`: a retention rule needs one of them (azurerm refuses it at apply otherwise)',
      criteria,
    );
  }
  if (absoluteCriteria !== undefined) {
    checkEnum(problems, 'absoluteCriteria', absoluteCriteria, AbsoluteCriteria);
    const mixed = { daysOfWeek, weeksOfMonth, monthsOfYear, scheduledBackupTimes };
    for (const [field, value] of Object.entries(mixed)) {
      problems.check(
        value === undefined,
        'ADLSBK-RETENTION-CRITERIA',
        field,
        'cannot be combined with `absoluteCriteria`',
        value,
      );
    }
  } else if (daysOfWeek === undefined) {
    const needsDays = { weeksOfMonth, monthsOfYear, scheduledBackupTimes };
    for (const [field, value] of Object.entries(needsDays)) {
      problems.check(value === undefined, 'ADLSBK-RETENTION-CRITERIA', field, 'needs `daysOfWeek` beside it', value);
    }
  }
  checkList(problems, 'daysOfWeek', daysOfWeek, Object.values(DayOfWeek));
  checkList(problems, 'weeksOfMonth', weeksOfMonth, Object.values(WeekOfMonth));
  checkList(problems, 'monthsOfYear', monthsOfYear, Object.values(MonthOfYear));
  if (scheduledBackupTimes === undefined || isTokenCollection(scheduledBackupTimes)) return;
  if (!Array.isArray(scheduledBackupTimes)) {
    problems.add('ADLSBK-TYPE', 'scheduledBackupTimes', 'must be a list of RFC 3339 times', scheduledBackupTimes);
    return;
  }
  scheduledBackupTimes.forEach((t: unknown, i) => {
    const field = `scheduledBackupTimes[${i}]`;
    if (typeof t !== 'string' || (isLiteral(t) && parseDateTime(t, true) === undefined)) {
      problems.add(
        typeof t === 'string' ? 'ADLSBK-BACKUP-TIME' : 'ADLSBK-TYPE',
        field,
        'must be an RFC 3339 time like "2024-01-07T02:30:00Z"',
        t,
      );
    } else if (scheduledBackupTimes.indexOf(t) !== i) {
      problems.add('ADLSBK-REPEATED', field, 'repeats a time already listed (azurerm keeps them as a set)', t);
    }
  });
}

function checkList(problems: Problems, field: string, values: readonly string[] | undefined, allowed: string[]): void {
  if (values === undefined || isTokenCollection(values)) return;
  if (!Array.isArray(values)) {
    problems.add('ADLSBK-TYPE', field, `must be a list of at least one of ${allowed.join(', ')}`, values);
    return;
  }
  if (values.length === 0) {
    problems.add('ADLSBK-EMPTY', field, 'must list at least one value', values);
    return;
  }
  values.forEach((v, i) => {
    if (!allowed.includes(v)) problems.add('ADLSBK-NOT-ALLOWED', `${field}[${i}]`, `must be one of ${allowed.join(', ')}`, v);
    else if (values.indexOf(v) !== i) problems.add('ADLSBK-REPEATED', `${field}[${i}]`, 'repeats a value already listed', v);
  });
}

/** Orders rules by Azure's priority (yearly, monthly, weekly, daily picks), keeping the given order within each. */
export function orderByPriority(rules: readonly RetentionRule[]): RetentionRule[] {
  return [...rules].sort((a, b) => a.priority - b.priority);
}
