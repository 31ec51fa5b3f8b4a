import { Temporal } from 'temporal-polyfill';
import {
  bankHolidaysOfEnglandAndWales,
  SHIPPED_YEARS,
  type NonWorkingDay,
  type OneOffDay,
} from './bank-holidays.ts';

/** A date outside the years whose bank holidays the calendar knows. */
export class CalendarRangeError extends RangeError {
  constructor(date: Temporal.PlainDate, first: number, last: number) {
    super(`Hearth's calendar of bank holidays covers ${first} to ${last}: ${date.toString()} is outside it.`);
    this.name = 'CalendarRangeError';
  }
}

/** The working days of England and Wales, with any proclaimed extra days and the council's own closure days. */
export interface WorkingDayCalendar {
  readonly firstYear: number;
  readonly lastYear: number;
  /** The bank holiday or closure day on `date`, if it is one (weekends are not listed). */
  nonWorkingDay(date: Temporal.PlainDate): NonWorkingDay | undefined;
  isWorkingDay(date: Temporal.PlainDate): boolean;
}

export interface CalendarAdditions {
  /** Bank holidays proclaimed after this code was written, e.g. `{ date: '2027-06-04', name: '…' }`. */
  proclaimedBankHolidays?: readonly OneOffDay[];
  /** The council's own closure days, which its local procedures treat as non-working days. */
  councilClosureDays?: readonly OneOffDay[];
}

let shippedBankHolidays: ReadonlyMap<string, Readonly<NonWorkingDay>> | undefined;

/** The bank holidays of every shipped year, by date: the same for every calendar, so worked out once. */
function bankHolidaysByDate(): ReadonlyMap<string, Readonly<NonWorkingDay>> {
  if (!shippedBankHolidays) {
    const days = new Map<string, Readonly<NonWorkingDay>>();
    for (let year = SHIPPED_YEARS.first; year <= SHIPPED_YEARS.last; year++) {
      for (const holiday of bankHolidaysOfEnglandAndWales(year))
        days.set(holiday.date.toString(), Object.freeze(holiday));
    }
    shippedBankHolidays = days;
  }
  return shippedBankHolidays;
}

/**
 * Builds the working-day calendar: Monday to Friday less the bank holidays of England and Wales (DOMAIN.md §2),
 * plus additions given as data so that a proclamation or a closure needs no code change.
 */
export function workingDayCalendar(additions: CalendarAdditions = {}): WorkingDayCalendar {
  const { first, last } = SHIPPED_YEARS;
  const days = new Map<string, NonWorkingDay>(bankHolidaysByDate());
  const add = (extra: readonly OneOffDay[] | undefined, reason: NonWorkingDay['reason']) => {
    for (const day of extra ?? []) {
      const date = Temporal.PlainDate.from(day.date, { overflow: 'reject' });
      if (date.year < first || date.year > last) throw new CalendarRangeError(date, first, last);
      if (!days.has(date.toString())) days.set(date.toString(), { date, name: day.name, reason });
    }
  };
  add(additions.proclaimedBankHolidays, 'bank-holiday');
  add(additions.councilClosureDays, 'council-closure');

  const checkInRange = (date: Temporal.PlainDate) => {
    if (date.year < first || date.year > last) throw new CalendarRangeError(date, first, last);
  };
  return {
    firstYear: first,
    lastYear: last,
    nonWorkingDay(date) {
      checkInRange(date);
      return date.dayOfWeek <= 5 ? days.get(date.toString()) : undefined;
    },
    isWorkingDay(date) {
      checkInRange(date);
      return date.dayOfWeek <= 5 && !days.has(date.toString());
    },
  };
}

/** A date reached by counting working days, with the weekday bank holidays and closure days passed over. */
export interface WorkingDaysReached {
  date: Temporal.PlainDate;
  skipped: NonWorkingDay[];
}

/**
 * "Within N working days of D": D is day 0 and the deadline is the Nth working day after D (DOMAIN.md §2,
 * following Working Together to Safeguard Children 2023). Reports the bank holidays and closure days skipped.
 */
export function addWorkingDays(
  calendar: WorkingDayCalendar,
  from: Temporal.PlainDate,
  workingDays: number,
): WorkingDaysReached {
  if (!Number.isInteger(workingDays) || workingDays < 0) {
    throw new RangeError(
      `The number of working days must be a whole number of 0 or more, not ${workingDays}.`,
    );
  }
  let date = from;
  const skipped: NonWorkingDay[] = [];
  for (let counted = 0; counted < workingDays;) {
    date = date.add({ days: 1 });
    const closed = calendar.nonWorkingDay(date);
    if (closed) skipped.push(closed);
    else if (calendar.isWorkingDay(date)) counted++;
  }
  return { date, skipped };
}

/** The number of working days after one date up to and including another, with the days skipped on the way. */
export interface WorkingDayCount {
  workingDays: number;
  skipped: NonWorkingDay[];
}

/**
 * Counts the working days after `from` up to and including `to`: the inverse of {@link addWorkingDays}, as used
 * for "assessments completed within 45 working days" (DfE Children in Need census guide). Negative when `to`
 * is before `from`.
 */
export function countWorkingDays(
  calendar: WorkingDayCalendar,
  from: Temporal.PlainDate,
  to: Temporal.PlainDate,
): WorkingDayCount {
  if (Temporal.PlainDate.compare(to, from) < 0) {
    const backwards = countWorkingDays(calendar, to, from);
    return { workingDays: 0 - backwards.workingDays, skipped: backwards.skipped };
  }
  let workingDays = 0;
  const skipped: NonWorkingDay[] = [];
  for (
    let date = from.add({ days: 1 });
    Temporal.PlainDate.compare(date, to) <= 0;
    date = date.add({ days: 1 })
  ) {
    const closed = calendar.nonWorkingDay(date);
    if (closed) skipped.push(closed);
    else if (calendar.isWorkingDay(date)) workingDays++;
  }
  return { workingDays, skipped };
}

/**
 * "Within N months": the same calendar day N months later, clamped to the last day of a shorter month
 * (31 January + 1 month = 28 or 29 February), as DOMAIN.md §2 states for "within 3 months".
 */
export function addCalendarMonths(date: Temporal.PlainDate, months: number): Temporal.PlainDate {
  return date.add({ months }, { overflow: 'constrain' });
}
