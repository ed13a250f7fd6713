import { parseDateTime } from './private/date-time';
import { codeOf } from './private/code-of';
import { isIntegerInRange, isLiteral, Problems } from './private/problems';
import { brand, isBranded } from './private/brand';
import { MAX_SCHEDULE_INTERVALS as MAX_INTERVALS, UTC_OFFSET, UTC_OFFSET_RULE } from './private/rules';
import type { ProblemCode } from './private/rules/codes';

/** Days of the week, as azurerm spells them. */
export enum DayOfWeek {
  MONDAY = 'Monday',
  TUESDAY = 'Tuesday',
  WEDNESDAY = 'Wednesday',
  THURSDAY = 'Thursday',
  FRIDAY = 'Friday',
  SATURDAY = 'Saturday',
  SUNDAY = 'Sunday',
}

/** How often a schedule runs. ADLS vaulted backup allows at most one scheduled backup a day. */
export enum ScheduleFrequency {
  DAILY = 'Daily',
  WEEKLY = 'Weekly',
}

/** Options of `BackupSchedule.daily`. */
export interface DailyScheduleOptions {
  /** Hour of the day the backup starts, 0-23, at `utcOffset`. */
  readonly hour: number;
  /**
   * Minute of the hour, 0-59.
   * @default 0
   */
  readonly minute?: number;
  /**
   * The UTC offset `hour` is given in, written into the start time as the Azure portal does
   * (e.g. `+01:00` beside the time zone `W. Europe Standard Time`).
   * @default '+00:00' (the hour is UTC)
   */
  readonly utcOffset?: string;
}

/** Options of `BackupSchedule.weekly`. */
export interface WeeklyScheduleOptions extends DailyScheduleOptions {
  /** The days the backup runs: 1 to 5 distinct days (azurerm takes at most 5 intervals; use `daily` for more). */
  readonly days: DayOfWeek[];
}

const WEEK: DayOfWeek[] = Object.values(DayOfWeek);

// A fixed Monday anchors every rendered interval, so the same schedule always renders the same bytes
// (every policy argument forces replacement in azurerm: a moving date would replace the policy each plan).
const ANCHOR_MONDAY_UTC = Date.UTC(2024, 0, 1);
const DAY_MS = 86_400_000;

const INTERVAL_PATTERN = /^R\/([^/]+)\/(P[^/]+)$/;

/**
 * When backups run: daily or weekly, at one time of day. Renders the ISO 8601 repeating intervals
 * of azurerm's `backup_schedule`.
 *
 * @example
 * BackupSchedule.daily({ hour: 2, minute: 30 });
 * BackupSchedule.weekly({ days: [DayOfWeek.SUNDAY], hour: 1 });
 * BackupSchedule.expression('R/2024-01-07T01:00:00+00:00/P1W'); // still validated
 * @see https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/data_protection_backup_policy_data_lake_storage#backup_schedule
 */
export class BackupSchedule {
  /** Whether `x` is a `BackupSchedule`, made by any copy of this library (`instanceof` knows only its own). */
  public static isBackupSchedule(x: unknown): x is BackupSchedule {
    return isBranded(x, 'BackupSchedule');
  }

  /** Once a day at `hour:minute`. */
  public static daily(options: DailyScheduleOptions): BackupSchedule {
    const problems = new Problems('BackupSchedule.daily');
    const { hour, minute, utcOffset } = checkTimeOfDay(problems, options);
    problems.throwIfAny();
    return new BackupSchedule([renderInterval(0, hour, minute, utcOffset, 'P1D')], ScheduleFrequency.DAILY, {
      hour,
      minute,
      utcOffset,
      days: [],
    });
  }

