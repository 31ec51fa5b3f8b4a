import { describe, expect, it } from 'vitest';
import { workingDayCalendar } from '../calendar/working-days.ts';
import { healthAssessmentTimescales, personalEducationPlanTimescales } from './health-and-education.ts';
import { day, summary } from './timescale-test-support.ts';

const calendar = workingDayCalendar();

describe('healthAssessmentTimescales', () => {
  // Born Sat 29 Feb 2020, so 5 on Sat 1 Mar 2025. Looked after from Mon 2 Sep 2024: initial assessment + 20 wd =
  // 3–6 Sep (4), 9–13 (9), 16–20 (14), 23–27 (19), Mon 30 Sep (20). Done 10 Sep, aged 4: next within 6 months
  // → 10 Mar 2025.
  const born = day('2020-02-29');
  const period = { startedOn: day('2024-09-02') };

  it.each([
    // Reviewed Fri 28 Feb 2025, still 4 that day: next within 6 months → 28 Aug 2025.
    ['2025-02-28', ['2025-08-28', '-', 'due']],
    // Reviewed Sat 1 Mar 2025, the fifth birthday: next within 12 months → 1 Mar 2026.
    ['2025-03-01', ['2026-03-01', '-', 'due']],
  ])('reviewed on %s', (reviewedOn, next) => {
    const obligations = healthAssessmentTimescales(
      period,
      born,
      [day('2024-09-10'), day(reviewedOn)],
      day('2025-04-01'),
      calendar,
    );
    expect(obligations.map(summary)).toEqual([
      ['2024-09-30', '2024-09-10', 'met'],
      ['2025-03-10', reviewedOn, 'met'],
      next,
    ]);
    expect(obligations.map((o) => o.kind)).toEqual([
      'initial-health-assessment',
      'health-assessment-review',
      'health-assessment-review',
    ]);
  });

  it('owes no reviews until the initial assessment is done', () => {
    const obligations = healthAssessmentTimescales(period, born, [], day('2024-10-01'), calendar);
    expect(obligations.map(summary)).toEqual([['2024-09-30', '-', 'overdue']]);
  });
});

describe('personalEducationPlanTimescales', () => {
  // Looked after from Wed 3 May 2023: PEP + 10 wd, skipping the coronation Mon 8 May → Thu 18 May 2023.
  const terms = [
    { name: 'summer', startsOn: day('2023-04-17'), endsOn: day('2023-07-21') },
    { name: 'autumn', startsOn: day('2023-09-04'), endsOn: day('2023-12-20') },
    { name: 'spring', startsOn: day('2024-01-08'), endsOn: day('2024-03-28') },
  ];

  it.each([
    // The summer term began before the plan, so reviews start in the autumn; spring had no review, and once the
    // spring term ended on 28 March it can no longer be held: missed by 2 April.
    [
      undefined,
      [
        ['2023-05-18', '2023-05-17', 'met'],
        ['2023-12-20', '2023-10-10', 'met'],
        ['2024-03-28', '-', 'missed'],
      ],
    ],
    // Left care on Thu 1 Feb 2024: the spring review is no longer owed.
    [
      '2024-02-01',
      [
        ['2023-05-18', '2023-05-17', 'met'],
        ['2023-12-20', '2023-10-10', 'met'],
        ['2024-03-28', '-', 'not-applicable'],
      ],
    ],
  ])('period of care ended on %s', (endedOn, expected) => {
    const periodOfCare = { startedOn: day('2023-05-03'), ...(endedOn ? { endedOn: day(endedOn) } : {}) };
    const obligations = personalEducationPlanTimescales(
      periodOfCare,
      [day('2023-05-17'), day('2023-10-10')],
      terms,
      day('2024-04-02'),
      calendar,
    );
    expect(obligations.map(summary)).toEqual(expected);
  });
});
