import { ageOn, birthday, writeUkDate, type IsoDate } from '../dates.ts';
import { episodeCells, ssda903Episodes, type Ssda903Episode } from './episodes.ts';
import type { Ssda903ChildFacts } from './export-facts.ts';
import {
  adoptionRow,
  careLeaverRow,
  placedForAdoptionRows,
  outcomesRow,
  previousPermanenceRow,
  socialWorkerRows,
  type YearBounds,
} from './export-tables.ts';
import { ssda903Columns, ssda903Tables, type Ssda903Column, type Ssda903Table } from './tables.ts';

/** One row of an SSDA903 table as the cells of its CSV line. */
export type Ssda903Cells<T extends Ssda903Table> = Record<Ssda903Column<T>, string>;
/** The rows of each of the eleven tables. */
export type Ssda903Export = { [T in Ssda903Table]: Ssda903Cells<T>[] };

const uk = (date: IsoDate | null) => (date === null ? '' : writeUkDate(date));
const overlapsYear = (start: IsoDate, end: IsoDate | null, year: YearBounds) =>
  start <= year.end && (end === null || end >= year.start);

/**
 * UPN, or when the record has none the DfE's code for why (UN1 not yet of school age on the last 31 August;
 * UN2 an unaccompanied asylum-seeking child who has never been at school in England). Otherwise left blank, so
 * that validation asks for the UPN to be recorded rather than the return guessing a reason.
 */
function upnOf(child: Ssda903ChildFacts, year: YearBounds): string {
  if (child.upn) return child.upn;
  const lastAugust =
    `${year.start.slice(0, 4)}-08-31` > year.end ? year.end : `${year.start.slice(0, 4)}-08-31`;
  if (child.dateOfBirth !== null && ageOn(child.dateOfBirth, lastAugust) < 4) return 'UN1';
  return child.uasc ? 'UN2' : '';
}

/**
 * The Header row. MOTHER is asked of girls looked after in the year (1 when her first child was born by
 * 31 March); it is blank for boys, and for care leavers not looked after in the year (628).
 */
function headerRow(child: Ssda903ChildFacts, lookedAfter: boolean, year: YearBounds): Ssda903Cells<'Header'> {
  const mother =
    lookedAfter && child.sex === 'F'
      ? child.firstChildBornOn !== null && child.firstChildBornOn <= year.end
        ? '1'
        : '0'
      : '';
  return {
    CHILD: child.localId,
    SEX: child.sex ?? '',
    DOB: uk(child.dateOfBirth),
    ETHNIC: child.ethnicity ?? '',
    UPN: upnOf(child, year),
    MOTHER: mother,
    MC_DOB: mother === '1' ? uk(child.firstChildBornOn) : '',
  };
}

/** UASC: the day the status ceased (the 18th birthday unless recorded), for a status in force in the year (104). */
function uascRow(child: Ssda903ChildFacts, year: YearBounds): Ssda903Cells<'UASC'> | null {
  if (!child.uasc || child.dateOfBirth === null) return null;
  const eighteen = birthday(child.dateOfBirth, 18);
  const ceased = child.uascCeasedOn !== null && child.uascCeasedOn < eighteen ? child.uascCeasedOn : eighteen;
  if (ceased < year.start) return null;
  return {
    CHILD: child.localId,
    SEX: child.sex ?? '',
    DOB: uk(child.dateOfBirth),
    DUC: ceased <= year.end ? uk(ceased) : '',
  };
}

/** Reviews held in the year while the child was looked after. */
function reviewRows(child: Ssda903ChildFacts, year: YearBounds): Ssda903Cells<'Reviews'>[] {
  const inCare = (day: IsoDate) =>
    child.periods.some((period) => period.start <= day && (period.end === null || day <= period.end));
  return child.reviews
    .filter((review) => review.heldOn >= year.start && review.heldOn <= year.end && inCare(review.heldOn))
    .sort((a, b) => (a.heldOn < b.heldOn ? -1 : 1))
    .map((review) => ({
      CHILD: child.localId,
      DOB: uk(child.dateOfBirth),
      REVIEW: uk(review.heldOn),
      REVIEW_CODE: review.participation,
    }));
}

