import {
  AbsoluteCriteria,
  BackupSchedule,
  BackupVault,
  DataLakeBackupPolicy,
  DayOfWeek,
  Duration,
  MonthOfYear,
  RetentionRule,
  WeekOfMonth,
} from '../lib';
import { newStack, onlyResource, POLICY_TYPE, synth } from './helpers';

describe('Duration', () => {
  test.each([
    [Duration.days(30), 'P30D', '30 days'],
    [Duration.weeks(1), 'P1W', '1 week'],
    [Duration.months(12), 'P12M', '12 months'],
    [Duration.years(10), 'P10Y', '10 years'],
    [Duration.minutes(5), 'PT5M', '5 minutes'],
    [Duration.hours(2), 'PT2H', '2 hours'],
    [Duration.seconds(90), 'PT90S', '90 seconds'],
  ])('%s renders as %s', (duration, iso, words) => {
    expect(duration.toIsoString()).toBe(iso);
    expect(duration.toString()).toBe(words);
  });

  test('converts to a time_sleep duration only when it has a fixed length', () => {
    expect(Duration.minutes(5).toGoDuration()).toBe('300s');
    expect(Duration.months(1).toGoDuration()).toBeUndefined();
  });
});

describe('BackupSchedule', () => {
  test('daily renders one P1D interval at the given time', () => {
    expect(BackupSchedule.daily({ hour: 2, minute: 30 }).intervals).toEqual(['R/2024-01-01T02:30:00+00:00/P1D']);
  });

  test('weekly renders one P1W interval per day, on a date that falls on that weekday, in week order', () => {
    const schedule = BackupSchedule.weekly({
      days: [DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.THURSDAY],
      hour: 23,
      minute: 5,
    });
    expect(schedule.intervals).toEqual([
      'R/2024-01-01T23:05:00+00:00/P1W',
      'R/2024-01-04T23:05:00+00:00/P1W',
      'R/2024-01-07T23:05:00+00:00/P1W',
    ]);
    const weekdays = schedule.intervals.map((i) => new Date(i.slice(2, 12) + 'T00:00:00Z').getUTCDay());
    expect(weekdays).toEqual([1, 4, 0]);
    expect(schedule.describe()).toBe('weekly on Monday, Thursday, Sunday at 23:05 (UTC+00:00)');
  });

  test('utcOffset writes the hour at that offset, as the portal does beside a time zone', () => {
    const schedule = BackupSchedule.daily({ hour: 2, utcOffset: '+01:00' });
    expect(schedule.intervals).toEqual(['R/2024-01-01T02:00:00+01:00/P1D']);
    expect(schedule.describe()).toBe('daily at 02:00 (UTC+01:00)');
  });

  test('expression: two weekly starts on different written dates but the same UTC day are two backups that day', () => {
    // Monday 23:00 at -05:00 is Tuesday 04:00 UTC, the same UTC day as Tuesday 01:00 UTC.
    expect(() => BackupSchedule.expression('R/2024-01-01T23:00:00-05:00/P1W', 'R/2024-01-02T01:00:00+00:00/P1W')).toThrow(
      /`intervals\[1\]` starts on Tuesday \(UTC\) like an earlier interval/,
    );
  });

  // The provider's rule: helpers/validate/time.go ISO8601RepeatingTime, parsing with btubbs/datetime/parser.go.
  test('expression: HH:MM followed by a UTC offset is refused, as helpers/validate/time.go ISO8601RepeatingTime refuses it', () => {
    expect(() => BackupSchedule.expression('R/2024-01-01T02:30+05:30/P1D')).toThrow(
      'must write the seconds when the start has a UTC offset, like "2024-01-07T02:30:00+05:30": azurerm refuses HH:MM followed by an offset',
    );
    expect(() => BackupSchedule.expression('R/2024-01-01T02:30-05:00/P1D')).toThrow('must write the seconds');
    // What the provider's parser accepts stays accepted: seconds with an offset, HH:MM alone, HH:MM with Z.
    for (const ok of ['R/2024-01-01T02:30:00+05:30/P1D', 'R/2024-01-01T02:30/P1D', 'R/2024-01-01T02:30Z/P1D']) {
      expect(BackupSchedule.expression(ok).intervals).toEqual([ok]);
    }
  });

  test('expression is kept as written and described from its intervals', () => {
    const schedule = BackupSchedule.expression('R/2024-01-07T01:00:00+00:00/P1W', 'R/2024-01-03T01:00:00Z/P1W');
    expect(schedule.intervals).toEqual(['R/2024-01-07T01:00:00+00:00/P1W', 'R/2024-01-03T01:00:00Z/P1W']);
    expect(schedule.describe()).toBe('weekly on Sunday, Wednesday at 01:00 (UTC+00:00)');
  });
});

