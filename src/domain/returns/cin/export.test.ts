import { describe, expect, it } from 'vitest';
import type { CinChildFacts } from './export-facts.ts';
import { buildCinCensus } from './export.ts';
import { cinCensusXml } from './export-xml.ts';
import { readCin } from './read.ts';
import { aChildFacts as aChild, anEpisodeFacts as anEpisode, aUpn } from './test-builders.ts';
import { validateCin } from './validate.ts';

const only = (children: CinChildFacts[]) => {
  const census = buildCinCensus(children, 2025);
  expect(census).toHaveLength(1);
  return census[0]!;
};

describe('which children and episodes are in the 2025–26 census', () => {
  it.each([
    ['referred in the year, still open', { referralDate: '2025-10-06', closedOn: null }, true],
    ['open since before the year', { referralDate: '2024-11-01', closedOn: null }, true],
    ['closed on the first day of the year', { referralDate: '2024-11-01', closedOn: '2025-04-01' }, true],
    ['closed the day before the year began', { referralDate: '2024-11-01', closedOn: '2025-03-31' }, false],
    ['referred on 31 March 2026', { referralDate: '2026-03-31', closedOn: null }, true],
    ['referred after the year', { referralDate: '2026-04-01', closedOn: null }, false],
  ])('an episode %s: included %s', (_case, dates, included) => {
    const census = buildCinCensus([aChild({ episodes: [anEpisode({ ...dates, assessments: [] })] })], 2025);
    expect(census.length).toBe(included ? 1 : 0);
  });

  it('keeps only the episodes of the year, oldest first, and orders children by their id', () => {
    const census = buildCinCensus(
      [
        aChild({ localId: 'C2' }),
        aChild({
          localId: 'C10',
          episodes: [
            anEpisode({ referralDate: '2025-09-01', closedOn: '2025-09-20', closureReason: 'RC7' }),
            anEpisode({ referralDate: '2023-01-01', closedOn: '2023-05-01', closureReason: 'RC1' }),
            anEpisode({ referralDate: '2025-04-10', closedOn: '2025-05-01', closureReason: 'RC1' }),
          ],
        }),
      ],
      2025,
    );
    expect(census.map((child) => child.ChildIdentifiers.LAchildID)).toEqual(['C10', 'C2']);
    expect(census[0]!.CINdetails.map((details) => details.CINreferralDate)).toEqual([
      '2025-04-10',
      '2025-09-01',
    ]);
  });
});

describe('the child identifiers and characteristics', () => {
  it.each([
    ['a UPN recorded', {}, aUpn(), null],
    ['no UPN, aged 3', { upn: null, dateOfBirth: '2022-06-01' }, null, 'UN1'],
    ['no UPN, 6 on 31 March 2026', { upn: null, dateOfBirth: '2020-03-31' }, null, null],
    ['no UPN, unaccompanied', { upn: null, uasc: true }, null, 'UN2'],
    [
      'no UPN, every referral no further action',
      { upn: null, episodes: [anEpisode({ noFurtherAction: true, assessments: [] })] },
      null,
      'UN7',
    ],
    ['no UPN, school age, further action', { upn: null }, null, null],
  ])('%s: UPN %s, UPNunknown %s', (_case, fields, upn, unknown) => {
    const child = only([aChild(fields as Partial<CinChildFacts>)]);
    expect(child.ChildIdentifiers.UPN).toBe(upn);
    expect(child.ChildIdentifiers.UPNunknown).toBe(unknown);
  });

  it('gives an unborn child the expected date of birth and sex U (8750)', () => {
    const child = only([
      aChild({ upn: null, dateOfBirth: null, expectedDateOfBirth: '2026-05-20', sex: 'F' }),
    ]);
    expect(child.ChildIdentifiers).toMatchObject({
      PersonBirthDate: null,
      ExpectedPersonBirthDate: '2026-05-20',
      Sex: 'U',
      UPNunknown: 'UN1',
    });
  });

  it('gives a born child only the date of birth, even when the expected date was recorded (8525Q)', () => {
    const child = only([aChild({ expectedDateOfBirth: '2016-05-10' })]);
    expect(child.ChildIdentifiers.ExpectedPersonBirthDate).toBeNull();
  });

  it.each([
    [[], ['NONE']],
    [
      ['AUT', 'LD'],
      ['AUT', 'LD'],
    ],
    [['AUT', 'AUT'], ['AUT']],
  ])('disabilities %j are written %j', (recorded, written) => {
    expect(only([aChild({ disabilities: recorded })]).ChildCharacteristics.Disabilities.Disability).toEqual(
      written,
    );
  });

  it('gives a date of death only on or before 31 March', () => {
    expect(only([aChild({ dateOfDeath: '2026-01-02' })]).ChildIdentifiers.PersonDeathDate).toBe('2026-01-02');
    expect(only([aChild({ dateOfDeath: '2026-04-02' })]).ChildIdentifiers.PersonDeathDate).toBeNull();
  });
});

