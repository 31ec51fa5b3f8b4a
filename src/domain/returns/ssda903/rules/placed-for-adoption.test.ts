import { describe, expect, it } from 'vitest';
import { aChild, anEpisode, flagsOf, type TableRows } from '../test-builders.ts';

/** The decision of 1 August 2025 that the boy born 1 June 2020 should be placed for adoption. */
const aDecision = (overrides: Record<string, string> = {}): Record<string, string> => ({
  CHILD: '1',
  DOB: '01/06/2020',
  DATE_PLACED: '01/08/2025',
  DATE_PLACED_CEASED: '',
  REASON_PLACED_CEASED: '',
  ...overrides,
});
/** Looked after from 1 May 2025 (full care order), placement order from 1 September 2025. */
const inCare = [
  anEpisode({ DEC: '01/09/2025', REC: 'X1' }),
  anEpisode({ DECOM: '01/09/2025', RNE: 'L', LS: 'E1' }),
];
const placed = (decisions: Record<string, string>[], episodes = inCare, more: TableRows = {}): TableRows => ({
  Header: [aChild({ SEX: 'M', DOB: '01/06/2020', MOTHER: '' })],
  Episodes: episodes,
  PlacedAdoption: decisions,
  ...more,
});
const decided = (overrides: Record<string, string>) => placed([aDecision(overrides)]);
const reversal = { DATE_PLACED_CEASED: '01/12/2025', REASON_PLACED_CEASED: 'RD1' };
/** Placed with prospective adopters on 1 October 2025 and still there. */
const withAdopters = (end: Record<string, string> = {}) => [
  ...inCare.slice(0, 1),
  anEpisode({ DECOM: '01/09/2025', RNE: 'L', LS: 'E1', DEC: '01/10/2025', REC: 'X1' }),
  anEpisode({ DECOM: '01/10/2025', RNE: 'P', LS: 'E1', PLACE: 'A4', ...end }),
];

