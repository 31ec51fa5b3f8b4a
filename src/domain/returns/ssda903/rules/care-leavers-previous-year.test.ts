import { describe, expect, it } from 'vitest';
import { aChild, anEpisode, flagsOf, type TableRows } from '../test-builders.ts';

/** A care leaver born on `dob`, in touch, in education, living independently. */
const leaver = (dob: string, episodes: Record<string, string>[] = []): TableRows => ({
  Header: [aChild({ DOB: dob, MOTHER: '' })],
  Episodes: episodes,
  OC3: [{ CHILD: '1', DOB: dob, IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'S2' }],
});
/** Last year's return of the same young person. */
const lastYear = (dob: string, episodes: Record<string, string>[]): TableRows => ({
  Header: [aChild({ DOB: dob, MOTHER: '' })],
  Episodes: episodes,
});
/** Looked after from 1 May 2025 until `dec` (returned home, E13). */
const until = (dec: string) => [anEpisode({ DEC: dec, REC: 'E13' })];
/** Born 1 June 2007: 14 on 1 June 2021, 16 on 1 June 2023, 18 on 1 June 2025. */
const born2007 = '01/06/2007';
/** Born 31 March 2009: 16 on 31 March 2025, 17 on 31 March 2026. */
const born2009 = '31/03/2009';
const nothingLastYear = lastYear(born2007, []);

describe("SSDA903 care leaver rules against last year's return (2025–26)", () => {
  it.each<[string, string, TableRows, TableRows, string[]]>([
    [
      '1001',
      'looked after 90 days, 01/05/2025 to 30/07/2025',
      leaver(born2007, until('30/07/2025')),
      nothingLastYear,
      ['OC3:2'],
    ],
    [
      '1001',
      'looked after 91 days, 01/05/2025 to 31/07/2025',
      leaver(born2007, until('31/07/2025')),
      nothingLastYear,
      [],
    ],
    [
      '1001',
      '91 days, but 31 of them on short breaks (V3)',
      leaver(born2007, [
        anEpisode({ LS: 'V3', DEC: '01/06/2025', REC: 'E13' }),
        anEpisode({ DECOM: '01/08/2025', DEC: '30/10/2025', REC: 'E13' }),
      ]),
      nothingLastYear,
      ['OC3:2'],
    ],
    [
      '1001',
      'looked after from 01/05/2024 (last year) to 01/06/2025',
      leaver(born2007, [anEpisode({ DECOM: '01/05/2024', DEC: '01/06/2025', REC: 'E13' })]),
      lastYear(born2007, [anEpisode({ DECOM: '01/05/2024' })]),
      [],
    ],
    [
      '1001',
      'looked after until the 16th birthday, 31/03/2025',
      leaver(born2009),
      lastYear(born2009, [anEpisode({ DECOM: '01/12/2024', DEC: '31/03/2025', REC: 'E13' })]),
      ['OC3:2'],
    ],
    [
      '1001',
      'looked after until the day after the 16th birthday, 01/04/2025',
      leaver(born2009, [anEpisode({ DECOM: '01/12/2024', DEC: '01/04/2025', REC: 'E13' })]),
      lastYear(born2009, [anEpisode({ DECOM: '01/12/2024' })]),
      [],
    ],
    [
      '1001',
      'adopted on 01/03/2025',
      leaver(born2007),
      lastYear(born2007, [
        anEpisode({ DECOM: '01/05/2022', PLACE: 'A4', LS: 'E1', DEC: '01/03/2025', REC: 'E12' }),
      ]),
      ['OC3:2'],
    ],
    [
      '1001',
      '18 on 31/03/2024, before last year: its care may be older than the returns',
      leaver('31/03/2006'),
      lastYear('31/03/2006', [anEpisode({ DECOM: '01/03/2024', DEC: '31/03/2024', REC: 'E13' })]),
      [],
    ],
    [
      '1001',
      '18 on 01/04/2024, the first day of last year',
      leaver('01/04/2006'),
      lastYear('01/04/2006', [anEpisode({ DECOM: '01/03/2024', DEC: '01/04/2024', REC: 'E13' })]),
      ['OC3:2'],
    ],
    [
      '1001',
      '18 on 07/04/2024, after 7 weeks of last year in a placement begun 20/02/2024 (RNE P): care began earlier',
      leaver('07/04/2006'),
      lastYear('07/04/2006', [anEpisode({ DECOM: '20/02/2024', RNE: 'P', DEC: '07/04/2024', REC: 'E13' })]),
      [],
    ],
    [
      '1001',
      'the same, the episode starting a period of care (RNE S): 7 weeks in all',
      leaver('07/04/2006'),
      lastYear('07/04/2006', [anEpisode({ DECOM: '20/02/2024', RNE: 'S', DEC: '07/04/2024', REC: 'E13' })]),
      ['OC3:2'],
    ],
    ['1001', 'no episode in either year (1002)', leaver(born2007), nothingLastYear, []],
    [
      '1010',
      "last year's episode still open, none this year",
      leaver(born2007),
      lastYear(born2007, [anEpisode({ DECOM: '01/05/2024' })]),
      ['OC3:2'],
    ],
    [
      '1010',
      "last year's episode ceased 31/03/2025",
      leaver(born2007),
      lastYear(born2007, [anEpisode({ DECOM: '01/05/2024', DEC: '31/03/2025', REC: 'E13' })]),
      [],
    ],
    [
      '1010',
      'the open episode carried into this year',
      leaver(born2007, [anEpisode({ DECOM: '01/05/2024', DEC: '01/06/2025', REC: 'E13' })]),
      lastYear(born2007, [anEpisode({ DECOM: '01/05/2024' })]),
      [],
    ],
  ])('%s: %s', (rule, _situation, tables, previous, expected) => {
    expect(flagsOf(rule, tables, { previousTables: previous })).toEqual(expected);
  });

  it('they are skipped, not passed, without last year', () => {
    expect(flagsOf('1001', leaver(born2007, until('30/07/2025')))).toEqual([]);
    expect(flagsOf('1010', leaver(born2007))).toEqual([]);
  });
});
