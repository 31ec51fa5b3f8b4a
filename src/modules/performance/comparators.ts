import type { Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';
import {
  ComparatorFileError,
  comparatorFigures,
  comparisonFor,
  statisticalNeighbours,
  type Comparison,
} from '../../domain/indicators/comparators.ts';
import { INDICATORS } from '../../domain/indicators/index.ts';
import { comparatorsLoaded, councilArea, saveComparators, saveNeighbours } from './queries.ts';

export { ComparatorFileError };

/** Loads the DfE's published figures from an underlying-data file; says how many figures of each level it kept. */
export async function loadComparators(
  db: Kysely<Tables>,
  councilId: string,
  text: string,
  options: { source: string; measures?: Record<string, string> },
): Promise<{ figures: number; years: string[] }> {
  const figures = comparatorFigures(text, options.measures);
  await saveComparators(
    db,
    figures.map((figure) => ({
      council_id: councilId,
      indicator_id: figure.indicatorId,
      time_period: figure.timePeriod,
      period_end: figure.periodEnd,
      geographic_level: figure.level,
      area_code: figure.areaCode,
      area_name: figure.areaName,
      region_code: figure.regionCode,
      value: figure.value,
      source: options.source,
    })),
  );
  return { figures: figures.length, years: [...new Set(figures.map((figure) => figure.timePeriod))].sort() };
}

/** Keeps the council's statistical neighbours from the reference file: the rows of its own LA code. */
export async function loadNeighbours(
  db: Kysely<Tables>,
  councilId: string,
  text: string,
  laCode?: string,
): Promise<{ laCode: string; neighbours: string[] }> {
  const code = laCode ?? (await councilArea(db, councilId))?.gss_code ?? undefined;
  if (!code)
    throw new ComparatorFileError(
      'The council has no LA code recorded: give it with --la-code (such as E10000016).',
    );
  const rows = statisticalNeighbours(text).filter((row) => row.laCode === code);
  if (!rows.length) throw new ComparatorFileError(`The file has no neighbours for ${code}.`);
  await saveNeighbours(
    db,
    councilId,
    rows.map((row) => ({
      la_code: row.laCode,
      neighbour_code: row.neighbourCode,
      neighbour_name: row.neighbourName,
      closeness: row.closeness,
    })),
  );
  return { laCode: code, neighbours: rows.map((row) => row.neighbourName) };
}

/** Each indicator's published comparison as at `day` (the latest year ending by then), where any is loaded. */
export async function comparisonsAsAt(
  db: Kysely<Tables>,
  councilId: string,
  day: string,
): Promise<Map<string, Comparison>> {
  const loaded = await comparatorsLoaded(db, councilId);
  if (!loaded.figures.length) return new Map();
  const figures = loaded.figures.map((row) => ({
    indicatorId: row.indicator_id,
    timePeriod: row.time_period,
    periodEnd: row.period_end,
    level: row.geographic_level,
    areaCode: row.area_code,
    areaName: row.area_name,
    value: Number(row.value),
  }));
  const regionCode =
    loaded.figures.find((row) => row.area_code === loaded.councilCode && row.region_code)?.region_code ??
    null;
  const council = {
    code: loaded.councilCode,
    regionCode,
    neighbourCodes: loaded.neighbours.map((row) => row.neighbour_code),
  };
  const comparisons = new Map<string, Comparison>();
  for (const definition of INDICATORS) {
    const comparison = comparisonFor(figures, definition.id, day, council);
    if (comparison) comparisons.set(definition.id, comparison);
  }
  return comparisons;
}
