import { describe, expect, it } from 'vitest';
import { inPostOn, workforceMeasures, type Workforce } from './census.ts';
import { aSocialWorker, calendar, censusDay } from './census-test-workers.ts';

function workforceOf(parts: Partial<Workforce>): Workforce {
  return { workers: [], posts: [], holdings: [], absences: [], casesByWorker: new Map(), ...parts };
}

describe('in post on the census day', () => {
  it.each([
    ['left on 30 September: a leaver, not in post', '2026-09-30', false],
    ['leaves on 1 October: in post on 30 September', '2026-10-01', true],
    ['left on 29 September', '2026-09-29', false],
    ['no leaving date', null, true],
  ] as const)('%s', (_, leftOn, expected) => {
    expect(inPostOn(aSocialWorker('a', { leftOn }), censusDay)).toBe(expected);
  });

  it('starts on 1 October: not yet in post on 30 September', () => {
    expect(inPostOn(aSocialWorker('a', { startedOn: '2026-10-01' }), censusDay)).toBe(false);
  });
});

describe('the census measures on a hand-built workforce', () => {
  // Four posts of 1 FTE: Ann and Ben (permanent) hold two, an agency worker covers the third, the fourth is empty.
  const ann = aSocialWorker('ann');
  const ben = aSocialWorker('ben', { fte: 0.5, asyeStartedOn: '2026-03-02' });
  const agency = aSocialWorker('agency', { contract: 'agency', startedOn: '2026-06-01' });
  const cal = aSocialWorker('cal', { leftOn: '2026-09-30', leavingReason: 'resigned' });
  const dee = aSocialWorker('dee', { leftOn: '2025-09-30', leavingReason: 'resigned' });
  const eve = aSocialWorker('eve', { leftOn: '2026-05-01', leavingReason: 'moved-within-council' });
  const pat = aSocialWorker('pat', { job: 'personal-adviser' });
  const post = (id: string) => ({ id, job: 'social-worker', fte: 1, from: '2019-04-01', to: null });
  const workforce = workforceOf({
    workers: [ann, ben, agency, cal, dee, eve, pat],
    posts: [post('p1'), post('p2'), post('p3'), post('p4')],
    holdings: [
      { postId: 'p1', workerId: 'ann', from: '2020-01-06', to: null },
      { postId: 'p2', workerId: 'ben', from: '2026-03-02', to: null },
      { postId: 'p3', workerId: 'agency', from: '2026-06-01', to: null },
      { postId: 'p4', workerId: 'cal', from: '2020-01-06', to: '2026-09-30' },
    ],
    // Sickness from Friday 25 to Tuesday 29 September 2026: three working days; and last year's, not counted.
    absences: [
      { workerId: 'ann', kind: 'sickness', from: '2026-09-25', to: '2026-09-29' },
      { workerId: 'ann', kind: 'sickness', from: '2025-09-01', to: '2025-09-30' },
      { workerId: 'ann', kind: 'annual-leave', from: '2026-08-03', to: '2026-08-14' },
    ],
    casesByWorker: new Map([
      ['ann', 20],
      ['ben', 9],
      ['agency', 21],
      ['pat', 30],
    ]),
  });
  const measures = workforceMeasures(workforce, censusDay, calendar);

  it.each([
    [
      'in post: Ann and Ben, half time (not Cal, who left on the day, nor the agency worker)',
      'inPostFte',
      1.5,
    ],
    ['agency FTE', 'agencyFte', 1],
    ['vacant: the agency-covered post, Cal’s post from the day he left, and half of Ben’s', 'vacantFte', 2.5],
    ['leavers: Cal on 30 September; not Dee (the year before), not Eve (moved within)', 'leaversFte', 1],
    ['turnover = leavers / in post', 'turnoverRate', 66.7],
    ['agency rate = agency / (agency + in post)', 'agencyRate', 40],
    ['vacancy rate = vacant / (vacant + in post)', 'vacancyRate', 62.5],
    ['sickness: 3 working days over 1.5 FTE', 'sicknessDaysPerFte', 2],
    [
      'caseload per case-holding FTE: 50 cases over 2.5 FTE (the personal adviser is not counted)',
      'caseloadPerCaseHoldingFte',
      20,
    ],
    ['newly qualified: Ben of three social workers', 'newlyQualifiedShare', 33.3],
  ] as const)('%s', (_, measure, expected) => {
    expect(measures[measure]).toBe(expected);
  });

  it('counts the year from 1 October', () => {
    expect(measures.yearFrom).toBe('2025-10-01');
  });

  it('says nothing rather than divide by nothing', () => {
    expect(workforceMeasures(workforceOf({}), censusDay, calendar)).toMatchObject({
      turnoverRate: null,
      agencyRate: null,
      vacancyRate: null,
      sicknessDaysPerFte: null,
      caseloadPerCaseHoldingFte: null,
      newlyQualifiedShare: null,
    });
  });

  it('counts a leap year’s 29 February inside the year to 30 September 2028', () => {
    const leaver = aSocialWorker('x', { leftOn: '2028-02-29', leavingReason: 'retired' });
    const stayer = aSocialWorker('y');
    const later = workforceMeasures(workforceOf({ workers: [leaver, stayer] }), '2028-09-30', calendar);
    expect(later).toMatchObject({ yearFrom: '2027-10-01', leaversFte: 1, inPostFte: 1, turnoverRate: 100 });
  });
});
