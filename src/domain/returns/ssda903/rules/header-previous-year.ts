import type { Ssda903Context, Ssda903Rule } from '../context.ts';
import type { HeaderRow, Ssda903Child } from '../tables.ts';
import { rowRule } from './support.ts';

/** Last year's header of this child, when last year's return has one. */
function lastHeader(child: Ssda903Child, context: Ssda903Context): HeaderRow | undefined {
  return context.previous?.children.get(child.id)?.Header[0];
}

/** A rule that a header field agrees with last year's. */
function unchanged(code: string, message: string, field: 'SEX' | 'DOB' | 'ETHNIC'): Ssda903Rule {
  return rowRule(
    code,
    message,
    'Header',
    [field],
    (row, child, context) => {
      const last = lastHeader(child, context);
      return last !== undefined && last[field] !== row[field];
    },
    { needs: ['previous'] },
  );
}

const unknownUpn = (upn: string | null) => upn === null || /^UN[1-5]$/.test(upn);

/** True when the UPN may have moved from `before` to `now`: found at last, or a better reason it is unknown. */
function upnMayChange(before: string | null, now: string | null): boolean {
  if (before === now) return true;
  if (unknownUpn(before) && !unknownUpn(now)) return true;
  return (before === null || before === 'UN1') && now !== null && /^UN[1-5]$/.test(now);
}

/** SSDA903 header rules of 2025–26 that compare the child with last year's return. */
export const headerPreviousYearRules: readonly Ssda903Rule[] = [
  unchanged('202', "The child's sex differs from the sex recorded last year.", 'SEX'),
  unchanged('203', "The child's date of birth differs from the one recorded last year.", 'DOB'),
  unchanged('204', "The child's ethnicity differs from the one recorded last year.", 'ETHNIC'),
  rowRule(
    '208',
    'The UPN differs from the UPN recorded last year.',
    'Header',
    ['UPN'],
    (row, child, context) => {
      const last = lastHeader(child, context);
      return (
        last !== undefined && !upnMayChange(last.UPN?.toUpperCase() ?? null, row.UPN?.toUpperCase() ?? null)
      );
    },
    { needs: ['previous'] },
  ),
  rowRule(
    '207',
    'The child was recorded as a mother last year, but not this year.',
    'Header',
    ['MOTHER'],
    (row, child, context) =>
      child.Episodes.length > 0 && lastHeader(child, context)?.MOTHER === '1' && row.MOTHER !== '1',
    { needs: ['previous'] },
  ),
  rowRule(
    '624',
    "The date of birth of the mother's child differs from the one recorded last year.",
    'Header',
    ['MC_DOB'],
    (row, child, context) => {
      const last = lastHeader(child, context)?.MC_DOB ?? null;
      return last !== null && row.MC_DOB !== last;
    },
    { needs: ['previous'] },
  ),
  rowRule(
    '626',
    'The child is a mother whose child was born before this year, but last year she was recorded as not a mother.',
    'Header',
    ['MOTHER', 'MC_DOB'],
    (row, child, context) =>
      row.MOTHER === '1' &&
      row.MC_DOB !== null &&
      row.MC_DOB < context.collectionStart &&
      lastHeader(child, context)?.MOTHER === '0',
    { needs: ['previous'] },
  ),
  {
    code: '199',
    message: 'The episodes show that the child was adopted from care before this episode.',
    tables: ['Episodes'],
    fields: ['REC', 'DECOM'],
    years: { from: 2025 },
    // Last year's episodes are read too when that return is given; without it, only this year's.
    check: (child, context) => {
      const earlier = context.previous?.children.get(child.id)?.Episodes ?? [];
      const adoptions = [...earlier, ...child.Episodes]
        .filter((episode) => (episode.REC === 'E11' || episode.REC === 'E12') && episode.DECOM !== null)
        .map((episode) => episode.DECOM!)
        .sort();
      const first = adoptions[0];
      if (first === undefined) return [];
      return child.Episodes.filter((episode) => episode.DECOM !== null && episode.DECOM > first).map(
        (episode) => ({
          table: 'Episodes',
          row: episode.row,
        }),
      );
    },
  },
];