  /** Once a week on each of `days`, at `hour:minute`. */
  public static weekly(options: WeeklyScheduleOptions): BackupSchedule {
    const problems = new Problems('BackupSchedule.weekly');
    const { hour, minute, utcOffset } = checkTimeOfDay(problems, options);
    const days = options?.days;
    if (!Array.isArray(days)) {
      problems.add(
        codeOf(days, false, 'ADLSBK-TYPE'),
        'days',
        `must be a list of 1 to ${MAX_INTERVALS} days of the week (DayOfWeek values)`,
        days,
      );
    } else if (days.length === 0) {
      problems.add('ADLSBK-EMPTY', 'days', 'must list at least one day of the week', days);
    } else {
      days.forEach((day, i) => {
        if (!WEEK.includes(day)) problems.add('ADLSBK-NOT-ALLOWED', `days[${i}]`, `must be one of ${WEEK.join(', ')}`, day);
        else if (days.indexOf(day) !== i) problems.add('ADLSBK-REPEATED', `days[${i}]`, 'repeats a day already listed', day);
      });
      if (new Set(days).size > MAX_INTERVALS) {
        problems.add(
          'ADLSBK-SCHEDULE-LIMIT',
          'days',
          `can list at most ${MAX_INTERVALS} days (azurerm takes at most ${MAX_INTERVALS} intervals); use BackupSchedule.daily for more`,
          days,
        );
      }
    }
    problems.throwIfAny();
    // Rendered in week order, whatever order the days were given in, so output is stable.
    const ordered = WEEK.filter((d) => days.includes(d));
    const intervals = ordered.map((d) => renderInterval(WEEK.indexOf(d), hour, minute, utcOffset, 'P1W'));
    return new BackupSchedule(intervals, ScheduleFrequency.WEEKLY, { hour, minute, utcOffset, days: ordered });
  }

  /**
   * Escape hatch: ISO 8601 repeating intervals written by hand, `R/<start>/<P1D|P1W>`.
   * Still validated: 1 to 5 intervals, each daily or weekly, and at most one backup a day.
   * Unresolved tokens are passed through unchecked.
   */
  public static expression(...intervals: string[]): BackupSchedule {
    const problems = new Problems('BackupSchedule.expression');
    if (intervals.length < 1 || intervals.length > MAX_INTERVALS) {
      problems.add(
        intervals.length < 1 ? 'ADLSBK-EMPTY' : 'ADLSBK-SCHEDULE-LIMIT',
        'intervals',
        `must hold 1 to ${MAX_INTERVALS} repeating intervals`,
        intervals,
      );
    }
    const parsed = intervals.map((interval, i) => parseInterval(problems, `intervals[${i}]`, interval));
    if (problems.empty && parsed.every((p) => p !== undefined)) {
      checkOneBackupADay(problems, parsed as ParsedInterval[], intervals);
    }
    problems.throwIfAny();
    const known = parsed.every((p) => p !== undefined) ? (parsed as ParsedInterval[]) : undefined;
    const frequency = known?.[0]?.period === 'P1D' ? ScheduleFrequency.DAILY : known ? ScheduleFrequency.WEEKLY : undefined;
    const first = known?.[0];
    const timeOfDay = first
      ? { hour: first.hour, minute: first.minute, utcOffset: first.utcOffset, days: known!.map((p) => p.day) }
      : undefined;
    return new BackupSchedule([...intervals], frequency, timeOfDay);
  }

  private constructor(
    /** The rendered `backup_schedule` intervals. */
    public readonly intervals: readonly string[],
    /** Daily or weekly; undefined when an expression holds tokens. */
    public readonly frequency: ScheduleFrequency | undefined,
    /** The time of day, its UTC offset and (for weekly) days, when known at synth time. */
    public readonly timeOfDay: { hour: number; minute: number; utcOffset: string; days: DayOfWeek[] } | undefined,
  ) {}

  /** Plain words for reviewers, e.g. `daily at 02:30`, `weekly on Sunday at 01:00`. */
  public describe(): string {
    if (!this.frequency || !this.timeOfDay) return `custom: ${this.intervals.join(', ')}`;
    const at = `${pad(this.timeOfDay.hour)}:${pad(this.timeOfDay.minute)} (UTC${this.timeOfDay.utcOffset})`;
    return this.frequency === ScheduleFrequency.DAILY ? `daily at ${at}` : `weekly on ${this.timeOfDay.days.join(', ')} at ${at}`;
  }
}
brand(BackupSchedule, 'BackupSchedule');

interface ParsedInterval {
  /** The weekday of the written date. */
  readonly day: DayOfWeek;
  /** The weekday of the start instant in UTC, for the one-backup-a-day rule. */
  readonly utcDay: DayOfWeek;
  readonly utcOffset: string;
  readonly hour: number;
  readonly minute: number;
  readonly period: 'P1D' | 'P1W';
}

