import { financialYear, financialYearOf, periodAsAt, quarter, type ReportingPeriod } from './periods.ts';
import type { IsoDate } from '../returns/dates.ts';

/** A period asked for in words: a financial year, perhaps a quarter of it, perhaps only up to a date. */
export interface PeriodChoice {
  /** The financial year by the year it starts: 2025 is April 2025 to March 2026. */
  readonly year?: number;
  /** 1 to 4, Q1 being April to June. */
  readonly quarter?: number;
  /** The figures as at this day: the period is cut there if the day falls within it. */
  readonly asAt?: IsoDate;
}

/** What cannot be a period, in words for the person who asked. */
export class PeriodChoiceError extends Error {}

/**
 * The period a person asks for: the year (or its quarter), or, with only a date, the financial year so far as at
 * it; a date inside the period cuts it there ("Q2 2025–26 to 15 August 2025"), a date before it is refused.
 */
export function chosenPeriod(choice: PeriodChoice): ReportingPeriod {
  const year = choice.year ?? (choice.asAt ? financialYearOf(choice.asAt) : undefined);
  if (year === undefined)
    throw new PeriodChoiceError('Give a financial year, or a date to read the year as at.');
  if (choice.quarter !== undefined && ![1, 2, 3, 4].includes(choice.quarter))
    throw new PeriodChoiceError('A quarter is 1, 2, 3 or 4 (Q1 is April to June).');
  const whole = choice.quarter ? quarter(year, choice.quarter as 1 | 2 | 3 | 4) : financialYear(year);
  if (!choice.asAt || choice.asAt >= whole.end) return whole;
  if (choice.asAt < whole.start)
    throw new PeriodChoiceError(`${whole.label} had not begun on ${choice.asAt}.`);
  return periodAsAt(whole.kind, choice.asAt);
}

/** "2", "Q2" or "2026-Q2", the year being the financial year it belongs to: 2026-Q2 is July to September 2026. */
export function quarterOf(text: string): { year?: number; quarter: number } {
  const match = /^(?:(\d{4})-)?Q?([1-4])$/i.exec(text.trim());
  if (!match) throw new PeriodChoiceError(`"${text}" is not a quarter: give 1 to 4, Q2 or 2026-Q2.`);
  return { ...(match[1] ? { year: Number(match[1]) } : {}), quarter: Number(match[2]) };
}

/**
 * The last `count` whole quarters as at `day`, oldest first: the last is the quarter `day` ends, or else the one
 * before the quarter it falls in (a quarter still running would show a fall that is only days not yet lived).
 */
export function lastWholeQuarters(day: IsoDate, count: number): ReportingPeriod[] {
  const running = periodAsAt('quarter', day);
  let year = financialYearOf(running.start);
  let number = Math.floor(((Number(running.start.slice(5, 7)) + 8) % 12) / 3) + 1;
  if (running.label.includes(' to ')) [year, number] = number === 1 ? [year - 1, 4] : [year, number - 1];
  const quarters: ReportingPeriod[] = [];
  for (let left = count; left > 0; left -= 1) {
    quarters.unshift(quarter(year, number as 1 | 2 | 3 | 4));
    [year, number] = number === 1 ? [year - 1, 4] : [year, number - 1];
  }
  return quarters;
}
