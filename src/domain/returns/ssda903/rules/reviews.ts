import { birthday } from '../../dates.ts';
import { dateRule, type Ssda903Rule } from '../context.ts';
import { given, rowDob, rowRule } from './support.ts';

/** Participation codes of a child aged 4 or over at the review (PN0 is for a child under 4). */
const fourOrOverCodes = new Set(['PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7']);

/** SSDA903 rules of 2025–26 on the Reviews table: the date of each review and how the child took part. */
export const reviewRules: readonly Ssda903Rule[] = [
  dateRule('166', 'The date of the review is blank or not a real date.', 'Reviews', 'REVIEW', {
    required: true,
  }),
  rowRule(
    '167',
    "The child's participation in the review is blank or not a valid code.",
    'Reviews',
    ['REVIEW_CODE'],
    (row, _child, context) =>
      given(row, 'REVIEW') ? !context.codes('REVIEW_CODE').has(row.REVIEW_CODE) : row.REVIEW_CODE !== null,
  ),
  rowRule(
    '440',
    'The participation code PN0 is for a child under 4, but the child was 4 or over on the day of the review.',
    'Reviews',
    ['DOB', 'REVIEW', 'REVIEW_CODE'],
    (row, child) => {
      const dob = rowDob(row, child);
      return (
        row.REVIEW_CODE === 'PN0' && dob !== null && row.REVIEW !== null && row.REVIEW >= birthday(dob, 4)
      );
    },
  ),
  rowRule(
    '441',
    'The participation code is for a child aged 4 or over, but the child was under 4 on the day of the review.',
    'Reviews',
    ['DOB', 'REVIEW', 'REVIEW_CODE'],
    (row, child) => {
      const dob = rowDob(row, child);
      return (
        fourOrOverCodes.has(row.REVIEW_CODE ?? '') &&
        dob !== null &&
        row.REVIEW !== null &&
        row.REVIEW < birthday(dob, 4)
      );
    },
  ),
  {
    code: '399',
    message:
      'The child is looked after only under short breaks (V3 or V4), so motherhood, reviews and review participation are not returned.',
    tables: ['Episodes', 'Header', 'Reviews'],
    fields: ['MOTHER', 'LS', 'REVIEW', 'REVIEW_CODE'],
    years: { from: 2025 },
    check: (child) => {
      const onlyShortBreaks =
        child.Episodes.length > 0 &&
        child.Episodes.every((episode) => episode.LS === 'V3' || episode.LS === 'V4');
      if (!onlyShortBreaks) return [];
      const headers = child.Header.filter((row) => row.MOTHER !== null);
      const reviews = child.Reviews.filter((row) => given(row, 'REVIEW') || row.REVIEW_CODE !== null);
      return [...headers, ...reviews].map((row) => ({ table: row.table, row: row.row }));
    },
  },
];
