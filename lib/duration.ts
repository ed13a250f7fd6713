import { codeOf } from './private/code-of';
import { refuse } from './private/problems';
import { brand, isBranded } from './private/brand';

/** The units a `Duration` can be written in. */
export enum TimeUnit {
  SECONDS = 'seconds',
  MINUTES = 'minutes',
  HOURS = 'hours',
  DAYS = 'days',
  WEEKS = 'weeks',
  MONTHS = 'months',
  YEARS = 'years',
}

const ISO_DESIGNATOR: Record<TimeUnit, string> = {
  [TimeUnit.SECONDS]: 'PT%S',
  [TimeUnit.MINUTES]: 'PT%M',
  [TimeUnit.HOURS]: 'PT%H',
  [TimeUnit.DAYS]: 'P%D',
  [TimeUnit.WEEKS]: 'P%W',
  [TimeUnit.MONTHS]: 'P%M',
  [TimeUnit.YEARS]: 'P%Y',
};

const SECONDS_PER_UNIT: Partial<Record<TimeUnit, number>> = {
  [TimeUnit.SECONDS]: 1,
  [TimeUnit.MINUTES]: 60,
  [TimeUnit.HOURS]: 3600,
  [TimeUnit.DAYS]: 86400,
  [TimeUnit.WEEKS]: 7 * 86400,
};

/**
 * A length of time, kept in the unit it was given in so that it renders exactly as written
 * (`Duration.months(12)` is `P12M`, never an approximation in days).
 *
 * Retention uses days, weeks, months and years; the role-propagation wait uses seconds, minutes or hours.
 *
 * @example
 * Duration.days(30).toIsoString(); // 'P30D'
 * Duration.years(10).toIsoString(); // 'P10Y'
 */
export class Duration {
  /** Whether `x` is a `Duration`, made by any copy of this library (`instanceof` knows only its own). */
  public static isDuration(x: unknown): x is Duration {
    return isBranded(x, 'Duration');
  }

  public static seconds(amount: number): Duration {
    return new Duration(amount, TimeUnit.SECONDS);
  }
  public static minutes(amount: number): Duration {
    return new Duration(amount, TimeUnit.MINUTES);
  }
  public static hours(amount: number): Duration {
    return new Duration(amount, TimeUnit.HOURS);
  }
  public static days(amount: number): Duration {
    return new Duration(amount, TimeUnit.DAYS);
  }
  public static weeks(amount: number): Duration {
    return new Duration(amount, TimeUnit.WEEKS);
  }
  public static months(amount: number): Duration {
    return new Duration(amount, TimeUnit.MONTHS);
  }
  public static years(amount: number): Duration {
    return new Duration(amount, TimeUnit.YEARS);
  }

  private constructor(
    /** The number of units: a whole number of at least 1. */
    public readonly amount: number,
    /** The unit the duration was given in. */
    public readonly unit: TimeUnit,
  ) {
    // Number.isInteger is false for anything that is not a number.
    if (!Number.isInteger(amount) || amount < 1) {
      refuse(
        codeOf(amount, typeof amount === 'number', 'ADLSBK-DURATION'),
        `Duration.${unit}(amount)`,
        'must be a whole number of at least 1',
        amount,
      );
    }
  }

  /** The ISO 8601 duration azurerm expects, e.g. `P30D`, `P12M`, `PT5M`. */
  public toIsoString(): string {
    return ISO_DESIGNATOR[this.unit].replace('%', String(this.amount));
  }

  /** Whole seconds, or undefined for months and years (which have no fixed length). */
  public toSeconds(): number | undefined {
    const factor = SECONDS_PER_UNIT[this.unit];
    return factor === undefined ? undefined : this.amount * factor;
  }

  /** The Go duration string `time_sleep` expects, e.g. `300s`; undefined for months and years. */
  public toGoDuration(): string | undefined {
    const seconds = this.toSeconds();
    return seconds === undefined ? undefined : `${seconds}s`;
  }

  /** Human form for messages and reports, e.g. `30 days`, `1 year`. */
  public toString(): string {
    const singular = this.unit.slice(0, -1);
    return `${this.amount} ${this.amount === 1 ? singular : this.unit}`;
  }
}
brand(Duration, 'Duration');
