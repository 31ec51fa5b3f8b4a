import { Temporal } from 'temporal-polyfill';

/**
 * The years for which Hearth ships every bank holiday of England and Wales. From 1995, so that the records of
 * everyone Hearth serves can be worked out: a care leaver of 25 was born in 2001, and a child of 17 may have been
 * looked after since birth.
 */
export const SHIPPED_YEARS = { first: 1995, last: 2035 } as const;

/** A day that is not a working day although it falls Monday to Friday. */
export interface NonWorkingDay {
  date: Temporal.PlainDate;
  name: string;
  reason: 'bank-holiday' | 'council-closure';
}

/** A one-off day given as data: a proclaimed bank holiday or a council's closure day. */
export interface OneOffDay {
  date: string | Temporal.PlainDate;
  name: string;
}

/**
 * Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).
 * Good Friday and Easter Monday, bank holidays under the Banking and Financial Dealings Act 1971, hang from it.
 */
export function easterSunday(year: number): Temporal.PlainDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Temporal.PlainDate.from({ year, month, day });
}

const SATURDAY = 6;

function isWeekend(date: Temporal.PlainDate): boolean {
  return date.dayOfWeek >= SATURDAY;
}

function firstMonday(year: number, month: number): Temporal.PlainDate {
  const first = Temporal.PlainDate.from({ year, month, day: 1 });
  return first.add({ days: (8 - first.dayOfWeek) % 7 });
}

function lastMonday(year: number, month: number): Temporal.PlainDate {
  const last = Temporal.PlainDate.from({ year, month, day: 1 }).add({ months: 1 }).subtract({ days: 1 });
  return last.subtract({ days: (last.dayOfWeek + 6) % 7 });
}

/**
 * Holidays moved from their usual Monday by proclamation since 1995 (gov.uk/bank-holidays): the early-May holiday
 * of 1995 to 8 May (VE Day 50) and of 2020 to 8 May (VE Day 75), the late-May holiday of 2002 to 4 June (Golden
 * Jubilee), of 2012 to 4 June and of 2022 to 2 June.
 */
const MOVED_HOLIDAYS: Record<string, string> = {
  '1995 Early May bank holiday': '1995-05-08',
  '2002 Spring bank holiday': '2002-06-04',
  '2012 Spring bank holiday': '2012-06-04',
  '2020 Early May bank holiday': '2020-05-08',
  '2022 Spring bank holiday': '2022-06-02',
};

/** Extra one-off bank holidays proclaimed since 1995 (gov.uk/bank-holidays). */
export const PROCLAIMED_EXTRA_DAYS: readonly OneOffDay[] = [
  { date: '1999-12-31', name: 'Millennium' },
  { date: '2002-06-03', name: 'Queen’s Golden Jubilee' },
  { date: '2011-04-29', name: 'Royal wedding' },
  { date: '2012-06-05', name: 'Queen’s Diamond Jubilee' },
  { date: '2022-06-03', name: 'Queen’s Platinum Jubilee' },
  { date: '2022-09-19', name: 'State Funeral of Queen Elizabeth II' },
  { date: '2023-05-08', name: 'Coronation of King Charles III' },
];

/**
 * Puts each fixed-date holiday on its own day or, when that day is a Saturday or Sunday, on the next weekday
 * not already a holiday (so 25 December on a Saturday gives Monday 27 and Tuesday 28 December).
 * Holidays that fall on weekdays are placed first, so that Boxing Day on a Monday keeps its own day.
 */
function withSubstituteDays(fixedDays: { date: Temporal.PlainDate; name: string }[]) {
  const taken = new Set(fixedDays.filter((day) => !isWeekend(day.date)).map((day) => day.date.toString()));
  return fixedDays.map((day) => {
    if (!isWeekend(day.date)) return day;
    let substitute = day.date.add({ days: 1 });
    while (isWeekend(substitute) || taken.has(substitute.toString()))
      substitute = substitute.add({ days: 1 });
    taken.add(substitute.toString());
    return { date: substitute, name: `${day.name} (substitute day)` };
  });
}

/**
 * The bank holidays of England and Wales in one year: New Year's Day, Good Friday, Easter Monday, the early-May,
 * spring and summer bank holidays, Christmas Day and Boxing Day, with substitute days and the days moved or added
 * by proclamation since 1995. Source: Banking and Financial Dealings Act 1971, Schedule 1, and the proclamations
 * listed at gov.uk/bank-holidays.
 */
export function bankHolidaysOfEnglandAndWales(year: number): NonWorkingDay[] {
  const easter = easterSunday(year);
  const movable = [
    { date: easter.subtract({ days: 2 }), name: 'Good Friday' },
    { date: easter.add({ days: 1 }), name: 'Easter Monday' },
    { date: firstMonday(year, 5), name: 'Early May bank holiday' },
    { date: lastMonday(year, 5), name: 'Spring bank holiday' },
    { date: lastMonday(year, 8), name: 'Summer bank holiday' },
  ].map((day) => {
    const moved = MOVED_HOLIDAYS[`${year} ${day.name}`];
    return moved ? { date: Temporal.PlainDate.from(moved), name: day.name } : day;
  });
  const newYear = withSubstituteDays([{ date: date(year, 1, 1), name: 'New Year’s Day' }]);
  const christmas = withSubstituteDays([
    { date: date(year, 12, 25), name: 'Christmas Day' },
    { date: date(year, 12, 26), name: 'Boxing Day' },
  ]);
  const extra = PROCLAIMED_EXTRA_DAYS.map((day) => ({
    date: Temporal.PlainDate.from(day.date),
    name: day.name,
  }));
  return [...newYear, ...movable, ...christmas, ...extra.filter((day) => day.date.year === year)]
    .map((day) => ({ ...day, reason: 'bank-holiday' as const }))
    .sort((a, b) => Temporal.PlainDate.compare(a.date, b.date));
}

function date(year: number, month: number, day: number): Temporal.PlainDate {
  return Temporal.PlainDate.from({ year, month, day });
}
