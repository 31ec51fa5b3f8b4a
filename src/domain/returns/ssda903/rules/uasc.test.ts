import { describe, expect, it } from 'vitest';
import { aChild, anEpisode, flagsOf, type TableRows } from '../test-builders.ts';

/** The girl born 1 June 2010, recorded as UASC, whose status ceased on `duc`. */
const uasc = (duc: string, dob = '01/06/2010'): TableRows => ({
  Header: [aChild({ DOB: dob })],
  Episodes: [anEpisode()],
  UASC: [{ CHILD: '1', SEX: 'F', DOB: dob, DUC: duc }],
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
  ])('%s: %s', (rule, _situation, tables, expected) => {
    expect(flagsOf(rule, tables)).toEqual(expected);
  });
});
