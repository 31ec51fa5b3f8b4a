import { birthday } from '../../dates.ts';
import { flagRows, type Ssda903Rule } from '../context.ts';
import type { EpisodeRow, Ssda903Child } from '../tables.ts';

/** The child's date of birth from the header, or null. */
function dobOf(child: Ssda903Child): string | null {
  return child.Header[0]?.DOB ?? null;
}

/** A rule that a child in placement `place` must have turned `years` by the day the episode began. */
function minimumAgeInPlacement(code: string, message: string, place: string, years: number): Ssda903Rule {
  return {
    code,
    message,
    tables: ['Episodes', 'Header'],
    fields: ['PLACE', 'DECOM', 'DOB'],
    years: { from: 2025 },
    check: (child) => {
      const dob = dobOf(child);
      if (dob === null) return [];
      return flagRows(
        child.Episodes,
        (row) => row.PLACE === place && row.DECOM !== null && row.DECOM < birthday(dob, years),
      );
    },
  };
}

/** A rule on the child's age on the day an episode ceased for one of `reasons`. */
function ageWhenCeased(
  code: string,
  message: string,
  reasons: readonly string[],
  broken: (row: EpisodeRow & { DEC: string }, dob: string) => boolean,
): Ssda903Rule {
  return {
    code,
    message,
    tables: ['Episodes', 'Header'],
    fields: ['REC', 'DEC', 'DOB'],
    years: { from: 2025 },
    check: (child) => {
      const dob = dobOf(child);
      if (dob === null) return [];
      return flagRows(
        child.Episodes,
        (row) =>
          row.DEC !== null &&
          reasons.includes(row.REC ?? '') &&
          broken(row as EpisodeRow & { DEC: string }, dob),
      );
    },
  };
}

/** SSDA903 rules of 2025–26 on the child's age at the start or end of an episode. */
export const episodeAgeRules: readonly Ssda903Rule[] = [
  {
    code: '358',
    message: 'A child under 10 cannot be looked after under this legal status (J1, J2 or J3).',
    tables: ['Episodes', 'Header'],
    fields: ['LS', 'DECOM', 'DOB'],
    years: { from: 2025 },
    check: (child) => {
      const dob = dobOf(child);
      if (dob === null) return [];
      return flagRows(
        child.Episodes,
        (row) =>
          ['J1', 'J2', 'J3'].includes(row.LS ?? '') && row.DECOM !== null && row.DECOM < birthday(dob, 10),
      );
    },
  },
  minimumAgeInPlacement(
    '371',
    'A child in registered supported accommodation (K3) must be at least 16.',
    'K3',
    16,
  ),
  minimumAgeInPlacement('372', 'A child in a young offender institution (R5) must be at least 10.', 'R5', 10),
  minimumAgeInPlacement('373', 'A child placed in a residential school (S1) must be at least 4.', 'S1', 4),
  minimumAgeInPlacement('374', 'A child in residential employment (P3) must be at least 14.', 'P3', 14),
  ageWhenCeased(
    '386',
    'The episode ceased because the child was adopted, but the child had turned 18.',
    ['E11', 'E12'],
    (row, dob) => row.DEC >= birthday(dob, 18),
  ),
  ageWhenCeased(
    '387',
    'The episode ceased because the child moved to independent living, but the child was under 14.',
    ['E5', 'E6'],
    (row, dob) => row.DEC < birthday(dob, 14),
  ),
  ageWhenCeased(
    '389',
    'The episode ceased because the child moved to adult social care, but the child was under 16.',
    ['E7'],
    (row, dob) => row.DEC < birthday(dob, 16),
  ),
  ageWhenCeased(
    '407',
    'The episode ceased with a special guardianship order, but the child had turned 18.',
    ['E45', 'E46', 'E47', 'E48'],
    (row, dob) => row.DEC >= birthday(dob, 18),
  ),
  ageWhenCeased(
    '460',
    'The episode ceased because the young person stayed with their carers at 18 or over, but they were under 18.',
    ['E17'],
    (row, dob) => row.DEC < birthday(dob, 18),
  ),
];
