import { birthday } from '../../dates.ts';
import type { Ssda903Rule } from '../context.ts';
import { isTemporary } from './episode-codes.ts';
import { dobOf, rowRule } from './support.ts';

/** Placements with no provider: temporary (T0–T4) and the 2025–26 Z11–Z14 codes. */
export const noProvider = new Set(['T0', 'T1', 'T2', 'T3', 'T4', 'Z11', 'Z12', 'Z13', 'Z14']);
/** Placements that are not Ofsted-registered, so have no Ofsted URN. */
export const noUrn = new Set(['P1', 'P3', 'R1', 'R2', 'R5', ...noProvider]);
/** The URN given for a placement whose provider has none. */
const noUrnKnown = 'XXXXXXX';
/** Reasons for a new episode that mean the placement changed. */
const placementChanged = new Set(['P', 'B', 'T', 'U']);
const shortBreak = (ls: string | null) => ls === 'V3' || ls === 'V4';

/** A rule that a placement provider cannot run some placement types. */
function providerCannotRun(
  code: string,
  provider: string,
  places: readonly string[],
  message: string,
): Ssda903Rule {
  return rowRule(
    code,
    message,
    'Episodes',
    ['PLACE', 'PLACE_PROVIDER'],
    (row) => row.PLACE_PROVIDER === provider && places.includes(row.PLACE ?? ''),
  );
}

/** Whether two postcodes are the same, whatever their spacing and case. */
export function samePostcode(a: string, b: string): boolean {
  // Most pairs differ in their last letter, and are told apart there without rewriting both; only
  // when neither ends in a space (which goes) and both are ASCII (whose case folds one letter to one).
  const [endA, endB] = [a.charCodeAt(a.length - 1), b.charCodeAt(b.length - 1)];
  const plain = (end: number) => end > 0x20 && end < 0x80;
  if (plain(endA) && plain(endB) && (endA | 0x20) !== (endB | 0x20)) return false;
  return a.replaceAll(' ', '').toUpperCase() === b.replaceAll(' ', '').toUpperCase();
}

