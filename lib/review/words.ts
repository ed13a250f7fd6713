// Schedules, retention rules and durations in the words a reviewer reads. Anything that does not parse is shown
// verbatim: the report must never hide or crash on a value it does not understand.
import { parseDateTime } from '../private/date-time';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const INTERVAL = /^R\/([^/]+)\/(P1D|P1W)$/;
const OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

/** `a`, `a and b`, `a, b and c`. */
export function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function plural(amount: number, unit: string): string {
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

const ISO_DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
const ISO_UNITS = ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'];

/** `P30D` → `30 days`, `P1Y` → `1 year`, `P1Y6M` → `1 year 6 months`; anything else verbatim. */
export function isoDurationWords(value: unknown): string {
  if (typeof value !== 'string') return verbatim(value);
  const m = ISO_DURATION.exec(value);
  if (!m || value === 'P' || value.endsWith('T')) return value;
  const parts = m.slice(1).flatMap((n, i) => (n === undefined ? [] : [plural(Number(n), ISO_UNITS[i])]));
  return parts.length > 0 ? parts.join(' ') : value;
}

/** A Go duration as `time_sleep` takes it: `300s` → `5 minutes`, `90s` → `1 minute 30 seconds`; else verbatim. */
export function goDurationWords(value: unknown): string {
  if (typeof value !== 'string') return verbatim(value);
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(value);
  if (!m || value === '') return value;
  const total = Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  if (total === 0) return 'no wait (0s)';
  const [h, min, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  return [h ? plural(h, 'hour') : '', min ? plural(min, 'minute') : '', s ? plural(s, 'second') : ''].filter(Boolean).join(' ');
}

/** A parsed `backup_schedule` interval. */
interface Interval {
  readonly period: 'P1D' | 'P1W';
  /** The weekday of the date as written, in its own offset. */
  readonly weekday: string;
  readonly time: string;
  readonly offset: string;
}

function parseInterval(value: unknown): Interval | undefined {
  if (typeof value !== 'string') return undefined;
  const m = INTERVAL.exec(value);
  if (!m) return undefined;
  const start = parseDateTime(m[1]);
  if (!start) return undefined;
  const offset = OFFSET.exec(m[1])?.[1] ?? 'Z';
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    period: m[2] as 'P1D' | 'P1W',
    weekday: WEEKDAYS[start.date.getUTCDay()],
    time: `${pad(start.hour)}:${pad(start.minute)}`,
    offset,
  };
}

/** ` W. Europe Standard Time (UTC+01:00)`, ` (UTC+01:00)` or ` UTC`. */
function zoneWords(offset: string, timeZone: string | undefined): string {
  const utc = offset === 'Z' ? 'UTC' : `UTC${offset}`;
  const isUtc = offset === 'Z' || offset === '+00:00';
  if (timeZone === 'UTC' && isUtc) return ' UTC'; // not "UTC (UTC+00:00)"
  if (timeZone) return ` ${timeZone} (${utc})`;
  return isUtc ? ' UTC' : ` (${utc})`;
}

/**
 * `daily at 02:30 W. Europe Standard Time (UTC+01:00)`, `weekly on Wednesday and Saturday at 23:00 UTC`.
 * Schedules that are not one daily interval or weekly intervals at one time are described interval by interval;
 * what does not parse is shown verbatim.
 */
export function scheduleWords(intervals: unknown, timeZone: unknown): string {
  const zone = typeof timeZone === 'string' && timeZone !== '' ? timeZone : undefined;
  const list = Array.isArray(intervals) ? intervals : [intervals];
  const parsed = list.map(parseInterval);
  if (list.length === 0 || parsed.some((p) => p === undefined)) {
    return `custom schedule: ${list.length === 0 ? '(none)' : list.map(verbatim).join(', ')}${zone ? ` (time zone ${zone})` : ''}`;
  }
  const all = parsed as Interval[];
  const first = all[0];
  const sameTime = all.every((p) => p.time === first.time && p.offset === first.offset);
  if (all.length === 1 && first.period === 'P1D') return `daily at ${first.time}${zoneWords(first.offset, zone)}`;
  if (sameTime && all.every((p) => p.period === 'P1W') && new Set(all.map((p) => p.weekday)).size === all.length) {
    return `weekly on ${joinWords(all.map((p) => p.weekday))} at ${first.time}${zoneWords(first.offset, zone)}`;
  }
  return all
    .map((p) => (p.period === 'P1D' ? `daily at ${p.time}` : `weekly on ${p.weekday} at ${p.time}`) + zoneWords(p.offset, zone))
    .join('; ');
}

const ABSOLUTE: Record<string, string> = {
  AllBackup: 'every backup',
  FirstOfDay: 'first backup of each day',
  FirstOfWeek: 'first backup of each week',
  FirstOfMonth: 'first backup of each month',
  FirstOfYear: 'first backup of each year',
};

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(verbatim) : value === undefined || value === null ? [] : [verbatim(value)];
}

/** `2021-05-23T02:30:00Z` → `02:30 UTC`; else verbatim. */
function backupTimeWords(value: string): string {
  const start = parseDateTime(value);
  if (!start) return value;
  const offset = OFFSET.exec(value)?.[1] ?? 'Z';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(start.hour)}:${pad(start.minute)}${zoneWords(offset, undefined)}`;
}

/** Which backups a `retention_rule` keeps, without the duration: `first backup of each month`, `backups on Sunday …`. */
export function criteriaWords(rule: Record<string, unknown>): string {
  const parts: string[] = [];
  if (rule.absolute_criteria !== undefined) {
    const criteria = verbatim(rule.absolute_criteria);
    parts.push(ABSOLUTE[criteria] ?? `backups matching ${criteria}`);
  }
  const days = stringList(rule.days_of_week);
  if (days.length > 0) {
    const weeks = stringList(rule.weeks_of_month);
    const months = stringList(rule.months_of_year);
    const times = stringList(rule.scheduled_backup_times).map(backupTimeWords);
    let words = `backups on ${joinWords(days)}`;
    if (times.length > 0) words += ` at ${joinWords(times)}`;
    if (weeks.length > 0)
      words += ` in the ${joinWords(weeks.map(weekWords))} week of ${months.length > 0 ? joinWords(months) : 'each month'}`;
    else if (months.length > 0) words += ` in ${joinWords(months)}`;
    parts.push(words);
  }
  return parts.length > 0 ? parts.join(', and ') : 'no criteria (neither absolute_criteria nor days_of_week)';
}

const WEEKS_OF_MONTH = new Set(['First', 'Second', 'Third', 'Fourth', 'Last']);

/** A week of the month in running text: `last`, as in "the last week of March"; anything else verbatim. */
function weekWords(week: string): string {
  return WEEKS_OF_MONTH.has(week) ? week.toLowerCase() : week;
}

/** `first backup of each year kept 10 years`. */
export function ruleWords(rule: Record<string, unknown>): string {
  return `${criteriaWords(rule)} kept ${isoDurationWords(rule.duration)}`;
}

/** A value shown as written: strings as they are, anything else as JSON. */
export function verbatim(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}
