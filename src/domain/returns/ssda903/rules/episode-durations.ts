import { addDays, addMonths, birthday, daysBetween, later } from '../../dates.ts';
import type { RuleFlag } from '../../engine.ts';
import type { Ssda903Context, Ssda903Rule } from '../context.ts';
import type { EpisodeRow, Ssda903Child } from '../tables.ts';
import { isTemporary } from './episode-codes.ts';
import { dobOf, rowRule } from './support.ts';

const shortBreak = (ls: string | null) => ls === 'V3' || ls === 'V4';
/** The day an episode ended, or the end of the collection year while it is still open. */
const endOf = (episode: EpisodeRow, context: Ssda903Context) => episode.DEC ?? context.collectionEnd;
const at = (episode: EpisodeRow): RuleFlag => ({ table: 'Episodes', row: episode.row });

/**
 * Unbroken runs of episodes under legal status `ls`: each starts the day the one before it ceased.
 * A run lasts from its first start to its last end (the end of the year while still open).
 */
function runsOf(child: Ssda903Child, ls: string): EpisodeRow[][] {
  const runs: EpisodeRow[][] = [];
  let current: EpisodeRow[] = [];
  for (const episode of child.Episodes) {
    const last = current.at(-1);
    const continues =
      episode.LS === ls && last !== undefined && last.DEC !== null && last.DEC === episode.DECOM;
    if (!continues && current.length > 0) {
      runs.push(current);
      current = [];
    }
    if (episode.LS === ls && episode.DECOM !== null) current.push(episode);
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

/** A rule that an unbroken run under a legal status lasts at most `days` days (Children Act 1989 limits). */
function legalStatusLimit(code: string, message: string, ls: string, days: number): Ssda903Rule {
  return {
    code,
    message,
    tables: ['Episodes'],
    fields: ['LS', 'DECOM', 'DEC'],
    years: { from: 2025 },
    check: (child, context) =>
      runsOf(child, ls)
        .filter((run) => daysBetween(run[0]!.DECOM!, endOf(run.at(-1)!, context)) > days)
        .flat()
        .map(at),
  };
}

/** A rule that a temporary placement of type `place` lasts at most `days` days. */
function temporaryLimit(code: string, message: string, place: string, days: number): Ssda903Rule {
  return rowRule(
    code,
    message,
    'Episodes',
    ['PLACE', 'DECOM', 'DEC'],
    (row) =>
      row.PLACE === place && row.DECOM !== null && row.DEC !== null && row.DEC > addDays(row.DECOM, days),
  );
}

/** SSDA903 episode rules of 2025–26 on how long legal statuses, short breaks and temporary placements last. */
export const episodeDurationRules: readonly Ssda903Rule[] = [
  legalStatusLimit(
    '361',
    'Police protection (L1) lasted longer than the 72 hours the Children Act 1989 allows.',
    'L1',
    3,
  ),
  legalStatusLimit('362', 'An emergency protection order (L2) lasted longer than 21 days.', 'L2', 21),
  legalStatusLimit(
    '363',
    'A child assessment order (L3) lasted longer than the 7 days the Children Act 1989 allows.',
    'L3',
    7,
  ),
  legalStatusLimit(
    '364',
    'Detention under PACE (J2) in council accommodation lasted longer than 21 days.',
    'J2',
    21,
  ),
  rowRule(
    '365',
    'A single short-term break (V3) lasted longer than 17 days.',
    'Episodes',
    ['LS', 'DECOM', 'DEC'],
    (row, _child, context) =>
      row.LS === 'V3' && row.DECOM !== null && (row.DEC ?? context.collectionEnd) > addDays(row.DECOM, 17),
  ),
  rowRule(
    '366',
    'A child cannot change placement during a single short-term break (V3): its episode must start a period of care (S).',
    'Episodes',
    ['LS', 'RNE'],
    (row) => row.LS === 'V3' && row.RNE !== 'S',
  ),
  {
    code: '367',
    message: 'Short-term breaks (V3) add up to more than 75 days in the collection year.',
    tables: ['Episodes'],
    fields: ['LS', 'DECOM', 'DEC'],
    years: { from: 2025 },
    check: (child, context) => {
      const breaks = child.Episodes.filter(
        (episode) =>
          episode.LS === 'V3' && episode.DECOM !== null && endOf(episode, context) >= context.collectionStart,
      );
      const days = breaks.reduce(
        (total, episode) =>
          total +
          Math.max(0, daysBetween(later(episode.DECOM!, context.collectionStart), endOf(episode, context))),
        0,
      );
      return days > 75 ? breaks.map(at) : [];
    },
  },
  rowRule(
    '359',
    'A young person looked after after their 18th birthday must be accommodated under section 20(5) (V2) in a community home (K2).',
    'Episodes',
    ['LS', 'PLACE', 'DEC', 'DOB'],
    (row, child, context) => {
      const dob = dobOf(child);
      return (
        dob !== null &&
        row.DEC === null &&
        birthday(dob, 18) < context.collectionEnd &&
        !(row.LS === 'V2' && row.PLACE === 'K2')
      );
    },
  ),
  temporaryLimit(
    '375',
    'A temporary placement for hospital treatment (T1) lasted longer than six weeks.',
    'T1',
    42,
  ),
  temporaryLimit(
    '376',
    'A temporary placement while foster carers are on holiday (T3) lasted longer than three weeks.',
    'T3',
    21,
  ),
  temporaryLimit(
    '379',
    'A temporary placement for another reason (T4) lasted longer than seven days.',
    'T4',
    7,
  ),
  {
    code: '377',
    message:
      'Only two temporary placements while foster carers are on holiday (T3) are allowed in any 12 months.',
    tables: ['Episodes'],
    fields: ['PLACE', 'DECOM'],
    years: { from: 2025 },
    check: (child) => {
      const holidays = child.Episodes.filter((episode) => episode.PLACE === 'T3' && episode.DECOM !== null);
      const flagged = new Set<EpisodeRow>();
      holidays.forEach((episode, index) => {
        const third = holidays[index + 2];
        if (third && third.DECOM! < addMonths(episode.DECOM!, 12))
          holidays.slice(index, index + 3).forEach((e) => flagged.add(e));
      });
      return [...flagged].map(at);
    },
  },
  rowRule(
    '378',
    'A child placed with parents (P1) cannot be looked after under a single period of accommodation under section 20 (V2).',
    'Episodes',
    ['PLACE', 'LS'],
    (row) => row.PLACE === 'P1' && row.LS === 'V2',
  ),
  rowRule(
    '382',
    'A child on short breaks (V3, V4) cannot be in a temporary placement.',
    'Episodes',
    ['LS', 'PLACE'],
    (row) => shortBreak(row.LS) && isTemporary(row.PLACE),
  ),
  rowRule(
    '384',
    'A child on short breaks (V3, V4) cannot be in a long-term foster placement (U1, U4).',
    'Episodes',
    ['LS', 'PLACE'],
    (row) => shortBreak(row.LS) && (row.PLACE === 'U1' || row.PLACE === 'U4'),
  ),
  rowRule(
    '383',
    'After a temporary placement the child must return to their usual placement: reason P, and the placement type and postcode of the episode before.',
    'Episodes',
    ['RNE', 'PLACE', 'PL_POST'],
    (row, child, _context, index) => {
      const temporary = child.Episodes[index - 1];
      const usual = child.Episodes[index - 2];
      if (!temporary || !usual || !isTemporary(temporary.PLACE)) return false;
      return row.RNE !== 'P' || row.PLACE !== usual.PLACE || row.PL_POST !== usual.PL_POST;
    },
  ),
];
