import { parseCsv } from '../returns/csv.ts';
import { INDICATORS } from './index.ts';
import { oneDecimal } from './indicator.ts';

/**
 * The DfE's published figures beside Hearth's own (issue 20, part 3). The DfE publishes each release's underlying
 * data on Explore Education Statistics as CSV: one row per area and time period, with the columns `time_period`
 * (202425 for the year April 2024 to March 2025, or 2025 for the year ending 31 March 2025), `time_identifier`,
 * `geographic_level` (National, Regional, Local authority), `country_code`, `region_code`, `region_name`,
 * `new_la_code`, `la_name`, then a column per measure. A measure column is read when its name is a Hearth
 * indicator's id, or is mapped to one (`measures`); the symbols the DfE writes for figures it does not give (c, x,
 * z, k, low, u, :) are passed over.
 */

export class ComparatorFileError extends Error {}

export interface ComparatorFigure {
  readonly indicatorId: string;
  readonly timePeriod: string;
  /** The last day of the period the figure is for (31 March). */
  readonly periodEnd: string;
  readonly level: 'National' | 'Regional' | 'Local authority';
  readonly areaCode: string;
  readonly areaName: string;
  /** The region of a council's row, so that the council's own region can be found. */
  readonly regionCode: string | null;
  readonly value: number;
}

const LEVELS = ['National', 'Regional', 'Local authority'] as const;
const NOT_GIVEN = new Set(['c', 'x', 'z', 'k', 'low', 'u', ':', '']);
const ids = new Set(INDICATORS.map((indicator) => indicator.id));

/** "202425" and "2025" both end on 31 March 2025: a financial year, or the year ending 31 March. */
export function periodEndOf(timePeriod: string): string | undefined {
  if (/^\d{6}$/.test(timePeriod)) {
    const start = Number(timePeriod.slice(0, 4));
    if ((start + 1) % 100 !== Number(timePeriod.slice(4))) return undefined;
    return `${start + 1}-03-31`;
  }
  if (/^\d{4}$/.test(timePeriod)) return `${timePeriod}-03-31`;
  return undefined;
}

/** "2024–25" for the financial year ending on `periodEnd`. */
export function yearWords(periodEnd: string): string {
  const end = Number(periodEnd.slice(0, 4));
  return `${end - 1}–${String(end % 100).padStart(2, '0')}`;
}

/** The published figures in an underlying-data file; `measures` maps other columns to Hearth's ids. */
export function comparatorFigures(
  text: string,
  measures: Readonly<Record<string, string>> = {},
): ComparatorFigure[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  if (!header) throw new ComparatorFileError('The file is empty.');
  const names = header.cells.map((cell) => cell.toLowerCase());
  const at = (name: string) => names.indexOf(name);
  for (const required of ['time_period', 'geographic_level'])
    if (at(required) === -1)
      throw new ComparatorFileError(`The file has no ${required} column: is it an underlying data file?`);
  const measured = names.flatMap((name, index) => {
    const id = measures[name] ?? (ids.has(name) ? name : undefined);
    return id ? [{ index, id }] : [];
  });
  if (!measured.length)
    throw new ComparatorFileError(
      "No column is a Hearth indicator's id (such as re-referrals-12m), nor mapped to one with --measure.",
    );
  const figures: ComparatorFigure[] = [];
  for (const row of rows) {
    const cell = (name: string) => (at(name) === -1 ? '' : (row.cells[at(name)] ?? '').trim());
    const level = LEVELS.find((candidate) => candidate === cell('geographic_level'));
    if (!level) continue;
    const timePeriod = cell('time_period');
    const periodEnd = periodEndOf(timePeriod);
    if (!periodEnd)
      throw new ComparatorFileError(`Line ${row.line}: "${timePeriod}" is not a time period such as 202425.`);
    const [areaCode, areaName] =
      level === 'National'
        ? [cell('country_code') || 'E92000001', cell('country_name') || 'England']
        : level === 'Regional'
          ? [cell('region_code'), cell('region_name')]
          : [cell('new_la_code'), cell('la_name')];
    if (!areaCode) throw new ComparatorFileError(`Line ${row.line}: the area's code is missing.`);
    for (const { index, id } of measured) {
      const raw = (row.cells[index] ?? '').trim().replace(/,/g, '');
      if (NOT_GIVEN.has(raw.toLowerCase())) continue;
      const value = Number(raw);
      if (!Number.isFinite(value))
        throw new ComparatorFileError(`Line ${row.line}, column ${names[index]}: "${raw}" is not a number.`);
      figures.push({
        indicatorId: id,
        timePeriod,
        periodEnd,
        level,
        areaCode,
        areaName: areaName || areaCode,
        regionCode: level === 'Local authority' ? cell('region_code') || null : null,
        value,
      });
    }
  }
  return figures;
}

