import { readUkDate, type IsoDate } from '../../dates.ts';
import { codeRule, type Ssda903Rule } from '../context.ts';
import { firstDecom } from '../tables.ts';
import { rowRule } from './support.ts';

/**
 * Councils created since the validators' LA_PERM list was drawn up (DOMAIN.md section 7): their
 * codes are valid places where an earlier permanence order was arranged.
 */
const newerCouncils = new Set(['838', '839', '940', '941', '942', '943']);

/** The date before which a child must have started to be looked after for PrevPerm to be returned. */
const prevPermIntroduced = '2016-04-01';

const datePerm = /^(\d{2}|ZZ)\/(\d{2}|ZZ)\/(\d{4}|ZZZZ)$/i;

/**
 * Reads DATE_PERM, which the DfE lets a council write with unknown parts as ZZ (day, month) or
 * ZZZZ (year). Returns the earliest date it can mean (null when the year is unknown), or
 * 'invalid' when it is not such a date.
 */
export function readDatePerm(text: string): IsoDate | null | 'invalid' {
  const match = datePerm.exec(text);
  if (!match) return 'invalid';
  const [, day, month, year] = match as unknown as [string, string, string, string];
  const known = (part: string) => !/^z+$/i.test(part);
  if (!known(year))
    return known(day) && known(month) && (Number(day) > 31 || Number(month) > 12) ? 'invalid' : null;
  // A real date or none (31/02 is 'invalid'); the returns' own reader, so that reading a return loads no calendar library.
  const date = readUkDate(`${known(day) ? day : '01'}/${known(month) ? month : '01'}/${year}`);
  return date ?? 'invalid';
}

/** SSDA903 rules of 2025–26 on the previous permanence table (PrevPerm). */
export const previousPermanenceRules: readonly Ssda903Rule[] = [
  rowRule(
    '630',
    'The child started to be looked after this year, so information on any previous permanence option must be returned.',
    'Episodes',
    ['RNE', 'PREV_PERM', 'LA_PERM', 'DATE_PERM'],
    (row, child, context) => {
      if (row.RNE !== 'S' || row.DECOM === null || row.DECOM < context.collectionStart) return false;
      const perm = child.PrevPerm[0];
      if (!perm || perm.PREV_PERM === null) return true;
      return perm.PREV_PERM !== 'Z1' && (perm.LA_PERM === null || perm.DATE_PERM === null);
    },
    { alsoReads: ['PrevPerm'] },
  ),
  codeRule('631', 'The previous permanence option is not a valid code.', 'PrevPerm', 'PREV_PERM'),
  rowRule(
    '632',
    'The date of the previous permanence order is not a valid date, or is not before the child started to be looked after.',
    'PrevPerm',
    ['DATE_PERM', 'DECOM'],
    (row, child) => {
      if (row.DATE_PERM === null) return false;
      const date = readDatePerm(row.DATE_PERM);
      if (date === 'invalid') return true;
      const start = firstDecom(child);
      return date !== null && start !== null && date >= start;
    },
  ),
  rowRule(
    '633',
    'The local authority where the previous permanence option was arranged is not a valid code.',
    'PrevPerm',
    ['LA_PERM'],
    (row, _child, context) =>
      row.LA_PERM !== null && !context.codes('LA_PERM').has(row.LA_PERM) && !newerCouncils.has(row.LA_PERM),
  ),
  rowRule(
    '634',
    'Previous permanence is given, but the child has not started to be looked after since 1 April 2016.',
    'PrevPerm',
    ['LA_PERM', 'PREV_PERM', 'DATE_PERM', 'DECOM'],
    (row, child) =>
      (row.PREV_PERM !== null || row.LA_PERM !== null || row.DATE_PERM !== null) &&
      child.Episodes.length > 0 &&
      // An episode whose start could not be read (141) may well have begun since 2016.
      child.Episodes.every((episode) => episode.DECOM !== null && episode.DECOM < prevPermIntroduced),
    { alsoReads: ['Episodes'] },
  ),
  rowRule(
    '635',
    'The date and council of a previous permanence order are given, but the previous permanence option is blank or Z1 (none).',
    'PrevPerm',
    ['LA_PERM', 'DATE_PERM', 'PREV_PERM'],
    (row) =>
      (row.LA_PERM !== null || row.DATE_PERM !== null) && (row.PREV_PERM === null || row.PREV_PERM === 'Z1'),
  ),
];
