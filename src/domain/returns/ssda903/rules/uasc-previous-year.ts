import { addDays, type IsoDate } from '../../dates.ts';
import type { Ssda903Context, Ssda903Rule } from '../context.ts';
import type { Ssda903Child, UascRow } from '../tables.ts';
import { episodeInYear, rowRule } from './support.ts';

/**
 * This child's rows on last year's UASC table, or null when last year's return had no UASC table
 * (then nothing can be said about who was UASC last year).
 */
function lastYearUasc(child: Ssda903Child, context: Ssda903Context): readonly UascRow[] | null {
  if (!context.previous?.files.has('UASC')) return null;
  return context.previous.children.get(child.id)?.UASC ?? [];
}

/** The first and last days of last year's collection year. */
function lastYear(context: Ssda903Context): { start: IsoDate; end: IsoDate } {
  return { start: `${context.year - 1}-04-01`, end: addDays(context.collectionStart, -1) };
}

/**
 * SSDA903 rules of 2025–26 (205A, 205B, 205D) that compare a child's UASC status and the date it
 * ceased (DUC) with last year's return. In the CSV files a child's UASC status is being on the UASC
 * table; the DfE's XML has a UASC item (0 or 1) instead. 205C (DUC given for a child who is UASC in
 * neither year) cannot happen in the CSV files: see docs/returns/differences.md.
 */
export const uascPreviousYearRules: readonly Ssda903Rule[] = [
  // A care leaver with no episode this year has no UASC row (1014), whatever last year's DUC.
  rowRule(
    '205A',
    "The child was UASC last year and is not this year, but last year's date UASC status ceased is not within last year.",
    'Header',
    ['CHILD'],
    (_row, child, context) => {
      const last = lastYearUasc(child, context);
      if (!last?.length || child.UASC.length > 0) return false;
      if (!child.Episodes.some((episode) => episodeInYear(episode, context))) return false;
      const { start, end } = lastYear(context);
      // An unreadable DUC last year may have been within it: nothing is said.
      const ceasedLastYear = (row: UascRow) =>
        row.unreadable.DUC !== undefined || (row.DUC !== null && start <= row.DUC && row.DUC <= end);
      return !last.some(ceasedLastYear);
    },
    { needs: ['previous'], alsoReads: ['UASC', 'Episodes'] },
  ),
  rowRule(
    '205B',
    "The child is UASC this year and was last year, but the dates UASC status ceased do not agree: last year's is within or before last year, or this year's is neither last year's nor within this year.",
    'UASC',
    ['DUC'],
    (row, child, context) => {
      const before = lastYearUasc(child, context)?.[0]?.DUC ?? null;
      if (before === null || row.unreadable.DUC !== undefined) return false;
      if (before <= lastYear(context).end) return true;
      const ceasedThisYear =
        row.DUC !== null && context.collectionStart <= row.DUC && row.DUC <= context.collectionEnd;
      return row.DUC !== before && !ceasedThisYear;
    },
    { needs: ['previous'] },
  ),
  rowRule(
    '205D',
    "The child is UASC this year, but was in last year's return without being UASC.",
    'UASC',
    ['CHILD'],
    (_row, child, context) =>
      lastYearUasc(child, context)?.length === 0 &&
      (context.previous?.children.get(child.id)?.Header.length ?? 0) > 0,
    { needs: ['previous'] },
  ),
];
