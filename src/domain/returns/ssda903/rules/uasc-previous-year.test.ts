import { describe, expect, it } from 'vitest';
import { aChild, anEpisode, flagsOf, type TableRows } from '../test-builders.ts';

/** The UASC row of the girl born 1 June 2008 (18 on 1 June 2026), whose status ceased on `duc`. */
const uascRow = (duc: string): Record<string, string> => ({
  CHILD: '1',
  SEX: 'F',
  DOB: '01/06/2008',
  DUC: duc,
});
/** A return of that girl, looked after from 1 May 2024, UASC when `duc` is given (null: not UASC). */
const year = (duc: string | null, episodes = [anEpisode({ DECOM: '01/05/2024' })]): TableRows => ({
  Header: [aChild({ DOB: '01/06/2008' })],
  Episodes: episodes,
  UASC: duc === null ? [] : [uascRow(duc)],
});
/** A care leaver with no episode this year and no UASC row. */
const leaverNow: TableRows = {
  ...year(null, []),
  OC3: [{ CHILD: '1', DOB: '01/06/2008', IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'S2' }],
};
/** Last year's return, without a UASC table. */
const noUascTable: TableRows = { Header: [aChild({ DOB: '01/06/2008' })], Episodes: [anEpisode()] };

describe("SSDA903 UASC rules against last year's return (2025–26)", () => {
  it.each<[string, string, TableRows, TableRows, string[]]>([
    ['205A', 'UASC last year (DUC blank), not now', year(null), year(''), ['Header:2']],
    ['205A', 'ceased 31/03/2025, the last day of last year', year(null), year('31/03/2025'), []],
    ['205A', 'ceased 01/04/2024, the first day of last year', year(null), year('01/04/2024'), []],
    ['205A', 'ceased 31/03/2024, before last year', year(null), year('31/03/2024'), ['Header:2']],
    ['205A', 'ceases 01/06/2026, the 18th birthday', year(null), year('01/06/2026'), ['Header:2']],
    ['205A', 'UASC both years', year('01/06/2026'), year('01/06/2026'), []],
    ['205A', 'not UASC either year', year(null), year(null), []],
    ['205A', 'a care leaver with no episode this year', leaverNow, year('01/06/2026'), []],
    ['205B', 'the same DUC both years', year('01/06/2026'), year('01/06/2026'), []],
    ['205B', 'DUC blank last year', year(''), year(''), []],
    ['205B', 'last year ceased 31/03/2025', year('01/06/2026'), year('31/03/2025'), ['UASC:2']],
    ['205B', 'ceased this year, on 31/03/2026', year('31/03/2026'), year('01/06/2026'), []],
    ['205B', 'moved to 01/04/2026, after this year', year('01/04/2026'), year('01/06/2026'), ['UASC:2']],
    ['205B', "last year's DUC dropped", year(''), year('01/06/2026'), ['UASC:2']],
    ['205D', 'UASC now, in last year without being UASC', year('01/06/2026'), year(null), ['UASC:2']],
    ['205D', 'UASC both years', year('01/06/2026'), year('01/06/2026'), []],
    [
      '205D',
      'UASC now, not in last year',
      year('01/06/2026'),
      { Header: [aChild({ CHILD: '2' })], Episodes: [anEpisode({ CHILD: '2' })], UASC: [] },
      [],
    ],
    ['205D', 'last year had no UASC table', year('01/06/2026'), noUascTable, []],
  ])('%s: %s', (rule, _situation, tables, previous, expected) => {
    expect(flagsOf(rule, tables, { previousTables: previous })).toEqual(expected);
  });

  it('they are skipped, not passed, without last year', () => {
    expect(flagsOf('205A', year(null))).toEqual([]);
    expect(flagsOf('205D', year('01/06/2026'))).toEqual([]);
  });
});