function checkTimeOfDay(problems: Problems, options: DailyScheduleOptions): { hour: number; minute: number; utcOffset: string } {
  const hour = options?.hour;
  // Only a missing value takes the default: null (or any other stand-in for "none") is refused below.
  const minute = options?.minute === undefined ? 0 : options.minute;
  const utcOffset = options?.utcOffset === undefined ? '+00:00' : options.utcOffset;
  problems.check(isIntegerInRange(hour, 0, 23), timeCode(hour), 'hour', 'must be a whole number from 0 to 23', hour);
  problems.check(isIntegerInRange(minute, 0, 59), timeCode(minute), 'minute', 'must be a whole number from 0 to 59', minute);
  problems.check(
    typeof utcOffset === 'string' && UTC_OFFSET.test(utcOffset),
    codeOf(utcOffset, typeof utcOffset === 'string', 'ADLSBK-SCHEDULE-TIME'),
    'utcOffset',
    `must be ${UTC_OFFSET_RULE}`,
    utcOffset,
  );
  return { hour, minute, utcOffset };
}

/** A number out of range breaks the time-of-day rule; anything else is not a number at all. */
function timeCode(value: unknown): ProblemCode {
  return codeOf(value, typeof value === 'number', 'ADLSBK-SCHEDULE-TIME');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function renderInterval(dayOffset: number, hour: number, minute: number, utcOffset: string, period: 'P1D' | 'P1W'): string {
  const date = new Date(ANCHOR_MONDAY_UTC + dayOffset * DAY_MS).toISOString().slice(0, 10);
  return `R/${date}T${pad(hour)}:${pad(minute)}:00${utcOffset}/${period}`;
}

function parseInterval(problems: Problems, field: string, interval: unknown): ParsedInterval | undefined {
  if (typeof interval === 'string' && !isLiteral(interval)) return undefined; // a token: Terraform checks it
  const match = typeof interval === 'string' ? INTERVAL_PATTERN.exec(interval) : null;
  if (!match) {
    problems.add(
      typeof interval === 'string' ? 'ADLSBK-SCHEDULE-INTERVAL' : 'ADLSBK-TYPE',
      field,
      'must be an ISO 8601 repeating interval like "R/2024-01-07T02:30:00+00:00/P1W"',
      interval,
    );
    return undefined;
  }
  const [, startText, period] = match;
  const start = parseDateTime(startText);
  if (!start) {
    problems.add(
      'ADLSBK-SCHEDULE-INTERVAL',
      field,
      'must start at a real date, time of day and UTC offset, like "2024-01-07T02:30:00+00:00"',
      interval,
    );
    return undefined;
  }
  // azurerm parses the start with btubbs/datetime (helpers/validate/time.go ISO8601RepeatingTime), which drops the
  // sign of an offset that follows HH:MM and then fails: "T02:30+05:30" is refused at plan, "T02:30:00+05:30" is not.
  if (/T\d{2}:\d{2}[+-]/.test(startText)) {
    problems.add(
      'ADLSBK-SCHEDULE-INTERVAL',
      field,
      'must write the seconds when the start has a UTC offset, like "2024-01-07T02:30:00+05:30": azurerm refuses HH:MM followed by an offset',
      interval,
    );
    return undefined;
  }
  if (period !== 'P1D' && period !== 'P1W') {
    problems.add(
      'ADLSBK-SCHEDULE-INTERVAL',
      field,
      'must repeat every day (P1D) or every week (P1W): ADLS vaulted backup runs at most once a day',
      interval,
    );
    return undefined;
  }
  const weekday = (d: Date) => WEEK[(d.getUTCDay() + 6) % 7];
  const utcOffset = /([+-]\d{2}:\d{2})$/.exec(startText)?.[1] ?? '+00:00';
  return { day: weekday(start.date), utcDay: weekday(start.instant), utcOffset, hour: start.hour, minute: start.minute, period };
}

function checkOneBackupADay(problems: Problems, parsed: ParsedInterval[], intervals: string[]): void {
  const daily = parsed.filter((p) => p.period === 'P1D').length;
  if (daily > 0 && parsed.length > 1) {
    problems.add(
      'ADLSBK-SCHEDULE-LIMIT',
      'intervals',
      'may hold one daily interval and nothing else (at most one backup a day)',
      intervals,
    );
    return;
  }
  parsed.forEach((p, i) => {
    if (parsed.findIndex((q) => q.utcDay === p.utcDay) !== i) {
      problems.add(
        'ADLSBK-SCHEDULE-LIMIT',
        `intervals[${i}]`,
        `starts on ${p.utcDay} (UTC) like an earlier interval (at most one backup a day)`,
        intervals[i],
      );
    }
  });
}
