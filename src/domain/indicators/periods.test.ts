import { describe, expect, it } from 'vitest';
import {
  financialYear,
  financialYearOf,
  month,
  periodAsAt,
  quarter,
  rollingTwelveMonths,
  twelveMonthsBefore,
  type ReportingPeriod,
} from './periods.ts';

const span = (period: ReportingPeriod) => `${period.start} to ${period.end}: ${period.label}`;

describe('reporting periods', () => {
  it.each<[string, ReportingPeriod, string]>([
    ['a financial year', financialYear(2025), '2025-04-01 to 2026-03-31: 2025–26'],
    ['the first quarter', quarter(2026, 1), '2026-04-01 to 2026-06-30: Q1 2026–27'],
    ['the second quarter', quarter(2026, 2), '2026-07-01 to 2026-09-30: Q2 2026–27'],
    [
      'the fourth quarter, in the next calendar year',
      quarter(2025, 4),
      '2026-01-01 to 2026-03-31: Q4 2025–26',
    ],
    ['February of a leap year', month(2024, 2), '2024-02-01 to 2024-02-29: February 2024'],
    ['December', month(2026, 12), '2026-12-01 to 2026-12-31: December 2026'],
    [
      '12 months to a day',
      rollingTwelveMonths('2026-12-07'),
      '2025-12-08 to 2026-12-07: 12 months to 7 December 2026',
    ],
    [
      '12 months to 29 February',
      rollingTwelveMonths('2024-02-29'),
      '2023-03-01 to 2024-02-29: 12 months to 29 February 2024',
    ],
    [
      '12 months to 31 March',
      rollingTwelveMonths('2026-03-31'),
      '2025-04-01 to 2026-03-31: 12 months to 31 March 2026',
    ],
    [
      'the year so far',
      periodAsAt('financial-year', '2026-12-07'),
      '2026-04-01 to 2026-12-07: 2026–27 to 7 December 2026',
    ],
    [
      'a whole year as at its last day',
      periodAsAt('financial-year', '2026-03-31'),
      '2025-04-01 to 2026-03-31: 2025–26',
    ],
    [
      'the quarter so far',
      periodAsAt('quarter', '2026-12-07'),
      '2026-10-01 to 2026-12-07: Q3 2026–27 to 7 December 2026',
    ],
    [
      'the quarter of a January day',
      periodAsAt('quarter', '2027-01-01'),
      '2027-01-01 to 2027-01-01: Q4 2026–27 to 1 January 2027',
    ],
    [
      'the month so far',
      periodAsAt('month', '2026-12-07'),
      '2026-12-01 to 2026-12-07: December 2026 to 7 December 2026',
    ],
    [
      'the 12 months to a day',
      periodAsAt('rolling-12-months', '2026-12-07'),
      '2025-12-08 to 2026-12-07: 12 months to 7 December 2026',
    ],
  ])('%s', (_case, period, expected) => {
    expect(span(period)).toBe(expected);
  });

  it.each([
    // From the same date a year earlier up to the day before.
    ['2025-06-01', '2024-06-01', '2025-05-31'],
    // 29 February a year earlier is 28 February.
    ['2024-02-29', '2023-02-28', '2024-02-28'],
    ['2025-03-01', '2024-03-01', '2025-02-28'],
  ])('the 12 months before %s run from %s to %s', (date, start, end) => {
    expect(twelveMonthsBefore(date)).toEqual({ start, end });
  });

  it.each([
    ['2026-03-31', 2025],
    ['2026-04-01', 2026],
    ['2026-01-01', 2025],
  ])('%s is in the financial year starting 1 April %d', (date, year) => {
    expect(financialYearOf(date)).toBe(year);
  });
});