describe('RetentionRule', () => {
  test('named rules use Azure absolute criteria by default', () => {
    expect(RetentionRule.weekly(Duration.weeks(12)).criteria).toEqual({ absoluteCriteria: AbsoluteCriteria.FIRST_OF_WEEK });
    expect(RetentionRule.monthly(Duration.months(12)).criteria).toEqual({ absoluteCriteria: AbsoluteCriteria.FIRST_OF_MONTH });
    expect(RetentionRule.yearly(Duration.years(10)).criteria).toEqual({ absoluteCriteria: AbsoluteCriteria.FIRST_OF_YEAR });
  });

  test('describe reads as plain words', () => {
    expect(RetentionRule.monthly(Duration.months(12)).describe()).toBe('Monthly: first backup of each month kept 12 months');
  });
});

describe('DataLakeBackupPolicy', () => {
  function policyJson(props: Partial<ConstructorParameters<typeof DataLakeBackupPolicy>[2]>) {
    const { stack } = newStack();
    const vault = new BackupVault(stack, 'Vault', { name: 'bv-weu', resourceGroupName: 'rg', location: 'West Europe' });
    new DataLakeBackupPolicy(stack, 'Policy', {
      vault,
      name: 'adls-policy',
      schedule: BackupSchedule.daily({ hour: 2 }),
      defaultRetention: Duration.days(30),
      ...props,
    });
    return onlyResource(synth(stack), POLICY_TYPE).config;
  }

  test('minimal policy: schedule, default retention, no rules, no time zone', () => {
    const config = policyJson({});
    expect(config).toEqual({
      name: 'adls-policy',
      data_protection_backup_vault_id: '${azurerm_data_protection_backup_vault.Vault_23237E5B.id}',
      backup_schedule: ['R/2024-01-01T02:00:00+00:00/P1D'],
      default_retention_duration: 'P30D',
    });
  });

  test('rules are rendered in Azure priority order (picks of a year, month, week, day) whatever order they were given in', () => {
    const custom = RetentionRule.custom({
      name: 'QuarterEnd',
      duration: Duration.years(7),
      daysOfWeek: [DayOfWeek.SUNDAY],
      weeksOfMonth: [WeekOfMonth.LAST],
      monthsOfYear: [MonthOfYear.MARCH, MonthOfYear.JUNE, MonthOfYear.SEPTEMBER, MonthOfYear.DECEMBER],
    });
    const config = policyJson({
      retentionRules: [
        custom,
        RetentionRule.weekly(Duration.weeks(12)),
        RetentionRule.yearly(Duration.years(10)),
        RetentionRule.monthly(Duration.months(12)),
      ],
      timeZone: 'W. Europe Standard Time',
    });
    // QuarterEnd picks backups of certain months: it ranks with the yearly rule, in the order given.
    expect(config.retention_rule.map((r: any) => r.name)).toEqual(['QuarterEnd', 'Yearly', 'Monthly', 'Weekly']);
    expect(config.retention_rule[0]).toEqual({
      name: 'QuarterEnd',
      duration: 'P7Y',
      days_of_week: ['Sunday'],
      weeks_of_month: ['Last'],
      months_of_year: ['March', 'June', 'September', 'December'],
    });
    expect(config.time_zone).toBe('W. Europe Standard Time');
  });

  test('a custom rule keeping the first backup of the year is not shadowed by a weekly rule', () => {
    const config = policyJson({
      retentionRules: [
        RetentionRule.weekly(Duration.weeks(12)),
        RetentionRule.custom({ name: 'Daily', duration: Duration.days(60), absoluteCriteria: AbsoluteCriteria.FIRST_OF_DAY }),
        RetentionRule.custom({ name: 'Annual', duration: Duration.years(10), absoluteCriteria: AbsoluteCriteria.FIRST_OF_YEAR }),
      ],
    });
    expect(config.retention_rule.map((r: any) => [r.name, r.duration])).toEqual([
      ['Annual', 'P10Y'],
      ['Weekly', 'P12W'],
      ['Daily', 'P60D'],
    ]);
  });

  test("a user's own azurerm version pin is kept and joined with the library's constraint", () => {
    const { stack } = newStack();
    stack.addOverride('terraform.required_providers.azurerm.version', '~> 4.75');
    const vault = new BackupVault(stack, 'Vault', { name: 'bv-weu', resourceGroupName: 'rg', location: 'West Europe' });
    const props = { vault, schedule: BackupSchedule.daily({ hour: 2 }), defaultRetention: Duration.days(30) };
    new DataLakeBackupPolicy(stack, 'A', { ...props, name: 'adls-a' });
    new DataLakeBackupPolicy(stack, 'B', { ...props, name: 'adls-b' });
    expect(synth(stack).terraform.required_providers.azurerm.version).toBe('~> 4.75, >= 4.68.0, < 6.0.0');
  });

  test('the same policy synthesizes to the same bytes twice (every argument forces replacement)', () => {
    const props = { retentionRules: [RetentionRule.monthly(Duration.months(6))], timeZone: 'UTC' };
    expect(JSON.stringify(policyJson(props))).toBe(JSON.stringify(policyJson(props)));
  });
});
