import { describe, expect, it } from 'vitest';
import { aChild, anEpisode, flagsOf, type TableRows } from '../test-builders.ts';

/** The girl born 1 June 2010, recorded as UASC, whose status ceased on `duc`. */
const uasc = (duc: string, dob = '01/06/2010'): TableRows => ({
  Header: [aChild({ DOB: dob })],
  Episodes: [anEpisode()],
  UASC: [{ CHILD: '1', SEX: 'F', DOB: dob, DUC: duc }],
});

/** A care leaver born 1 June 2007 (18 in the year), formerly UASC, with these episodes this year. */
const leaver = (episodes: Record<string, string>[]): TableRows => ({
  Header: [aChild({ DOB: '01/06/2007', MOTHER: '' })],
  Episodes: episodes,
  UASC: [{ CHILD: '1', SEX: 'F', DOB: '01/06/2007', DUC: '01/06/2025' }],
  OC3: [{ CHILD: '1', DOB: '01/06/2007', IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'S2' }],
});

describe('SSDA903 UASC rules (2025–26)', () => {
  it.each<[string, string, TableRows, string[]]>([
    ['104', 'ceased 31/13/2025', uasc('31/13/2025'), ['UASC:2']],
    ['104', 'ceased 31/03/2025, before the year', uasc('31/03/2025'), ['UASC:2']],
    ['104', 'ceased 01/04/2025', uasc('01/04/2025'), []],
    ['104', 'not ceased', uasc(''), []],
    ['304', 'ceased the day after the 18th birthday', uasc('02/06/2025', '01/06/2007'), ['UASC:2']],
    ['304', 'ceased on the 18th birthday', uasc('01/06/2025', '01/06/2007'), []],
    ['231', 'UASC and 11 on 01/04/2026', uasc('', '01/04/2015'), ['Header:2']],
    ['231', 'UASC and 11 on 31/03/2026', uasc('', '31/03/2015'), []],
    [
      '231',
      'under 11 but not UASC',
      { Header: [aChild({ DOB: '01/04/2015' })], Episodes: [anEpisode()], UASC: [] },
      [],
    ],
    ['1014', 'a care leaver with no episode this year', leaver([]), ['UASC:2']],
    [
      '1014',
      'a care leaver whose last episode ceased 01/04/2025',
      leaver([anEpisode({ DECOM: '01/05/2024', DEC: '01/04/2025', REC: 'E13' })]),
      [],
    ],
    [
      '1014',
      'a care leaver whose last episode ceased 31/03/2025',
      leaver([anEpisode({ DECOM: '01/05/2024', DEC: '31/03/2025', REC: 'E13' })]),
      ['UASC:2'],
    ],
  ])('%s: %s', (rule, _situation, tables, expected) => {
    expect(flagsOf(rule, tables)).toEqual(expected);
  });
});
