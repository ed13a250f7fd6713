/**
 * Region names as Azure compares them (lib/regions.ts) and the time-zone spelling a policy suggests
 * (lib/time-zones.ts): the pure functions under the constructs' region and time-zone rules.
 */
import { isAdlsBackupRegion, normalizeRegion } from '../lib';
import { suggestTimeZone } from '../lib/time-zones';
import { configErrorOf } from './helpers';

test.each([
  ['West Europe', 'westeurope'],
  [' West  Europe\t', 'westeurope'],
  ['WESTEUROPE', 'westeurope'],
])('normalizeRegion(%j) is %j', (given, expected) => {
  expect(normalizeRegion(given)).toBe(expected);
});

test('normalizeRegion refuses what is not a string, saying which function refused it', () => {
  const error = configErrorOf(() => normalizeRegion(42 as unknown as string));
  expect(error.where).toBe('normalizeRegion');
  expect(error.problems).toEqual([expect.objectContaining({ code: 'ADLSBK-TYPE', path: 'region', value: '42' })]);
});

test.each<[unknown, boolean]>([
  ['West Europe', true],
  [' westeurope ', true],
  ['Mars Central', false],
  [42, false],
  [undefined, false],
])('isAdlsBackupRegion(%j) is %s, without throwing', (given, expected) => {
  expect(isAdlsBackupRegion(given as string)).toBe(expected);
});

test.each([
  ['w. europe standard time', 'W. Europe Standard Time'],
  ['  W.  Europe   Standard Time ', 'W. Europe Standard Time'],
  ['W. Europe Standard Time', 'W. Europe Standard Time'],
  ['Mars Standard Time', undefined],
])('suggestTimeZone(%j) is %j', (given, expected) => {
  expect(suggestTimeZone(given)).toBe(expected);
});
