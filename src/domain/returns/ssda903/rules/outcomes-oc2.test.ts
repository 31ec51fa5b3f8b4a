import { describe, expect, it } from 'vitest';
import { aChild, anEpisode, flagsOf, type TableRows } from '../test-builders.ts';

/** The OC2 row of a child looked after for 12 months, aged 10 to 16, with every item given. */
const anOc2 = (overrides: Record<string, string> = {}): Record<string, string> => ({
  CHILD: '1',
  DOB: '01/06/2010',
  SDQ_SCORE: '12',
  SDQ_REASON: '',
  CONVICTED: '0',
  HEALTH_CHECK: '',
  IMMUNISATIONS: '1',
  TEETH_CHECK: '1',
  HEALTH_ASSESSMENT: '1',
  SUBSTANCE_MISUSE: '0',
  INTERVENTION_RECEIVED: '',
  INTERVENTION_OFFERED: '',
  ...overrides,
});
/** Looked after since 1 May 2024, so continuously for 12 months at 31 March 2026. */
const since2024 = [anEpisode({ DECOM: '01/05/2024' })];
const oc2 = (
  row: Record<string, string>,
  episodes = since2024,
  dob = row.DOB ?? '01/06/2010',
): TableRows => ({
  Header: [aChild({ DOB: dob })],
  Episodes: episodes,
  OC2: [row],
});
/** Started to be looked after 1 May 2025: not in the 12-month cohort. */
const newThisYear = [anEpisode()];
const bornOn = (dob: string, overrides: Record<string, string> = {}) =>
  oc2(anOc2({ DOB: dob, ...overrides }));

