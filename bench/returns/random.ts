/**
 * A seeded random source and day arithmetic for the benchmark's return generators: the same seed
 * always writes the same files, byte for byte.
 */

/** Mulberry32: small, fast and good enough to make test data (not for anything secret). */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.next() * values.length)]!;
  }

  /** One of the keys, drawn in proportion to its weight. */
  weighted<T extends string>(weights: Readonly<Record<T, number>>): T {
    const entries = Object.entries(weights) as [T, number][];
    let left = this.next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [value, weight] of entries) {
      left -= weight;
      if (left < 0) return value;
    }
    return entries.at(-1)![0];
  }
}

const msPerDay = 86_400_000;

/** Days since 1 January 1970 of a date written YYYY-MM-DD. */
export function dayOf(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / msPerDay;
}

/** The date written YYYY-MM-DD of a day number. */
export function isoOf(day: number): string {
  return new Date(day * msPerDay).toISOString().slice(0, 10);
}

/** A date written DD/MM/YYYY, as the SSDA903 CSV tables write it. */
export function ukOf(day: number): string {
  const iso = isoOf(day);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** The date `years` after `day` (29 February moves to 1 March). */
export function addYears(day: number, years: number): number {
  const date = new Date(day * msPerDay);
  return Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate()) / msPerDay;
}

/** The date `months` after `day`, kept within the month (31 January + 1 month = 28 or 29 February). */
export function addMonths(day: number, months: number): number {
  const date = new Date(day * msPerDay);
  const [year, month] = [date.getUTCFullYear(), date.getUTCMonth() + months];
  const length = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(date.getUTCDate(), length)) / msPerDay;
}

/** A UPN with the DfE check letter (A + council 201 + 9 digits), from a serial number. */
export function upnOf(serial: number, checkLetter: (upn: string) => string | null): string {
  const digits = `201${String(serial).padStart(9, '0')}`;
  return `${checkLetter(`X${digits}`)}${digits}`;
}

/** Ethnicity codes of the DfE list, weighted roughly as among children in need in England. */
export const ethnicities = {
  WBRI: 60,
  WOTH: 5,
  MWBC: 6,
  MOTH: 4,
  BAFR: 5,
  BCRB: 3,
  APKN: 4,
  AOTH: 3,
  OOTH: 4,
  REFU: 1,
} as const;
