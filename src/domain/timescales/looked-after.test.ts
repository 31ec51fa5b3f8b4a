import { describe, expect, it } from 'vitest';
import { workingDayCalendar } from '../calendar/working-days.ts';
import {
  lookedAfterReviews,
  lookedAfterTimescales,
  placementVisits,
  type LookedAfterRecord,
} from './looked-after.ts';
import { typicalSchoolTerms } from './child-obligations.ts';
import type { Obligation } from './obligation.ts';
import { day, summary } from './timescale-test-support.ts';

const calendar = workingDayCalendar();

describe('lookedAfterReviews (reg. 33)', () => {
  // Looked after from Mon 15 Dec 2025. First review + 20 wd, skipping Christmas, Boxing Day and New Year → Thu 15 Jan
  // 2026 (worked in deadline-rules.test.ts).
  it.each([
    [
      // 14 Jan on time; second due 14 Jan + 3 months = 14 Apr, held 20 Apr (late); next 20 Apr + 6 months = 20 Oct.
      ['2026-01-14', '2026-04-20'],
      '2026-06-01',
      [
        ['2026-01-15', '2026-01-14', 'met'],
        ['2026-04-14', '2026-04-20', 'met-late'],
        ['2026-10-20', '-', 'due'],
      ],
    ],
    [
      // Second review 31 Jan + 3 months → clamped to 30 Apr; third 30 Apr + 6 months = 30 Oct.
      ['2026-01-31', '2026-04-30'],
      '2026-11-02',
      [
        ['2026-01-15', '2026-01-31', 'met-late'],
        ['2026-04-30', '2026-04-30', 'met'],
        ['2026-10-30', '-', 'overdue'],
      ],
    ],
    [[], '2026-01-16', [['2026-01-15', '-', 'overdue']]],
  ])('reviews on %j, today %s', (reviews, today, expected) => {
    const period = { startedOn: day('2025-12-15'), placements: [] };
    const obligations = lookedAfterReviews(period, reviews.map(day), day(today), calendar);
    expect(obligations.map(summary)).toEqual(expected);
  });
});

describe('placementVisits (reg. 28)', () => {
  // Placement from Wed 1 Mar 2023; its first year ends on Fri 1 Mar 2024.
  // Visit Mon 6 Mar 2023 within the week (due Wed 8 Mar); next due 6 Mar + 6 weeks = Mon 17 Apr 2023, made only on
  // Thu 29 Feb 2024 (late). 29 Feb is still in the first year, so the next is 29 Feb + 42 days = Thu 11 Apr 2024;
  // the visit of Fri 1 Mar 2024 falls in the second year.
  const visits = ['2023-03-06', '2024-02-29', '2024-03-01'].map(day);
  const firstThree = [
    ['2023-03-08', '2023-03-06', 'met'],
    ['2023-04-17', '2024-02-29', 'met-late'],
    ['2024-04-11', '2024-03-01', 'met'],
  ];

  it.each([
    // Agreed long-term on 1 Sep 2023: after the first year, 3 months → 1 Jun 2024.
    ['2023-09-01', ['2024-06-01', '-', 'due'], 'within 3 months'],
    // Not agreed long-term: still 6 weeks → 1 Mar + 42 days = Fri 12 Apr 2024, overdue by 1 May.
    [undefined, ['2024-04-12', '-', 'overdue'], 'within 6 weeks'],
    // Agreed long-term only on 5 Mar 2024, after the visit of 1 Mar: that visit still sets 6 weeks.
    ['2024-03-05', ['2024-04-12', '-', 'overdue'], 'within 6 weeks'],
  ])('agreed long-term on %s, today 1 May 2024', (agreedLongTermOn, last, interval) => {
    const placement = {
      startedOn: day('2023-03-01'),
      ...(agreedLongTermOn ? { agreedLongTermOn: day(agreedLongTermOn) } : {}),
    };
    const obligations = placementVisits(placement, visits, day('2024-05-01'), calendar);
    expect(obligations.map(summary)).toEqual([...firstThree, last]);
    expect(obligations.at(-1)?.explanation.period).toEqual(
      interval === 'within 3 months' ? { amount: 3, unit: 'months' } : { amount: 6, unit: 'weeks' },
    );
  });
});