describe('an episode of need (CINdetails)', () => {
  it('writes a closure after 31 March as still open, without its reason', () => {
    const [details] = only([
      aChild({ episodes: [anEpisode({ closedOn: '2026-04-03', closureReason: 'RC1' })] }),
    ]).CINdetails;
    expect(details).toMatchObject({ CINclosureDate: null, ReasonForClosure: null, ReferralNFA: 'false' });
  });

  it('writes a referral with no further action as ReferralNFA true', () => {
    const [details] = only([
      aChild({
        episodes: [
          anEpisode({ noFurtherAction: true, closedOn: '2025-10-07', closureReason: 'RC8', assessments: [] }),
        ],
      }),
    ]).CINdetails;
    expect(details).toMatchObject({
      ReferralNFA: 'true',
      CINclosureDate: '2025-10-07',
      ReasonForClosure: 'RC8',
    });
  });

  it.each([
    ['authorised in the year', '2025-04-01', '2025-05-20', '2025-05-20', ['1C', '3A']],
    ['still open on 31 March', '2026-03-02', null, null, null],
    ['authorised after 31 March', '2026-03-02', '2026-04-10', null, null],
  ])('an assessment %s', (_case, start, authorisedOn, written, factors) => {
    const assessments = [{ start, authorisedOn, factors: ['3A', '1C', '3A'] }];
    const [details] = only([
      aChild({ episodes: [anEpisode({ referralDate: start, assessments })] }),
    ]).CINdetails;
    expect(details!.Assessments).toEqual([
      {
        AssessmentActualStartDate: start,
        AssessmentInternalReviewDate: null,
        AssessmentAuthorisationDate: written,
        FactorsIdentifiedAtAssessment: factors === null ? null : { AssessmentFactors: factors },
      },
    ]);
  });

  it('leaves out an assessment authorised before the year, and sorts factors as the DfE lists them', () => {
    const [details] = only([
      aChild({
        episodes: [
          anEpisode({
            referralDate: '2025-01-06',
            assessments: [
              { start: '2025-01-07', authorisedOn: '2025-02-20', factors: ['1C'] },
              { start: '2025-06-02', authorisedOn: '2025-07-01', factors: ['21', '10A', '2B', '1C'] },
            ],
          }),
        ],
      }),
    ]).CINdetails;
    expect(details!.Assessments.map((assessment) => assessment.FactorsIdentifiedAtAssessment)).toEqual([
      { AssessmentFactors: ['1C', '2B', '10A', '21'] },
    ]);
  });

  it('keeps CIN plans that touch the year, ending one after 31 March as open', () => {
    const cinPlans = [
      { start: '2024-06-01', end: '2025-02-01' },
      { start: '2025-03-01', end: '2025-06-30' },
      { start: '2025-12-01', end: '2026-05-01' },
    ];
    const [details] = only([
      aChild({ episodes: [anEpisode({ referralDate: '2024-05-01', cinPlans })] }),
    ]).CINdetails;
    expect(details!.CINPlanDates).toEqual([
      { CINPlanStartDate: '2025-03-01', CINPlanEndDate: '2025-06-30' },
      { CINPlanStartDate: '2025-12-01', CINPlanEndDate: null },
    ]);
  });
});

