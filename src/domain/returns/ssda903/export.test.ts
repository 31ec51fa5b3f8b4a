import { describe, expect, it } from 'vitest';
import { buildSsda903, ssda903Csv, ssda903Files } from './export.ts';
import type { PeriodOfCareWithPermanence, Ssda903ChildFacts } from './export-facts.ts';
import { readSsda903 } from './read.ts';
import { validateSsda903 } from './validate.ts';

/** A period of care from `start` on a full care order in one foster placement, with the carers named. */
function aPeriod(
  start: string,
  end: string | null = null,
  overrides: Partial<PeriodOfCareWithPermanence> = {},
): PeriodOfCareWithPermanence {
  return {
    start,
    end,
    reasonCeased: end === null ? null : 'E4A',
    categoryOfNeed: 'N1',
    legalStatuses: [{ from: start, to: end, code: 'C2' }],
    placements: [
      {
        from: start,
        to: end,
        place: 'U4',
        provider: 'PR1',
        postcode: 'LE8 6AA',
        homePostcode: 'LE2 7AA',
        urn: 'SC123456',
        carer: 'FH1',
        changeReason: null,
      },
    ],
    previousPermanence: { code: 'Z1', council: null, date: null },
    ...overrides,
  };
}

/** A boy born 1 June 2012, with a UPN, looked after since 1 May 2023 and still. */
function aChild(overrides: Partial<Ssda903ChildFacts> = {}): Ssda903ChildFacts {
  return {
    localId: 'C1',
    sex: 'M',
    dateOfBirth: '2012-06-01',
    ethnicity: 'WBRI',
    upn: 'A123456789012',
    firstChildBornOn: null,
    uasc: false,
    uascCeasedOn: null,
    periods: [aPeriod('2023-05-01')],
    reviews: [],
    missing: [],
    healthChecks: [],
    outcomes: [],
    careLeaver: null,
    socialWorkers: [],
    adoptionDecisions: [],
    ...overrides,
  };
}

const worker = (from: string, to: string | null, workerId: string, more: object = {}) => ({
  from,
  to,
  workerId,
  registration: `SW${workerId}`,
  reason: null,
  previousWorkerLeft: false,
  ...more,
});

describe('who is in the SSDA903 return for 2025–26', () => {
  it.each([
    ['looked after all year', aChild(), true],
    ['care began on 31 March 2026', aChild({ periods: [aPeriod('2026-03-31')] }), true],
    ['care began on 1 April 2026', aChild({ periods: [aPeriod('2026-04-01')] }), false],
    ['care ended on 1 April 2025', aChild({ periods: [aPeriod('2020-01-01', '2025-04-01')] }), true],
    ['care ended on 31 March 2025', aChild({ periods: [aPeriod('2020-01-01', '2025-03-31')] }), false],
    ['never looked after', aChild({ periods: [] }), false],
  ])('%s: in the return %s', (_case, child, included) => {
    const tables = buildSsda903([child], 2025);
    expect(tables.Header.length).toBe(included ? 1 : 0);
    expect(tables.Episodes.length > 0).toBe(included);
  });
});

describe('the Header', () => {
  it.each([
    ['a boy', { sex: 'M' }, '', ''],
    ['a girl with no child', { sex: 'F' }, '0', ''],
    [
      'a girl whose child was born on 31 March 2026',
      { sex: 'F', firstChildBornOn: '2026-03-31' },
      '1',
      '31/03/2026',
    ],
    ['a girl whose child was born on 1 April 2026', { sex: 'F', firstChildBornOn: '2026-04-01' }, '0', ''],
  ] as const)('%s: MOTHER %s, MC_DOB "%s"', (_case, overrides, mother, born) => {
    const [header] = buildSsda903([aChild(overrides)], 2025).Header;
    expect([header!.MOTHER, header!.MC_DOB]).toEqual([mother, born]);
  });

  it.each([
    ['recorded', { upn: 'A123456789012' }, 'A123456789012'],
    ['none, 3 on 31 August 2025', { upn: null, dateOfBirth: '2022-01-01' }, 'UN1'],
    ['none, an unaccompanied child', { upn: null, uasc: true }, 'UN2'],
    ['none, school age: left for validation to ask', { upn: null }, ''],
  ])('UPN %s → "%s"', (_case, overrides, upn) => {
    expect(buildSsda903([aChild(overrides)], 2025).Header[0]!.UPN).toBe(upn);
  });
});

