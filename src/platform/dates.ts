import { Temporal } from 'temporal-polyfill';

/**
 * No date in a child's record, or their family's, falls before this year; earlier years are typing mistakes (and
 * year 0000, which PostgreSQL refuses, would otherwise become a server error).
 */
const earliestYear = 1900;

/** Whether `text` is a real calendar date written YYYY-MM-DD, from 1900 on: the API's `date` format. */
export function isRealIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match || Number(match[1]) < earliestYear) return false;
  try {
    Temporal.PlainDate.from(text, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads a GOV.UK date input (day, month and year boxes). Returns the date as YYYY-MM-DD, null when all three
 * boxes are empty, or a message for the person when it is not a real date.
 */
export function dateFromParts(
  label: string,
  day: string | undefined,
  month: string | undefined,
  year: string | undefined,
): { date: string | null } | { problem: string } {
  const parts = [day, month, year].map((part) => (part ?? '').trim());
  if (parts.every((part) => part === '')) return { date: null };
  if (
    parts.some((part) => !/^\d+$/.test(part)) ||
    parts[2]!.length !== 4 ||
    Number(parts[2]) < earliestYear
  ) {
    return { problem: `${label} must be a real date, like 27 3 2015` };
  }
  try {
    const date = Temporal.PlainDate.from(
      { year: Number(parts[2]), month: Number(parts[1]), day: Number(parts[0]) },
      { overflow: 'reject' },
    );
    return { date: date.toString() };
  } catch {
    return { problem: `${label} must be a real date, like 27 3 2015` };
  }
}
