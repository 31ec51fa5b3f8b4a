import { describe, expect, it } from 'vitest';
import type { Ssda903ChildFacts } from '../ssda903/export-facts.ts';
import { suitability } from './care-rows.ts';
import { buildSsd, ssdCsv, ssdFiles } from './export.ts';
import type { SsdChildFacts } from './facts.ts';
import { openIn, ssdRow, type SsdWindow } from './rows.ts';
import { SSD_TABLES, ssdTableNames } from './tables.ts';

const window: SsdWindow = { from: '2025-04-01', to: '2026-03-31' };

/** A period of care from 1 May 2025, on a full care order in one foster placement. */
const period = {
  start: '2025-05-01',
  end: null,
  reasonCeased: null,
  categoryOfNeed: 'N1',
  legalStatuses: [{ from: '2025-05-01', to: null, code: 'C2' }],
  placements: [
    {
      from: '2025-05-01',
      to: null,
      place: 'U4',
      provider: 'PR1',
      postcode: 'LE8 6AA',
      homePostcode: null,
      urn: 'SC123456',
      carer: 'FH1',
      changeReason: null,
    },
  ],
  previousPermanence: null,
};

const care: Ssda903ChildFacts = {
  localId: 'C1',
  sex: 'F',
  dateOfBirth: '2012-06-01',
  ethnicity: 'WBRI',
  upn: null,
  firstChildBornOn: null,
  uasc: false,
  uascCeasedOn: null,
  periods: [],
  reviews: [],
  missing: [],
  healthChecks: [],
  outcomes: [],
  careLeaver: null,
  socialWorkers: [],
  adoptionDecisions: [],
};

/** A girl referred on 1 March 2025 whose enquiry led to a CP plan, then care from 1 May 2025. */
function aChild(overrides: Partial<SsdChildFacts> = {}): SsdChildFacts {
  return {
    personId: 'C1',
    sex: 'F',
    gender: null,
    ethnicity: 'WBRI',
    dateOfBirth: '2012-06-01',
    expectedDateOfBirth: null,
    dateOfDeath: null,
    nhsNumber: null,
    upn: 'A123456789012',
    immigrationStatus: null,
    uasc: false,
    disabilities: ['AUT'],
    addresses: [],
    contacts: [{ id: 'k1', on: '2025-02-27', source: '1B', decision: 'referral' }],
    referrals: [
      {
        id: 'r1',
        date: '2025-03-01',
        source: '1B',
        primaryNeed: 'N1',
        noFurtherAction: false,
        closedOn: null,
        closureReason: null,
      },
    ],
    assessments: [
      {
        id: 'a1',
        referralId: 'r1',
        start: '2025-03-02',
        authorisedOn: '2025-04-10',
        outcome: 'cin',
        factors: ['3A', '2B'],
      },
    ],
    cinPlans: [],
    enquiries: [
      { id: 's1', referralId: 'r1', start: '2025-03-03', end: '2025-03-20', outcome: 'conference' },
    ],
    conferences: [
      {
        id: 'i1',
        enquiryId: 's1',
        referralId: 'r1',
        heldOn: '2025-03-25',
        outcome: 'child-protection-plan',
        planId: 'p1',
      },
    ],
    protectionPlans: [
      {
        id: 'p1',
        referralId: 'r1',
        conferenceId: 'i1',
        start: '2025-03-25',
        end: '2025-05-01',
        initialCategory: 'NEG',
        latestCategory: 'NEG',
        reviews: [],
      },
    ],
    visits: [
      { id: 'v1', on: '2025-04-15', seen: true, seenAlone: true, bedroomSeen: false },
      { id: 'v2', on: '2025-06-15', seen: true, seenAlone: null, bedroomSeen: null },
    ],
    carePeriods: [{ id: 'cp1', referralId: 'r1' }],
    legalStatuses: [{ id: 'l1', code: 'C2', from: '2025-05-01', to: null }],
    placements: [
      {
        id: 'pl1',
        periodId: 'cp1',
        from: '2025-05-01',
        to: null,
        place: 'U4',
        provider: 'PR1',
        urn: 'SC123456',
        postcode: 'LE8 6AA',
        distanceMiles: '4.2',
        changeReason: null,
      },
    ],
    careReviews: [{ id: 'cr1', periodId: 'cp1', heldOn: '2025-05-20', participation: 'PN1' }],
    missing: [],
    healthChecks: [],
    careLeaverStatuses: [],
    pathwayPlanReviewedOn: null,
    allocations: [],
    care: { ...care, periods: [period] },
    ...overrides,
  };
}

const organisation = { workers: [], teams: [] };