describe('UASC', () => {
  it.each([
    ['18 in the year, status ceasing then', { dateOfBirth: '2007-10-10' }, '10/10/2025'],
    [
      'status ceased before 18, as recorded',
      { dateOfBirth: '2008-10-10', uascCeasedOn: '2025-06-01' },
      '01/06/2025',
    ],
    ['still unaccompanied on 31 March', { dateOfBirth: '2010-10-10' }, ''],
    ['18 before the year', { dateOfBirth: '2007-03-01' }, null],
  ])('%s → DUC %s', (_case, overrides, duc) => {
    const rows = buildSsda903([aChild({ uasc: true, ...overrides })], 2025).UASC;
    expect(rows[0]?.DUC ?? null).toBe(duc);
  });
});

describe('reviews and missing in the year', () => {
  it('keeps reviews held in the year while looked after, and leaves a missing episode open at 31 March open', () => {
    const tables = buildSsda903(
      [
        aChild({
          reviews: [
            { heldOn: '2025-03-31', participation: 'PN1' },
            { heldOn: '2025-04-01', participation: 'PN1' },
            { heldOn: '2026-03-31', participation: 'PN6' },
            { heldOn: '2026-04-01', participation: 'PN1' },
          ],
          missing: [
            { kind: 'M', start: '2025-03-30', end: '2025-04-02' },
            { kind: 'A', start: '2026-03-30', end: '2026-04-02' },
            { kind: 'M', start: '2026-04-02', end: null },
          ],
        }),
      ],
      2025,
    );
    expect(tables.Reviews.map((review) => review.REVIEW)).toEqual(['01/04/2025', '31/03/2026']);
    expect(tables.Missing.map((missing) => [missing.MISSING, missing.MIS_START, missing.MIS_END])).toEqual([
      ['M', '30/03/2025', '02/04/2025'],
      ['A', '30/03/2026', ''],
    ]);
  });
});

describe('OC2: children looked after for 12 months at 31 March', () => {
  const outcomes = {
    yearEnding: '2026-03-31',
    sdqScore: 14,
    sdqReason: null,
    convicted: false,
    immunisationsUpToDate: true,
    substanceMisuse: true,
    interventionReceived: false,
    interventionOffered: true,
  };
  it.each([
    ['looked after since 1 April 2025', '2025-04-01', true],
    ['looked after since 2 April 2025', '2025-04-02', false],
  ])('%s: in the cohort %s', (_case, start, inCohort) => {
    const rows = buildSsda903([aChild({ periods: [aPeriod(start)], outcomes: [outcomes] })], 2025).OC2;
    expect(rows.length).toBe(inCohort ? 1 : 0);
  });

  it.each([
    ['13 on 31 March', '2012-06-01', { SDQ_SCORE: '14', CONVICTED: '0', HEALTH_CHECK: '' }],
    ['9 on 31 March', '2016-06-01', { SDQ_SCORE: '14', CONVICTED: '', HEALTH_CHECK: '' }],
    ['3 on 31 March', '2022-06-01', { SDQ_SCORE: '', CONVICTED: '', HEALTH_CHECK: '1' }],
    ['17 on 1 April 2025', '2008-01-01', { SDQ_SCORE: '', CONVICTED: '0', HEALTH_CHECK: '' }],
  ])('a child %s', (_case, dateOfBirth, expected) => {
    const [row] = buildSsda903(
      [
        aChild({
          dateOfBirth,
          periods: [aPeriod('2020-01-01')],
          outcomes: [outcomes],
          healthChecks: [{ kind: 'review', on: '2025-09-01' }],
        }),
      ],
      2025,
    ).OC2;
    expect(row).toMatchObject({ ...expected, HEALTH_ASSESSMENT: '1', TEETH_CHECK: '0', IMMUNISATIONS: '1' });
    expect([row!.SUBSTANCE_MISUSE, row!.INTERVENTION_RECEIVED, row!.INTERVENTION_OFFERED]).toEqual([
      '1',
      '0',
      '1',
    ]);
  });

  it('leaves what was not recorded blank, for validation to ask for it', () => {
    const [row] = buildSsda903([aChild({ periods: [aPeriod('2020-01-01')] })], 2025).OC2;
    expect([row!.IMMUNISATIONS, row!.SUBSTANCE_MISUSE, row!.SDQ_SCORE, row!.SDQ_REASON]).toEqual([
      '',
      '',
      '',
      '',
    ]);
  });
});

