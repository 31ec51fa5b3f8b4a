import { describe, expect, it } from 'vitest';
import { workingDayCalendar } from '../calendar/working-days.ts';
import {
  childObligations,
  locallyStandardObligations,
  standardInForce,
  type VersionedLocalStandard,
} from './child-obligations.ts';
import { day, noTimescaleFacts } from './timescale-test-support.ts';
const calendar = workingDayCalendar();

const everyTwentyThenTen: VersionedLocalStandard[] = [
  {
    kind: 'child-in-need-visit',
    interval: { amount: 20, unit: 'working days' },
    source: 'Practice standards 2024',
    effectiveFrom: day('2024-04-01'),
  },
  {
    kind: 'child-in-need-visit',
    interval: { amount: 10, unit: 'working days' },
    source: 'Practice standards 2025',
    effectiveFrom: day('2025-06-01'),
  },
];

describe('standardInForce', () => {
  it.each([
    ['before any standard of the council', '2024-03-31', 'Hearth default', 20],
    ['the day the first takes effect', '2024-04-01', 'Practice standards 2024', 20],
    ['the day before the second', '2025-05-31', 'Practice standards 2024', 20],
    ['the day the second takes effect', '2025-06-01', 'Practice standards 2025', 10],
  ])('%s (%s) → %s', (_name, date, source, amount) => {
    const standard = standardInForce(everyTwentyThenTen, 'child-in-need-visit', day(date));
    expect(standard.source).toBe(source);
    expect(standard.interval.amount).toBe(amount);
  });

  it('falls back to Hearth’s default for a kind the council has not set', () => {
    expect(
      standardInForce(everyTwentyThenTen, 'child-in-need-plan-review', day('2025-07-01')).interval,
    ).toEqual({ amount: 3, unit: 'months' });
  });
});

describe('locallyStandardObligations: each step judged by the standard in force when it counts from', () => {
  it('applies the new standard only from the visit after it took effect', () => {
    const obligations = locallyStandardObligations(
      everyTwentyThenTen,
      'child-in-need-visit',
      {
        startedOn: day('2025-05-05'),
        events: [day('2025-05-30'), day('2025-06-20')],
        startedBy: 'start of the child in need plan',
      },
      day('2025-07-10'),
      calendar,
    );
    expect(obligations.map((obligation) => [obligation.dueBy.toString(), obligation.status])).toEqual([
      // Mon 5 May 2025 (early May bank holiday) is day 0; 20 working days, skipping Mon 26 May (spring bank
      // holiday): 6–9 May (4), 12–16 (9), 19–23 (14), 27–30 (18), 2–3 June (20) → Tue 3 June.
      ['2025-06-03', 'met'],
      // From Fri 30 May under the 2024 standard (20 working days): 2–6 June (5) … 23–27 June (20) → Fri 27 June.
      ['2025-06-27', 'met'],
      // From Fri 20 June under the 2025 standard (10 working days): 23–27 June (5), 30 June–4 July (10) → 4 July.
      ['2025-07-04', 'overdue'],
    ]);
    expect(obligations[2]!.explanation.source).toBe('Practice standards 2025');
    expect(obligations[0]!.explanation.skipped.map((skipped) => skipped.date.toString())).toEqual([
      '2025-05-26',
    ]);
  });
});

describe('childObligations', () => {
  const none = noTimescaleFacts;
  const context = { today: day('2025-05-20'), calendar, standards: [], schoolTerms: [] };

  it('gives a child with nothing recorded nothing to do', () => {
    expect(childObligations(none, context)).toEqual([]);
  });

  it('brings together the front door, the enquiry and the plan', () => {
    const obligations = childObligations(
      {
        ...none,
        dateOfBirth: day('2016-05-10'),
        contacts: [{ receivedOn: day('2025-04-14'), decidedOn: day('2025-04-14') }],
        episodes: [{ referralOn: day('2025-04-14') }],
        enquiries: [
          {
            strategyDiscussions: [{ heldOn: day('2025-04-17'), startedSection47Enquiry: true }],
            initialConferenceOn: day('2025-05-06'),
          },
        ],
        childProtectionPlans: [{ conferenceOn: day('2025-05-06'), coreGroups: [], reviews: [] }],
      },
      context,
    );
    const byKind = Object.fromEntries(
      obligations.map((obligation) => [obligation.kind, [obligation.dueBy.toString(), obligation.status]]),
    );
    expect(byKind).toMatchObject({
      'contact-decision': ['2025-04-15', 'met'],
      // 45 working days from Mon 14 April 2025, skipping Good Friday 18 April, Easter Monday 21 April, 5 and 26 May.
      assessment: ['2025-06-20', 'due'],
      // 15 working days from Thu 17 April, skipping Good Friday 18, Easter Monday 21 April and Mon 5 May:
      // 22–25 April (4), 28 April–2 May (9), 6–9 May (13), 12–13 May (15) → Tue 13 May; held 6 May.
      'initial-child-protection-conference': ['2025-05-13', 'met'],
      // 10 working days from Tue 6 May → Tue 20 May.
      'first-core-group': ['2025-05-20', 'due'],
      'child-protection-review': ['2025-08-06', 'due'],
      // 10 working days from 6 May by the default standard → 20 May.
      'child-protection-visit': ['2025-05-20', 'due'],
    });
  });
});
