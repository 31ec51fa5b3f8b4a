import type { IsoDate } from '../../dates.ts';
import type { RuleFlag, RuleNeed } from '../../engine.ts';
import { engineRowTest, type RowTest, type Ssda903Context, type Ssda903Rule } from '../context.ts';
import type { EpisodeRow, Ssda903Child, Ssda903Row, Ssda903Table } from '../tables.ts';

/** The child's date of birth from the header, or null. */
export function dobOf(child: Ssda903Child): IsoDate | null {
  return child.Header[0]?.DOB ?? null;
}

/** A date of birth given on a row of another table, or else the header's. */
export function rowDob(row: { readonly DOB: string | null }, child: Ssda903Child): IsoDate | null {
  return row.DOB ?? dobOf(child);
}

/**
 * A period of care: episodes joined by X1 ("episode ceases and new episode begins on same day"),
 * each starting on or before the day the one before it ceased. Any other reason the episode ceased
 * ends the period: an E code, and a REC that is no code or blank too (149 and 148 report those),
 * as the DfE's 12-month cohort (CONTINUOUSLY_LOOKED_AFTER) reads it, so every rule that speaks of a
 * period of care (504, 577, 578, SW12, the OC2 and OC3 cohort) reads the same periods. A period
 * with an open last episode has no end.
 */
export interface CarePeriod {
  readonly start: IsoDate;
  readonly end: IsoDate | null;
  readonly episodes: readonly EpisodeRow[];
}

/**
 * A fact about a child that several rules ask for, worked out once. The rules run child by child, so
 * remembering the last child's answer is enough; a rule that asks about another child (last year's,
 * say) is answered afresh. The answer is shared, so it must be read, never changed.
 */
export function onceForEachChild<T>(work: (child: Ssda903Child) => T): (child: Ssda903Child) => T {
  let lastChild: Ssda903Child | undefined;
  let lastAnswer: T;
  return (child) => {
    if (child !== lastChild) {
      lastAnswer = work(child);
      lastChild = child;
    }
    return lastAnswer;
  };
}

/** The child's periods of care, in order; episodes without a start date are left out. */
export const carePeriods: (child: Ssda903Child) => readonly CarePeriod[] = onceForEachChild(periodsOfCare);

function periodsOfCare(child: Ssda903Child): CarePeriod[] {
  const periods: { start: IsoDate; end: IsoDate | null; episodes: EpisodeRow[] }[] = [];
  for (const episode of child.Episodes) {
    if (episode.DECOM === null) continue;
    const current = periods.at(-1);
    if (current && continuesPeriod(current.episodes.at(-1)!, episode)) {
      current.episodes.push(episode);
      current.end = episode.DEC;
    } else {
      periods.push({ start: episode.DECOM, end: episode.DEC, episodes: [episode] });
    }
  }
  return periods;
}

/** True when `next` continues the period of care of `previous`: still open, or ceased X1 by the day `next` starts. */
function continuesPeriod(previous: EpisodeRow, next: EpisodeRow): boolean {
  if (previous.DEC === null) return true;
  return previous.REC === 'X1' && next.DECOM !== null && next.DECOM <= previous.DEC;
}

/** True when `date` falls within the episode (from its start to the day it ceased, or still open). */
export function withinEpisode(episode: EpisodeRow, date: IsoDate): boolean {
  return episode.DECOM !== null && episode.DECOM <= date && (episode.DEC === null || date <= episode.DEC);
}

/** True when `date` falls within the period of care (from its start to its end, or still open). */
export function withinPeriod(period: CarePeriod, date: IsoDate): boolean {
  return period.start <= date && (period.end === null || date <= period.end);
}

/** A raw cell that was given, even if it could not be read as a date. */
export function given<T extends Ssda903Table>(row: Ssda903Row<T>, field: string): boolean {
  return (row as Record<string, unknown>)[field] !== null || row.unreadable[field] !== undefined;
}

/** A field left blank (not merely unreadable). */
export function blank<T extends Ssda903Table>(row: Ssda903Row<T>, field: string): boolean {
  return !given(row, field);
}

/** Options of a rule beyond its code, message, tables and fields. */
export interface RuleOptions {
  readonly severity?: 'error' | 'query';
  readonly needs?: readonly RuleNeed[];
  /** Other tables the rule reads: it runs only when they were supplied. */
  readonly alsoReads?: readonly Ssda903Table[];
}

/**
 * A rule that flags each row of one table that breaks it. It runs only when that table (and any
 * other it reads) was supplied, so a table left out of the return never passes or fails a rule.
 */
export function rowRule<T extends Ssda903Table>(
  code: string,
  message: string,
  table: T,
  fields: readonly string[],
  broken: RowTest<T>,
  options: RuleOptions = {},
): Ssda903Rule {
  const reads = [table, ...(options.alsoReads ?? [])];
  return {
    code,
    message,
    tables: reads,
    fields,
    years: { from: 2025 },
    ...(options.severity ? { severity: options.severity } : {}),
    ...(options.needs ? { needs: options.needs } : {}),
    flagsRowsOf: table,
    applies: (context) => reads.every((name) => context.supplied.has(name)),
    rowBroken: engineRowTest(broken),
  };
}

/** True when every one of `fields` is blank, or every one is given. */
export function allOrNone<T extends Ssda903Table>(row: Ssda903Row<T>, fields: readonly string[]): boolean {
  const count = fields.filter((field) => given(row, field)).length;
  return count === 0 || count === fields.length;
}

/** True when the episode was open at some time in the collection year. */
export function episodeInYear(episode: EpisodeRow, context: Ssda903Context): boolean {
  return (
    episode.DECOM !== null &&
    episode.DECOM <= context.collectionEnd &&
    (episode.DEC === null || episode.DEC >= context.collectionStart)
  );
}

/**
 * Whether the child has been looked after continuously for at least 12 months at 31 March (the
 * OC2 cohort), as the DfE validation rules define it: looked after at some time in the year, and no
 * episode in the year that starts a period of care (S) after 1 April, ends one before 31 March
 * (any reason but X1, as `carePeriods` reads it), or is a short break (V3, V4).
 */
export function continuouslyLookedAfter(child: Ssda903Child, context: Ssda903Context): boolean {
  const { collectionStart: start, collectionEnd: end } = context;
  const inYear = (episode: EpisodeRow) => episodeInYear(episode, context);
  const breaks = (episode: EpisodeRow) =>
    (episode.RNE === 'S' && episode.DECOM !== null && start < episode.DECOM && episode.DECOM <= end) ||
    (episode.REC !== 'X1' && episode.DEC !== null && start <= episode.DEC && episode.DEC < end) ||
    ((episode.LS === 'V3' || episode.LS === 'V4') && inYear(episode));
  return child.Episodes.some(inYear) && !child.Episodes.some(breaks);
}

/** The rows that have a date in `date`, in order of that date. */
export function inDateOrder<R>(rows: readonly R[], date: (row: R) => string | null): R[] {
  return rows
    .filter((row) => date(row) !== null)
    .sort((a, b) => (date(a)! < date(b)! ? -1 : date(a)! > date(b)! ? 1 : 0));
}

/** Flags each row, of rows in order, that breaks a rule together with the row before it. */
export function flagAfterPrevious<R extends { readonly table: string; readonly row: number }>(
  rows: readonly R[],
  broken: (row: R, previous: R) => boolean,
): RuleFlag[] {
  return rows.flatMap((row, index) => {
    const previous = rows[index - 1];
    return previous && broken(row, previous) ? [{ table: row.table, row: row.row }] : [];
  });
}