describe('OC3: care leavers around their 17th to 21st birthdays', () => {
  const leaver = (contacts: Ssda903ChildFacts['careLeaver'] = { since: '2024-05-01', contacts: [] }) =>
    aChild({
      dateOfBirth: '2006-06-01',
      periods: [aPeriod('2020-01-01', '2024-05-01')],
      careLeaver: contacts,
    });
  it.each([
    [
      'a contact nearest the 19th birthday',
      [
        { on: '2025-03-01', inTouch: 'YES', accommodation: 'S1', activity: 'F2' },
        { on: '2025-05-20', inTouch: 'YES', accommodation: 'B1', activity: 'F5' },
        { on: '2025-06-20', inTouch: 'YES', accommodation: 'D1', activity: 'G5' },
      ],
      ['YES', 'F5', 'B1'],
    ],
    [
      'none around the birthday',
      [{ on: '2024-12-01', inTouch: 'YES', accommodation: 'S1', activity: 'F2' }],
      ['NO', '0', '0'],
    ],
    [
      'refused contact',
      [{ on: '2025-06-01', inTouch: 'REFU', accommodation: 'B1', activity: 'F5' }],
      ['REFU', 'F5', 'B1'],
    ],
  ])('%s', (_case, contacts, expected) => {
    const tables = buildSsda903([leaver({ since: '2024-05-01', contacts })], 2025);
    expect(tables.OC3.map((row) => [row.IN_TOUCH, row.ACTIV, row.ACCOM])).toEqual([expected]);
    expect(tables.Episodes).toEqual([]);
    expect(tables.Header[0]!.MOTHER).toBe('');
  });

  it.each([
    [
      'still looked after',
      aChild({ dateOfBirth: '2008-06-01', careLeaver: { since: '2024-05-01', contacts: [] } }),
    ],
    [
      'adopted',
      aChild({
        periods: [aPeriod('2010-01-01', '2012-01-01', { reasonCeased: 'E11' })],
        careLeaver: { since: '2012-01-01', contacts: [] },
      }),
    ],
    [
      '22 in the year',
      aChild({
        dateOfBirth: '2003-06-01',
        periods: [aPeriod('2020-01-01', '2021-05-01')],
        careLeaver: { since: '2021-05-01', contacts: [] },
      }),
    ],
  ])('none when %s', (_case, child) => {
    expect(buildSsda903([child], 2025).OC3).toEqual([]);
  });
});

describe('PrevPerm', () => {
  it('is returned for a period of care begun in the year, as recorded then, and not for one begun before', () => {
    const permanence = { code: 'P2', council: '855', date: 'zz/06/2019' };
    const tables = buildSsda903(
      [
        aChild({ periods: [aPeriod('2025-06-01', null, { previousPermanence: permanence })] }),
        aChild({ localId: 'C2', periods: [aPeriod('2024-06-01', null, { previousPermanence: permanence })] }),
      ],
      2025,
    );
    expect(tables.PrevPerm).toEqual([
      { CHILD: 'C1', DOB: '01/06/2012', PREV_PERM: 'P2', LA_PERM: '855', DATE_PERM: 'ZZ/06/2019' },
    ]);
  });
});

