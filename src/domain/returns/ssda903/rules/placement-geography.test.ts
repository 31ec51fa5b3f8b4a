import { describe, expect, it } from 'vitest';
import type { Ssda903Options } from '../context.ts';
import { readSsda903 } from '../read.ts';
import { aChild, anEpisode, flagsOf, ssda903Files, type TableRows } from '../test-builders.ts';
import { kent, testPostcodes } from '../test-geography.ts';
import { validateSsda903 } from '../validate.ts';

/** The girl born 1 June 2010, placed by Kent from Dartford (home) in Tunbridge Wells, 21.9 miles away. */
const placed = (...episodes: Record<string, string>[]): TableRows => ({
  Header: [aChild()],
  Episodes: episodes.map((episode) => anEpisode({ HOME_POST: 'DA1 1AA', PL_POST: 'TN1 1AA', ...episode })),
});
const uascRow = { CHILD: '1', SEX: 'F', DOB: '01/06/2010', DUC: '' };
/** The same child, on the UASC table. */
const asUasc = (tables: TableRows): TableRows => ({ ...tables, UASC: [uascRow] });
const geography: Partial<Ssda903Options> = { postcodes: testPostcodes, la: kent };

type Case = [rule: string, situation: string, tables: TableRows, expected: string[]];

describe('SSDA903 rules on where the placement is (2025–26)', () => {
  it.each<Case>([
    ['392b', 'both postcodes', placed({}), []],
    ['392b', 'no home postcode', placed({ HOME_POST: '' }), ['Episodes:2']],
    ['392b', 'no placement postcode', placed({ PL_POST: '' }), ['Episodes:2']],
    ['392b', 'a short break (V3) without postcodes', placed({ LS: 'V3', HOME_POST: '', PL_POST: '' }), []],
    ['392b', 'a UASC child without a home postcode', asUasc(placed({ HOME_POST: '' })), []],
  ])('%s: %s (no postcode directory needed)', (rule, _situation, tables, expected) => {
    expect(flagsOf(rule, tables)).toEqual(expected);
  });

  it.each<Case>([
    ['164', 'worked out: 21.9 miles', placed({}), []],
    ['164', 'supplied 999.9', placed({ PL_DISTANCE: '999.9' }), []],
    ['164', 'supplied 0.0', placed({ PL_DISTANCE: '0.0' }), []],
    ['164', 'supplied 1000.0', placed({ PL_DISTANCE: '1000.0' }), ['Episodes:2']],
    ['164', 'supplied -0.1', placed({ PL_DISTANCE: '-0.1' }), ['Episodes:2']],
    ['164', 'supplied "far"', placed({ PL_DISTANCE: 'far' }), ['Episodes:2']],
    ['164', 'supplied 1000.0, UASC', asUasc(placed({ PL_DISTANCE: '1000.0' })), []],
    ['164', 'supplied 1000.0, short break', placed({ LS: 'V4', PL_DISTANCE: '1000.0' }), []],
    ['392a', 'both postcodes known', placed({}), []],
    ['392a', 'home postcode not in the directory', placed({ HOME_POST: 'ZZ9 9ZZ' }), ['Episodes:2']],
    ['392a', 'placement in Guernsey (no grid reference)', placed({ PL_POST: 'GY1 1AA' }), ['Episodes:2']],
    ['392a', 'UASC without a home postcode', asUasc(placed({ HOME_POST: '' })), []],
    ['392a', 'short break without postcodes', placed({ LS: 'V4', HOME_POST: '', PL_POST: '' }), []],
    ['392a', 'a distance supplied, postcodes blank', placed({ HOME_POST: '', PL_DISTANCE: '3.2' }), []],
    ['406', 'UASC with both postcodes', asUasc(placed({})), ['Episodes:2']],
    ['406', 'UASC without a home postcode', asUasc(placed({ HOME_POST: '' })), []],
    ['406', 'not UASC', placed({}), []],
    ['454', '350.0 miles', placed({ HOME_POST: 'ZZ1 1AA', PL_POST: 'ZZ1 1AB' }), []],
    ['454', '350.1 miles', placed({ HOME_POST: 'ZZ1 1AA', PL_POST: 'ZZ1 1AC' }), ['Episodes:2']],
    ['454', 'supplied 999.9', placed({ PL_DISTANCE: '999.9' }), []],
    ['169', 'placed in Kent', placed({}), []],
    ['169', 'placed in Cardiff (WAL)', placed({ PL_POST: 'CF1 1AA' }), []],
    ['169', 'placed in Guernsey (NUK)', placed({ PL_POST: 'GY1 1AA' }), []],
    ['169', 'placement postcode not in the directory', placed({ PL_POST: 'ZZ9 9ZZ' }), ['Episodes:2']],
    ['169', 'no placement postcode', placed({ PL_POST: '' }), ['Episodes:2']],
    ['169', 'short break without a placement postcode', placed({ LS: 'V3', PL_POST: '' }), []],
    ['169', 'supplied 886 (Kent)', placed({ PL_LA: '886' }), []],
    ['169', 'supplied SCO', placed({ PL_LA: 'SCO' }), []],
    ['169', 'supplied a district (Dartford)', placed({ PL_LA: 'E07000107' }), ['Episodes:2']],
    ['420', 'short break placed in Kent', placed({ LS: 'V3' }), ['Episodes:2']],
    ['420', 'short break without a placement postcode', placed({ LS: 'V3', PL_POST: '' }), []],
    ['420', 'not a short break', placed({}), []],
    ['179', 'in Kent (IN)', placed({}), []],
    ['179', 'in Medway (OUT)', placed({ PL_POST: 'ME4 4TR' }), []],
    ['179', 'placement postcode not in the directory', placed({ PL_POST: 'ZZ9 9ZZ' }), ['Episodes:2']],
    ['179', 'supplied "out"', placed({ PL_LOCATION: 'out' }), []],
    ['179', 'supplied "ELSEWHERE"', placed({ PL_LOCATION: 'ELSEWHERE' }), ['Episodes:2']],
    [
      '411',
      'supplied IN, placed in Medway',
      placed({ PL_POST: 'ME4 4TR', PL_LOCATION: 'IN' }),
      ['Episodes:2'],
    ],
    ['411', 'supplied IN, placed in Kent', placed({ PL_LOCATION: 'IN' }), []],
    ['411', 'worked out OUT, placed in Medway', placed({ PL_POST: 'ME4 4TR' }), []],
    ['1015', 'own children’s home in Medway', placed({ PLACE: 'K2', PL_POST: 'ME4 4TR' }), ['Episodes:2']],
    ['1015', 'own foster carers in Medway', placed({ PLACE: 'U4', PL_POST: 'ME4 4TR' }), []],
    ['1015', 'own children’s home in Canterbury', placed({ PLACE: 'K2', PL_POST: 'CT1 1AA' }), []],
    [
      '1015',
      'Medway’s home (PR2) in Medway',
      placed({ PLACE: 'K2', PLACE_PROVIDER: 'PR2', PL_POST: 'ME4 4TR' }),
      [],
    ],
    ['1015', 'own home, postcode not known', placed({ PLACE: 'K2', PL_POST: 'ZZ9 9ZZ' }), []],
    ['1015', 'own home, short break', placed({ LS: 'V3', PLACE: 'K2', PL_POST: 'ME4 4TR' }), []],
  ])('%s: %s', (rule, _situation, tables, expected) => {
    expect(flagsOf(rule, tables, geography)).toEqual(expected);
  });

  it('takes the council as its DfE number too: Medway (887) placing in Kent', () => {
    const tables = placed({ PLACE: 'K2', PL_POST: 'TN1 1AA' });
    expect(flagsOf('1015', tables, { postcodes: testPostcodes, la: '887' })).toEqual(['Episodes:2']);
    expect(flagsOf('179', tables, { postcodes: testPostcodes, la: '887' })).toEqual([]);
  });

  it('knows a UASC child from last year’s UASC table', () => {
    const tables = placed({ HOME_POST: '' });
    expect(flagsOf('392a', tables, geography)).toEqual(['Episodes:2']);
    expect(flagsOf('392a', tables, { ...geography, previousTables: asUasc({ Header: [aChild()] }) })).toEqual(
      [],
    );
  });

  /** Last year ended with the episode from 1 May 2024 open, placed in Tunbridge Wells. */
  const lastYear = (episode: Record<string, string> = {}): TableRows =>
    placed({ DECOM: '01/05/2024', PL_POST: 'TN1 1AA', ...episode });
  const carried = (episode: Record<string, string>) => placed({ DECOM: '01/05/2024', ...episode });
  it.each<[...Case, TableRows]>([
    ['452', 'the same placement', carried({}), [], lastYear()],
    ['452', 'now placed in Medway', carried({ PL_POST: 'ME4 4TR' }), ['Episodes:2'], lastYear()],
    ['452', 'in Medway with another reason', carried({ RNE: 'L', PL_POST: 'ME4 4TR' }), [], lastYear()],
    [
      '452',
      'in Medway, last year’s ceased',
      carried({ PL_POST: 'ME4 4TR' }),
      [],
      lastYear({ DEC: '31/03/2025' }),
    ],
    ['503H', 'now placed in Medway', carried({ PL_POST: 'ME4 4TR' }), ['Episodes:2'], lastYear()],
    [
      '503H',
      'in Medway with another reason',
      carried({ RNE: 'L', PL_POST: 'ME4 4TR' }),
      ['Episodes:2'],
      lastYear(),
    ],
    ['503H', 'a first episode starting later', placed({ PL_POST: 'ME4 4TR' }), [], lastYear()],
    ['503J', 'now placed in Medway (OUT)', carried({ PL_POST: 'ME4 4TR' }), ['Episodes:2'], lastYear()],
    ['503J', 'now in Canterbury (still IN)', carried({ PL_POST: 'CT1 1AA' }), [], lastYear()],
  ])('%s: %s', (rule, _situation, tables, expected, previousTables) => {
    expect(flagsOf(rule, tables, { ...geography, previousTables })).toEqual(expected);
  });

  const miles = (placement: string) => ({ HOME_POST: 'ZZ1 1AA', PL_POST: placement });
  it.each<[...Case, TableRows]>([
    ['453', '10.0 then 10.1 miles', carried(miles('ZZ2 1AB')), [], lastYear(miles('ZZ2 1AA'))],
    ['453', '10.0 then 10.2 miles', carried(miles('ZZ2 1AC')), ['Episodes:2'], lastYear(miles('ZZ2 1AA'))],
    ['453', '10.2 then 10.0 miles', carried(miles('ZZ2 1AA')), ['Episodes:2'], lastYear(miles('ZZ2 1AC'))],
    ['453', 'none last year', carried(miles('ZZ2 1AA')), ['Episodes:2'], lastYear({ HOME_POST: '' })],
    ['453', 'none this year', carried({ HOME_POST: '' }), ['Episodes:2'], lastYear(miles('ZZ2 1AA'))],
    ['453', 'another reason', carried({ RNE: 'L', ...miles('ZZ2 1AC') }), [], lastYear(miles('ZZ2 1AA'))],
    ['503G', '10.0 then 10.1 miles', carried(miles('ZZ2 1AB')), [], lastYear(miles('ZZ2 1AA'))],
    ['503G', '10.0 then 10.2 miles', carried(miles('ZZ2 1AC')), ['Episodes:2'], lastYear(miles('ZZ2 1AA'))],
  ])('%s: %s', (rule, _situation, tables, expected, previousTables) => {
    expect(flagsOf(rule, tables, { ...geography, previousTables })).toEqual(expected);
  });

  it('skips the rules whose inputs are not given, and never passes them', () => {
    const reading = readSsda903(ssda903Files(placed({})));
    const skipped = (options: Partial<Ssda903Options>) =>
      new Map(
        validateSsda903(reading, { year: 2025, ...options }).skipped.map(({ rule, reason }) => [
          rule,
          reason,
        ]),
      );
    const bare = skipped({});
    for (const rule of [
      '164',
      '169',
      '179',
      '392a',
      '406',
      '411',
      '420',
      '454',
      '1015',
      '452',
      '453',
      '503G',
      '503H',
      '503J',
    ])
      expect(bare.get(rule), rule).toMatch(/postcode/);
    expect(bare.has('392b')).toBe(false);
    const noCouncil = skipped({ postcodes: testPostcodes });
    for (const rule of ['179', '411', '1015']) expect(noCouncil.get(rule), rule).toMatch(/--la/);
    expect(noCouncil.has('169')).toBe(false);
    expect(skipped({ postcodes: testPostcodes, la: 'not a council' }).get('179')).toMatch(/--la/);
    expect(skipped({ postcodes: testPostcodes, la: kent }).get('452')).toMatch(/previous/);
  });
});
