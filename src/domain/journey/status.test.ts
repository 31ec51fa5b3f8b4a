import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  describe as inWords,
  journeyStatus,
  type CareLeaverStatus,
  type JourneyRecord,
  type JourneyStage,
} from './status.ts';

const day = (text: string) => Temporal.PlainDate.from(text);
const maybe = (text: string | null = null) => (text ? day(text) : null);

type Episode = JourneyRecord['episodes'][number];
type PeriodOfCare = JourneyRecord['periodsOfCare'][number];

/** A child born on 10 May 2007, so 18 on 10 May 2025, with nothing recorded yet. */
const nothing: JourneyRecord = {
  dateOfBirth: day('2007-05-10'),
  contacts: [],
  episodes: [],
  section47Enquiries: [],
  childProtectionPlans: [],
  childInNeedPlans: [],
  periodsOfCare: [],
  careLeaverStatuses: [],
};

const episode = (
  referralDate: string,
  more: Partial<Omit<Episode, 'assessments'>> & {
    assessments?: [start: string, authorisedOn?: string][];
  } = {},
): Episode => ({
  id: 'e1',
  contactId: null,
  noFurtherAction: false,
  closedOn: null,
  closureReason: null,
  ...more,
  referralDate: day(referralDate),
  assessments: (more.assessments ?? []).map(([start, authorised]) => ({
    startDate: day(start),
    authorisedOn: maybe(authorised),
    outcome: authorised ? 'child-in-need-plan' : null,
  })),
});

const care = (
  start: string,
  end: string | null,
  legal: [code: string, from: string, to?: string][],
  placements: [place: string, start: string, end?: string][],
  reasonCeased: string | null = null,
): PeriodOfCare => ({
  episodeId: 'e1',
  startDate: day(start),
  endDate: maybe(end),
  reasonCeased,
  legalStatuses: legal.map(([code, from, to]) => ({ code, fromDate: day(from), toDate: maybe(to) })),
  placements: placements.map(([place, from, to]) => ({ place, startDate: day(from), endDate: maybe(to) })),
});

const plan = (start: string, end: string | null = null, category = 'NEG') => ({
  episodeId: 'e1',
  startDate: day(start),
  endDate: maybe(end),
  initialCategory: category,
  latestCategory: category,
});

const leaver = (status: CareLeaverStatus, from: string, to: string | null = null) => ({
  status,
  fromDate: day(from),
  toDate: maybe(to),
});

const referred = episode('2025-01-06');
const inCare = care('2025-02-03', null, [['C1', '2025-02-03']], [['U3', '2025-02-03']]);
const leftAt18 = care(
  '2024-01-08',
  '2025-05-10',
  [['C2', '2024-01-08', '2025-05-10']],
  [['K2', '2024-01-08']],
);

const cinPlan = (start: string) => ({ episodeId: 'e1', startDate: day(start), endDate: null });
/** Interim care order from 3 February 2025, a full care order from Monday 16 June 2025, in the same period. */
const changedMidPeriod: Partial<JourneyRecord> = {
  episodes: [referred],
  periodsOfCare: [
    care(
      '2025-02-03',
      null,
      [
        ['C1', '2025-02-03', '2025-06-16'],
        ['C2', '2025-06-16'],
      ],
      [['U6', '2025-02-03']],
    ),
  ],
};
/** In care from 8 January 2024 to her 18th birthday, Saturday 10 May 2025, then a former relevant care leaver. */
const leavesCareAt18: Partial<JourneyRecord> = {
  episodes: [episode('2023-12-04')],
  periodsOfCare: [leftAt18],
  careLeaverStatuses: [leaver('former-relevant', '2025-05-10')],
};