describe('lookedAfterTimescales: what a new placement or a new period of care resets', () => {
  // Looked after from Mon 15 Dec 2025 (aged 10). Reviews and health as in the tables above; initial PEP due
  // 15 Dec + 10 wd: 16–19 (4), 22–24 (7), skip 25, 26; 29–31 (10) → Wed 31 Dec 2025.
  const child: LookedAfterRecord = {
    dateOfBirth: day('2015-06-01'),
    periodsOfCare: [{ startedOn: day('2025-12-15'), placements: [{ startedOn: day('2025-12-15') }] }],
    reviews: [day('2026-01-14')],
    visits: [day('2025-12-19'), day('2026-01-20')],
    healthAssessments: [day('2026-01-08')],
    personalEducationPlans: [day('2026-01-07')],
  };
  const today = day('2026-03-01');
  const visitsOf = (obligations: Obligation[]) => obligations.filter((o) => o.kind === 'looked-after-visit');
  const allBut = (obligations: Obligation[]) => obligations.filter((o) => o.kind !== 'looked-after-visit');

  it('resets only the visits when the child moves placement', () => {
    const moved: LookedAfterRecord = {
      ...child,
      periodsOfCare: [
        {
          startedOn: day('2025-12-15'),
          placements: [
            { startedOn: day('2025-12-15'), endedOn: day('2026-02-02') },
            { startedOn: day('2026-02-02') },
          ],
        },
      ],
    };
    const before = lookedAfterTimescales(child, today, calendar);
    const after = lookedAfterTimescales(moved, today, calendar);
    expect(allBut(after)).toEqual(allBut(before));
    // Visits 19 Dec (due 22 Dec) and 20 Jan (due 19 Dec + 42 = 30 Jan); next 20 Jan + 42 = Tue 3 Mar 2026.
    expect(visitsOf(before).map(summary)).toEqual([
      ['2025-12-22', '2025-12-19', 'met'],
      ['2026-01-30', '2026-01-20', 'met'],
      ['2026-03-03', '-', 'due'],
    ]);
    // The old placement's next visit is no longer owed; the new one needs a visit by Mon 2 Feb + 7 days = 9 Feb.
    expect(visitsOf(after).map(summary)).toEqual([
      ['2025-12-22', '2025-12-19', 'met'],
      ['2026-01-30', '2026-01-20', 'met'],
      ['2026-03-03', '-', 'not-applicable'],
      ['2026-02-09', '-', 'overdue'],
    ]);
  });

  it('starts reviews, the initial health assessment and the PEP again in a new period of care', () => {
    const returned: LookedAfterRecord = {
      ...child,
      periodsOfCare: [
        {
          startedOn: day('2025-12-15'),
          endedOn: day('2026-03-01'),
          placements: [{ startedOn: day('2025-12-15') }],
        },
        { startedOn: day('2026-06-01'), placements: [{ startedOn: day('2026-06-01') }] },
      ],
    };
    const obligations = lookedAfterTimescales(returned, day('2026-06-10'), calendar);
    const of = (kind: Obligation['kind']) => obligations.filter((o) => o.kind === kind).map(summary);
    // Second period from Mon 1 Jun 2026: + 20 wd = 2–5 Jun (4), 8–12 (9), 15–19 (14), 22–26 (19), Mon 29 Jun (20);
    // + 10 wd = Mon 15 Jun. Nothing recorded in the first period counts towards the second.
    expect(of('looked-after-review')).toEqual([
      ['2026-01-15', '2026-01-14', 'met'],
      ['2026-04-14', '-', 'not-applicable'], // 14 Jan + 3 months, after the first period ended on 1 Mar
      ['2026-06-29', '-', 'due'],
    ]);
    expect(of('initial-health-assessment').at(-1)).toEqual(['2026-06-29', '-', 'due']);
    expect(of('personal-education-plan')).toEqual([
      ['2025-12-31', '2026-01-07', 'met-late'],
      ['2026-06-15', '-', 'due'],
    ]);
  });
});