describe('section 47 enquiries and child protection plans', () => {
  const enquiry = {
    start: '2025-10-08',
    end: '2025-10-29',
    strategyDiscussionOn: '2025-10-08',
    outcome: 'conference',
    conferenceOn: '2025-10-29',
  };

  it.each([
    ['conference held', enquiry, { DateOfInitialCPC: '2025-10-29', ICPCnotRequired: 'false' }],
    [
      'ended without a conference',
      { ...enquiry, outcome: 'child-in-need', conferenceOn: null },
      { DateOfInitialCPC: null, ICPCnotRequired: 'true' },
    ],
    [
      'awaiting its conference on 31 March',
      { ...enquiry, start: '2026-03-20', strategyDiscussionOn: '2026-03-20', end: null, conferenceOn: null },
      { DateOfInitialCPC: null, ICPCnotRequired: 'false', InitialCPCtarget: '2026-04-14' },
    ],
  ])('an enquiry %s', (_case, facts, expected) => {
    const [details] = only([aChild({ episodes: [anEpisode({ enquiries: [facts] })] })]).CINdetails;
    expect(details!.Section47).toEqual([expect.objectContaining(expected)]);
  });

  it('sets the conference target 15 working days after the strategy discussion (Wednesday 8 October 2025 → 29 October)', () => {
    const [details] = only([aChild({ episodes: [anEpisode({ enquiries: [enquiry] })] })]).CINdetails;
    expect(details!.Section47[0]!.InitialCPCtarget).toBe('2025-10-29');
  });

  it('counts previous plans across episodes and keeps the reviews held in the year after the plan began', () => {
    const earlier = {
      start: '2023-02-01',
      end: '2023-11-01',
      initialCategory: 'NEG',
      latestCategory: 'NEG',
      reviews: ['2023-05-01'],
    };
    const current = {
      start: '2025-01-15',
      end: null,
      initialCategory: 'EMO',
      latestCategory: 'MUL',
      reviews: ['2025-04-10', '2025-03-20', '2025-10-09', '2025-10-09'],
    };
    const child = only([
      aChild({
        episodes: [
          anEpisode({
            referralDate: '2023-01-10',
            closedOn: '2023-11-20',
            closureReason: 'RC1',
            protectionPlans: [earlier],
          }),
          anEpisode({ referralDate: '2024-12-01', protectionPlans: [current] }),
        ],
      }),
    ]);
    expect(child.CINdetails).toHaveLength(1);
    expect(child.CINdetails[0]!.ChildProtectionPlans).toEqual([
      {
        CPPstartDate: '2025-01-15',
        CPPendDate: null,
        InitialCategoryOfAbuse: 'EMO',
        LatestCategoryOfAbuse: 'MUL',
        NumberOfPreviousCPP: '1',
        Reviews: { CPPreviewDate: ['2025-04-10', '2025-10-09'] },
      },
    ]);
  });
});

describe('the message as XML', () => {
  const header = {
    year: 2025,
    la: '855',
    software: 'Hearth',
    release: '0.1.0',
    madeAt: new Date('2026-04-02T09:30:00Z'),
  };

  it('reads back through Hearth’s own reader and passes its validation with no error', () => {
    const children = buildCinCensus(
      [
        aChild({
          episodes: [
            anEpisode({
              enquiries: [
                {
                  start: '2025-11-17',
                  end: '2025-12-05',
                  strategyDiscussionOn: '2025-11-17',
                  outcome: 'conference',
                  conferenceOn: '2025-12-05',
                },
              ],
              protectionPlans: [
                {
                  start: '2025-12-05',
                  end: null,
                  initialCategory: 'NEG',
                  latestCategory: 'NEG',
                  reviews: ['2026-03-02'],
                },
              ],
            }),
          ],
        }),
        aChild({ localId: 'C2', upn: null, dateOfBirth: '2023-01-01', disabilities: ['AUT'] }),
      ],
      2025,
    );
    const xml = cinCensusXml(header, children);
    const reading = readCin({ name: 'cin.xml', content: new TextEncoder().encode(xml) });
    expect(reading.problems).toEqual([]);
    expect(reading.return.children.map((child) => child.id)).toEqual(['C1', 'C2']);
    expect(reading.return.header).toMatchObject({ Year: '2026', ReferenceDate: '2026-03-31', LEA: '855' });
    const errors = validateCin(reading, { year: 2025 }).findings.filter(
      (finding) => finding.severity === 'error',
    );
    expect(errors).toEqual([]);
  });

  it('escapes text that would break the XML', () => {
    const xml = cinCensusXml(header, buildCinCensus([aChild({ localId: 'A<&>B' })], 2025));
    expect(xml).toContain('<LAchildID>A&lt;&amp;&gt;B</LAchildID>');
  });
});
