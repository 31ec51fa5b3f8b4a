import { describe, expect, it } from 'vitest';
import type { PostcodeLookup } from '../context.ts';
import { aChild, anEpisode, flagsOf, type TableRows } from '../test-builders.ts';
import { samePostcode } from './episode-placements.ts';

const episodes = (...rows: Record<string, string>[]): TableRows => ({ Header: [aChild()], Episodes: rows });
const one = (overrides: Record<string, string>) => episodes(anEpisode(overrides));
/** A move on 1 September 2025 from the first placement to the next. */
const moved = (first: Record<string, string>, next: Record<string, string> = {}): TableRows =>
  episodes(
    anEpisode({ DEC: '01/09/2025', REC: 'X1', REASON_PLACE_CHANGE: 'CARPL', ...first }),
    anEpisode({ DECOM: '01/09/2025', RNE: 'P', PLACE: 'U1', ...next }),
  );
/** A directory holding one English and one Welsh postcode. */
const postcodes: PostcodeLookup = (postcode) =>
  ({
    LS11AA: { la: 'E08000035', easting: 430000, northing: 433000 },
    CF101AA: { la: 'W06000015', easting: 318000, northing: 176000 },
  })[postcode.replaceAll(' ', '')];
/** A placement in a children's home (K2) run privately, with URN and postcode `pl`. */
const home = (urn: string, pl = 'LS1 1AA') =>
  one({ PLACE: 'K2', PLACE_PROVIDER: 'PR4', URN: urn, PL_POST: pl });

