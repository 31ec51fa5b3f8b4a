import { describe, expect, it } from 'vitest';
import { buildCinCensus, type CinChildFacts } from '../../domain/returns/cin/export.ts';
import { cinCensusXml } from '../../domain/returns/cin/export-xml.ts';
import { aChildFacts, anEpisodeFacts } from '../../domain/returns/cin/test-builders.ts';
import { cinCensusSchemaErrors } from './test-data/cin-census-schema.ts';

const header = {
  year: 2025,
  la: '855',
  software: 'Hearth',
  release: '0.1.0',
  madeAt: new Date('2026-04-02T09:30:00Z'),
};

/** Children of every shape the census holds: unborn, no UPN, disabled, a plan with reviews, an enquiry, NFA. */
const children: CinChildFacts[] = [
  aChildFacts({
    disabilities: ['AUT', 'LD'],
    episodes: [
      anEpisodeFacts({
        assessments: [{ start: '2025-10-07', authorisedOn: '2025-11-14', factors: ['3A', '21'] }],
        cinPlans: [{ start: '2025-11-14', end: '2025-11-30' }],
        enquiries: [
          {
            start: '2025-12-01',
            end: '2025-12-19',
            strategyDiscussionOn: '2025-12-01',
            outcome: 'conference',
            conferenceOn: '2025-12-19',
          },
        ],
        protectionPlans: [
          {
            start: '2025-12-19',
            end: null,
            initialCategory: 'NEG',
            latestCategory: 'EMO',
            reviews: ['2026-03-16'],
          },
        ],
      }),
    ],
  }),
  aChildFacts({
    localId: 'C2',
    upn: null,
    dateOfBirth: null,
    expectedDateOfBirth: '2026-06-01',
    sex: null,
    ethnicity: 'NOBT',
    episodes: [
      anEpisodeFacts({
        referralDate: '2026-01-12',
        referralSource: '3B',
        primaryNeed: null,
        closedOn: '2026-01-12',
        closureReason: 'RC8',
        noFurtherAction: true,
        assessments: [],
      }),
    ],
  }),
];

describe('the CIN census as written against the 2025–26 schema (issue 18, part 2)', () => {
  it('is valid', async () => {
    const xml = cinCensusXml(header, buildCinCensus(children, 2025));
    expect(await cinCensusSchemaErrors(xml)).toEqual([]);
  });

  it('is refused when an element is out of its place, so the check can fail', async () => {
    const xml = cinCensusXml(header, buildCinCensus(children, 2025)).replace(
      /(<ReferralSource>1A<\/ReferralSource>)(\s*)(<CINreferralDate>2025-10-06<\/CINreferralDate>)|(<CINreferralDate>2025-10-06<\/CINreferralDate>)(\s*)(<ReferralSource>1A<\/ReferralSource>)/,
      '$6$5$4',
    );
    const errors = await cinCensusSchemaErrors(xml);
    expect(errors.join('\n')).toMatch(/ReferralSource/);
  });

  it('is refused when a date is not a date', async () => {
    const xml = cinCensusXml(header, buildCinCensus(children, 2025)).replace('2025-11-14', '2025-11-31');
    expect((await cinCensusSchemaErrors(xml)).join('\n')).toMatch(/xs:date/);
  });
});
