import { describe, expect, it } from 'vitest';
import { aChild, anEpisode, flagsOf, type TableRows } from '../test-builders.ts';

/** The adoption of a boy born 1 June 2020 by his foster carers, a married different-sex couple. */
const anAd1 = (overrides: Record<string, string> = {}): Record<string, string> => ({
  CHILD: '1',
  DOB: '01/06/2020',
  DATE_INT: '01/09/2024',
  DATE_MATCH: '01/02/2025',
  FOSTER_CARE: '1',
  NB_ADOPTR: '2',
  SEX_ADOPTR: 'MF',
  LS_ADOPTR: 'L11',
  ...overrides,
});
/** In care from 1 May 2024 with foster carers, placed with them for adoption 1 March 2025, adopted 1 December 2025. */
const adoptedEpisodes = (placement: Record<string, string> = {}) => [
  anEpisode({ DECOM: '01/05/2024', PLACE: 'U1', DEC: '01/03/2025', REC: 'X1' }),
  anEpisode({
    DECOM: '01/03/2025',
    RNE: 'P',
    LS: 'E1',
    PLACE: 'A5',
    DEC: '01/12/2025',
    REC: 'E12',
    ...placement,
  }),
];
const adoption = (ad1: Record<string, string> | null, episodes = adoptedEpisodes()): TableRows => ({
  Header: [aChild({ SEX: 'M', DOB: '01/06/2020', MOTHER: '' })],
  Episodes: episodes,
  AD1: ad1 ? [ad1] : [],
});
const adopters = (overrides: Record<string, string>) => adoption(anAd1(overrides));

describe('SSDA903 AD1 rules (2025–26)', () => {
  it('a complete adoption breaks no rule', () => {
    const rules = [
      '112',
      '113',
      '114',
      '175',
      '176',
      '177',
      '151',
      '511',
      '514',
      '517',
      '518',
      '519',
      '520',
      '524',
    ];
    for (const rule of [...rules, '333', '331', '334', '335', '336', '390', '521', '601', '602', '582']) {
      expect(flagsOf(rule, adoption(anAd1())), rule).toEqual([]);
    }
  });

  it.each<[string, string, TableRows, string[]]>([
    ['112', 'should be placed 31/09/2024', adopters({ DATE_INT: '31/09/2024' }), ['AD1:2']],
    ['113', 'matched 2025-02-01', adopters({ DATE_MATCH: '2025-02-01' }), ['AD1:2']],
    ['114', 'foster care 2', adopters({ FOSTER_CARE: '2' }), ['AD1:2']],
    ['175', 'three adopters', adopters({ NB_ADOPTR: '3' }), ['AD1:2']],
    ['176', 'sexes FM', adopters({ SEX_ADOPTR: 'FM' }), ['AD1:2']],
    ['177', 'legal status L1', adopters({ LS_ADOPTR: 'L1' }), ['AD1:2']],
    ['151', 'number of adopters blank', adopters({ NB_ADOPTR: '' }), ['AD1:2']],
    ['511', 'two adopters, sex F1', adopters({ SEX_ADOPTR: 'F1', LS_ADOPTR: 'L2' }), ['AD1:2']],
    ['514', 'single adopter, sexes MF', adopters({ NB_ADOPTR: '1', LS_ADOPTR: 'L0' }), ['AD1:2']],
    ['514', 'single adopter, F1', adopters({ NB_ADOPTR: '1', SEX_ADOPTR: 'F1', LS_ADOPTR: 'L0' }), []],
    ['517', 'unmarried different-sex couple, FF', adopters({ SEX_ADOPTR: 'FF', LS_ADOPTR: 'L3' }), ['AD1:2']],
    ['518', 'unmarried same-sex couple, MF', adopters({ LS_ADOPTR: 'L4' }), ['AD1:2']],
    ['518', 'unmarried same-sex couple, FF', adopters({ SEX_ADOPTR: 'FF', LS_ADOPTR: 'L4' }), []],
    ['519', 'civil partners, F1', adopters({ SEX_ADOPTR: 'F1', LS_ADOPTR: 'L2' }), ['AD1:2']],
    ['520', 'married different-sex couple, MM', adopters({ SEX_ADOPTR: 'MM' }), ['AD1:2']],
    ['524', 'married same-sex couple, MF', adopters({ LS_ADOPTR: 'L12' }), ['AD1:2']],
    ['524', 'married same-sex couple, MM', adopters({ SEX_ADOPTR: 'MM', LS_ADOPTR: 'L12' }), []],
    ['333', 'matched the day before the decision', adopters({ DATE_MATCH: '31/08/2024' }), ['AD1:2']],
    ['333', 'matched the day of the decision', adopters({ DATE_MATCH: '01/09/2024' }), []],
    ['333', 'matched, no decision date', adopters({ DATE_INT: '' }), ['AD1:2']],
    [
      '331',
      'matched the day after placement',
      adopters({ DATE_MATCH: '02/03/2025' }),
      ['AD1:2', 'Episodes:3'],
    ],
    ['331', 'matched the day of placement', adopters({ DATE_MATCH: '01/03/2025' }), []],
    [
      '334',
      'decision the day before care began',
      adopters({ DATE_INT: '30/04/2024' }),
      ['AD1:2', 'Episodes:2'],
    ],
    ['334', 'decision the day care began', adopters({ DATE_INT: '01/05/2024' }), []],
    [
      '335',
      'not by foster carers, but placed with them (A5)',
      adopters({ FOSTER_CARE: '0' }),
      ['AD1:2', 'Episodes:3'],
    ],
    [
      '335',
      'by foster carers, but placed otherwise (A6)',
      adoption(anAd1(), adoptedEpisodes({ PLACE: 'A6' })),
      ['AD1:2', 'Episodes:3'],
    ],
    [
      '336',
      'placed with foster carers for adoption after a children’s home',
      adoption(anAd1(), [
        anEpisode({ DECOM: '01/05/2024', PLACE: 'K2', DEC: '01/03/2025', REC: 'X1' }),
        anEpisode({ DECOM: '01/03/2025', RNE: 'P', LS: 'E1', PLACE: 'A5', DEC: '01/12/2025', REC: 'E12' }),
      ]),
      ['Episodes:3'],
    ],
    [
      '390',
      'adopted from foster care (U1)',
      adoption(anAd1(), adoptedEpisodes({ PLACE: 'U1' })),
      ['Episodes:3'],
    ],
    [
      '521',
      'decision the day after placement',
      adopters({ DATE_INT: '02/03/2025', DATE_MATCH: '02/03/2025' }),
      ['AD1:2', 'Episodes:3'],
    ],
    ['601', 'adopted, legal status of adopters blank', adopters({ LS_ADOPTR: '' }), ['AD1:2', 'Episodes:3']],
    ['601', 'adopted, no AD1 row', adoption(null), ['Episodes:3']],
    [
      '602',
      'adoption items but not adopted this year',
      adoption(anAd1(), [anEpisode({ DECOM: '01/05/2024', PLACE: 'A5' })]),
      ['AD1:2'],
    ],
    ['582', 'adopted the day of matching', adopters({ DATE_MATCH: '01/12/2025' }), ['Episodes:3']],
  ])('%s: %s', (rule, _situation, tables, expected) => {
    expect(flagsOf(rule, tables)).toEqual(expected);
  });
});
