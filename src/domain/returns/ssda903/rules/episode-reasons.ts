import { birthday } from '../../dates.ts';
import { notInCodeList, type Ssda903Rule } from '../context.ts';
import type { EpisodeRow } from '../tables.ts';
import { carePeriods, dobOf, rowRule } from './support.ts';

/** True when the placement (type, postcode, URN, provider) is the same in both episodes. */
function samePlacement(a: EpisodeRow, b: EpisodeRow): boolean {
  return (['PLACE', 'PL_POST', 'URN', 'PLACE_PROVIDER'] as const).every((field) => a[field] === b[field]);
}

/** From 1 April 2015, placement with current foster carers for adoption starts a new episode for T, U or S only. */
const fosterToAdoptFrom = '2015-04-01';

/** A rule that an episode's reason for a new episode fits what changed since the episode before. */
function reasonFits(
  code: string,
  message: string,
  reasons: readonly string[],
  broken: (episode: EpisodeRow, previous: EpisodeRow) => boolean,
): Ssda903Rule {
  return rowRule(
    code,
    message,
    'Episodes',
    ['RNE', 'LS', 'PLACE', 'PL_POST', 'URN', 'PLACE_PROVIDER'],
    (row, child, _context, index) => {
      const previous = child.Episodes[index - 1];
      return previous !== undefined && reasons.includes(row.RNE ?? '') && broken(row, previous);
    },
  );
}

/** SSDA903 episode rules of 2025–26 on the reason for a new episode, the category of need and special guardianship. */
export const episodeReasonRules: readonly Ssda903Rule[] = [
  reasonFits(
    '435',
    'The reason for new episode is a change of placement only (P or T), but the legal status changed or the placement did not.',
    ['P', 'T'],
    (row, previous) => row.LS !== previous.LS || samePlacement(row, previous),
  ),
  reasonFits(
    '436',
    'The reason for new episode is a change of both placement and legal status (B or U), but one of them did not change.',
    ['B', 'U'],
    (row, previous) => row.LS === previous.LS || samePlacement(row, previous),
  ),
  rowRule(
    '432',
    'The child ceased to be looked after at the end of the previous episode, so the reason for the new episode must be S.',
    'Episodes',
    ['RNE', 'REC'],
    (row, child, context, index) => {
      // Ceased to be looked after: an E code. A REC that is no code (149's finding) says nothing.
      const previous = child.Episodes[index - 1];
      return (
        previous?.REC != null &&
        previous.REC !== 'X1' &&
        !notInCodeList(context, 'REC', previous.REC) &&
        row.RNE !== 'S'
      );
    },
  ),
  rowRule(
    '352',
    'The child started to be looked after (S) on or after their 18th birthday.',
    'Episodes',
    ['RNE', 'DECOM', 'DOB'],
    (row, child) => {
      const dob = dobOf(child);
      return row.RNE === 'S' && row.DECOM !== null && dob !== null && row.DECOM >= birthday(dob, 18);
    },
  ),
  {
    code: '504',
    message: 'The category of need differs from the one recorded at the start of the current period of care.',
    tables: ['Episodes'],
    fields: ['CIN'],
    years: { from: 2025 },
    check: (child) =>
      carePeriods(child).flatMap((period) => {
        const first = period.episodes[0]!;
        return period.episodes
          .slice(1)
          .filter((episode) => episode.CIN !== first.CIN)
          .map((episode) => ({ table: 'Episodes', row: episode.row }));
      }),
  },
  rowRule(
    '516',
    'The episode ceased with a special guardianship order to former foster carers (E45, E46), but the child was not in foster care (U1 to U6).',
    'Episodes',
    ['REC', 'PLACE'],
    (row) => (row.REC === 'E45' || row.REC === 'E46') && !/^U[1-6]$/.test(row.PLACE ?? ''),
  ),
  rowRule(
    '217',
    'A child placed for adoption with current foster carers (A3, A5) must have a reason for new episode of S, T or U.',
    'Episodes',
    ['PLACE', 'RNE', 'DECOM'],
    (row) =>
      (row.PLACE === 'A3' || row.PLACE === 'A5') &&
      row.DECOM !== null &&
      row.DECOM >= fosterToAdoptFrom &&
      !['S', 'T', 'U'].includes(row.RNE ?? ''),
  ),
];