/** Times missing or away from placement that began in the year, or ran into it, while looked after. */
function missingRows(child: Ssda903ChildFacts, year: YearBounds): Ssda903Cells<'Missing'>[] {
  const inCare = (day: IsoDate) =>
    child.periods.some((period) => period.start <= day && (period.end === null || day <= period.end));
  return child.missing
    .filter((missing) => overlapsYear(missing.start, missing.end, year) && inCare(missing.start))
    .sort((a, b) => (a.start < b.start ? -1 : 1))
    .map((missing) => ({
      CHILD: child.localId,
      DOB: uk(child.dateOfBirth),
      MISSING: missing.kind,
      MIS_START: uk(missing.start),
      MIS_END: missing.end !== null && missing.end <= year.end ? uk(missing.end) : '',
    }));
}

/** An empty set of the eleven tables. */
function noTables(): Ssda903Export {
  return Object.fromEntries(ssda903Tables.map((table) => [table, []])) as unknown as Ssda903Export;
}

/**
 * The eleven tables of the SSDA903 return for the collection year starting 1 April `year` (DfE, children looked
 * after return 2025 to 2026: technical specification), from each child's record as it stood on 31 March. A
 * child is in the return when looked after at some time in the year (Episodes) or when a care leaver whose
 * 17th to 21st birthday fell in it (OC3); the other tables follow the child (docs/returns/export.md).
 */
export function buildSsda903(children: readonly Ssda903ChildFacts[], year: number): Ssda903Export {
  const bounds: YearBounds = { start: `${year}-04-01`, end: `${year + 1}-03-31` };
  const tables = noTables();
  for (const child of children) {
    const episodes: Ssda903Episode[] = ssda903Episodes(child.periods, year);
    const lookedAfter = episodes.length > 0;
    const careLeaver = careLeaverRow(child, bounds);
    if (!lookedAfter && !careLeaver) continue;
    tables.Header.push(headerRow(child, lookedAfter, bounds));
    if (careLeaver) tables.OC3.push(careLeaver);
    if (!lookedAfter) continue;
    tables.Episodes.push(...episodes.map((episode) => episodeCells(child.localId, episode)));
    tables.Reviews.push(...reviewRows(child, bounds));
    tables.Missing.push(...missingRows(child, bounds));
    const uasc = uascRow(child, bounds);
    if (uasc) tables.UASC.push(uasc);
    const outcomes = outcomesRow(child, episodes, bounds);
    if (outcomes) tables.OC2.push(outcomes);
    const permanence = previousPermanenceRow(child, bounds);
    if (permanence) tables.PrevPerm.push(permanence);
    tables.SWEpisodes.push(...socialWorkerRows(child, bounds));
    tables.PlacedAdoption.push(...placedForAdoptionRows(child, bounds));
    const adoption = adoptionRow(child, bounds);
    if (adoption) tables.AD1.push(adoption);
  }
  return tables;
}

/** A CSV cell, quoted when it holds a comma, quote or line break (RFC 4180). */
function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One table as the text of its CSV file: the specification's column names, then a line a row (CRLF). */
export function ssda903Csv(table: Ssda903Table, rows: readonly Readonly<Record<string, string>>[]): string {
  const columns: readonly string[] = ssda903Columns[table];
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((column) => cell(row[column] ?? '')).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Every table as its file: the name (which names no child) and the CSV text. */
export function ssda903Files(tables: Ssda903Export): { name: string; text: string }[] {
  return ssda903Tables.map((table) => ({
    name: ssda903FileNames[table],
    text: ssda903Csv(table, tables[table]),
  }));
}

/** The file each table is written to: named for the table (as in Data to Insight's example), never for a child. */
export const ssda903FileNames: Readonly<Record<Ssda903Table, string>> = {
  Header: 'header.csv',
  Episodes: 'episodes.csv',
  Reviews: 'reviews.csv',
  UASC: 'uasc.csv',
  OC2: 'oc2.csv',
  OC3: 'oc3.csv',
  AD1: 'ad1.csv',
  PlacedAdoption: 'placed_for_adoption.csv',
  PrevPerm: 'previous_permanence.csv',
  Missing: 'missing.csv',
  SWEpisodes: 'sw_episodes.csv',
};