describe('SSDA903 OC2 rules (2025–26)', () => {
  it('a complete OC2 row of a child in the cohort breaks no rule', () => {
    const rules = [
      '180',
      '181',
      '182',
      '158',
      '159',
      '192',
      '193',
      '196',
      '197a',
      '197B',
      '185',
      '198',
      '186',
      '157',
    ];
    for (const rule of [...rules, '188', '189', '190', '191', '542', '543', '544', '545', '546', '547']) {
      expect(flagsOf(rule, oc2(anOc2())), rule).toEqual([]);
    }
  });

  it.each<[string, string, TableRows, string[]]>([
    ['180', 'SDQ score 41', oc2(anOc2({ SDQ_SCORE: '41' })), ['OC2:2']],
    ['180', 'SDQ score 40', oc2(anOc2({ SDQ_SCORE: '40' })), []],
    ['180', 'SDQ score 1.5', oc2(anOc2({ SDQ_SCORE: '1.5' })), ['OC2:2']],
    ['181', 'immunisations Y', oc2(anOc2({ IMMUNISATIONS: 'Y' })), ['OC2:2']],
    ['182', 'teeth check blank', oc2(anOc2({ TEETH_CHECK: '' })), ['OC2:2']],
    [
      '182',
      'every item blank',
      oc2(
        anOc2({
          CONVICTED: '',
          IMMUNISATIONS: '',
          TEETH_CHECK: '',
          HEALTH_ASSESSMENT: '',
          SUBSTANCE_MISUSE: '',
        }),
      ),
      [],
    ],
    [
      '158',
      'received and offered',
      oc2(anOc2({ SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '1', INTERVENTION_OFFERED: '1' })),
      ['OC2:2'],
    ],
    ['158', 'received, offered blank', oc2(anOc2({ SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '1' })), []],
    [
      '159',
      'not received, offered blank',
      oc2(anOc2({ SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '0' })),
      ['OC2:2'],
    ],
    [
      '159',
      'not received, offered 0',
      oc2(anOc2({ SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '0', INTERVENTION_OFFERED: '0' })),
      [],
    ],
    ['192', 'misuse, received blank', oc2(anOc2({ SUBSTANCE_MISUSE: '1' })), ['OC2:2']],
    ['193', 'no misuse, received given', oc2(anOc2({ INTERVENTION_RECEIVED: '0' })), ['OC2:2']],
    ['196', 'reason SDQ9', oc2(anOc2({ SDQ_SCORE: '', SDQ_REASON: 'SDQ9' })), ['OC2:2']],
    ['197a', 'score and reason', oc2(anOc2({ SDQ_REASON: 'SDQ1' })), ['OC2:2']],
    ['197B', 'turned 17 on 31/03/2026, no SDQ', bornOn('31/03/2009', { SDQ_SCORE: '' }), ['OC2:2']],
    ['197B', 'turned 17 on 31/03/2025, no SDQ', bornOn('31/03/2008', { SDQ_SCORE: '' }), []],
    ['185', 'SDQ score for a child new to care', oc2(anOc2(), newThisYear), ['OC2:2']],
    [
      '198',
      'SDQ reason for a child new to care',
      oc2(anOc2({ SDQ_SCORE: '', SDQ_REASON: 'SDQ1' }), newThisYear),
      ['OC2:2'],
    ],
    ['186', 'aged 10, no SDQ', oc2(anOc2({ SDQ_SCORE: '' })), ['OC2:2']],
    ['186', 'turned 4 on 02/04/2025, no SDQ', bornOn('02/04/2021', { SDQ_SCORE: '', CONVICTED: '' }), []],
    [
      '186',
      'turned 4 on 01/04/2025, no SDQ',
      bornOn('01/04/2021', { SDQ_SCORE: '', CONVICTED: '' }),
      ['OC2:2'],
    ],
    ['157', 'aged 10, SDQ1', oc2(anOc2({ SDQ_SCORE: '', SDQ_REASON: 'SDQ1' })), ['OC2:2']],
    ['157', 'aged 10, SDQ4', oc2(anOc2({ SDQ_SCORE: '', SDQ_REASON: 'SDQ4' })), []],
    [
      '157',
      'turned 4 on 01/04/2025, SDQ1',
      bornOn('01/04/2021', { SDQ_SCORE: '', SDQ_REASON: 'SDQ1' }),
      ['OC2:2'],
    ],
    ['157', 'turned 4 on 02/04/2025, SDQ1', bornOn('02/04/2021', { SDQ_SCORE: '', SDQ_REASON: 'SDQ1' }), []],
    [
      '157',
      'turns 17 on 01/04/2026, SDQ1',
      bornOn('01/04/2009', { SDQ_SCORE: '', SDQ_REASON: 'SDQ1' }),
      ['OC2:2'],
    ],
    ['157', 'turned 17 on 31/03/2026, SDQ1', bornOn('31/03/2009', { SDQ_SCORE: '', SDQ_REASON: 'SDQ1' }), []],
    ['157', 'new to care, SDQ1', oc2(anOc2({ SDQ_SCORE: '', SDQ_REASON: 'SDQ1' }), newThisYear), []],
    ['188', 'turns 4 on 01/04/2026, SDQ given', bornOn('01/04/2022', { CONVICTED: '' }), ['OC2:2']],
    ['188', 'turned 4 on 31/03/2026, SDQ given', bornOn('31/03/2022', { CONVICTED: '' }), []],
    ['189', 'turned 17 on 01/04/2025, SDQ given', bornOn('01/04/2008'), ['OC2:2']],
    ['189', 'turned 17 on 02/04/2025, SDQ given', bornOn('02/04/2008'), []],
    ['190', 'items given for a child new to care', oc2(anOc2({ SDQ_SCORE: '' }), newThisYear), ['OC2:2']],
    ['190', 'no items for a child new to care', oc2({ CHILD: '1', DOB: '01/06/2010' }, newThisYear), []],
    ['191', 'in the cohort, immunisations blank', oc2(anOc2({ IMMUNISATIONS: '' })), ['OC2:2']],
    [
      '191',
      'in the cohort, no OC2 row',
      { Header: [aChild()], Episodes: since2024, OC2: [] },
      ['Episodes:2'],
    ],
    ['542', 'turns 10 on 01/04/2026, conviction given', bornOn('01/04/2016'), ['OC2:2']],
    ['542', 'turned 10 on 31/03/2026, conviction given', bornOn('31/03/2016'), []],
    ['543', 'turned 10 on 31/03/2026, conviction blank', bornOn('31/03/2016', { CONVICTED: '' }), ['OC2:2']],
    ['543', 'turns 10 on 01/04/2026, conviction blank', bornOn('01/04/2016', { CONVICTED: '' }), []],
    ['544', 'conviction given, teeth check blank', oc2(anOc2({ TEETH_CHECK: '' })), ['OC2:2']],
    [
      '545',
      'turns 5 on 01/04/2026, health check blank',
      bornOn('01/04/2021', { SDQ_SCORE: '', CONVICTED: '' }),
      ['OC2:2'],
    ],
    [
      '545',
      'turns 5 on 01/04/2026, health check given',
      bornOn('01/04/2021', { SDQ_SCORE: '', CONVICTED: '', HEALTH_CHECK: '1' }),
      [],
    ],
    [
      '546',
      'turned 5 on 31/03/2026, health check given',
      bornOn('31/03/2021', { SDQ_SCORE: '', CONVICTED: '', HEALTH_CHECK: '1' }),
      ['OC2:2'],
    ],
    [
      '546',
      'turned 5 on 31/03/2026, health check given, looked after only since 01/05/2025',
      oc2(anOc2({ DOB: '31/03/2021', SDQ_SCORE: '', CONVICTED: '', HEALTH_CHECK: '1' }), newThisYear),
      [],
    ],
    [
      '190',
      'turned 5 on 31/03/2026, health check given, looked after only since 01/05/2025',
      oc2(anOc2({ DOB: '31/03/2021', SDQ_SCORE: '', CONVICTED: '', HEALTH_CHECK: '1' }), newThisYear),
      ['OC2:2'],
    ],
    [
      '546',
      'turned 5 on 31/03/2026, health check given, on short breaks since 2024',
      oc2(anOc2({ DOB: '31/03/2021', SDQ_SCORE: '', CONVICTED: '', HEALTH_CHECK: '1' }), [
        anEpisode({ DECOM: '01/05/2024', LS: 'V3' }),
      ]),
      [],
    ],
    [
      '547',
      'health check given, immunisations blank',
      bornOn('01/04/2021', { SDQ_SCORE: '', CONVICTED: '', HEALTH_CHECK: '1', IMMUNISATIONS: '' }),
      ['OC2:2'],
    ],
  ])('%s: %s', (rule, _situation, tables, expected) => {
    expect(flagsOf(rule, tables)).toEqual(expected);
  });

  it.each<[string, TableRows['Episodes'], boolean]>([
    ['since 01/05/2024, still looked after', since2024, true],
    ['started 01/04/2025 (RNE S on the first day)', [anEpisode({ DECOM: '01/04/2025' })], true],
    ['started 02/04/2025', [anEpisode({ DECOM: '02/04/2025' })], false],
    ['left care 30/03/2026', [anEpisode({ DECOM: '01/05/2024', DEC: '30/03/2026', REC: 'E13' })], false],
    ['left care 31/03/2026', [anEpisode({ DECOM: '01/05/2024', DEC: '31/03/2026', REC: 'E13' })], true],
    ['on short breaks', [anEpisode({ DECOM: '01/05/2024', LS: 'V3' })], false],
    [
      'moved (X1) on 01/09/2025',
      [
        anEpisode({ DECOM: '01/05/2024', DEC: '01/09/2025', REC: 'X1', REASON_PLACE_CHANGE: 'CARPL' }),
        anEpisode({ DECOM: '01/09/2025', RNE: 'P', PLACE: 'U6' }),
      ],
      true,
    ],
    [
      // The same periods of care as 504 reads: a REC that is no code ends one (see support.ts).
      'an episode ceased 01/09/2025 with REC E99 (no code), the next starting that day',
      [
        anEpisode({ DECOM: '01/05/2024', DEC: '01/09/2025', REC: 'E99', REASON_PLACE_CHANGE: 'CARPL' }),
        anEpisode({ DECOM: '01/09/2025', RNE: 'P', PLACE: 'U6' }),
      ],
      false,
    ],
  ])('the 12-month cohort: %s → %s', (_situation, episodes, inCohort) => {
    // Rule 190 flags 12-month items given for a child outside the cohort.
    expect(flagsOf('190', oc2(anOc2({ SDQ_SCORE: '' }), episodes))).toEqual(inCohort ? [] : ['OC2:2']);
  });
});
