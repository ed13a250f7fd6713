import { UTC_OFFSET } from './rules';

/** A date and time of day as written in ISO 8601 / RFC 3339, e.g. `2024-01-07T02:30:00+00:00`. */
export interface DateTimeParts {
  /** The calendar date as written (midnight UTC of that date). */
  readonly date: Date;
  readonly hour: number;
  readonly minute: number;
  /** The instant it denotes, after applying its UTC offset (none written: UTC). */
  readonly instant: Date;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?(Z|[+-](\d{2}):(\d{2}))?$/;

/**
 * Parses a date-time whose calendar date, time of day and UTC offset are all real (no month 13, no 25:61,
 * no +99:99). `rfc3339` also requires seconds and an offset. Returns undefined when it is not one.
 */
export function parseDateTime(text: string, rfc3339 = false): DateTimeParts | undefined {
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, offset, oh, om] = m;
  if (rfc3339 && (s === undefined || offset === undefined)) return undefined;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  const realDate = date.toISOString().slice(0, 10) === `${y}-${mo}-${d}`;
  const realTime = Number(h) <= 23 && Number(mi) <= 59 && Number(s ?? 0) <= 59;
  // The same offsets as a schedule's `utcOffset` (./rules): UTC-14:00 to UTC+14:00.
  const realOffset = oh === undefined || UTC_OFFSET.test(offset);
  if (!realDate || !realTime || !realOffset) return undefined;
  const offsetMinutes = oh === undefined ? 0 : (offset.startsWith('-') ? -1 : 1) * (Number(oh) * 60 + Number(om));
  const instant = new Date(date.getTime() + (Number(h) * 60 + Number(mi) - offsetMinutes) * 60_000);
  return { date, hour: Number(h), minute: Number(mi), instant };
}