describe('social worker episodes from 1 April 2024', () => {
  it.each([
    [
      'one worker, then the same worker again the next day: one episode; a new one after 7 days is a new involvement',
      [
        worker('2023-01-01', '2024-06-01', '1'),
        worker('2024-06-01', '2024-09-01', '1'),
        worker('2024-09-20', null, '2'),
      ],
      [
        ['SW1', '01/01/2023', '01/09/2024', 'FCONTA'],
        ['SW2', '20/09/2024', '', 'FCONTA'],
      ],
    ],
    [
      'the worker before left: LEFTRL; a recorded reason stands',
      [
        worker('2024-01-01', '2024-06-01', '1'),
        worker('2024-06-01', '2025-06-01', '2', { previousWorkerLeft: true }),
        worker('2025-06-01', null, '3', { reason: 'ORGRST' }),
      ],
      [
        ['SW1', '01/01/2024', '01/06/2024', 'FCONTA'],
        ['SW2', '01/06/2024', '01/06/2025', 'LEFTRL'],
        ['SW3', '01/06/2025', '', 'ORGRST'],
      ],
    ],
    [
      'an episode that ended before 1 April 2024 is not returned; one from after 31 March 2026 neither',
      [
        worker('2022-01-01', '2024-03-31', '1'),
        worker('2024-03-31', '2026-04-01', '2'),
        worker('2026-04-01', null, '3'),
      ],
      [['SW2', '31/03/2024', '', 'OTHERS']],
    ],
  ])('%s', (_case, socialWorkers, expected) => {
    const rows = buildSsda903([aChild({ periods: [aPeriod('2020-01-01')], socialWorkers })], 2025).SWEpisodes;
    expect(rows.map((row) => [row.SW_ID, row.SW_DECOM, row.SW_DEC, row.SW_REASON])).toEqual(expected);
  });

  it('returns the episode running when care ended open, and none begun after it (SW17)', () => {
    const rows = buildSsda903(
      [
        aChild({
          periods: [aPeriod('2020-01-01', '2025-09-01')],
          socialWorkers: [worker('2020-01-01', '2025-10-01', '1'), worker('2025-10-01', null, '2')],
        }),
      ],
      2025,
    ).SWEpisodes;
    expect(rows.map((row) => [row.SW_ID, row.SW_DEC])).toEqual([['SW1', '']]);
  });
});

describe('the files', () => {
  it('writes each table with the specification’s columns, quoting what needs it, in files that name no child', () => {
    expect(ssda903Csv('UASC', [{ CHILD: 'A,1', SEX: 'F', DOB: '01/01/2008', DUC: '' }])).toBe(
      'CHILD,SEX,DOB,DUC\r\n"A,1",F,01/01/2008,\r\n',
    );
    const files = ssda903Files(buildSsda903([aChild()], 2025));
    expect(files.map((file) => file.name)).toHaveLength(11);
    expect(files.every((file) => !file.name.includes('C1'))).toBe(true);
  });

  it('passes Hearth’s own validation for a well-recorded child', () => {
    const child = aChild({
      periods: [aPeriod('2025-05-01')],
      reviews: [{ heldOn: '2025-05-20', participation: 'PN1' }],
      socialWorkers: [worker('2025-05-01', null, '123456')],
    });
    const encoder = new TextEncoder();
    const files = ssda903Files(buildSsda903([child], 2025)).map((file) => ({
      name: file.name,
      content: encoder.encode(file.text),
    }));
    const validation = validateSsda903(readSsda903(files), { year: 2025 });
    expect(validation.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });
});
