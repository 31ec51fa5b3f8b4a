/**
 * The council's children aged 0 to 17 from the ONS mid-year population estimates, the denominator the DfE uses
 * for its rates per 10,000 children. Two layouts of the ONS's files are read, as saved to CSV:
 * - the "MYE2" table of the release's workbook (persons): a header row `Code, Name, Geography, All ages, 0, 1,
 *   …, 90` (title lines above it are skipped), one row per area, the mid-year given or found in a title line
 *   such as "Mid-2024";
 * - the long "by single year of age" files (MYEB1 and later): `ladcodeNN, …, sex, age, population_2011, …`, one
 *   row per area, sex and age, a column per mid-year.
 */
import { CsvSyntaxError, parseCsv } from '../returns/csv.ts';

/** One area's children aged 0 to 17 at one mid-year (30 June). */
export interface PopulationEstimate {
  readonly areaCode: string;
  readonly midYear: number;
  readonly children0To17: number;
}

export class PopulationFileError extends Error {}

const CHILD_AGES = Array.from({ length: 18 }, (_, age) => String(age));
const header = (cell: string) => cell.trim().toLowerCase();
const count = (cell: string | undefined) => {
  const value = Number((cell ?? '').replace(/,/g, ''));
  return Number.isFinite(value) ? value : NaN;
};

function wideLayout(rows: string[][], start: number, midYear: number | undefined): PopulationEstimate[] {
  const names = rows[start]!.map(header);
  const code = names.indexOf('code');
  const ages = CHILD_AGES.map((age) => names.indexOf(age));
  if (ages.some((column) => column === -1))
    throw new PopulationFileError('The header row has no column for each age from 0 to 17.');
  const titled = rows
    .slice(0, start)
    .flat()
    .map((cell) => /mid-(\d{4})/i.exec(cell)?.[1])
    .find(Boolean);
  const year = midYear ?? (titled ? Number(titled) : undefined);
  if (year === undefined)
    throw new PopulationFileError('The file does not say its mid-year: give it (for example 2024).');
  return rows.slice(start + 1).flatMap((cells) => {
    const areaCode = cells[code]?.trim() ?? '';
    if (!/^[EWSNK]\d{8}$/.test(areaCode)) return [];
    const children = ages.reduce((total, column) => total + count(cells[column]), 0);
    return Number.isFinite(children) ? [{ areaCode, midYear: year, children0To17: children }] : [];
  });
}

function longLayout(rows: string[][]): PopulationEstimate[] {
  const names = rows[0]!.map(header);
  const code = names.findIndex((name) => /^(ladcode\d*|lad\d*cd|code)$/.test(name));
  const age = names.indexOf('age');
  const sex = names.indexOf('sex');
  const years = names
    .map((name, column) => ({ year: /^population_(\d{4})$/.exec(name)?.[1], column }))
    .filter((entry): entry is { year: string; column: number } => entry.year !== undefined);
  if (code === -1 || age === -1 || !years.length)
    throw new PopulationFileError(
      'The file is neither the ONS MYE2 table (Code, Name, Geography, All ages, 0, 1, …) nor the long layout (ladcode, sex, age, population_YYYY).',
    );
  // Rows for both sexes together, where the file has them, are the figure; otherwise the sexes are added up.
  const persons = (value: string) => ['0', 'all', 'persons', 'p'].includes(value.trim().toLowerCase());
  const hasPersons = sex !== -1 && rows.slice(1).some((cells) => persons(cells[sex] ?? ''));
  const totals = new Map<string, number>();
  for (const cells of rows.slice(1)) {
    if (!CHILD_AGES.includes((cells[age] ?? '').trim())) continue;
    if (hasPersons && !persons(cells[sex] ?? '')) continue;
    for (const { year, column } of years) {
      const key = `${cells[code]!.trim()}|${year}`;
      totals.set(key, (totals.get(key) ?? 0) + count(cells[column]));
    }
  }
  return [...totals]
    .filter(([, children]) => Number.isFinite(children))
    .map(([key, children]) => {
      const [areaCode, year] = key.split('|') as [string, string];
      return { areaCode, midYear: Number(year), children0To17: children };
    });
}

/** Every area's children aged 0 to 17 in an ONS mid-year estimates file; `midYear` for a file that does not say. */
export function populationEstimates(text: string, midYear?: number): PopulationEstimate[] {
  let rows: string[][];
  try {
    rows = parseCsv(text.replace(/^\uFEFF/, '')).map((record) => record.cells);
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw new PopulationFileError(`The file is not CSV: ${error.message}.`);
    throw error;
  }
  const wide = rows.findIndex((cells) => {
    const names = cells.map(header);
    return names.includes('code') && names.includes('0') && names.includes('17');
  });
  return wide === -1 ? longLayout(rows) : wideLayout(rows, wide, midYear);
}

/**
 * The estimate a financial year's rates use: that of the mid-year inside it (30 June `year` lies in the year
 * starting 1 April `year`), or else the latest before it, as the DfE uses the latest estimate published.
 */
export function populationForYear<Estimate extends { midYear: number; children0To17: number }>(
  estimates: readonly Estimate[],
  financialYear: number,
): Estimate | undefined {
  return estimates
    .filter((estimate) => estimate.midYear <= financialYear)
    .reduce<Estimate | undefined>(
      (latest, estimate) => (!latest || estimate.midYear > latest.midYear ? estimate : latest),
      undefined,
    );
}