describe('journeyStatus', () => {
  it.each<[string, Partial<JourneyRecord>, string, JourneyStage, string]>([
    ['nothing ever recorded', {}, '2025-06-01', 'closed', 'No open episode'],
    [
      'a contact received today, decision due tomorrow',
      {
        contacts: [
          { id: 'k1', receivedOn: day('2025-06-01'), decision: 'referral', decidedOn: day('2025-06-02') },
        ],
      },
      '2025-06-01',
      'contact',
      'Contact received on 1 June 2025',
    ],
    [
      'a contact decided as a referral, the referral not yet recorded',
      {
        contacts: [
          { id: 'k1', receivedOn: day('2025-06-01'), decision: 'referral', decidedOn: day('2025-06-01') },
        ],
      },
      '2025-06-02',
      'contact',
      'Contact received on 1 June 2025',
    ],
    [
      'a contact decided as information and advice',
      {
        contacts: [
          {
            id: 'k1',
            receivedOn: day('2025-06-01'),
            decision: 'information-and-advice',
            decidedOn: day('2025-06-01'),
          },
        ],
      },
      '2025-06-02',
      'closed',
      'No open episode',
    ],
    ['an open referral', { episodes: [referred] }, '2025-01-07', 'referral', 'Referral since 6 January 2025'],
    [
      'an assessment under way',
      { episodes: [episode('2025-01-06', { assessments: [['2025-01-08']] })] },
      '2025-01-20',
      'assessment',
      'Assessment since 8 January 2025',
    ],
    [
      'an assessment authorised tomorrow is still under way today',
      { episodes: [episode('2025-01-06', { assessments: [['2025-01-08', '2025-02-04']] })] },
      '2025-02-03',
      'assessment',
      'Assessment since 8 January 2025',
    ],
    [
      'an assessment authorised, no plan yet',
      { episodes: [episode('2025-01-06', { assessments: [['2025-01-08', '2025-02-04']] })] },
      '2025-02-04',
      'child-in-need',
      'Child in need since 4 February 2025',
    ],
    [
      'a section 47 enquiry during an assessment',
      {
        episodes: [episode('2025-01-06', { assessments: [['2025-01-08']] })],
        section47Enquiries: [{ episodeId: 'e1', startedOn: day('2025-01-10'), endedOn: null }],
      },
      '2025-01-20',
      'assessment',
      'Section 47 enquiry since 10 January 2025',
    ],
    [
      'a child in need plan outranks an assessment',
      {
        episodes: [episode('2025-01-06', { assessments: [['2025-03-01']] })],
        childInNeedPlans: [cinPlan('2025-02-10')],
      },
      '2025-03-03',
      'child-in-need',
      'Child in need plan since 10 February 2025',
    ],
    [
      'a child protection plan outranks a child in need plan',
      {
        episodes: [referred],
        childInNeedPlans: [cinPlan('2025-02-10')],
        childProtectionPlans: [plan('2025-03-03')],
      },
      '2025-03-03',
      'child-protection-plan',
      'Child protection plan since 3 March 2025 (neglect)',
    ],
    [
      'a child protection plan ending today',
      { episodes: [referred], childProtectionPlans: [plan('2025-03-03', '2025-09-01')] },
      '2025-09-01',
      'referral',
      'Referral since 6 January 2025',
    ],
    [
      'a child protection plan ending tomorrow',
      { episodes: [referred], childProtectionPlans: [plan('2025-03-03', '2025-09-02', 'MUL')] },
      '2025-09-01',
      'child-protection-plan',
      'Child protection plan since 3 March 2025 (multiple categories)',
    ],
    [
      'looked after while on a child protection plan',
      { episodes: [referred], childProtectionPlans: [plan('2025-01-20')], periodsOfCare: [inCare] },
      '2025-03-01',
      'looked-after',
      'Looked after since 3 February 2025: interim care order; foster placement with relative(s) or friend(s) since 3 February 2025',
    ],
    [
      'legal status changed mid-period: the day before the change',
      changedMidPeriod,
      '2025-06-15',
      'looked-after',
      'Looked after since 3 February 2025: interim care order; foster placement with other foster carer(s) since 3 February 2025',
    ],
    [
      'legal status changed mid-period: the day of the change',
      changedMidPeriod,
      '2025-06-16',
      'looked-after',
      'Looked after since 3 February 2025: full care order; foster placement with other foster carer(s) since 3 February 2025',
    ],
    [
      'care ending on the 18th birthday: the day before',
      leavesCareAt18,
      '2025-05-09',
      'looked-after',
      "Looked after since 8 January 2024: full care order; children's home subject to the Children's Homes Regulations since 8 January 2024",
    ],
    [
      'care ending on the 18th birthday: the birthday, episode still open',
      leavesCareAt18,
      '2025-05-10',
      'care-leaver',
      'Care leaver: former relevant',
    ],
    [
      'a care leaver whose episode of need is closed',
      {
        episodes: [episode('2023-12-04', { closedOn: day('2025-05-10'), closureReason: 'RC7' })],
        periodsOfCare: [leftAt18],
        careLeaverStatuses: [leaver('former-relevant', '2025-05-10')],
      },
      '2026-01-05',
      'care-leaver',
      'Care leaver: former relevant',
    ],
    [
      'a relevant child referred again',
      { episodes: [episode('2025-08-04')], careLeaverStatuses: [leaver('relevant', '2025-03-03')] },
      '2025-08-05',
      'care-leaver',
      'Care leaver: relevant',
    ],
    [
      'leaving-care support ended',
      { careLeaverStatuses: [leaver('former-relevant', '2025-05-10', '2028-05-10')] },
      '2028-05-10',
      'closed',
      'Closed since 10 May 2028',
    ],
    [
      'an episode closed today',
      { episodes: [episode('2025-01-06', { closedOn: day('2025-04-01'), closureReason: 'RC7' })] },
      '2025-04-01',
      'closed',
      'Closed since 1 April 2025',
    ],
    [
      'a child who died while looked after',
      {
        episodes: [episode('2025-01-06', { closedOn: day('2025-04-01'), closureReason: 'RC2' })],
        periodsOfCare: [care('2025-02-03', '2025-04-01', [['V2', '2025-02-03', '2025-04-01']], [], 'E2')],
        childProtectionPlans: [plan('2025-01-20')],
      },
      '2025-04-02',
      'closed',
      'Closed: the child died on 1 April 2025',
    ],
  ])('%s (today %s)', (_situation, facts, today, stage, words) => {
    const status = journeyStatus({ ...nothing, ...facts }, day(today));
    expect(status.stage).toBe(stage);
    expect(inWords(status)).toBe(words);
  });

  it('gives the details of a looked after child: legal status and placement with their dates', () => {
    const status = journeyStatus(
      { ...nothing, episodes: [referred], periodsOfCare: [inCare] },
      day('2025-03-01'),
    );
    expect(status).toEqual({
      stage: 'looked-after',
      since: day('2025-02-03'),
      details: {
        legalStatus: { code: 'C1', words: 'Interim care order', since: day('2025-02-03') },
        placement: {
          code: 'U3',
          words: 'Foster placement with relative(s) or friend(s)',
          start: day('2025-02-03'),
        },
      },
    });
  });
});
