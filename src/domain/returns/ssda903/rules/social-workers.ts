import { addMonths, daysBetween, later } from '../../dates.ts';
import type { RuleFlag } from '../../engine.ts';
import { dateRule, type Ssda903Context, type Ssda903Rule } from '../context.ts';
import type { SocialWorkerEpisodeRow, Ssda903Child } from '../tables.ts';
import { blank, carePeriods, flagAfterPrevious, inDateOrder, onceForEachChild, rowRule } from './support.ts';

/** From 1 April 2023 a reason for each change of social worker is returned as well. */
const reasonsFrom = '2023-04-01';

/** The child's social worker episodes with a start date, in order of start (asked for by six rules). */
const byStart: (child: Ssda903Child) => readonly SocialWorkerEpisodeRow[] = onceForEachChild((child) =>
  inDateOrder(child.SWEpisodes, (row) => row.SW_DECOM),
);

/** A rule on each social worker episode and the one that started before it. */
function afterPrevious(
  code: string,
  message: string,
  fields: readonly string[],
  broken: (row: SocialWorkerEpisodeRow, previous: SocialWorkerEpisodeRow) => boolean,
): Ssda903Rule {
  return {
    code,
    message,
    tables: ['SWEpisodes'],
    fields,
    years: { from: 2025 },
    flagsRowsOf: 'SWEpisodes',
    check: (child) => flagAfterPrevious(byStart(child), broken),
  };
}

/**
 * SW11bSTG2: an episode that ended in the last five days of the year (26 to 31 March) must be
 * followed by another, which starts after it.
 */
function endedWithoutSuccessor(child: Ssda903Child, context: Ssda903Context): RuleFlag[] {
  const from = `${context.year + 1}-03-26`;
  const episodes = byStart(child);
  return episodes
    .filter(
      (row, index) =>
        row.SW_DEC !== null &&
        from <= row.SW_DEC &&
        row.SW_DEC <= context.collectionEnd &&
        !episodes.slice(index + 1).some((next) => next.SW_DECOM! > row.SW_DECOM!),
    )
    .map((row) => ({ table: 'SWEpisodes', row: row.row }));
}

/**
 * SW12STG2: a child looked after on 31 March (not on a short break) has every social worker episode
 * of the two years reported. What can be checked is that they reach back to the start of the
 * current period of care, or to 1 April of last year when care began before it: the earliest must
 * start by then. With none at all, the current episode is named.
 */
function notReportedSinceCareBegan(child: Ssda903Child, context: Ssda903Context): RuleFlag[] {
  if (!context.supplied.has('SWEpisodes')) return [];
  const period = carePeriods(child).at(-1);
  const current = period?.episodes.at(-1);
  if (!period || !current || period.start > context.collectionEnd) return [];
  if (
    (period.end !== null && period.end <= context.collectionEnd) ||
    current.LS === 'V3' ||
    current.LS === 'V4'
  )
    return [];
  const from = later(period.start, addMonths(context.collectionStart, -12));
  const earliest = byStart(child)[0];
  if (!earliest)
    return child.SWEpisodes.length > 0 ? [] : [{ table: 'Episodes', row: current.row, fields: ['DECOM'] }];
  return earliest.SW_DECOM! > from ? [{ table: 'SWEpisodes', row: earliest.row }] : [];
}

/**
 * SSDA903 rules of 2025–26 on the social worker episodes table (SWEpisodes): who the child's
 * social worker was from the start of the previous year to 31 March, and why they changed.
 */
