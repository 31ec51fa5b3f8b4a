import { birthday } from '../../dates.ts';
import { codeRule, dateRule, type Ssda903Rule } from '../context.ts';
import {
  blank,
  carePeriods,
  flagAfterPrevious,
  given,
  inDateOrder,
  rowDob,
  rowRule,
  withinEpisode,
  withinPeriod,
} from './support.ts';

/**
 * SSDA903 rules of 2025–26 on the Missing table: periods when a looked-after child was missing (M)
 * or away from placement without authorisation (A), and how they sit within the episodes of care.
 */
export const missingRules: readonly Ssda903Rule[] = [
  dateRule(
    '1004',
    'The date the missing or away period started is missing or not a real date.',
    'Missing',
    'MIS_START',
    {
      required: true,
    },
  ),
  dateRule('1005', 'The date the missing or away period ended is not a real date.', 'Missing', 'MIS_END'),
  codeRule(
    '1006',
    'Whether the child was missing or away is not a valid code (M or A).',
    'Missing',
    'MISSING',
  ),
  rowRule(
    '564',
    'The child was missing or away from placement, but the date it started is blank.',
    'Missing',
    ['MISSING', 'MIS_START'],
    (row) => row.MISSING !== null && blank(row, 'MIS_START'),
  ),
  rowRule(
    '565',
    'The date the child started to be missing or away is given, but whether the child was missing or away is not.',
    'Missing',
    ['MISSING', 'MIS_START'],
    (row) => row.MISSING === null && given(row, 'MIS_START'),
  ),
  rowRule(
    '566',
    'The date the missing or away period ended is given, but whether the child was missing or away is not.',
    'Missing',
    ['MISSING', 'MIS_END'],
    (row) => row.MISSING === null && given(row, 'MIS_END'),
  ),
  rowRule(
    '567',
    'The missing or away period ended before it started.',
    'Missing',
    ['MIS_START', 'MIS_END'],
    (row) => row.MIS_START !== null && row.MIS_END !== null && row.MIS_END < row.MIS_START,
  ),
  rowRule(
    '570',
    'The missing or away period started after the end of the collection year.',
    'Missing',
    ['MIS_START'],
    (row, _child, context) => row.MIS_START !== null && row.MIS_START > context.collectionEnd,
  ),
  rowRule(
    '571',
    'The missing or away period ended before the start or after the end of the collection year.',
    'Missing',
    ['MIS_END'],
    (row, _child, context) =>
      row.MIS_END !== null && (row.MIS_END < context.collectionStart || row.MIS_END > context.collectionEnd),
  ),
  {
    code: '574',
    message:
      'A missing or away period starts while the one before it is still open, or before it ended: periods must not overlap.',
    tables: ['Missing'],
    fields: ['MIS_START', 'MIS_END'],
    years: { from: 2025 },
    check: (child) =>
      flagAfterPrevious(
        inDateOrder(child.Missing, (row) => row.MIS_START),
        (row, before) => before.MIS_END === null || row.MIS_START! < before.MIS_END,
      ),
  },
  rowRule(
    '575',
    'The placement the child went missing or away from has ended, so the missing or away period must have an end date too.',
    'Missing',
    ['MIS_END'],
    (row, child) =>
      row.MIS_START !== null &&
      blank(row, 'MIS_END') &&
      child.Episodes.some((episode) => episode.DEC !== null && withinEpisode(episode, row.MIS_START!)),
    { alsoReads: ['Episodes'] },
  ),
  {
    code: '576',
    message:
      "Last year's return has a missing or away period still open, but no period this year starts on the date it started.",
    tables: ['Missing'],
    fields: ['MIS_START'],
    years: { from: 2025 },
    needs: ['previous'],
    check: (child, context) => {
      if (!context.supplied.has('Missing') || !context.previous?.files.has('Missing')) return [];
      const open = context.previous.children.get(child.id)?.Missing.filter((row) => row.MIS_END === null);
      const wanted = open?.find((row) => row.MIS_START !== null)?.MIS_START;
      if (!wanted) return [];
      const first = inDateOrder(child.Missing, (row) => row.MIS_START)[0];
      if (first?.MIS_START === wanted) return [];
      // With no missing period this year there is no row to name: the child's header is named instead.
      const at = first ?? child.Header[0];
      return at ? [{ table: at.table, row: at.row }] : [];
    },
  },
  rowRule(
    '577',
    'The child ceased to be looked after, but a missing or away period that started during that care has no end date.',
    'Missing',
    ['MIS_END'],
    (row, child) => {
      if (row.MIS_START === null || !blank(row, 'MIS_END')) return false;
      const periods = carePeriods(child).filter((period) => withinPeriod(period, row.MIS_START!));
      // Care that ended on the day another period began still holds a child who is looked after.
      return periods.some((period) => period.end !== null) && !periods.some((period) => period.end === null);
    },
    { alsoReads: ['Episodes'] },
  ),
  rowRule(
    '578',
    'The missing or away period started after the child ceased to be looked after.',
    'Missing',
    ['MIS_START'],
    (row, child) => {
      if (row.MIS_START === null) return false;
      const periods = carePeriods(child);
      return (
        !periods.some((period) => withinPeriod(period, row.MIS_START!)) &&
        periods.some((period) => period.end !== null && period.end < row.MIS_START!)
      );
    },
    { alsoReads: ['Episodes'] },
  ),
  {
    code: '580',
    message:
      'The child was missing when they ceased to be looked after on their 18th birthday, so the reason the episode ceased must be E8.',
    tables: ['Episodes', 'Missing'],
    fields: ['REC', 'DEC', 'MIS_END'],
    years: { from: 2025 },
    check: (child, context) => {
      if (!context.supplied.has('Missing')) return [];
      const endsOn18th = new Set(
        child.Missing.flatMap((row) => {
          const dob = rowDob(row, child);
          return dob !== null && row.MIS_END !== null && row.MIS_END === birthday(dob, 18)
            ? [row.MIS_END]
            : [];
        }),
      );
      return child.Episodes.filter(
        (episode) => episode.DEC !== null && endsOn18th.has(episode.DEC) && episode.REC !== 'E8',
      ).map((episode) => ({ table: 'Episodes', row: episode.row }));
    },
  },
  rowRule(
    '581',
    'The child was missing or away from placement on a day they were not looked after.',
    'Missing',
    ['MIS_START'],
    (row, child) =>
      row.MIS_START !== null &&
      child.Episodes.length > 0 &&
      !child.Episodes.some((episode) => withinEpisode(episode, row.MIS_START!)),
    { alsoReads: ['Episodes'] },
  ),
  rowRule(
    '586',
    "The missing or away period started before the child's date of birth.",
    'Missing',
    ['MIS_START', 'DOB'],
    (row, child) => {
      const dob = rowDob(row, child);
      return row.MIS_START !== null && dob !== null && row.MIS_START < dob;
    },
  ),
];