/** SSDA903 episode rules of 2025–26 on placement providers, Ofsted URNs, postcodes and reasons for a change of placement. */
export const episodePlacementRules: readonly Ssda903Rule[] = [
  rowRule(
    '213',
    'A placement provider is not recorded for a temporary placement or Z11–Z14.',
    'Episodes',
    ['PLACE', 'PLACE_PROVIDER'],
    (row) => noProvider.has(row.PLACE ?? '') && row.PLACE_PROVIDER !== null,
  ),
  rowRule(
    '526',
    'The placement provider is missing.',
    'Episodes',
    ['PLACE', 'PLACE_PROVIDER'],
    (row) => row.PLACE !== null && !noProvider.has(row.PLACE) && row.PLACE_PROVIDER === null,
  ),
  providerCannotRun(
    '527',
    'PR1',
    ['P1', 'R2', 'R5'],
    "The council's own provision (PR1) cannot provide placements P1, R2 or R5.",
  ),
  providerCannotRun(
    '528',
    'PR2',
    ['P1', 'R2', 'R5'],
    "Another council's provision (PR2) cannot provide placements P1, R2 or R5.",
  ),
  providerCannotRun(
    '529',
    'PR3',
    ['P1', 'A3', 'A4', 'A5', 'A6', 'K1', 'K2', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6'],
    'Other public provision (PR3) cannot provide placements P1, A3 to A6, K1, K2 or U1 to U6.',
  ),
  providerCannotRun('530', 'PR4', ['P1'], 'Private provision (PR4) cannot provide placement P1.'),
  providerCannotRun(
    '531',
    'PR5',
    ['P1'],
    'Voluntary or third sector provision (PR5) cannot provide placement P1.',
  ),
  rowRule(
    '550',
    'The provider code PR0 (placed with parents) can only go with placement P1.',
    'Episodes',
    ['PLACE', 'PLACE_PROVIDER'],
    (row) => row.PLACE_PROVIDER === 'PR0' && row.PLACE !== 'P1',
  ),
  rowRule(
    '218',
    'An Ofsted URN is required for this placement in England.',
    'Episodes',
    ['URN', 'PLACE', 'PL_POST', 'DEC'],
    (row, _child, context) => {
      if (row.URN !== null || row.PLACE === null || noUrn.has(row.PLACE)) return false;
      // A short break has no URN: 214 forbids one, so 218 cannot ask for it.
      if (shortBreak(row.LS)) return false;
      if (row.DEC !== null && row.DEC < context.collectionStart) return false;
      // A placement whose postcode the directory places outside England needs no Ofsted URN.
      const place = row.PL_POST === null ? undefined : context.postcodes!(row.PL_POST);
      return place === undefined || place.la.startsWith('E');
    },
    { needs: ['postcodes'] },
  ),
  rowRule(
    '222',
    'An Ofsted URN is not recorded for this placement type.',
    'Episodes',
    ['URN', 'PLACE'],
    (row) => noUrn.has(row.PLACE ?? '') && row.URN !== null && row.URN !== noUrnKnown,
  ),
  rowRule(
    '214',
    'Placement location (postcode, URN) is not recorded for a short break (V3, V4).',
    'Episodes',
    ['LS', 'PL_POST', 'URN'],
    (row) => shortBreak(row.LS) && (row.PL_POST !== null || row.URN !== null),
  ),
  rowRule(
    '398',
    'Postcodes (for the distance from home) are not recorded for a short break (V3, V4).',
    'Episodes',
    ['LS', 'HOME_POST', 'PL_POST'],
    (row) => shortBreak(row.LS) && (row.HOME_POST !== null || row.PL_POST !== null),
  ),
  rowRule(
    '392d',
    'The home and placement postcodes are the same, but the child is not placed with parents (P1).',
    'Episodes',
    ['HOME_POST', 'PL_POST', 'PLACE'],
    (row) =>
      row.PLACE !== 'P1' &&
      row.HOME_POST !== null &&
      row.PL_POST !== null &&
      samePostcode(row.HOME_POST, row.PL_POST),
  ),
  rowRule(
    '225',
    'The placement changed, so the reason for the change of placement must be recorded on the episode that ceased.',
    'Episodes',
    ['REASON_PLACE_CHANGE', 'REC'],
    (row, child, _context, index) => {
      const next = child.Episodes[index + 1];
      return (
        row.REC === 'X1' &&
        row.REASON_PLACE_CHANGE === null &&
        !isTemporary(row.PLACE) &&
        next !== undefined &&
        placementChanged.has(next.RNE ?? '') &&
        !isTemporary(next.PLACE)
      );
    },
  ),
  rowRule(
    '226',
    'A reason for the change of placement is not recorded for a temporary placement, nor for the placement before it.',
    'Episodes',
    ['REASON_PLACE_CHANGE', 'PLACE'],
    (row, child, _context, index) =>
      isTemporary(row.PLACE) &&
      (row.REASON_PLACE_CHANGE !== null || (child.Episodes[index - 1]?.REASON_PLACE_CHANGE ?? null) !== null),
  ),
  rowRule(
    '233',
    'A reason for the change of placement is not recorded while the episode has not ceased.',
    'Episodes',
    ['REASON_PLACE_CHANGE', 'DEC'],
    (row) => row.DEC === null && row.unreadable.DEC === undefined && row.REASON_PLACE_CHANGE !== null,
  ),
  rowRule(
    '234',
    'A child under 10 cannot change placement because of being admitted to custody (CUSTOD).',
    'Episodes',
    ['REASON_PLACE_CHANGE', 'DEC', 'DOB'],
    (row, child) => {
      const dob = dobOf(child);
      return (
        row.REASON_PLACE_CHANGE === 'CUSTOD' &&
        dob !== null &&
        row.DEC !== null &&
        row.DEC < birthday(dob, 10)
      );
    },
  ),
];
