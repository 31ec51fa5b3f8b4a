/** A calendar date written YYYY-MM-DD, so that string order is date order. */
export type IsoDate = string;

const ukDate = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad2 = (value: number) => (value < 10 ? `0${value}` : String(value));

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The date of these parts, or null when there is no such day. Plain arithmetic rather than Temporal:
 * a census holds a few hundred thousand dates and this is on the path of every one of them.
 */
function fromParts(year: number, month: number, day: number): IsoDate | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** The year, month and day of a YYYY-MM-DD date. */
function partsOf(date: IsoDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/** Days since 1 January 1970 (proleptic Gregorian; H. Hinnant, "chrono-compatible low-level date algorithms"). */
function dayNumber(date: IsoDate): number {
  const [year, month, day] = partsOf(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The date of a day number (the inverse of `dayNumber`). */
function dateOfDayNumber(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return fromParts(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)!;
}

/** Reads a date as the SSDA903 CSV tables write it (DD/MM/YYYY); null when it is not a real date. */
export function readUkDate(text: string): IsoDate | null {
  const match = ukDate.exec(text);
  if (!match) return null;
  return fromParts(Number(match[3]), Number(match[2]), Number(match[1]));
}

/** Writes a date as the SSDA903 CSV tables hold it (DD/MM/YYYY). */
export function writeUkDate(date: IsoDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** Reads a date as XML writes it (YYYY-MM-DD, as in the CIN census); null when it is not a real date. */
export function readIsoDate(text: string): IsoDate | null {
  const match = isoDate.exec(text);
  if (!match) return null;
  return fromParts(Number(match[1]), Number(match[2]), Number(match[3])) === null ? null : text;
}

/** `date` moved by whole days (negative to go back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** `date` moved by calendar months, clamped to the month's last day (DOMAIN.md section 2). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = partsOf(date);
  const index = year * 12 + (month - 1) + months;
  const [toYear, toMonth] = [Math.floor(index / 12), (index % 12) + 1];
  return fromParts(toYear, toMonth, Math.min(day, daysInMonth(toYear, toMonth)))!;
}

/** Days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Age in completed years on `on` of a person born on `birth`, computed on dates, never on 365-day
 * years (DOMAIN.md section 2). Someone born on 29 February is a year older on 1 March in other years.
 */
export function ageOn(birth: IsoDate, on: IsoDate): number {
  // YYYY-MM-DD strings compare as dates: the birthday this year has come when MM-DD on `on` is not before it.
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(4) < birth.slice(4) ? years - 1 : years;
}

/** The date on which someone born on `birth` turns `years` (29 February → 1 March in other years). */
export function birthday(birth: IsoDate, years: number): IsoDate {
  const year = Number(birth.slice(0, 4)) + years;
  // Rules ask for birthdays many times per child: only 29 February needs the calendar.
  if (birth.endsWith('-02-29')) return fromParts(year, 2, 29) ?? fromParts(year, 3, 1)!;
  return `${String(year).padStart(4, '0')}${birth.slice(4)}`;
}

/** The later of two dates. */
export function later(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}
