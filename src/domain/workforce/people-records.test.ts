import { describe, expect, it } from 'vitest';
import {
  appraisalDates,
  inductionAfterStep,
  leavingProblems,
  trainingDue,
  trainingEndProblems,
  trainingProblems,
  type TrainingRecord,
} from './people-records.ts';

const TODAY = '2026-06-15';
const course = (name: string, completedOn: string, expiresOn: string | null, endedOn: string | null = null) =>
  ({ course: name, completedOn, expiresOn, endedOn }) satisfies TrainingRecord;

describe('training expired or expiring within 60 days', () => {
  it.each([
    ['expired yesterday', [course('Safeguarding', '2023-06-14', '2026-06-14')], [['Safeguarding', -1]]],
    ['expires today', [course('Safeguarding', '2023-06-15', '2026-06-15')], [['Safeguarding', 0]]],
    ['expires on the 60th day', [course('First aid', '2023-08-14', '2026-08-14')], [['First aid', 60]]],
    ['expires on the 61st day', [course('First aid', '2023-08-15', '2026-08-15')], []],
    ['does not expire', [course('Court skills', '2020-01-10', null)], []],
    [
      'expired but renewed since',
      [
        course('Safeguarding', '2023-01-10', '2026-01-10'),
        course('Safeguarding', '2026-01-05', '2029-01-05'),
      ],
      [],
    ],
    [
      'renewed, the renewal expiring soon',
      [
        course('Safeguarding', '2020-01-10', '2023-01-10'),
        course('Safeguarding', '2023-07-01', '2026-07-01'),
      ],
      [['Safeguarding', 16]],
    ],
    [
      'expired but ended as no longer needed',
      [course('Moving and handling', '2022-01-01', '2025-01-01', '2025-03-01')],
      [],
    ],
    [
      'the renewal recorded in error, so the older record counts',
      [
        course('Safeguarding', '2023-06-01', '2026-06-01'),
        course('Safeguarding', '2026-05-01', '2029-05-01', '2026-05-02'),
      ],
      [['Safeguarding', -14]],
    ],
    [
      'soonest first',
      [
        course('Practice educator', '2024-01-01', '2026-08-01'),
        course('Safeguarding', '2023-01-01', '2026-01-01'),
      ],
      [
        ['Safeguarding', -165],
        ['Practice educator', 47],
      ],
    ],
  ])('%s', (_, records, expected) => {
    expect(trainingDue(records, TODAY).map((due) => [due.course, due.days])).toEqual(expected);
  });
});

describe('the dates of a training record', () => {
  it.each([
    ['completed today, no expiry', { completedOn: TODAY, expiresOn: null }, []],
    ['completed tomorrow', { completedOn: '2026-06-16', expiresOn: null }, ['completed']],
    [
      'expiring on the day it was completed',
      { completedOn: '2026-01-01', expiresOn: '2026-01-01' },
      ['expires'],
    ],
    ['expired already (recorded late)', { completedOn: '2022-01-01', expiresOn: '2025-01-01' }, []],
  ])('%s', (_, record, paths) => {
    expect(trainingProblems(record, TODAY).map((problem) => problem.path)).toEqual(paths);
  });

  it.each([
    ['ended today', { completedOn: '2025-01-01', endedOn: null }, TODAY, []],
    ['ended on the day it was completed', { completedOn: '2025-01-01', endedOn: null }, '2025-01-01', []],
    ['ended before it was completed', { completedOn: '2025-01-01', endedOn: null }, '2024-12-31', ['ended']],
    ['ended tomorrow', { completedOn: '2025-01-01', endedOn: null }, '2026-06-16', ['ended']],
    ['ended twice', { completedOn: '2025-01-01', endedOn: '2025-02-01' }, TODAY, ['ended']],
  ])('%s', (_, record, endedOn, paths) => {
    expect(trainingEndProblems(record, endedOn, TODAY).map((problem) => problem.path)).toEqual(paths);
  });
});