describe('SSDA903 episode rules on placements (2025–26)', () => {
  it('a move between foster placements breaks no rule', () => {
    for (const rule of [
      '213',
      '526',
      '527',
      '528',
      '529',
      '530',
      '531',
      '550',
      '222',
      '214',
      '398',
      '392d',
    ]) {
      expect(flagsOf(rule, moved({})), rule).toEqual([]);
    }
    for (const rule of ['225', '226', '233', '234']) expect(flagsOf(rule, moved({})), rule).toEqual([]);
  });

  it.each<[string, string, TableRows, string[]]>([
    ['213', 'a provider for a temporary placement', moved({}, { PLACE: 'T1', RNE: 'T' }), ['Episodes:3']],
    ['213', 'no provider for Z11', one({ PLACE: 'Z11', PLACE_PROVIDER: '' }), []],
    ['526', 'no provider for foster care', one({ PLACE_PROVIDER: '' }), ['Episodes:2']],
    [
      '527',
      'own provision of a young offender institution',
      one({ PLACE: 'R5', PLACE_PROVIDER: 'PR1' }),
      ['Episodes:2'],
    ],
    [
      '528',
      'another council placing with parents',
      one({ PLACE: 'P1', PLACE_PROVIDER: 'PR2' }),
      ['Episodes:2'],
    ],
    ['529', 'other public provision of foster care', one({ PLACE_PROVIDER: 'PR3' }), ['Episodes:2']],
    ['529', 'other public provision of a hospital (R2)', one({ PLACE: 'R2', PLACE_PROVIDER: 'PR3' }), []],
    [
      '530',
      'private provision placing with parents',
      one({ PLACE: 'P1', PLACE_PROVIDER: 'PR4' }),
      ['Episodes:2'],
    ],
    [
      '531',
      'voluntary provision placing with parents',
      one({ PLACE: 'P1', PLACE_PROVIDER: 'PR5' }),
      ['Episodes:2'],
    ],
    ['550', 'PR0 for foster care', one({ PLACE_PROVIDER: 'PR0' }), ['Episodes:2']],
    ['550', 'PR0 with parents', one({ PLACE: 'P1', PLACE_PROVIDER: 'PR0' }), []],
    [
      '222',
      'a URN for placement with parents',
      one({ PLACE: 'P1', PLACE_PROVIDER: 'PR0', URN: 'SC123456' }),
      ['Episodes:2'],
    ],
    [
      '222',
      'XXXXXXX for placement with parents',
      one({ PLACE: 'P1', PLACE_PROVIDER: 'PR0', URN: 'XXXXXXX' }),
      [],
    ],
    ['214', 'a placement postcode on a short break', one({ LS: 'V3', PL_POST: 'LS1 1AA' }), ['Episodes:2']],
    ['398', 'a home postcode on a short break', one({ LS: 'V4', HOME_POST: 'LS1 1AA' }), ['Episodes:2']],
    [
      '392d',
      'the same postcodes in foster care',
      one({ HOME_POST: 'LS1 1AA', PL_POST: 'ls11aa' }),
      ['Episodes:2'],
    ],
    [
      '392d',
      'the same postcodes with parents',
      one({ PLACE: 'P1', PLACE_PROVIDER: 'PR0', HOME_POST: 'LS1 1AA', PL_POST: 'LS1 1AA' }),
      [],
    ],
    ['225', 'moved with no reason', moved({ REASON_PLACE_CHANGE: '' }), ['Episodes:2']],
    [
      '225',
      'legal status changed only, no reason',
      moved({ REASON_PLACE_CHANGE: '' }, { RNE: 'L', PLACE: 'U4' }),
      [],
    ],
    ['226', 'a reason on a temporary placement', moved({ PLACE: 'T1', RNE: 'P' }), ['Episodes:2']],
    [
      '226',
      'a reason on the placement before a temporary one',
      moved({}, { PLACE: 'T2', RNE: 'T' }),
      ['Episodes:3'],
    ],
    ['233', 'a reason on an open episode', one({ REASON_PLACE_CHANGE: 'CARPL' }), ['Episodes:2']],
    [
      '234',
      'custody the day before the 10th birthday',
      {
        Header: [aChild({ DOB: '02/09/2015' })],
        Episodes: moved({ REASON_PLACE_CHANGE: 'CUSTOD' }, { PLACE: 'R5' }).Episodes,
      },
      ['Episodes:2'],
    ],
    [
      '234',
      'custody on the 10th birthday',
      {
        Header: [aChild({ DOB: '01/09/2015' })],
        Episodes: moved({ REASON_PLACE_CHANGE: 'CUSTOD' }, { PLACE: 'R5' }).Episodes,
      },
      [],
    ],
  ])('%s: %s', (rule, _situation, tables, expected) => {
    expect(flagsOf(rule, tables)).toEqual(expected);
  });

  it.each<[string, TableRows, string[]]>([
    ['a home in England with no URN', home(''), ['Episodes:2']],
    ['a home in England with a URN', home('SC123456'), []],
    ['a home in Wales with no URN', home('', 'CF10 1AA'), []],
    [
      'a short break (V3) in a home, no URN or postcode (214 forbids them)',
      one({ PLACE: 'K2', LS: 'V3', URN: '', PL_POST: '' }),
      [],
    ],
    [
      'an episode that ceased before the year',
      one({ PLACE: 'K2', DECOM: '01/01/2025', DEC: '31/03/2025', REC: 'E13' }),
      [],
    ],
  ])('218: %s', (_situation, tables, expected) => {
    expect(flagsOf('218', tables, { postcodes })).toEqual(expected);
  });
  it('218 is skipped, not passed, without postcodes', () => {
    expect(flagsOf('218', home(''))).toEqual([]);
  });
});

describe('samePostcode', () => {
  it.each<[string, string, boolean]>([
    ['LS1 1AA', 'ls11aa', true],
    ['LS1 1AA', 'LS1 1AB', false],
    ['LS1 1AA ', 'LS11AA', true],
    ['LS1 1AA', 'LS1 1Aa', true],
    ['LS1 1A@', 'LS1 1A`', false],
    ['SW1A 2AA', 'SW1A2AB', false],
  ])('%s and %s: %s', (a, b, same) => {
    expect(samePostcode(a, b)).toBe(same);
  });
});
