import { monthNames } from '../calendar/dates.ts';
import { addDays, addMonths, type IsoDate } from '../returns/dates.ts';

export type PeriodKind = 'financial-year' | 'quarter' | 'month' | 'rolling-12-months';

/** The days an indicator is counted over, first and last included, with the words a report heads it with. */
export interface ReportingPeriod {
  readonly kind: PeriodKind;
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly label: string;
}

const pad2 = (value: number) => String(value).padStart(2, '0');
const writtenDay = (date: IsoDate) =>
  `${Number(date.slice(8, 10))} ${monthNames[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
/** "2025–26": the financial year starting 1 April 2025, as the DfE's releases write it. */
const yearWords = (year: number) => `${year}–${pad2((year + 1) % 100)}`;

/** The financial year (1 April `year` to 31 March the year after) that a date falls in, by its first year. */
export function financialYearOf(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) < '04-01' ? year - 1 : year;
}

/** The financial year starting 1 April `year`: the year of the CIN census and the SSDA903 return. */
export function financialYear(year: number): ReportingPeriod {
  return { kind: 'financial-year', start: `${year}-04-01`, end: `${year + 1}-03-31`, label: yearWords(year) };
}

/** Quarter `quarter` (1 to 4) of the financial year starting 1 April `year`: Q1 is April to June. */
export function quarter(year: number, quarter: 1 | 2 | 3 | 4): ReportingPeriod {
  const start = addMonths(`${year}-04-01`, (quarter - 1) * 3);
  return {
    kind: 'quarter',
    start,
    end: addDays(addMonths(start, 3), -1),
    label: `Q${quarter} ${yearWords(year)}`,
  };
}

/** The calendar month `month` (1 to 12) of `year`. */
export function month(year: number, month: number): ReportingPeriod {
  const start = `${year}-${pad2(month)}-01`;
  return {
    kind: 'month',
    start,
    end: addDays(addMonths(start, 1), -1),
    label: `${monthNames[month - 1]} ${year}`,
  };
}

/**
 * The 12 months before a date: from the same date a year earlier up to the day before (issue 20). 29 February
 * a year on is 28 February, as "within N months" reads it (DOMAIN.md section 2).
 */
export function twelveMonthsBefore(date: IsoDate): { start: IsoDate; end: IsoDate } {
  return { start: addMonths(date, -12), end: addDays(date, -1) };
}

/** The 12 months ending on `end`, `end` included: the 12 months before the day after it. */
export function rollingTwelveMonths(end: IsoDate): ReportingPeriod {
  return {
    kind: 'rolling-12-months',
    start: twelveMonthsBefore(addDays(end, 1)).start,
    end,
    label: `12 months to ${writtenDay(end)}`,
  };
}

/**
 * The period of `kind` as at `date`: the financial year, quarter or month that `date` falls in, so far (to
 * `date`), or the 12 months ending on `date`. A period ending on its own last day is the whole period.
 */
export function periodAsAt(kind: PeriodKind, date: IsoDate): ReportingPeriod {
  if (kind === 'rolling-12-months') return rollingTwelveMonths(date);
  const year = financialYearOf(date);
  const whole =
    kind === 'financial-year'
      ? financialYear(year)
      : kind === 'month'
        ? month(Number(date.slice(0, 4)), Number(date.slice(5, 7)))
        : quarter(year, (Math.floor(((Number(date.slice(5, 7)) + 8) % 12) / 3) + 1) as 1 | 2 | 3 | 4);
  if (date === whole.end) return whole;
  return { ...whole, end: date, label: `${whole.label} to ${writtenDay(date)}` };
}

/** Whether `date` is one of the period's days. */
export function inPeriod(
  date: IsoDate | null | undefined,
  period: { start: IsoDate; end: IsoDate },
): boolean {
  return date !== null && date !== undefined && date >= period.start && date <= period.end;
}

/** Whether something begun on `start` and, once ended, ended on `end` is open on `day`: ending on `day` is ended. */
export function openOn(start: IsoDate, end: IsoDate | null, day: IsoDate): boolean {
  return start <= day && (end === null || end > day);
}