describe('an international recruit’s induction', () => {
  const started = { startedOn: '2026-03-02' };
  const allBut = (last: string) =>
    [
      'swe-registration',
      'right-to-work',
      'corporate-induction',
      'practice-induction',
      'shadowing',
      'first-cases',
      'probation-review',
    ]
      .filter((step) => step !== last)
      .map((step) => ({ step, completedOn: '2026-04-01' }));

  it.each([
    [
      'the first step starts the induction',
      { startedOn: null, completedOn: null, done: [] },
      { step: 'swe-registration', completedOn: '2026-01-20' },
      { problems: [], startedOn: '2026-01-20', completedOn: null },
    ],
    [
      'a step dated before the recorded start moves the start back',
      { startedOn: '2026-03-02', completedOn: null, done: [] },
      { step: 'right-to-work', completedOn: '2026-02-10' },
      { problems: [], startedOn: '2026-02-10', completedOn: null },
    ],
    [
      'the last step completes it on the latest day',
      { startedOn: '2026-03-02', completedOn: null, done: allBut('probation-review') },
      { step: 'probation-review', completedOn: '2026-06-01' },
      { problems: [], startedOn: '2026-03-02', completedOn: '2026-06-01' },
    ],
    [
      'the last step to be marked, done earlier than others, completes it on the latest of them',
      { startedOn: '2026-03-02', completedOn: null, done: allBut('shadowing') },
      { step: 'shadowing', completedOn: '2026-03-20' },
      { problems: [], startedOn: '2026-03-02', completedOn: '2026-04-01' },
    ],
  ])('%s', (_, state, step, expected) => {
    expect(inductionAfterStep(state, step, started, TODAY)).toEqual(expected);
  });

  it.each([
    ['a step done twice', { step: 'swe-registration', completedOn: '2026-04-01' }, 'step'],
    ['a step done tomorrow', { step: 'shadowing', completedOn: '2026-06-16' }, 'done'],
    [
      'a step more than 6 months before they started',
      { step: 'right-to-work', completedOn: '2025-09-01' },
      'done',
    ],
  ])('refuses %s', (_, step, path) => {
    const state = {
      startedOn: '2026-03-02',
      completedOn: null,
      done: [{ step: 'swe-registration', completedOn: '2026-02-01' }],
    };
    expect(inductionAfterStep(state, step, started, TODAY).problems.map((problem) => problem.path)).toEqual([
      path,
    ]);
  });
});

describe('appraisals and leaving', () => {
  it.each([
    ['held today, next due a year on', { heldOn: TODAY, nextDueOn: null }, [], '2027-06-15'],
    [
      'held on 29 February, next due 28 February',
      { heldOn: '2024-02-29', nextDueOn: null },
      [],
      '2025-02-28',
    ],
    [
      'next due in six months, as the manager chose',
      { heldOn: TODAY, nextDueOn: '2026-12-15' },
      [],
      '2026-12-15',
    ],
    ['held tomorrow', { heldOn: '2026-06-16', nextDueOn: null }, ['held'], '2027-06-16'],
    ['held before they started', { heldOn: '2019-12-31', nextDueOn: null }, ['held'], '2020-12-31'],
    ['next due on the same day', { heldOn: TODAY, nextDueOn: TODAY }, ['due'], TODAY],
  ])('%s', (_, appraisal, paths, nextDueOn) => {
    const result = appraisalDates(appraisal, { startedOn: '2020-01-06' }, TODAY);
    expect(result.problems.map((problem) => problem.path)).toEqual(paths);
    expect(result.nextDueOn).toBe(nextDueOn);
  });

  it.each([
    ['leaving today', TODAY, []],
    ['leaving in three months (serving notice)', '2026-09-15', []],
    ['left last year', '2025-06-30', []],
    ['leaving on the day they started', '2020-01-06', ['left']],
    ['leaving more than a year ahead', '2027-06-16', ['left']],
  ])('%s', (_, leftOn, paths) => {
    expect(
      leavingProblems(leftOn, { startedOn: '2020-01-06' }, TODAY).map((problem) => problem.path),
    ).toEqual(paths);
  });
});