describe('lookedAfterTimescales: in-care obligations end with the period of care, death or the 18th birthday', () => {
  // Looked after from Mon 15 Dec 2025 with one placement that has no end date of its own; terms as a council's
  // typical terms that have begun by Mon 1 Jun 2026.
  const open: LookedAfterRecord = {
    dateOfBirth: day('2015-06-01'),
    periodsOfCare: [{ startedOn: day('2025-12-15'), placements: [{ startedOn: day('2025-12-15') }] }],
    reviews: [day('2026-01-14'), day('2026-04-10')],
    visits: ['2025-12-19', '2026-01-20', '2026-03-02', '2026-04-10'].map(day),
    healthAssessments: [day('2026-01-08')],
    personalEducationPlans: [day('2026-01-07')],
    schoolTerms: typicalSchoolTerms(2025, 2026).filter((term) => term.startsOn.toString() <= '2026-06-01'),
  };
  const endedOn = (date: string): LookedAfterRecord => ({
    ...open,
    periodsOfCare: open.periodsOfCare.map((period) => ({ ...period, endedOn: day(date) })),
  });
  const ends: Array<[string, LookedAfterRecord]> = [
    ['the period of care ended on Thu 30 Apr 2026', endedOn('2026-04-30')],
    ['the child died on Fri 24 Apr 2026', { ...open, diedOn: day('2026-04-24') }],
    ['the child turned 18 on Fri 24 Apr 2026', { ...open, dateOfBirth: day('2008-04-24') }],
  ];
  // Whatever ended it, what was met stays met and what fell due after it is no longer owed.
  it.each(
    ends.flatMap(([why, record]) =>
      [
        // 14 Apr (14 Jan + 3 months) met on 10 Apr; the next, 10 Oct, falls after the end.
        [
          'looked-after-review',
          [
            ['2026-01-15', '2026-01-14', 'met'],
            ['2026-04-14', '2026-04-10', 'met'],
            ['2026-10-10', '-', 'not-applicable'],
          ],
        ],
        // The placement has no end of its own, so it ends with the care: 10 Apr + 6 weeks = 22 May lapses.
        [
          'looked-after-visit',
          [
            ['2025-12-22', '2025-12-19', 'met'],
            ['2026-01-30', '2026-01-20', 'met'],
            ['2026-03-03', '2026-03-02', 'met'],
            ['2026-04-13', '2026-04-10', 'met'],
            ['2026-05-22', '-', 'not-applicable'],
          ],
        ],
        ['health-assessment-review', [['2027-01-08', '-', 'not-applicable']]],
        // The summer term began on Wed 15 Apr, before the end; its review was due by its last day, 22 Jul.
        ['personal-education-plan-review', [['2026-07-22', '-', 'not-applicable']]],
      ].map(([kind, expected]) => [why, kind, record, expected] as const),
    ),
  )('%s: %s', (_why, kind, record, expected) => {
    const obligations = lookedAfterTimescales(record, day('2026-06-01'), calendar);
    expect(obligations.filter((o) => o.kind === kind).map(summary)).toEqual(expected);
  });

  it('stops at a 29 February child’s 18th birthday, Sun 1 Mar 2026; a visit the next day does not count', () => {
    const obligations = lookedAfterTimescales(
      { ...open, dateOfBirth: day('2008-02-29') },
      day('2026-06-01'),
      calendar,
    );
    expect(obligations.filter((o) => o.kind === 'looked-after-visit').map(summary)).toEqual([
      ['2025-12-22', '2025-12-19', 'met'],
      ['2026-01-30', '2026-01-20', 'met'],
      ['2026-03-03', '-', 'not-applicable'],
    ]);
  });
});

describe('lookedAfterTimescales: nothing about the child before birth, no PEP before the 3rd birthday', () => {
  // Born on Easter Sunday, 31 Mar 2024; a period of care and placement recorded from Fri 15 Mar 2024 start at
  // birth. + 20 wd from Sun 31 Mar, skipping Easter Monday 1 Apr: 2–5 Apr (4), 8–12 (9), 15–19 (14), 22–26 (19),
  // Mon 29 Apr (20). + 1 week = Sun 7 Apr. The PEP waits for the 3rd birthday, 31 Mar 2027.
  const newborn: LookedAfterRecord = {
    dateOfBirth: day('2024-03-31'),
    periodsOfCare: [{ startedOn: day('2024-03-15'), placements: [{ startedOn: day('2024-03-15') }] }],
    reviews: [],
    visits: [],
    healthAssessments: [],
    personalEducationPlans: [],
    schoolTerms: typicalSchoolTerms(2024, 2024),
  };
  it.each([
    ['looked-after-review', [['2024-04-29', '-', 'due']]],
    ['looked-after-visit', [['2024-04-07', '-', 'overdue']]],
    ['initial-health-assessment', [['2024-04-29', '-', 'due']]],
    ['personal-education-plan', []],
  ])('%s', (kind, expected) => {
    const obligations = lookedAfterTimescales(newborn, day('2024-04-20'), calendar).filter(
      (o) => o.kind === kind,
    );
    expect(obligations.map(summary)).toEqual(expected);
    for (const obligation of obligations) {
      expect(obligation.explanation.countedFrom.toString()).toBe('2024-03-31');
      expect(obligation.explanation.countedFromEvent).toBe('birth of the child');
    }
  });
});

