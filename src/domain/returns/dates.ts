import { Temporal } from 'temporal-polyfill';

/** A calendar date written YYYY-MM-DD, so that string order is date order. */
export type IsoDate = string;

const ukDate = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

function fromParts(year: number, month: number, day: number): IsoDate | null {
  try {
    return Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' }).toString();
  } catch {
    return null;
  }
}

/** Reads a date as the SSDA903 CSV tables write it (DD/MM/YYYY); null when it is not a real date. */
export function readUkDate(text: string): IsoDate | null {
  const match = ukDate.exec(text);
  if (!match) return null;
  return fromParts(Number(match[3]), Number(match[2]), Number(match[1]));
}

/** Reads a date as XML writes it (YYYY-MM-DD, as in the CIN census); null when it is not a real date. */
export function readIsoDate(text: string): IsoDate | null {
  const match = isoDate.exec(text);
  if (!match) return null;
  return fromParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** `date` moved by whole days (negative to go back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** `date` moved by calendar months, clamped to the month's last day (DOMAIN.md section 2). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return Temporal.PlainDate.from(date).add({ months }).toString();
}

/** Days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' }).days;
}

/**
 * Age in completed years on `on` of a person born on `birth`, computed on dates, never on 365-day
 * years (DOMAIN.md section 2). Someone born on 29 February is a year older on 1 March in other years.
 */
export function ageOn(birth: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  return oy - by - (om < bm || (om === bm && od < bd) ? 1 : 0);
}

/** The date on which someone born on `birth` turns `years` (29 February → 1 March in other years). */
export function birthday(birth: IsoDate, years: number): IsoDate {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  return fromParts(by + years, bm, bd) ?? fromParts(by + years, 3, 1)!;
}

/** The later of two dates. */
export function later(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}
