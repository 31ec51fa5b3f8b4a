import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  addCalendarMonths,
  addWorkingDays,
  CalendarRangeError,
  countWorkingDays,
  workingDayCalendar,
} from './working-days.ts';

const day = (text: string) => Temporal.PlainDate.from(text);
const calendar = workingDayCalendar();

describe('addWorkingDays', () => {
  it.each([
    // Thu 17 Apr 2025 + 15: skip Good Fri 18, Sat, Sun, Easter Mon 21; Tue 22..Fri 2 May = 9; skip early-May Mon 5;
    // Tue 6 (10), Wed 7, Thu 8, Fri 9, Mon 12 (14), Tue 13 (15).
    ['2025-04-17', 15, '2025-05-13', ['Good Friday', 'Easter Monday', 'Early May bank holiday']],
    // Tue 24 Dec 2024 + 1: skip Christmas Wed 25 and Boxing Day Thu 26 → Fri 27.
    ['2024-12-24', 1, '2024-12-27', ['Christmas Day', 'Boxing Day']],
    // Fri 20 Dec 2024 + 10: Mon 23 (1), Tue 24 (2), skip 25, 26; Fri 27 (3), Mon 30 (4), Tue 31 (5), skip New Year
    // Wed 1; Thu 2 (6), Fri 3 (7), Mon 6 (8), Tue 7 (9), Wed 8 Jan 2025 (10).
    ['2024-12-20', 10, '2025-01-08', ['Christmas Day', 'Boxing Day', 'New Year’s Day']],
    // Fri 24 Dec 2010 + 1: Christmas on Saturday, so Mon 27 and Tue 28 are substitute days → Wed 29.
    ['2010-12-24', 1, '2010-12-29', ['Christmas Day (substitute day)', 'Boxing Day (substitute day)']],
    // Thu 24 Dec 2009 + 1, for a child looked after since then: Christmas Fri 25, Boxing Day Sat 26 → Mon 28 → Tue 29.
    ['2009-12-24', 1, '2009-12-29', ['Christmas Day', 'Boxing Day (substitute day)']],
    // Thu 30 Dec 1999 + 1: skip the Millennium holiday Fri 31 and New Year's substitute Mon 3 Jan 2000 → Tue 4 Jan.
    ['1999-12-30', 1, '2000-01-04', ['Millennium', 'New Year’s Day (substitute day)']],
    // Fri 31 Dec 2021 + 1: New Year on Saturday, substitute Mon 3 Jan 2022 → Tue 4 Jan.
    ['2021-12-31', 1, '2022-01-04', ['New Year’s Day (substitute day)']],
    // Thu 21 Apr 2011 + 5: skip Good Fri 22, Easter Mon 25; Tue 26 (1), Wed 27 (2), Thu 28 (3); skip royal wedding
    // Fri 29 Apr and early-May Mon 2; Tue 3 (4), Wed 4 May (5).
    [
      '2011-04-21',
      5,
      '2011-05-04',
      ['Good Friday', 'Easter Monday', 'Royal wedding', 'Early May bank holiday'],
    ],
    // Fri 1 Jun 2012 + 1: skip moved spring holiday Mon 4 and Diamond Jubilee Tue 5 → Wed 6 Jun.
    ['2012-06-01', 1, '2012-06-06', ['Spring bank holiday', 'Queen’s Diamond Jubilee']],
    // Fri 25 May 2012 + 1: Mon 28 May was not a holiday in 2012 (moved to 4 June).
    ['2012-05-25', 1, '2012-05-28', []],
    // Thu 7 May 2020 + 1: skip the early-May holiday moved to Fri 8 May → Mon 11 May.
    ['2020-05-07', 1, '2020-05-11', ['Early May bank holiday']],
    // Fri 1 May 2020 + 1: Mon 4 May 2020 was a working day.
    ['2020-05-01', 1, '2020-05-04', []],
    // Wed 1 Jun 2022 + 2: skip Thu 2 (moved spring holiday) and Fri 3 (Platinum Jubilee); Mon 6 (1), Tue 7 (2).
    ['2022-06-01', 2, '2022-06-07', ['Spring bank holiday', 'Queen’s Platinum Jubilee']],
    // Fri 27 May 2022 + 1: Mon 30 May 2022 was a working day.
    ['2022-05-27', 1, '2022-05-30', []],
    // Fri 16 Sep 2022 + 1: skip the State Funeral Mon 19 Sep → Tue 20.
    ['2022-09-16', 1, '2022-09-20', ['State Funeral of Queen Elizabeth II']],
    // Fri 5 May 2023 + 1: skip the coronation Mon 8 May → Tue 9.
    ['2023-05-05', 1, '2023-05-09', ['Coronation of King Charles III']],
    // Wed 28 Feb 2024 + 1: leap year → Thu 29 Feb.
    ['2024-02-28', 1, '2024-02-29', []],
    // Thu 29 Feb 2024 + 1 → Fri 1 Mar.
    ['2024-02-29', 1, '2024-03-01', []],
    // Fri 31 Jan 2025 + 20: February 2025 runs Mon 3 to Fri 28, four whole weeks = 20 working days → Fri 28 Feb.
    ['2025-01-31', 20, '2025-02-28', []],
    // Sat 15 Mar 2025 is day 0 although not a working day: the 1st working day after it is Mon 17.
    ['2025-03-15', 1, '2025-03-17', []],
    // Day 0 is the date itself.
    ['2025-03-15', 0, '2025-03-15', []],
  ])('%s + %i working days is %s', (from, workingDays, expected, skippedNames) => {
    const reached = addWorkingDays(calendar, day(from), workingDays);
    expect(reached.date.toString()).toBe(expected);
    expect(reached.skipped.map((skipped) => skipped.name)).toEqual(skippedNames);
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => addWorkingDays(calendar, day('2025-01-01'), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(calendar, day('2025-01-01'), 1.5)).toThrow(RangeError);
  });

  it('refuses to count into a year whose bank holidays it does not know', () => {
    // Mon 31 Dec 2035 + 1 would be in 2036.
    expect(() => addWorkingDays(calendar, day('2035-12-31'), 1)).toThrow(CalendarRangeError);
    expect(() => addWorkingDays(calendar, day('2035-12-31'), 1)).toThrow(/covers 1995 to 2035/);
  });
});

