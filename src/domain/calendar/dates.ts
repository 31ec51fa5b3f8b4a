import { Temporal } from 'temporal-polyfill';

/** Text that is not a real date in the form YYYY-MM-DD. */
export class InvalidDateError extends RangeError {
  constructor(text: string, why: string) {
    super(`${JSON.stringify(text)} is not a date: ${why}.`);
    this.name = 'InvalidDateError';
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Reads a date written YYYY-MM-DD, refusing impossible days such as 2025-02-30 rather than moving them. */
export function parseIsoDate(text: string): Temporal.PlainDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new InvalidDateError(text, 'write dates as YYYY-MM-DD');
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (month < 1 || month > 12) throw new InvalidDateError(text, 'the month must be from 01 to 12');
  const daysInMonth = Temporal.PlainYearMonth.from({ year, month }).daysInMonth;
  if (day < 1) throw new InvalidDateError(text, 'the day must be 01 or more');
  if (day > daysInMonth) {
    throw new InvalidDateError(text, `${MONTHS[month - 1]} ${year} has ${daysInMonth} days`);
  }
  return Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' });
}

/** A date as people read it in a case record: "Thu 17 Apr 2025". */
export function formatDay(date: Temporal.PlainDate): string {
  return `${WEEKDAYS[date.dayOfWeek - 1]} ${date.day} ${MONTHS[date.month - 1]} ${date.year}`;
}

/** The months' names, January first. */
export const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A date written the GOV.UK way, as words in a sentence: "3 March 2025" (GOV.UK style guide, dates). */
export function writtenDay(date: Temporal.PlainDate): string {
  return `${date.day} ${monthNames[date.month - 1]} ${date.year}`;
}
