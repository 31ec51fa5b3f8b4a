import { describe, expect, it } from 'vitest';
import { workingDayCalendar } from '../calendar/working-days.ts';
import { careLeaverContact, pathwayPlanReviews } from './care-leavers.ts';
import { day, summary } from './timescale-test-support.ts';

const calendar = workingDayCalendar();

describe('pathwayPlanReviews', () => {
  // Plan agreed Thu 31 Aug 2023 + 6 months → clamped to Thu 29 Feb 2024; reviewed that day; + 6 months → 29 Aug 2024.
  it.each([
    [undefined, '2024-09-02', ['2024-08-29', '-', 'overdue']],
    [undefined, '2024-08-29', ['2024-08-29', '-', 'due']],
    ['2024-07-01', '2024-09-02', ['2024-08-29', '-', 'not-applicable']], // the plan ended before the review fell due
  ])('plan ended on %s, today %s', (endedOn, today, last) => {
    const plan = {
      agreedOn: day('2023-08-31'),
      reviews: [day('2024-02-29')],
      ...(endedOn ? { endedOn: day(endedOn) } : {}),
    };
    expect(pathwayPlanReviews(plan, day(today), calendar).map(summary)).toEqual([
      ['2024-02-29', '2024-02-29', 'met'],
      last,
    ]);
  });
});

describe('careLeaverContact', () => {
  const facts = { countedFrom: day('2024-12-31'), contacts: [day('2025-02-27')] };

  it('follows the regulation: at most 2 months apart', () => {
    // Left care Tue 31 Dec 2024 + 2 months → clamped to Fri 28 Feb 2025; contact 27 Feb; + 2 months → 27 Apr 2025.
    expect(careLeaverContact(facts, day('2025-03-01'), calendar).map(summary)).toEqual([
      ['2025-02-28', '2025-02-27', 'met'],
      ['2025-04-27', '-', 'due'],
    ]);
  });

  it("takes a council's stricter local interval", () => {
    // 31 Dec 2024 + 8 weeks (56 days) = Tue 25 Feb 2025, so contact on 27 Feb is late; + 56 days → 24 Apr 2025.
    const eightWeeks = {
      period: { amount: 8, unit: 'weeks' as const },
      source: 'Leaving care standards 2025',
    };
    const obligations = careLeaverContact(facts, day('2025-03-01'), calendar, eightWeeks);
    expect(obligations.map(summary)).toEqual([
      ['2025-02-25', '2025-02-27', 'met-late'],
      ['2025-04-24', '-', 'due'],
    ]);
    expect(obligations[0]?.explanation.source).toBe('Leaving care standards 2025');
  });
});