describe('the PEP of a child in care who turns 3 later, worked out ahead to be stored', () => {
  // In care from birth (31 Mar 2024). The 3rd birthday is Wed 31 Mar 2027; + 10 wd (Easter 2027 is before it):
  // 1–2 Apr (2), 5–9 (7), 12–14 (10) → Wed 14 Apr 2027.
  const inCare: LookedAfterRecord = {
    dateOfBirth: day('2024-03-31'),
    periodsOfCare: [{ startedOn: day('2024-03-31'), placements: [{ startedOn: day('2024-03-31') }] }],
    reviews: [],
    visits: [],
    healthAssessments: [],
    personalEducationPlans: [],
    schoolTerms: typicalSchoolTerms(2026, 2026),
  };
  const peps = (record: LookedAfterRecord, ahead: boolean) =>
    lookedAfterTimescales(record, day('2026-11-20'), calendar, ahead).filter((o) =>
      o.kind.startsWith('personal-education-plan'),
    );

  it('owes nothing yet as at today, but ahead gives the initial PEP counted from the 3rd birthday', () => {
    expect(peps(inCare, false)).toEqual([]);
    const [initial, ...rest] = peps(inCare, true);
    expect(rest).toEqual([]);
    expect(summary(initial!)).toEqual(['2027-04-14', '-', 'due']);
    expect(initial!.explanation.countedFrom.toString()).toBe('2027-03-31');
    expect(initial!.explanation.countedFromEvent).toBe('third birthday');
  });

  it('gives nothing ahead for a child whose care ends before they turn 3', () => {
    const [period] = inCare.periodsOfCare;
    expect(peps({ ...inCare, periodsOfCare: [{ ...period!, endedOn: day('2027-01-08') }] }, true)).toEqual(
      [],
    );
  });
});

/** A child in one period of care with PEP meetings, as a PEP test row writes them. */
interface PepCase {
  born: string;
  startedOn: string;
  endedOn?: string;
  meetings: string[];
  today: string;
}

describe('lookedAfterTimescales: the PEP from the 3rd birthday to the 18th', () => {
  const terms = (today: string) =>
    typicalSchoolTerms(2021, 2026).filter((term) => term.startsOn.toString() <= today);
  it.each<[string, PepCase, string[][]]>([
    // Born Fri 30 Sep 2022, in care from 9 months: the PEP counts from Tue 30 Sep 2025 + 10 wd = Tue 14 Oct 2025;
    // the autumn term began before it, so the first termly review is in spring 2026 (5 Jan–31 Mar).
    [
      'in care from 9 months',
      { born: '2022-09-30', startedOn: '2023-06-30', meetings: ['2025-10-09'], today: '2026-01-20' },
      [
        ['2025-10-14', '2025-10-09', 'met'],
        ['2026-03-31', '-', 'due'],
      ],
    ],
    [
      'left care at 2 years 4 months',
      {
        born: '2022-09-30',
        startedOn: '2023-06-30',
        endedOn: '2025-01-31',
        meetings: [],
        today: '2026-01-20',
      },
      [],
    ],
    [
      'in care from birth, not yet 3',
      { born: '2024-03-31', startedOn: '2024-03-31', meetings: [], today: '2027-03-30' },
      [],
    ],
    // Born Sat 29 Feb 2020: 3 on Wed 1 Mar 2023 + 10 wd = 2–3 Mar (2), 6–10 (7), 13–15 (10) → Wed 15 Mar 2023.
    [
      'born on 29 February, in care from 10 months',
      {
        born: '2020-02-29',
        startedOn: '2021-01-04',
        meetings: ['2023-03-09', '2023-05-10'],
        today: '2023-09-10',
      },
      [
        ['2023-03-15', '2023-03-09', 'met'],
        ['2023-07-22', '2023-05-10', 'met'],
        ['2023-12-20', '-', 'due'],
      ],
    ],
    // In care from Mon 2 Sep 2024 + 10 wd = Mon 16 Sep; 18 on Sun 1 Mar 2026, so the spring 2026 review lapses.
    [
      'born on 29 February, 18 mid-term',
      {
        born: '2008-02-29',
        startedOn: '2024-09-02',
        meetings: ['2024-09-12', '2025-02-03', '2025-05-12', '2025-10-01'],
        today: '2026-04-20',
      },
      [
        ['2024-09-16', '2024-09-12', 'met'],
        ['2025-03-31', '2025-02-03', 'met'],
        ['2025-07-22', '2025-05-12', 'met'],
        ['2025-12-20', '2025-10-01', 'met'],
        ['2026-03-31', '-', 'not-applicable'],
      ],
    ],
  ])('%s', (_name, child, expected) => {
    const record: LookedAfterRecord = {
      dateOfBirth: day(child.born),
      periodsOfCare: [
        {
          startedOn: day(child.startedOn),
          ...(child.endedOn ? { endedOn: day(child.endedOn) } : {}),
          placements: [],
        },
      ],
      reviews: [],
      visits: [],
      healthAssessments: [],
      personalEducationPlans: child.meetings.map(day),
      schoolTerms: terms(child.today),
    };
    const peps = lookedAfterTimescales(record, day(child.today), calendar).filter((o) =>
      o.kind.startsWith('personal-education-plan'),
    );
    expect(peps.map(summary)).toEqual(expected);
  });
});
