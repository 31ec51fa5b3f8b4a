import { describe, expect, it } from 'vitest';
import { workingDayCalendar } from '../calendar/working-days.ts';
import { childObligations, type ChildTimescaleFacts } from './child-obligations.ts';
import type { Obligation } from './obligation.ts';
import { day, noTimescaleFacts, summary } from './timescale-test-support.ts';

const calendar = workingDayCalendar();

describe('childObligations: an obligation lasts only while its reason does', () => {
  const context = (today: string) => ({ today: day(today), calendar, standards: [], schoolTerms: [] });
  const bornMay2010 = { ...noTimescaleFacts, dateOfBirth: day('2010-05-01') };
  // Strategy discussion Thu 10 Apr 2025 → conference due Tue 6 May 2025 (worked in child-protection.test.ts).
  const enquiry = { strategyDiscussions: [{ heldOn: day('2025-04-10'), startedSection47Enquiry: true }] };
  // Conference Mon 18 Dec 2023: core group due Thu 4 Jan 2024, first review Mon 18 Mar 2024, then + 6 months.
  const protectionPlan = {
    conferenceOn: day('2023-12-18'),
    coreGroups: [day('2024-01-05')],
    reviews: [day('2024-03-15')],
  };
  const diedOn14May2025 = { ...bornMay2010, diedOn: day('2025-05-14') };
  // Born Fri 29 Feb 2008: 18 on Sun 1 Mar 2026.
  const bornLeapDay2008 = { ...noTimescaleFacts, dateOfBirth: day('2008-02-29') };
  // Born Sun 29 Feb 2004: 21 on Sat 1 Mar 2025. Left care on Tue 31 Dec 2024; contact + 2 months → 28 Feb 2025,
  // then 27 Feb + 2 months → 27 Apr. Pathway plan agreed Thu 31 Aug 2023 → 29 Feb 2024 → 29 Aug → 20 Feb 2025 →
  // 18 Aug 2025.
  const careLeaver = (support: { supportUntil25?: boolean; endedOn?: string }): ChildTimescaleFacts => ({
    ...noTimescaleFacts,
    dateOfBirth: day('2004-02-29'),
    pathwayPlans: [
      { agreedOn: day('2023-08-31'), reviews: ['2024-02-29', '2024-08-20', '2025-02-18'].map(day) },
    ],
    careLeaver: {
      from: day('2024-12-31'),
      contacts: [day('2025-02-27')],
      ...(support.supportUntil25 ? { supportUntil25: true } : {}),
      ...(support.endedOn ? { endedOn: day(support.endedOn) } : {}),
    },
  });
  const reviewedUntilFebruary2025 = [
    ['2024-02-29', '2024-02-29', 'met'],
    ['2024-08-29', '2024-08-20', 'met'],
    ['2025-02-20', '2025-02-18', 'met'],
  ];
  const contactedInFebruary2025 = ['2025-02-28', '2025-02-27', 'met'];
  // An unborn child expected on Fri 1 Aug 2025, with a plan from a pre-birth conference on Mon 2 Jun 2025.
  const unborn = { ...noTimescaleFacts, dateOfBirth: day('2025-08-01') };
  const preBirthChildInNeedPlan = {
    ...unborn,
    childInNeedPlans: [{ startedOn: day('2025-06-02'), reviews: [] }],
  };
  const preBirthProtectionPlan = {
    ...unborn,
    childProtectionPlans: [{ conferenceOn: day('2025-06-02'), coreGroups: [], reviews: [] }],
  };

  it.each<[string, ChildTimescaleFacts, string, Obligation['kind'], string[][]]>([
    // The episode of need closes.
    [
      'no episode closed',
      { ...bornMay2010, enquiries: [enquiry] },
      '2025-06-01',
      'initial-child-protection-conference',
      [['2025-05-06', '-', 'overdue']],
    ],
    [
      'the episode closed on Fri 25 Apr 2025, before the conference was due',
      { ...bornMay2010, enquiries: [{ ...enquiry, episodeClosedOn: day('2025-04-25') }] },
      '2025-06-01',
      'initial-child-protection-conference',
      [['2025-05-06', '-', 'not-applicable']],
    ],
    [
      'the episode closed on Thu 1 Aug 2024 with the protection plan still open',
      { ...bornMay2010, childProtectionPlans: [{ ...protectionPlan, episodeClosedOn: day('2024-08-01') }] },
      '2025-08-01',
      'child-protection-review',
      [
        ['2024-03-18', '2024-03-15', 'met'],
        ['2024-09-15', '-', 'not-applicable'],
      ],
    ],
    // Started Mon 6 Jan 2025, reviewed 3 Apr; the plan was closed on 31 Jul, the episode on Mon 30 Jun: the next
    // review, due 3 Jul, lapses and one held on 10 Jul does not count.
    [
      'the episode closed before the child in need plan did',
      {
        ...bornMay2010,
        childInNeedPlans: [
          {
            startedOn: day('2025-01-06'),
            endedOn: day('2025-07-31'),
            reviews: [day('2025-04-03'), day('2025-07-10')],
            episodeClosedOn: day('2025-06-30'),
          },
        ],
      },
      '2025-08-01',
      'child-in-need-plan-review',
      [
        ['2025-04-06', '2025-04-03', 'met'],
        ['2025-07-03', '-', 'not-applicable'],
      ],
    ],
    // The child dies on Wed 14 May 2025: what fell due on or after it lapses; what was missed before stays missed.
    [
      'died the day the contact decision was due',
      { ...diedOn14May2025, contacts: [{ receivedOn: day('2025-05-13') }] },
      '2025-08-01',
      'contact-decision',
      [['2025-05-14', '-', 'not-applicable']],
    ],
    [
      'died before the assessment was due',
      { ...diedOn14May2025, episodes: [{ referralOn: day('2025-04-14') }] },
      '2025-08-01',
      'assessment',
      [['2025-06-20', '-', 'not-applicable']],
    ],
    [
      'died after the conference was missed',
      { ...diedOn14May2025, enquiries: [enquiry] },
      '2025-08-01',
      'initial-child-protection-conference',
      [['2025-05-06', '-', 'missed']],
    ],
    [
      'died a week after the plan began',
      {
        ...diedOn14May2025,
        childProtectionPlans: [{ conferenceOn: day('2025-05-06'), coreGroups: [], reviews: [] }],
      },
      '2025-08-01',
      'child-protection-visit',
      [['2025-05-20', '-', 'not-applicable']],
    ],
    // 18 on Sun 1 Mar 2026: the contact decision is owed at any age, the Children Act duties are not.
    [
      'a contact two days before the 18th birthday',
      { ...bornLeapDay2008, contacts: [{ receivedOn: day('2026-02-27') }] },
      '2026-03-10',
      'contact-decision',
      [['2026-03-02', '-', 'overdue']],
    ],
    // Mon 2 Feb 2026 + 45 wd, skipping Good Friday 3 Apr and Easter Monday 6 Apr 2026 → Wed 8 Apr.
    [
      'a referral a month before the 18th birthday',
      { ...bornLeapDay2008, episodes: [{ referralOn: day('2026-02-02') }] },
      '2026-03-10',
      'assessment',
      [['2026-04-08', '-', 'not-applicable']],
    ],
    [
      'a child in need plan review due on the 18th birthday',
      { ...bornLeapDay2008, childInNeedPlans: [{ startedOn: day('2025-12-01'), reviews: [] }] },
      '2026-03-10',
      'child-in-need-plan-review',
      [['2026-03-01', '-', 'not-applicable']],
    ],
    // Leaving care runs to 21, or 25 on request, and ends with the care leaver record.
    [
      'care leaver contact after the 21st birthday',
      careLeaver({}),
      '2025-05-01',
      'care-leaver-contact',
      [contactedInFebruary2025, ['2025-04-27', '-', 'not-applicable']],
    ],
    [
      'support to 25: contact',
      careLeaver({ supportUntil25: true }),
      '2025-05-01',
      'care-leaver-contact',
      [contactedInFebruary2025, ['2025-04-27', '-', 'overdue']],
    ],
    [
      'pathway plan review after the 21st birthday',
      careLeaver({}),
      '2025-05-01',
      'pathway-plan-review',
      [...reviewedUntilFebruary2025, ['2025-08-18', '-', 'not-applicable']],
    ],
    [
      'support to 25: pathway plan',
      careLeaver({ supportUntil25: true }),
      '2025-05-01',
      'pathway-plan-review',
      [...reviewedUntilFebruary2025, ['2025-08-18', '-', 'due']],
    ],
    [
      'support to 25, the record ended on Tue 1 Apr 2025',
      careLeaver({ supportUntil25: true, endedOn: '2025-04-01' }),
      '2025-05-01',
      'pathway-plan-review',
      [...reviewedUntilFebruary2025, ['2025-08-18', '-', 'not-applicable']],
    ],
    // Before birth: plan reviews and core groups run from the pre-birth conference, visits from birth.
    [
      'a pre-birth child in need plan',
      preBirthChildInNeedPlan,
      '2025-08-20',
      'child-in-need-plan-review',
      [['2025-09-02', '-', 'due']],
    ],
    // Fri 1 Aug 2025 + 20 wd, skipping the summer bank holiday Mon 25 Aug → Mon 1 Sep.
    [
      'visits to a child in need from birth',
      preBirthChildInNeedPlan,
      '2025-08-20',
      'child-in-need-visit',
      [['2025-09-01', '-', 'due']],
    ],
    [
      'a pre-birth protection plan’s core group',
      preBirthProtectionPlan,
      '2025-08-20',
      'first-core-group',
      [['2025-06-16', '-', 'overdue']],
    ],
    [
      'visits to a child on a protection plan from birth',
      preBirthProtectionPlan,
      '2025-08-20',
      'child-protection-visit',
      [['2025-08-15', '-', 'overdue']],
    ],
  ])('%s', (_name, facts, today, kind, expected) => {
    const obligations = childObligations(facts, context(today)).filter((o) => o.kind === kind);
    expect(obligations.map(summary)).toEqual(expected);
  });

  it('says the visits to a child born during the plan count from the birth', () => {
    const [visit] = childObligations(preBirthChildInNeedPlan, context('2025-08-20')).filter(
      (o) => o.kind === 'child-in-need-visit',
    );
    expect(visit?.explanation).toMatchObject({
      countedFrom: day('2025-08-01'),
      countedFromEvent: 'birth of the child',
    });
  });
});