export const socialWorkerRules: readonly Ssda903Rule[] = [
  rowRule(
    'SW01aSTG1',
    'The social worker episode is incomplete: a start date, and a social worker ID for an episode before 1 April 2023, must be given.',
    'SWEpisodes',
    ['SW_DECOM', 'SW_ID'],
    (row) =>
      blank(row, 'SW_DECOM') || (row.SW_DECOM !== null && row.SW_DECOM < reasonsFrom && row.SW_ID === null),
  ),
  rowRule(
    'SW01bSTG1',
    'The social worker episode is incomplete: from 1 April 2023 a start date, a social worker ID and a reason for the change must be given.',
    'SWEpisodes',
    ['SW_DECOM', 'SW_ID', 'SW_REASON'],
    (row) =>
      blank(row, 'SW_DECOM') ||
      (row.SW_DECOM !== null &&
        row.SW_DECOM >= reasonsFrom &&
        (row.SW_ID === null || row.SW_REASON === null)),
  ),
  rowRule(
    'SW02STG1',
    'The social worker ID does not begin with SW or XX.',
    'SWEpisodes',
    ['SW_ID'],
    (row) => row.SW_ID !== null && !/^(SW|XX)/.test(row.SW_ID),
  ),
  dateRule(
    'SW04STG1',
    'The date the social worker episode began is not a real date.',
    'SWEpisodes',
    'SW_DECOM',
  ),
  dateRule(
    'SW05STG1',
    'The date the social worker episode ended is not a real date.',
    'SWEpisodes',
    'SW_DEC',
  ),
  rowRule(
    'SW06STG2',
    'The social worker episode began after the end of the collection year.',
    'SWEpisodes',
    ['SW_DECOM'],
    (row, _child, context) => row.SW_DECOM !== null && row.SW_DECOM > context.collectionEnd,
  ),
  rowRule(
    'SW07STG2',
    'The social worker episode ended before the start of the social worker reporting period (a year before the collection year) or after the end of the collection year.',
    'SWEpisodes',
    ['SW_DEC'],
    (row, _child, context) =>
      row.SW_DEC !== null && (row.SW_DEC < `${context.year - 1}-04-01` || row.SW_DEC > context.collectionEnd),
  ),
  {
    code: 'SW08STG2',
    message: 'A new social worker episode has started, but the previous episode has not ended.',
    tables: ['SWEpisodes'],
    fields: ['SW_DEC'],
    years: { from: 2025 },
    flagsRowsOf: 'SWEpisodes',
    check: (child) =>
      byStart(child)
        .slice(0, -1)
        .filter((row) => blank(row, 'SW_DEC'))
        .map((row) => ({ table: 'SWEpisodes', row: row.row })),
  },
  rowRule(
    'SW09STG2',
    'The social worker episode began and ended on the same day: it lasted less than 24 hours.',
    'SWEpisodes',
    ['SW_DECOM', 'SW_DEC'],
    (row) => row.SW_DECOM !== null && row.SW_DECOM === row.SW_DEC,
  ),
  afterPrevious(
    'SW10STG2',
    'The social worker episode does not start within 7 days of the end of the previous one (unless the reason is FCONTA).',
    ['SW_DECOM', 'SW_REASON'],
    (row, previous) =>
      row.SW_REASON !== 'FCONTA' &&
      previous.SW_DEC !== null &&
      Math.abs(daysBetween(previous.SW_DEC, row.SW_DECOM!)) > 7,
  ),
  {
    code: 'SW11bSTG2',
    message:
      'The social worker episode ended in the last days of March (26 to 31 March), but no later social worker episode is recorded.',
    tables: ['SWEpisodes'],
    fields: ['SW_DEC'],
    years: { from: 2025 },
    flagsRowsOf: 'SWEpisodes',
    check: endedWithoutSuccessor,
  },
  {
    code: 'SW12STG2',
    message:
      'The child is looked after on 31 March, but the social worker episodes do not go back to the start of care (or to 1 April last year, when care began before it).',
    tables: ['SWEpisodes', 'Episodes'],
    fields: ['SW_DECOM'],
    years: { from: 2025 },
    check: notReportedSinceCareBegan,
  },
  rowRule(
    'SW13STG1',
    'The reason for the change of social worker is not a valid code (from 1 April 2023 it must be given).',
    'SWEpisodes',
    ['SW_REASON'],
    (row, _child, context) =>
      row.SW_REASON === null
        ? row.SW_DECOM !== null && row.SW_DECOM >= reasonsFrom
        : !context.codes('SW_REASON').has(row.SW_REASON),
  ),
  {
    code: 'SW17STG2',
    message: 'No social worker episode is open at 31 March: the latest one has an end date.',
    tables: ['SWEpisodes'],
    fields: ['SW_DEC', 'SW_DECOM'],
    years: { from: 2025 },
    flagsRowsOf: 'SWEpisodes',
    check: (child) => {
      const latest = byStart(child).at(-1);
      return latest && !blank(latest, 'SW_DEC') ? [{ table: 'SWEpisodes', row: latest.row }] : [];
    },
  },
];
