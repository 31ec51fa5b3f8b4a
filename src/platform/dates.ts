import { Temporal } from 'temporal-polyfill';

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
  if (parts.some((part) => !/^\d+$/.test(part)) || parts[2]!.length !== 4) {
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