describe('the SSD rows made from a child’s facts', () => {
  it('fills a row’s fields it knows and leaves every other field of the table blank', () => {
    const row = ssdRow('ssd_person', { pers_person_id: 'C1' });
    expect(Object.keys(row)).toEqual([...SSD_TABLES.ssd_person]);
    expect(row.pers_forename).toBe('');
  });

  it.each([
    // [from, to, start, end, open in the window]
    ['2025-04-01', '2026-03-31', '2025-03-01', null, true],
    ['2025-04-01', '2026-03-31', '2025-03-01', '2025-03-31', false],
    ['2025-04-01', '2026-03-31', '2025-03-01', '2025-04-01', true],
    ['2025-04-01', '2026-03-31', '2026-04-01', null, false],
    [null, '2026-03-31', '2010-01-01', '2011-01-01', true],
  ] as const)('from %s to %s, a fact from %s to %s was open: %s', (from, to, start, end, open) => {
    expect(openIn({ from, to }, start, end)).toBe(open);
  });

  it('joins the child’s referral, assessment, enquiry, conference, plan and care by the SSD’s keys', () => {
    const tables = buildSsd([aChild()], organisation, { from: '2025-03-01', to: '2026-03-31' });
    expect(tables.ssd_person).toHaveLength(1);
    expect(tables.ssd_cin_assessments[0]).toMatchObject({
      cina_referral_id: 'r1',
      cina_assessment_outcome_nfa: 'N',
    });
    expect(tables.ssd_assessment_factors[0]!.cinf_assessment_factors_json).toBe('["2B","3A"]');
    expect(tables.ssd_initial_cp_conference[0]).toMatchObject({
      icpc_s47_enquiry_id: 's1',
      icpc_cp_plan_id: 'p1',
      icpc_icpc_outcome_cp_flag: 'Y',
    });
    expect(tables.ssd_cp_plans[0]).toMatchObject({ cppl_icpc_id: 'i1', cppl_cp_plan_end_date: '2025-05-01' });
    expect(tables.ssd_cla_episodes).toEqual([
      expect.objectContaining({
        clae_cla_episode_id: 'cp1-1',
        clae_cla_episode_start_reason: 'S',
        clae_cla_id: 'cp1',
        clae_referral_id: 'r1',
        clae_cla_placement_id: 'pl1',
        clae_cla_last_iro_contact_date: '2025-05-20',
      }),
    ]);
    expect(tables.ssd_disability[0]!.disa_disability_code).toBe('AUT');
    // The contact came before the window: it is not written, though the child is.
    expect(tables.ssd_contacts).toEqual([]);
  });

  it('puts a visit in the table of what the child was that day: on a plan, then looked after', () => {
    const tables = buildSsd([aChild()], organisation, window);
    expect(
      tables.ssd_cp_visits.map((row) => [
        row.cppv_cp_visit_id,
        row.cppv_cp_plan_id,
        row.cppv_cp_visit_bedroom,
      ]),
    ).toEqual([['v1', 'p1', 'N']]);
    expect(
      tables.ssd_cla_visits.map((row) => [
        row.clav_cla_visit_id,
        row.clav_cla_id,
        row.clav_cla_visit_seen_alone,
      ]),
    ).toEqual([['v2', 'cp1', '']]);
    expect(tables.ssd_cin_visits).toEqual([]);
  });

  it('writes no child who had nothing open in the window', () => {
    const before = aChild({
      contacts: [],
      referrals: [{ ...aChild().referrals[0]!, closedOn: '2025-03-30', closureReason: 'RC8' }],
      care: care,
    });
    expect(buildSsd([before], organisation, window).ssd_person).toEqual([]);
  });

  it.each([
    ['B1', 'Suitable'],
    ['K2', 'Unsuitable'],
    ['Z1', ''],
    [null, ''],
  ])('reads the suitability of accommodation %s as "%s"', (code, words) => {
    expect(suitability(code)).toBe(words);
  });

  it('writes every table, header only when empty, and escapes text a spreadsheet would run', () => {
    const files = ssdFiles(buildSsd([], organisation, window));
    expect(files.map((file) => file.table)).toEqual(ssdTableNames);
    expect(files.find((file) => file.table === 'ssd_family')!.text).toBe(
      'fami_table_id,fami_family_id,fami_person_id\r\n',
    );
    const text = ssdCsv('ssd_department', [
      ssdRow('ssd_department', { dept_team_id: 't1', dept_team_name: '=1+2' }),
    ]);
    expect(text.split('\r\n')[1]).toBe("t1,'=1+2,,");
  });
});
