import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { bankHolidaysOfEnglandAndWales, easterSunday, SHIPPED_YEARS } from './bank-holidays.ts';

const iso = (year: number) => bankHolidaysOfEnglandAndWales(year).map((holiday) => holiday.date.toString());

describe('easterSunday', () => {
  it.each([
    [2008, '2008-03-23'], // early Easter
    [2010, '2010-04-04'],
    [2011, '2011-04-24'], // late Easter, the week before the royal wedding
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2035, '2035-03-25'],
    [2038, '2038-04-25'], // the latest date Easter can fall
  ])('Easter %i is %s', (year, expected) => {
    expect(easterSunday(year).toString()).toBe(expected);
  });
});

describe('bankHolidaysOfEnglandAndWales', () => {
  it.each([
    // 1 Jan on Sunday → Mon 2 Jan; early-May holiday moved from Mon 1 May to Mon 8 May (VE Day 50).
    [
      1995,
      [
        '1995-01-02',
        '1995-04-14',
        '1995-04-17',
        '1995-05-08',
        '1995-05-29',
        '1995-08-28',
        '1995-12-25',
        '1995-12-26',
      ],
    ],
    // 25 Dec on Saturday → Mon 27 and Tue 28; Fri 31 Dec extra (the Millennium).
    [
      1999,
      [
        '1999-01-01',
        '1999-04-02',
        '1999-04-05',
        '1999-05-03',
        '1999-05-31',
        '1999-08-30',
        '1999-12-27',
        '1999-12-28',
        '1999-12-31',
      ],
    ],
    // late-May holiday moved from Mon 27 May to Tue 4 June, Mon 3 June extra (Golden Jubilee).
    [
      2002,
      [
        '2002-01-01',
        '2002-03-29',
        '2002-04-01',
        '2002-05-06',
        '2002-06-03',
        '2002-06-04',
        '2002-08-26',
        '2002-12-25',
        '2002-12-26',
      ],
    ],
    // 25 Dec on Saturday: Christmas substitute Mon 27, Boxing Day substitute Tue 28.
    [
      2010,
      [
        '2010-01-01',
        '2010-04-02',
        '2010-04-05',
        '2010-05-03',
        '2010-05-31',
        '2010-08-30',
        '2010-12-27',
        '2010-12-28',
      ],
    ],
    // 1 Jan on Saturday → Mon 3 Jan; extra Fri 29 Apr royal wedding; 25 Dec Sunday → Boxing Mon 26, Christmas Tue 27.
    [
      2011,
      [
        '2011-01-03',
        '2011-04-22',
        '2011-04-25',
        '2011-04-29',
        '2011-05-02',
        '2011-05-30',
        '2011-08-29',
        '2011-12-26',
        '2011-12-27',
      ],
    ],
    // late-May holiday moved from Mon 28 May to Mon 4 June, Tue 5 June extra (Diamond Jubilee).
    [
      2012,
      [
        '2012-01-02',
        '2012-04-06',
        '2012-04-09',
        '2012-05-07',
        '2012-06-04',
        '2012-06-05',
        '2012-08-27',
        '2012-12-25',
        '2012-12-26',
      ],
    ],
    // 26 Dec on Saturday → Mon 28 Dec.
    [
      2015,
      [
        '2015-01-01',
        '2015-04-03',
        '2015-04-06',
        '2015-05-04',
        '2015-05-25',
        '2015-08-31',
        '2015-12-25',
        '2015-12-28',
      ],
    ],
    // early-May holiday moved from Mon 4 May to Fri 8 May (VE Day 75); 26 Dec Saturday → Mon 28.
    [
      2020,
      [
        '2020-01-01',
        '2020-04-10',
        '2020-04-13',
        '2020-05-08',
        '2020-05-25',
        '2020-08-31',
        '2020-12-25',
        '2020-12-28',
      ],
    ],
    // 1 Jan Saturday → Mon 3; late-May moved from Mon 30 May to Thu 2 June, Fri 3 June extra; Mon 19 Sep extra.
    [
      2022,
      [
        '2022-01-03',
        '2022-04-15',
        '2022-04-18',
        '2022-05-02',
        '2022-06-02',
        '2022-06-03',
        '2022-08-29',
        '2022-09-19',
        '2022-12-26',
        '2022-12-27',
      ],
    ],
    // 1 Jan Sunday → Mon 2; Mon 8 May extra (coronation).
    [
      2023,
      [
        '2023-01-02',
        '2023-04-07',
        '2023-04-10',
        '2023-05-01',
        '2023-05-08',
        '2023-05-29',
        '2023-08-28',
        '2023-12-25',
        '2023-12-26',
      ],
    ],
    // 1 Jan Monday; Easter 25 Mar; Christmas Tuesday.
    [
      2035,
      [
        '2035-01-01',
        '2035-03-23',
        '2035-03-26',
        '2035-05-07',
        '2035-05-28',
        '2035-08-27',
        '2035-12-25',
        '2035-12-26',
      ],
    ],
  ])('%i', (year, expected) => {
    expect(iso(year)).toEqual(expected);
  });

  it('puts every holiday of the shipped years on a weekday, eight a year plus the proclaimed extras', () => {
    const extras: Record<number, number> = { 1999: 1, 2002: 1, 2011: 1, 2012: 1, 2022: 2, 2023: 1 };
    for (let year = SHIPPED_YEARS.first; year <= SHIPPED_YEARS.last; year++) {
      const holidays = bankHolidaysOfEnglandAndWales(year);
      expect(holidays.every((holiday) => holiday.date.dayOfWeek <= 5 && holiday.date.year === year)).toBe(
        true,
      );
      expect(new Set(iso(year)).size).toBe(8 + (extras[year] ?? 0));
    }
  });

  it('does not treat the usual Mondays as holidays in the years they were moved', () => {
    expect(iso(1995)).not.toContain('1995-05-01');
    expect(iso(2002)).not.toContain('2002-05-27');
    expect(iso(2012)).not.toContain('2012-05-28');
    expect(iso(2020)).not.toContain('2020-05-04');
    expect(iso(2022)).not.toContain('2022-05-30');
  });

  it('names substitute days', () => {
    const boxingDay = bankHolidaysOfEnglandAndWales(2010).find((holiday) =>
      holiday.date.equals(Temporal.PlainDate.from('2010-12-28')),
    );
    expect(boxingDay?.name).toBe('Boxing Day (substitute day)');
  });
});
