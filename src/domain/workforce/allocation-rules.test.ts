import { describe, expect, it } from 'vitest';
import {
  allocationEnding,
  allocationProblems,
  type ChildForAllocation,
  type ProposedWorker,
} from './allocation-rules.ts';

const today = '2026-12-07';
const worker = (role: string, name = 'Quinn Hale', qualified = true): ProposedWorker => ({
  id: `id-${name}`,
  name,
  role,
  qualified,
});
const ruby: ChildForAllocation = {
  givenName: 'Ruby',
  stage: 'child-protection-plan',
  onPlan: true,
  referralDate: '2025-04-14',
  dateOfBirth: '2015-03-27',
  allocations: [
    {
      workerId: 'id-Ann Cole',
      workerName: 'Ann Cole',
      caseRole: 'allocated-worker',
      from: '2025-04-15',
      to: null,
    },
    {
      workerId: 'id-Ben Ode',
      workerName: 'Ben Ode',
      caseRole: 'co-worker',
      from: '2025-05-01',
      to: '2025-09-30',
    },
  ],
};
const leaver: ChildForAllocation = {
  ...ruby,
  givenName: 'Bea',
  stage: 'care-leaver',
  onPlan: false,
  allocations: [],
};

describe('allocation rules', () => {
  it.each([
    [
      'a social worker as allocated worker from today',
      'allocated-worker',
      worker('social-worker'),
      today,
      ruby,
      [],
    ],
    [
      'a personal adviser for a care leaver',
      'personal-adviser',
      worker('personal-adviser'),
      today,
      leaver,
      [],
    ],
    [
      'a reviewing officer as IRO',
      'independent-reviewing-officer',
      worker('independent-reviewing-officer'),
      today,
      ruby,
      [],
    ],
    [
      'a co-worker the day after the last one ended',
      'co-worker',
      worker('social-worker'),
      '2025-10-01',
      ruby,
      [],
    ],
    ['on the day of the referral', 'co-worker', worker('social-worker'), '2025-10-01', ruby, []],
    [
      'an IRO as allocated worker',
      'allocated-worker',
      worker('independent-reviewing-officer', 'Ira Kent'),
      today,
      ruby,
      [
        'workerId: Ira Kent is an independent reviewing officer: a reviewing officer must stay independent of the case, so cannot be its allocated worker',
      ],
    ],
    [
      'an IRO as co-worker',
      'co-worker',
      worker('independent-reviewing-officer', 'Ira Kent'),
      today,
      ruby,
      [
        'workerId: Ira Kent is an independent reviewing officer: a reviewing officer must stay independent of the case, so cannot be its co-worker',
      ],
    ],
    [
      'a social worker as IRO',
      'independent-reviewing-officer',
      worker('social-worker'),
      today,
      ruby,
      [
        'workerId: Quinn Hale is a social worker: only an independent reviewing officer can be Ruby’s reviewing officer',
      ],
    ],
    [
      'a social worker as personal adviser',
      'personal-adviser',
      worker('social-worker'),
      today,
      leaver,
      ['workerId: Quinn Hale is a social worker: only a personal adviser can be Bea’s personal adviser'],
    ],
    [
      'a personal adviser for a child on a plan',
      'personal-adviser',
      worker('personal-adviser'),
      today,
      ruby,
      ['workerId: Ruby is not a care leaver or in care aged 16 or over, so has no personal adviser'],
    ],
    [
      'a personal adviser as allocated worker',
      'allocated-worker',
      worker('personal-adviser'),
      today,
      ruby,
      ['workerId: Quinn Hale is a personal adviser, who cannot be a child’s allocated worker'],
    ],
    [
      'a student social worker for a child on a plan',
      'allocated-worker',
      worker('social-worker', 'Sol Reid', false),
      today,
      ruby,
      [
        'workerId: Sol Reid is a student social worker: Ruby is on a plan, so needs a qualified social worker as allocated worker',
      ],
    ],
    [
      'the current allocated worker again',
      'allocated-worker',
      worker('social-worker', 'Ann Cole'),
      today,
      ruby,
      ['workerId: Ann Cole is already Ruby’s allocated worker'],
    ],
    [
      'a back-dated allocation before the current one began',
      'allocated-worker',
      worker('social-worker'),
      '2025-04-15',
      ruby,
      [
        'from: Ann Cole has been Ruby’s allocated worker since 15 April 2025: a new allocated worker must start after that day, so the history stays as it was',
      ],
    ],
    [
      'a co-worker overlapping one who has left',
      'co-worker',
      worker('social-worker'),
      '2025-09-30',
      ruby,
      [
        'from: Ben Ode was Ruby’s co-worker until 30 September 2025: a new co-worker must start after that day, so the history stays as it was',
      ],
    ],
    [
      'a co-worker starting in 1900',
      'co-worker',
      worker('social-worker'),
      '1900-01-01',
      ruby,
      ['from: The allocation cannot start before Ruby’s referral on 14 April 2025'],
    ],
    [
      'no referral: before the child was born',
      'co-worker',
      worker('social-worker'),
      '2015-03-26',
      { ...ruby, referralDate: null },
      ['from: The allocation cannot start before Ruby was born on 27 March 2015'],
    ],
    [
      'tomorrow',
      'allocated-worker',
      worker('social-worker'),
      '2026-12-08',
      ruby,
      ['from: The date the allocation starts must be today or in the past'],
    ],
  ])('%s', (_case, caseRole, proposed, from, child, expected) => {
    const { problems } = allocationProblems(
      { caseRole, worker: proposed, from: { date: from }, reason: 'Ann is leaving' },
      child,
      today,
    );
    expect(problems.map((problem) => `${problem.path}: ${problem.message}`)).toEqual(expected);
  });

  it('names every missing answer, and a date that is not a date', () => {
    const { problems, from } = allocationProblems(
      { caseRole: '', worker: null, from: { problem: 'The date must be a real date' }, reason: ' ' },
      ruby,
      today,
    );
    expect(from).toBeNull();
    expect(problems.map((problem) => problem.path)).toEqual(['workerId', 'caseRole', 'from', 'reason']);
  });

  it('lets cover start on the first day of leave booked ahead, and no later', () => {
    const request = { caseRole: 'cover', worker: worker('social-worker'), reason: 'Ann on leave' };
    expect(
      allocationProblems({ ...request, from: { date: '2026-12-21' } }, ruby, today, '2026-12-21').problems,
    ).toEqual([]);
    expect(
      allocationProblems({ ...request, from: { date: '2026-12-22' } }, ruby, today, '2026-12-21').problems,
    ).toEqual([{ path: 'from', message: 'Cover cannot start after the first day away, 21 December 2026' }]);
  });

  it('ends the current allocation of the same kind the day before the new one starts (a year end)', () => {
    expect(allocationEnding('allocated-worker', '2027-01-01', ruby)).toEqual({
      workerName: 'Ann Cole',
      endsOn: '2026-12-31',
    });
    expect(allocationEnding('co-worker', '2027-01-01', ruby)).toBeNull();
  });
});
