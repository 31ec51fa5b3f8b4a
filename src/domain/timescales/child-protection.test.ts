import { describe, expect, it } from 'vitest';
import { workingDayCalendar } from '../calendar/working-days.ts';
import { childProtectionPlanTimescales, initialConferenceTimescale } from './child-protection.ts';
import { day, summary } from './timescale-test-support.ts';

const calendar = workingDayCalendar();

describe('initialConferenceTimescale', () => {
  const discussions = [
    { heldOn: day('2025-04-10'), startedSection47Enquiry: true },
    { heldOn: day('2025-04-22'), startedSection47Enquiry: false },
  ];

  it.each([
    // Counted from Thu 10 Apr 2025, the discussion that started the enquiry, not the later one of Tue 22 Apr:
    // 11–17 Apr (5), skip Good Fri 18 and Easter Mon 21; 22–25 (9), 28 Apr–2 May (14), skip Mon 5 May; Tue 6 (15).
    // (Counted from 22 Apr it would be Wed 14 May, and a conference on 7 May would be on time.)
    ['2025-05-07', undefined, '2025-06-01', ['2025-05-06', '2025-05-07', 'met-late']],
    ['2025-05-06', undefined, '2025-06-01', ['2025-05-06', '2025-05-06', 'met']],
    [undefined, undefined, '2025-05-06', ['2025-05-06', '-', 'due']],
    [undefined, undefined, '2025-05-07', ['2025-05-06', '-', 'overdue']],
    // The enquiry concluded on Fri 25 Apr that no conference was needed.
    [undefined, '2025-04-25', '2025-06-01', ['2025-05-06', '-', 'not-applicable']],
  ])('conference on %s, concluded without one on %s, today %s', (heldOn, concludedOn, today, expected) => {
    const [obligation, ...more] = initialConferenceTimescale(
      {
        strategyDiscussions: discussions,
        ...(heldOn ? { initialConferenceOn: day(heldOn) } : {}),
        ...(concludedOn ? { concludedWithoutConferenceOn: day(concludedOn) } : {}),
      },
      day(today),
      calendar,
    );
    expect(more).toEqual([]);
    expect(obligation && summary(obligation)).toEqual(expected);
    expect(obligation?.explanation.countedFrom.toString()).toBe('2025-04-10');
  });

  it('owes no conference when no strategy discussion started an enquiry', () => {
    const enquiry = { strategyDiscussions: [{ heldOn: day('2025-04-10'), startedSection47Enquiry: false }] };
    expect(initialConferenceTimescale(enquiry, day('2025-06-01'), calendar)).toEqual([]);
  });
});

describe('childProtectionPlanTimescales', () => {
  // Initial conference Mon 18 Dec 2023. Core group + 10 wd: 19–22 (4), skip 25, 26; 27–29 (7), skip 1 Jan;
  // 2–4 Jan (10) → Thu 4 Jan 2024. First review + 3 months → Mon 18 Mar 2024.
  const plan = {
    initialConferenceOn: day('2023-12-18'),
    coreGroupMeetings: [day('2024-01-05'), day('2024-02-01')],
    reviewConferences: [day('2024-03-15'), day('2024-09-10')],
  };

  it('has a first core group, a first review in 3 months and reviews 6 months apart after it', () => {
    expect(childProtectionPlanTimescales(plan, day('2025-03-11'), calendar).map(summary)).toEqual([
      ['2024-01-04', '2024-01-05', 'met-late'], // core group a day late
      ['2024-03-18', '2024-03-15', 'met'], // 18 Dec + 3 months
      ['2024-09-15', '2024-09-10', 'met'], // 15 Mar + 6 months
      ['2025-03-10', '-', 'overdue'], // 10 Sep + 6 months, and today is 11 Mar 2025
    ]);
  });

  it('stops the reviews when the plan ends and leaves the core group as it was', () => {
    // Ended Thu 1 Aug 2024: the review due 15 Sep 2024 is no longer owed; the September review is not counted.
    const ended = { ...plan, endedOn: day('2024-08-01') };
    expect(childProtectionPlanTimescales(ended, day('2025-03-11'), calendar).map(summary)).toEqual([
      ['2024-01-04', '2024-01-05', 'met-late'],
      ['2024-03-18', '2024-03-15', 'met'],
      ['2024-09-15', '-', 'not-applicable'],
    ]);
  });

  it('starts a new plan from its own conference, ignoring the reviews of the old one', () => {
    // New initial conference Mon 3 Feb 2025: core group + 10 wd → Mon 17 Feb; first review + 3 months → Sat 3 May.
    const newPlan = { ...plan, initialConferenceOn: day('2025-02-03') };
    expect(childProtectionPlanTimescales(newPlan, day('2025-03-01'), calendar).map(summary)).toEqual([
      ['2025-02-17', '-', 'overdue'],
      ['2025-05-03', '-', 'due'],
    ]);
  });
});
