import { Temporal } from 'temporal-polyfill';
import { SHIPPED_YEARS } from '../domain/calendar/bank-holidays.ts';
import { workingDayCalendar } from '../domain/calendar/working-days.ts';

/**
 * Dates as whole days since 1970-01-01, so that the generator can do millions of date sums quickly. Which days
 * are working days comes from Hearth's own calendar (src/domain/calendar: weekdays less the bank holidays of
 * England and Wales), read once into an index; `addWorkingDays` here agrees with the domain's, which the demo's
 * tests check day by day.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

export function dayOf(iso: string): Day {
  return Math.round(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / MS_PER_DAY);
}

const isoCache = new Map<Day, string>();

/** The day as YYYY-MM-DD (cached: the generator asks for the same few thousand days millions of times). */
export function isoOf(day: Day): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

const two = (value: number) => (value < 10 ? `0${value}` : String(value));

/** An instant on a day, at a time of the working day given in minutes (under 16 hours) after 08:00 UTC. */
export function instantOf(day: Day, minutes = 0): string {
  const total = 8 * 60 + minutes;
  return `${isoOf(day)}T${two(Math.floor(total / 60))}:${two(total % 60)}:00.000Z`;
}

export function millisecondsOf(day: Day): number {
  return day * MS_PER_DAY;
}

/** The same calendar day `months` later (or earlier), clamped to the end of a shorter month (DOMAIN.md §2). */
export function addMonths(day: Day, months: number): Day {
  const date = new Date(day * MS_PER_DAY);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Math.round(Date.UTC(year, month, Math.min(date.getUTCDate(), last)) / MS_PER_DAY);
}

export function addYears(day: Day, years: number): Day {
  return addMonths(day, years * 12);
}

/** Whole years from `born` to `on`, on dates, never on 365-day years (DOMAIN.md §2). */
export function ageOn(born: Day, on: Day): number {
  const a = new Date(born * MS_PER_DAY);
  const b = new Date(on * MS_PER_DAY);
  let age = b.getUTCFullYear() - a.getUTCFullYear();
  if (
    b.getUTCMonth() < a.getUTCMonth() ||
    (b.getUTCMonth() === a.getUTCMonth() && b.getUTCDate() < a.getUTCDate())
  )
    age--;
  return age;
}

/** The first and last days the shipped calendar covers: the demo keeps its dates inside them. */
export const CALENDAR_FIRST: Day = dayOf(`${SHIPPED_YEARS.first}-01-01`);
export const CALENDAR_LAST: Day = dayOf(`${SHIPPED_YEARS.last}-12-31`);

let index: { working: Uint8Array; countBefore: Int32Array; nth: Int32Array } | undefined;

function workingDayIndex() {
  if (index) return index;
  const calendar = workingDayCalendar();
  const length = CALENDAR_LAST - CALENDAR_FIRST + 1;
  const working = new Uint8Array(length);
  const countBefore = new Int32Array(length + 1);
  const nth: number[] = [];
  let date = Temporal.PlainDate.from(isoOf(CALENDAR_FIRST));
  for (let offset = 0; offset < length; offset++) {
    countBefore[offset] = nth.length;
    if (calendar.isWorkingDay(date)) {
      working[offset] = 1;
      nth.push(offset);
    }
    date = date.add({ days: 1 });
  }
  countBefore[length] = nth.length;
  index = { working, countBefore, nth: Int32Array.from(nth) };
  return index;
}

/** "Within N working days of D": the Nth working day after D, D being day 0 (DOMAIN.md §2). */
export function addWorkingDays(day: Day, workingDays: number): Day {
  const { countBefore, nth } = workingDayIndex();
  const offset = Math.min(Math.max(day - CALENDAR_FIRST, 0), countBefore.length - 1);
  // Working days on or before `day`, then the one N further on.
  const reached = countBefore[offset + 1]! - 1 + workingDays;
  const last = nth.length - 1;
  return CALENDAR_FIRST + nth[Math.min(Math.max(reached, 0), last)]!;
}

export function isWorkingDay(day: Day): boolean {
  return workingDayIndex().working[day - CALENDAR_FIRST] === 1;
}

/** The working day on or before `day`: work that must be done by a date that is not a working day. */
export function onWorkingDayBefore(day: Day): Day {
  let date = day;
  while (!isWorkingDay(date) && date > CALENDAR_FIRST) date--;
  return date;
}

/** The working day on or after `day`: meetings and decisions are held on working days. */
export function onWorkingDay(day: Day): Day {
  let date = day;
  while (!isWorkingDay(date) && date < CALENDAR_LAST) date++;
  return date;
}
