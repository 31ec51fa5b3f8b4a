import { describe, expect, it } from 'vitest';
import type { Ssda903Options } from '../context.ts';
import { readSsda903 } from '../read.ts';
import { aChild, anEpisode, flagsOf, ssda903Files, type TableRows } from '../test-builders.ts';
import { kent, providerList, testPostcodes } from '../test-geography.ts';
import { validateSsda903 } from '../validate.ts';

/**
 * Made-up providers: Kent's own children's home in Tunbridge Wells, a private one in Medway that
 * closed on 30 September 2025, an independent fostering agency (placement codes left out, sector
 * given), a council home whose list names no council and whose postcode is in Medway, and a council
 * home in Cardiff (no English council's).
 */
const providers = providerList(
  'URN,Placement codes,Placement provider codes,Sector,Setting postcode,Local authority code,Closed date',
  'SC100001,K2,PR1/PR2,Local authority,TN1 1AA,E10000016,',
  'SC100002,K2 K1,PR4,Private,ME4 4TR,,30/09/2025',
  '1000003,,,Voluntary,,,',
  'SC100004,K2,,Local authority,ME4 4TR,,',
  'SC100005,K2,PR1/PR2,Local authority,CF1 1AA,,',
);
const options: Partial<Ssda903Options> = { providers, postcodes: testPostcodes, la: kent };

/** The girl born 1 June 2010 in one children's home from 1 May 2025. */
const placedAt = (urn: string, episode: Record<string, string> = {}): TableRows => ({
  Header: [aChild()],
  Episodes: [
    anEpisode({
      PLACE: 'K2',
      PLACE_PROVIDER: 'PR1',
      URN: urn,
      HOME_POST: 'DA1 1AA',
      PL_POST: 'TN1 1AA',
      ...episode,
    }),
  ],
});
const atThePrivateHome = (episode: Record<string, string> = {}) =>
  placedAt('SC100002', { PLACE_PROVIDER: 'PR4', PL_POST: 'ME4 4TR', ...episode });

type Case = [rule: string, situation: string, tables: TableRows, expected: string[]];

describe('SSDA903 rules on the Ofsted URN (2025–26)', () => {
  it.each<Case>([
    ['1008', 'a URN on the list', placedAt('SC100001'), []],
    ['1008', 'a URN on the list, in small letters', placedAt('sc100001'), []],
    ['1008', 'a URN not on the list', placedAt('SC999999'), ['Episodes:2']],
    ['1008', 'XXXXXXX', placedAt('XXXXXXX'), []],
    ['1008', 'no URN', placedAt(''), []],
    ['219', 'a children’s home placement (K2)', placedAt('SC100001'), []],
    ['219', 'secure (K1) in a home offering K1', atThePrivateHome({ PLACE: 'K1' }), []],
    ['219', 'foster care (U4) at a children’s home', placedAt('SC100001', { PLACE: 'U4' }), ['Episodes:2']],
    ['219', 'a provider whose placement codes are not given', placedAt('1000003', { PLACE: 'U4' }), []],
    ['219', 'a URN not on the list', placedAt('SC999999', { PLACE: 'U4' }), []],
    ['221', 'placed at the home’s postcode', placedAt('SC100001', { PL_POST: 'tn11aa' }), []],
    ['221', 'placed elsewhere', placedAt('SC100001', { PL_POST: 'CT1 1AA' }), ['Episodes:2']],
    ['221', 'elsewhere, on a short break', placedAt('SC100001', { LS: 'V3', PL_POST: 'CT1 1AA' }), []],
    ['221', 'elsewhere, foster care (U4)', placedAt('SC100001', { PLACE: 'U4', PL_POST: 'CT1 1AA' }), []],
    ['221', 'no placement postcode', placedAt('SC100001', { PL_POST: '' }), []],
    ['224', 'PR1 at the council’s home', placedAt('SC100001'), []],
    ['224', 'PR4 at the council’s home', placedAt('SC100001', { PLACE_PROVIDER: 'PR4' }), ['Episodes:2']],
    [
      '224',
      'PR5 with a voluntary agency (from its sector)',
      placedAt('1000003', { PLACE_PROVIDER: 'PR5' }),
      [],
    ],
    ['224', 'PR4 with a voluntary agency', placedAt('1000003', { PLACE_PROVIDER: 'PR4' }), ['Episodes:2']],
    ['227', 'started 29/09/2025, the day before it closed', atThePrivateHome({ DECOM: '29/09/2025' }), []],
    [
      '227',
      'started 30/09/2025, the day it closed',
      atThePrivateHome({ DECOM: '30/09/2025' }),
      ['Episodes:2'],
    ],
    ['227', 'a home that has not closed', placedAt('SC100001', { DECOM: '30/09/2025' }), []],
    ['228', 'ended 30/09/2025, the day it closed', atThePrivateHome({ DEC: '30/09/2025', REC: 'E11' }), []],
    ['228', 'ended 01/10/2025', atThePrivateHome({ DEC: '01/10/2025', REC: 'E11' }), ['Episodes:2']],
    ['228', 'still open at 31 March', atThePrivateHome(), ['Episodes:2']],
    ['228', 'open at a home that has not closed', placedAt('SC100001'), []],
    ['229', 'own provision (PR1) at Kent’s home', placedAt('SC100001'), []],
    [
      '229',
      'another council’s (PR2) at Kent’s home',
      placedAt('SC100001', { PLACE_PROVIDER: 'PR2' }),
      ['Episodes:2'],
    ],
    ['229', 'own provision (PR1) at a Medway home', placedAt('SC100004'), ['Episodes:2']],
    ['229', 'another council’s (PR2) at a Medway home', placedAt('SC100004', { PLACE_PROVIDER: 'PR2' }), []],
    ['229', 'PR1 at a provider with no postcode or council', placedAt('1000003'), []],
    [
      '229',
      'own provision (PR1) at a home in Cardiff, outside England',
      placedAt('SC100005'),
      ['Episodes:2'],
    ],
    [
      '229',
      'another council’s (PR2) at a home in Cardiff',
      placedAt('SC100005', { PLACE_PROVIDER: 'PR2' }),
      [],
    ],
  ])('%s: %s', (rule, _situation, tables, expected) => {
    expect(flagsOf(rule, tables, options)).toEqual(expected);
  });

  it('skips the URN rules without a provider list, and 229 without postcodes or the council', () => {
    const reading = readSsda903(ssda903Files(placedAt('SC100001')));
    const skipped = (given: Partial<Ssda903Options>) =>
      new Map(
        validateSsda903(reading, { year: 2025, ...given }).skipped.map(({ rule, reason }) => [rule, reason]),
      );
    const bare = skipped({});
    for (const rule of ['1008', '219', '221', '224', '227', '228', '229'])
      expect(bare.get(rule), rule).toMatch(/--providers/);
    expect(skipped({ providers }).get('229')).toMatch(/--postcodes.*--la|postcode.*--la/);
    expect(skipped({ providers }).has('1008')).toBe(false);
  });
});