describe('countWorkingDays', () => {
  it.each([
    ['2025-04-17', '2025-05-13', 15], // the Easter 2025 row above, counted back
    ['2010-12-24', '2010-12-29', 1], // Christmas 2010 substitute days
    ['2025-01-31', '2025-02-28', 20], // month end to month end
    ['2025-04-17', '2025-04-17', 0], // nothing after FROM
    ['2025-04-17', '2025-04-21', 0], // Good Friday, weekend and Easter Monday
    ['2025-05-13', '2025-04-17', -15], // TO before FROM counts backwards
    // All of 2023: 260 weekdays (starts Sunday 1 Jan, 52 whole weeks + Sun 31 Dec) less 9 weekday holidays
    // (2 Jan, 7 Apr, 10 Apr, 1 May, 8 May, 29 May, 28 Aug, 25 Dec, 26 Dec) = 251.
    ['2022-12-31', '2023-12-31', 251],
  ])('after %s up to and including %s: %i', (from, to, expected) => {
    expect(countWorkingDays(calendar, day(from), day(to)).workingDays).toBe(expected);
  });
});

describe('calendar additions given as data', () => {
  it('takes a proclaimed bank holiday without a code change', () => {
    // Thu 3 Jun 2027 + 1 is Fri 4 Jun; with Fri 4 Jun proclaimed a holiday it is Mon 7 Jun.
    expect(addWorkingDays(calendar, day('2027-06-03'), 1).date.toString()).toBe('2027-06-04');
    const proclaimed = workingDayCalendar({
      proclaimedBankHolidays: [{ date: '2027-06-04', name: 'Jubilee' }],
    });
    const reached = addWorkingDays(proclaimed, day('2027-06-03'), 1);
    expect(reached.date.toString()).toBe('2027-06-07');
    expect(reached.skipped).toEqual([{ date: day('2027-06-04'), name: 'Jubilee', reason: 'bank-holiday' }]);
  });

  it("skips a council's own closure days and says so", () => {
    // Tue 23 Dec 2025 + 1: closed Wed 24, then Christmas Thu 25 and Boxing Day Fri 26 → Mon 29 Dec.
    const council = workingDayCalendar({
      councilClosureDays: [{ date: '2025-12-24', name: 'Christmas Eve closure' }],
    });
    const reached = addWorkingDays(council, day('2025-12-23'), 1);
    expect(reached.date.toString()).toBe('2025-12-29');
    expect(reached.skipped.map((skipped) => skipped.reason)).toEqual([
      'council-closure',
      'bank-holiday',
      'bank-holiday',
    ]);
    expect(addWorkingDays(calendar, day('2025-12-23'), 1).date.toString()).toBe('2025-12-24');
  });

  it('refuses an addition it cannot place', () => {
    expect(() => workingDayCalendar({ councilClosureDays: [{ date: '2025-02-30', name: 'x' }] })).toThrow(
      RangeError,
    );
    expect(() => workingDayCalendar({ proclaimedBankHolidays: [{ date: '2040-01-02', name: 'x' }] })).toThrow(
      CalendarRangeError,
    );
  });
});

describe('addCalendarMonths', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'], // 31 Jan + 1 month: February 2025 has 28 days
    ['2024-01-31', 1, '2024-02-29'], // leap year: 29 Feb
    ['2024-02-29', 12, '2025-02-28'], // 29 Feb + 12 months: no 29 Feb in 2025
    ['2024-11-30', 3, '2025-02-28'], // 30 Nov + 3 months → "30 Feb" → 28 Feb
    ['2024-08-31', 6, '2025-02-28'], // 31 Aug + 6 months → 28 Feb
    ['2025-03-31', 6, '2025-09-30'], // 31 Mar + 6 months → 30 Sep
    ['2024-10-15', 3, '2025-01-15'], // across the new year, same day
  ])('%s + %i months is %s', (from, months, expected) => {
    expect(addCalendarMonths(day(from), months).toString()).toBe(expected);
  });
});
