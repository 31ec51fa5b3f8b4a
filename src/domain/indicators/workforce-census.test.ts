import { describe, expect, it } from 'vitest';
import { aSocialWorker } from '../workforce/census-test-workers.ts';
import type { Workforce } from '../workforce/census.ts';
import type { CouncilFacts } from './facts.ts';
import { indicatorById } from './index.ts';
import { financialYear, quarter } from './periods.ts';
import { aChild, calendar } from './test-children.ts';

/** Q2 of 2026–27 ends on 30 September 2026, the census day. */
const censusQuarter = quarter(2026, 2);

const allocated = (worker: string, from = '2026-01-05', to: string | null = null) => ({
  allocations: [{ worker_id: worker, case_role: 'allocated-worker', from_date: from, to_date: to }],
});

const post = (id: string) => ({ id, job: 'social-worker', fte: 1, from: '2019-04-01', to: null });

/**
 * Four posts of 1 FTE: Ann holds one, Ben (half time) another, an agency worker covers the third, and Cal held
 * the fourth until he left, on `calLeft`. Dee left the year before; Pat is a personal adviser.
 */
function workforceWith(calLeft: string): Omit<Workforce, 'casesByWorker'> {
  return {
    workers: [
      aSocialWorker('ann'),
      aSocialWorker('ben', { fte: 0.5 }),
      aSocialWorker('agency', { contract: 'agency', startedOn: '2026-06-01' }),
      aSocialWorker('cal', { leftOn: calLeft, leavingReason: 'resigned' }),
      aSocialWorker('dee', { leftOn: '2025-09-30', leavingReason: 'resigned' }),
      aSocialWorker('pat', { job: 'personal-adviser' }),
    ],
    posts: [post('p1'), post('p2'), post('p3'), post('p4')],
    holdings: [
      { postId: 'p1', workerId: 'ann', from: '2020-01-06', to: null },
      { postId: 'p2', workerId: 'ben', from: '2020-01-06', to: null },
      { postId: 'p3', workerId: 'agency', from: '2026-06-01', to: null },
      { postId: 'p4', workerId: 'cal', from: '2020-01-06', to: calLeft },
    ],
    absences: [],
  };
}

const children = [
  aChild('c1', allocated('ann')),
  aChild('c2', allocated('ann')),
  aChild('c3', allocated('ben')),
  aChild('c4', allocated('agency')),
  aChild('c5', allocated('agency')),
  // Held by a personal adviser: not a case-holding social worker.
  aChild('c6', allocated('pat')),
  // Allocated to Ann until the census day: ended that day.
  aChild('c7', allocated('ann', '2026-01-05', '2026-09-30')),
];

const figure = (id: string, facts: CouncilFacts, period = censusQuarter) =>
  indicatorById(id)!.compute(facts, period, calendar);

describe('the workforce census indicators on 30 September 2026', () => {
  const onTheDay: CouncilFacts = { children, workers: [], workforce: workforceWith('2026-09-30') };
  const dayAfter: CouncilFacts = { children, workers: [], workforce: workforceWith('2026-10-01') };

  it.each([
    // In post: Ann and Ben (1.5 FTE); Cal left on 30 September, so he is a leaver of the year, not in post.
    ['leaver on 30 September: turnover = 1 / 1.5', 'workforce-turnover', onTheDay, 1, 1.5, 66.7],
    ['leaver on 1 October: in post on the day, no leaver', 'workforce-turnover', dayAfter, 0, 2.5, 0],
    // The agency worker covers a vacant post: counted as agency, and the post still counts as vacant.
    ['agency rate = 1 / (1 + 1.5)', 'workforce-agency', onTheDay, 1, 2.5, 40],
    ['agency rate with Cal in post = 1 / (1 + 2.5)', 'workforce-agency', dayAfter, 1, 3.5, 28.6],
    [
      'vacant: the agency-covered post, Cal’s from the day he left, half Ben’s',
      'workforce-vacancy',
      onTheDay,
      2.5,
      4,
      62.5,
    ],
    [
      'vacant with Cal in post: the agency-covered post and half Ben’s',
      'workforce-vacancy',
      dayAfter,
      1.5,
      4,
      37.5,
    ],
    // Ann 2, Ben 1, the agency worker 2, over 2.5 FTE; the personal adviser and the ended allocation not counted.
    ['caseload per case-holding FTE', 'caseload-per-fte', onTheDay, 5, 2.5, 2],
  ] as const)('%s', (_, id, facts, numerator, denominator, value) => {
    expect(figure(id, facts)).toMatchObject({ numerator, denominator, value });
  });

  it('names the children behind the caseload, and none behind the rates', () => {
    expect(figure('caseload-per-fte', onTheDay).children).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(figure('workforce-turnover', onTheDay).children).toEqual([]);
  });

  it('counts turnover over the 12 months to a financial year’s last day', () => {
    // The year to 31 March 2027 holds Cal's leaving (30 September 2026), not Dee's (30 September 2025).
    expect(figure('workforce-turnover', onTheDay, financialYear(2026))).toMatchObject({
      numerator: 1,
      denominator: 1.5,
      value: 66.7,
    });
  });

  it.each(['workforce-turnover', 'workforce-agency', 'workforce-vacancy', 'caseload-per-fte'])(
    '%s has no figure without a workforce',
    (id) => {
      expect(figure(id, { children, workers: [] })).toMatchObject({ numerator: 0, value: null });
    },
  );
});