describe('SSDA903 placed for adoption rules (2025–26)', () => {
  it('one decision before the placement order breaks no rule', () => {
    const rules = [
      '115',
      '116',
      '120',
      '119',
      '117',
      '118',
      '184',
      '522',
      '563',
      '1003',
      '523',
      '525',
      '579',
      '583',
    ];
    for (const rule of [...rules, '551', '552', '553', '554', '557', '558']) {
      expect(flagsOf(rule, placed([aDecision()], withAdopters())), rule).toEqual([]);
    }
  });

  it.each<[string, string, TableRows, string[]]>([
    ['115', 'decided 32/08/2025', decided({ DATE_PLACED: '32/08/2025' }), ['PlacedAdoption:2']],
    [
      '116',
      'reversed 2025-12-01',
      decided({ ...reversal, DATE_PLACED_CEASED: '2025-12-01' }),
      ['PlacedAdoption:2'],
    ],
    ['120', 'reason RD9', decided({ ...reversal, REASON_PLACED_CEASED: 'RD9' }), ['PlacedAdoption:2']],
    [
      '119',
      'reversed without a reason',
      decided({ ...reversal, REASON_PLACED_CEASED: '' }),
      ['PlacedAdoption:2'],
    ],
    ['119', 'reversed with a reason', decided(reversal), []],
    ['117', 'decided 01/04/2026', decided({ DATE_PLACED: '01/04/2026' }), ['PlacedAdoption:2']],
    [
      '117',
      'decided the day after leaving care',
      placed([aDecision({ DATE_PLACED: '02/09/2025' })], [anEpisode({ DEC: '01/09/2025', REC: 'E13' })]),
      ['PlacedAdoption:2'],
    ],
    [
      '117',
      'decided the day of leaving care',
      placed([aDecision({ DATE_PLACED: '01/09/2025' })], [anEpisode({ DEC: '01/09/2025', REC: 'E13' })]),
      [],
    ],
    [
      '118',
      'reversed 31/03/2025',
      decided({ DATE_PLACED: '01/03/2025', DATE_PLACED_CEASED: '31/03/2025', REASON_PLACED_CEASED: 'RD1' }),
      ['PlacedAdoption:2'],
    ],
    [
      '118',
      'reversed the day before care began',
      placed([
        aDecision({
          DATE_PLACED: '01/04/2025',
          DATE_PLACED_CEASED: '30/04/2025',
          REASON_PLACED_CEASED: 'RD1',
        }),
      ]),
      ['PlacedAdoption:2'],
    ],
    [
      '118',
      'reversed the day care began',
      placed([
        aDecision({
          DATE_PLACED: '01/04/2025',
          DATE_PLACED_CEASED: '01/05/2025',
          REASON_PLACED_CEASED: 'RD1',
        }),
      ]),
      [],
    ],
    [
      '184',
      'decided the day before birth',
      decided({ DOB: '02/08/2025', DATE_PLACED: '01/08/2025' }),
      ['PlacedAdoption:2'],
    ],
    [
      '522',
      'reversed the day before the decision',
      decided({ DATE_PLACED_CEASED: '31/07/2025', REASON_PLACED_CEASED: 'RD1' }),
      ['PlacedAdoption:2'],
    ],
    [
      '522',
      'reversed the day of the decision',
      decided({ DATE_PLACED_CEASED: '01/08/2025', REASON_PLACED_CEASED: 'RD1' }),
      [],
    ],
    ['563', 'reversed, decision date blank', decided({ ...reversal, DATE_PLACED: '' }), ['PlacedAdoption:2']],
    [
      '1003',
      'decided the day before care began',
      decided({ DATE_PLACED: '30/04/2025' }),
      ['PlacedAdoption:2'],
    ],
    ['1003', 'decided the day care began', decided({ DATE_PLACED: '01/05/2025' }), []],
    [
      '523',
      'a different date in AD1',
      placed([aDecision()], inCare, { AD1: [{ CHILD: '1', DOB: '01/06/2020', DATE_INT: '02/08/2025' }] }),
      ['PlacedAdoption:2', 'AD1:2'],
    ],
    [
      '525',
      'reversed, yet adopted',
      placed([aDecision(reversal)], inCare, { AD1: [{ CHILD: '1', DOB: '01/06/2020', FOSTER_CARE: '0' }] }),
      ['PlacedAdoption:2', 'AD1:2'],
    ],
    [
      '579',
      'a second decision while the first is open',
      placed([aDecision(), aDecision({ DATE_PLACED: '01/12/2025' })]),
      ['PlacedAdoption:3'],
    ],
    [
      '579',
      'a second decision the day the first was reversed',
      placed([aDecision(reversal), aDecision({ DATE_PLACED: '01/12/2025' })]),
      [],
    ],
    [
      '583',
      'an earlier decision not reversed',
      placed([aDecision(), aDecision({ DATE_PLACED: '01/12/2025' })]),
      ['PlacedAdoption:2'],
    ],
    ['551', 'placed for adoption with no decision', placed([], withAdopters()), ['Episodes:4']],
    [
      '552',
      'decided the day after placement with adopters',
      placed([aDecision({ DATE_PLACED: '02/10/2025' })], withAdopters()),
      ['PlacedAdoption:2', 'Episodes:4'],
    ],
    ['553', 'placement order with no decision', placed([]), ['Episodes:3']],
    [
      '553',
      'placement order in force, decision reversed',
      placed([aDecision(reversal)]),
      ['PlacedAdoption:2'],
    ],
    [
      '554',
      'decided the day after the placement order',
      decided({ DATE_PLACED: '02/09/2025' }),
      ['Episodes:3', 'PlacedAdoption:2'],
    ],
    ['554', 'decided the day of the placement order', decided({ DATE_PLACED: '01/09/2025' }), []],
    [
      '557',
      'left care to parents, decision not reversed',
      placed([aDecision()], withAdopters({ DEC: '01/12/2025', REC: 'E13' })),
      ['Episodes:4', 'PlacedAdoption:2'],
    ],
    [
      '557',
      'left care to parents, decision reversed',
      placed([aDecision(reversal)], withAdopters({ DEC: '01/12/2025', REC: 'E13' })),
      [],
    ],
    [
      '558',
      'adopted, but the decision was reversed',
      placed([aDecision(reversal)], withAdopters({ DEC: '01/02/2026', REC: 'E12' })),
      ['Episodes:4'],
    ],
  ])('%s: %s', (rule, _situation, tables, expected) => {
    expect(flagsOf(rule, tables)).toEqual(expected);
  });

  describe("comparison with last year's return", () => {
    const last = (decision: Record<string, string> | null): TableRows => ({
      Header: [aChild({ SEX: 'M', DOB: '01/06/2020' })],
      Episodes: [anEpisode({ DECOM: '01/05/2024' })],
      PlacedAdoption: decision ? [decision] : [],
    });
    const thisYear = (decision: Record<string, string>) =>
      placed([decision], [anEpisode({ DECOM: '01/05/2024', LS: 'E1' })]);
    it.each<[string, string, TableRows, TableRows, string[]]>([
      [
        '559',
        'decided 01/03/2025, not in last year',
        thisYear(aDecision({ DATE_PLACED: '01/03/2025' })),
        last(null),
        ['PlacedAdoption:2'],
      ],
      [
        '559',
        'decided 01/03/2025, in last year',
        thisYear(aDecision({ DATE_PLACED: '01/03/2025' })),
        last(aDecision({ DATE_PLACED: '01/03/2025' })),
        [],
      ],
      [
        '560',
        'last year open 01/03/2025, this year 02/03/2025',
        thisYear(aDecision({ DATE_PLACED: '02/03/2025' })),
        last(aDecision({ DATE_PLACED: '01/03/2025' })),
        ['PlacedAdoption:2'],
      ],
      [
        '561',
        'the date of one reversed last year',
        thisYear(aDecision({ DATE_PLACED: '01/03/2025' })),
        last(
          aDecision({
            DATE_PLACED: '01/03/2025',
            DATE_PLACED_CEASED: '20/03/2025',
            REASON_PLACED_CEASED: 'RD1',
          }),
        ),
        ['PlacedAdoption:2'],
      ],
      [
        '584',
        'reversed last year, a new decision after it',
        thisYear(aDecision({ DATE_PLACED: '02/03/2025' })),
        last(
          aDecision({
            DATE_PLACED: '01/03/2025',
            DATE_PLACED_CEASED: '20/03/2025',
            REASON_PLACED_CEASED: 'RD1',
          }),
        ),
        [],
      ],
    ])('%s: %s', (rule, _situation, tables, previous, expected) => {
      expect(flagsOf(rule, tables, { previousTables: previous })).toEqual(expected);
    });
  });
});
