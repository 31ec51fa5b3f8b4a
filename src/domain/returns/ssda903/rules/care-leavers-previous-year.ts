import { addDays, birthday, daysBetween, later, type IsoDate } from '../../dates.ts';
import type { Ssda903Context, Ssda903Rule } from '../context.ts';
import type { EpisodeRow, Oc3Row, Ssda903Child } from '../tables.ts';
import { hasCareLeaverData } from './care-leavers-oc3.ts';
import { inDateOrder, rowDob, rowRule } from './support.ts';

/** 13 weeks: the care after the 14th birthday that makes an eligible child (with some of it after the 16th). */
const thirteenWeeks = 91;

/** A stretch of care from its first day up to (not including) the day it ended. */
interface Stay {
  readonly from: IsoDate;
  readonly until: IsoDate;
  readonly episode: EpisodeRow;
}

/**
 * The child's episodes in last year's and this year's returns, in order, each once (this year's
 * copy of an episode carried over, as it may since have ceased). An episode still open is taken to
 * last to the end of the year of the return that holds it.
 */
function staysOfTwoYears(child: Ssda903Child, context: Ssda903Context): Stay[] {
  const lastYearEnd = addDays(context.collectionStart, -1);
  const thisYear = new Set(child.Episodes.map((episode) => episode.DECOM));
  const lastYear = (context.previous?.children.get(child.id)?.Episodes ?? []).filter(
    (episode) => !thisYear.has(episode.DECOM),
  );
  const stays = [
    ...lastYear.map((episode) => ({ episode, open: lastYearEnd })),
    ...child.Episodes.map((episode) => ({ episode, open: context.collectionEnd })),
  ].flatMap(({ episode, open }) =>
    episode.DECOM === null ? [] : [{ from: episode.DECOM, until: episode.DEC ?? open, episode }],
  );
  return inDateOrder(stays, (stay) => stay.from);
}

/** Days of care from `from` on, short breaks (V3, V4) left out as the leaving care regulations do. */
function daysFrom(stays: readonly Stay[], from: IsoDate): number {
  return stays
    .filter(({ episode }) => episode.LS !== 'V3' && episode.LS !== 'V4')
    .reduce((days, stay) => days + Math.max(0, daysBetween(later(stay.from, from), stay.until)), 0);
}

/**
 * Rule 1001: whether the returns show a young person who cannot be a relevant or former relevant
 * child (Children Act 1989 sch. 2 para. 19B; Care Leavers (England) Regulations 2010, reg. 3): adopted
 * at the end of their last episode, or looked after less than 13 weeks from their 14th birthday or
 * not at all from their 16th. The files hold only two years of episodes, so the length of care is
 * judged only for a young person under 18 at the start of last year's whose first episode in the
 * files starts a period of care (RNE S), and one with no episode in either year is left to 1002.
 */
function notACareLeaver(row: Oc3Row, child: Ssda903Child, context: Ssda903Context): boolean {
  const stays = staysOfTwoYears(child, context);
  const dob = rowDob(row, child);
  if (stays.length === 0 || dob === null) return false;
  const adopted = ['E11', 'E12'].includes(stays.at(-1)!.episode.REC ?? '');
  const under18LastYear = birthday(dob, 18) >= `${context.year - 1}-04-01`;
  // The files show how long the care lasted only when they hold its start: a first episode that begins no
  // period of care (RNE other than S) carries on care begun before last year's return.
  const startInFiles = stays[0]!.episode.RNE === 'S';
  const tooShort =
    daysFrom(stays, birthday(dob, 14)) < thirteenWeeks || daysFrom(stays, birthday(dob, 16)) === 0;
  return adopted || (under18LastYear && startInFiles && tooShort);
}

/** SSDA903 rules of 2025–26 on care leavers (OC3) that read last year's episodes as well as this year's. */
export const careLeaverPreviousYearRules: readonly Ssda903Rule[] = [
  rowRule(
    '1001',
    "The episodes of this year's and last year's returns show that the young person is not a relevant or former relevant child, so no care leaver information is returned.",
    'OC3',
    ['IN_TOUCH', 'ACTIV', 'ACCOM'],
    (row, child, context) => hasCareLeaverData(row) && notACareLeaver(row, child, context),
    { needs: ['previous'], alsoReads: ['Episodes'] },
  ),
  rowRule(
    '1010',
    "The young person's episode was still open at the end of last year's return, but this year has no episode for them, and care leaver information is given.",
    'OC3',
    ['IN_TOUCH', 'ACTIV', 'ACCOM'],
    (row, child, context) => {
      const lastYear = context.previous?.children.get(child.id)?.Episodes ?? [];
      const last = inDateOrder(lastYear, (episode) => episode.DECOM).at(-1);
      return (
        hasCareLeaverData(row) &&
        child.Episodes.length === 0 &&
        last !== undefined &&
        last.DEC === null &&
        last.unreadable.DEC === undefined
      );
    },
    { needs: ['previous'], alsoReads: ['Episodes'] },
  ),
];
