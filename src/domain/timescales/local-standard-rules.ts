import { Temporal } from 'temporal-polyfill';
import { writtenDay } from '../calendar/dates.ts';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { addPeriod, DEADLINE_RULES, describePeriod, type Period } from './deadline-rules.ts';

/** A problem with what an administrator asked for, addressed to the form field it is about. */
export interface StandardProblem {
  field: 'amount' | 'effectiveFrom' | 'day';
  message: string;
}

/**
 * The statutory outer limits a local standard replaces, where the law sets one: a council may set a stricter
 * interval, never a looser one. Visits to children in need and on a protection plan, and child in need plan
 * reviews, have none (Working Together to Safeguard Children 2023 leaves their frequency to the plan).
 */
export const STATUTORY_LIMITS: Readonly<Record<string, { period: Period; source: string }>> = {
  // Care Leavers (England) Regulations 2010, reg. 8(2)(c): visits at intervals of not more than 2 months.
  'care-leaver-contact': {
    period: DEADLINE_RULES['care-leaver-contact'].period,
    source: 'the Care Leavers (England) Regulations 2010, regulation 8',
  },
};

/**
 * A date from which `local` reaches a later deadline than `limit`, if there is one: "every 60 days" is looser
 * than "every 2 months" counted from 31 December (2 months reach 28 February), though not from most days. Every
 * start in four calendar years is tried, so month lengths, leap years and bank holidays all count.
 */
export function looserFrom(
  local: Period,
  limit: Period,
  calendar: WorkingDayCalendar,
  around: Temporal.PlainDate,
): Temporal.PlainDate | undefined {
  // Stay inside the calendar's years, leaving a year for the longest period to run on.
  const firstYear = Math.max(calendar.firstYear, Math.min(around.year, calendar.lastYear - 5));
  let day = Temporal.PlainDate.from({ year: firstYear, month: 1, day: 1 });
  const end = day.add({ years: 4 });
  while (Temporal.PlainDate.compare(day, end) < 0) {
    const allowed = addPeriod(calendar, day, limit).dueBy;
    if (Temporal.PlainDate.compare(addPeriod(calendar, day, local).dueBy, allowed) > 0) return day;
    day = day.add({ days: 1 });
  }
  return undefined;
}

/**
 * What is wrong with a local standard an administrator sets (issue 17 part 10): it cannot take effect before today
 * (work already done is judged by the standard of its time), and it cannot be looser than the statutory limit it
 * replaces.
 */
export function localStandardProblems(
  standard: { kind: string; interval: Period; effectiveFrom: Temporal.PlainDate },
  today: Temporal.PlainDate,
  calendar: WorkingDayCalendar,
): StandardProblem[] {
  const problems: StandardProblem[] = [];
  if (Temporal.PlainDate.compare(standard.effectiveFrom, today) < 0) {
    problems.push({
      field: 'effectiveFrom',
      message: `The date it takes effect must be today (${writtenDay(today)}) or later: work already done keeps the standard of its time`,
    });
  }
  const limit = STATUTORY_LIMITS[standard.kind];
  if (limit) {
    const looser = looserFrom(standard.interval, limit.period, calendar, standard.effectiveFrom);
    if (looser) {
      problems.push({
        field: 'amount',
        message: `The interval must be ${describePeriod(limit.period)} or less, the statutory limit set by ${limit.source}: every ${describePeriod(standard.interval)} is longer, counted from ${writtenDay(looser)}`,
      });
    }
  }
  return problems;
}

const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * What is wrong with a council closure day: it must be a working day, or closing would change nothing (a weekend,
 * or a bank holiday of England and Wales, is not a working day already).
 */
export function closureDayProblem(
  day: Temporal.PlainDate,
  calendar: WorkingDayCalendar,
): StandardProblem | undefined {
  if (day.dayOfWeek > 5) {
    return {
      field: 'day',
      message: `A closure day must be a weekday: ${writtenDay(day)} is a ${weekdays[day.dayOfWeek - 1]}, never a working day`,
    };
  }
  const holiday = calendar.nonWorkingDay(day);
  if (holiday?.reason === 'bank-holiday') {
    return {
      field: 'day',
      message: `A closure day cannot be a bank holiday: ${writtenDay(day)} is ${holiday.name}, never a working day`,
    };
  }
  return undefined;
}