/** What the dashboard shows beside an indicator: the latest published year up to a day, by area. */
export interface Comparison {
  readonly year: string;
  readonly council: number | null;
  readonly england: number | null;
  readonly region: { readonly name: string; readonly value: number } | null;
  /** The average of the statistical neighbours' figures that year, and how many had one. */
  readonly neighbours: { readonly average: number; readonly count: number } | null;
}

/**
 * The comparison for an indicator as at `day`: the latest year published ending on or before it, with the
 * council's own published figure, England's, the council's region's and the average of its statistical
 * neighbours' (as the DfE's LA Interactive Tool averages them). Undefined when nothing is loaded for it.
 */
export function comparisonFor(
  figures: readonly Omit<ComparatorFigure, 'regionCode'>[],
  indicatorId: string,
  day: string,
  council: { code: string | null; regionCode: string | null; neighbourCodes: readonly string[] },
): Comparison | undefined {
  const own = figures.filter((figure) => figure.indicatorId === indicatorId && figure.periodEnd <= day);
  const latest = own
    .map((figure) => figure.periodEnd)
    .sort()
    .at(-1);
  if (!latest) return undefined;
  const that = own.filter((figure) => figure.periodEnd === latest);
  const valueOf = (code: string | null) => that.find((figure) => figure.areaCode === code)?.value ?? null;
  const neighbours = council.neighbourCodes
    .map((code) => valueOf(code))
    .filter((value): value is number => value !== null);
  const region = that.find((figure) => figure.level === 'Regional' && figure.areaCode === council.regionCode);
  return {
    year: yearWords(latest),
    council: valueOf(council.code),
    england: that.find((figure) => figure.level === 'National')?.value ?? null,
    region: region ? { name: region.areaName, value: region.value } : null,
    neighbours: neighbours.length
      ? {
          average: oneDecimal(neighbours.reduce((sum, value) => sum + value, 0) / neighbours.length),
          count: neighbours.length,
        }
      : null,
  };
}

/** A statistical neighbour as the reference file lists it. */
export interface Neighbour {
  readonly laCode: string;
  readonly neighbourCode: string;
  readonly neighbourName: string;
  readonly closeness: number;
}

/** The statistical neighbours file: `la_code,neighbour_code,neighbour_name,closeness` (1 the closest, to 10). */
export function statisticalNeighbours(text: string): Neighbour[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  const names = (header?.cells ?? []).map((cell) => cell.toLowerCase());
  const columns = ['la_code', 'neighbour_code', 'neighbour_name', 'closeness'].map((name) =>
    names.indexOf(name),
  );
  if (columns.includes(-1))
    throw new ComparatorFileError(
      'The file needs the columns la_code, neighbour_code, neighbour_name and closeness.',
    );
  return rows.map((row) => {
    const [laCode, neighbourCode, neighbourName, closeness] = columns.map((index) =>
      (row.cells[index] ?? '').trim(),
    );
    if (!/^E\d{8}$/.test(laCode!) || !/^E\d{8}$/.test(neighbourCode!))
      throw new ComparatorFileError(`Line ${row.line}: an LA code is nine characters, such as E10000016.`);
    const rank = Number(closeness);
    if (!Number.isInteger(rank) || rank < 1 || rank > 10)
      throw new ComparatorFileError(`Line ${row.line}: closeness is 1 (the closest) to 10.`);
    return {
      laCode: laCode!,
      neighbourCode: neighbourCode!,
      neighbourName: neighbourName || neighbourCode!,
      closeness: rank,
    };
  });
}
