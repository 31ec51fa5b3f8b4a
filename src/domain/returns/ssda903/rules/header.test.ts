import { describe, expect, it } from 'vitest';
import { aChild, anEpisode, flagsOf, type TableRows } from '../test-builders.ts';

const child = (overrides: Record<string, string> = {}, episodes = [anEpisode()]): TableRows => ({
  Header: [aChild(overrides)],
  Episodes: episodes,
});

/** A care leaver born 1 June 2006, with no episode this year and whether a mother left blank. */
const leaver = (): TableRows => ({
  ...child({ DOB: '01/06/2006', MOTHER: '' }, []),
  OC3: [{ CHILD: '1', DOB: '01/06/2006', IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'S2' }],
});

describe('SSDA903 header rules (2025–26)', () => {
  it('a plain, correct return breaks no rule', () => {
    for (const rule of [
      '101',
      '102',
      '103',
      '165',
      '168',
      '301',
      '393',
      '442',
      '444',
      '611',
      '612',
      '620',
      '621',
    ]) {
      expect(flagsOf(rule, child()), rule).toEqual([]);
    }
  });

  it.each<[string, string, TableRows, string[]]>([
    ['101', 'sex 2 is the code of years before 2024–25', child({ SEX: '2' }), ['Header:2']],
    ['101', 'sex blank', child({ SEX: '' }), ['Header:2']],
    ['101', 'sex M', child({ SEX: 'M' }), []],
    ['102', 'date of birth 31/02/2010 is not a real date', child({ DOB: '31/02/2010' }), ['Header:2']],
    ['102', 'date of birth written 2010-06-01', child({ DOB: '2010-06-01' }), ['Header:2']],
    ['102', 'date of birth blank', child({ DOB: '' }), ['Header:2']],
    ['102', 'date of birth 29/02/2012 (a leap year)', child({ DOB: '29/02/2012' }), []],
    ['103', 'ethnicity XXXX', child({ ETHNIC: 'XXXX' }), ['Header:2']],
    ['103', 'ethnicity blank', child({ ETHNIC: '' }), ['Header:2']],
    ['168', 'UPN with an O as first letter', child({ UPN: 'O123456789012' }), ['Header:2']],
    ['168', 'UPN too short', child({ UPN: 'A12345678901' }), ['Header:2']],
    ['168', 'UPN UN6 (not an SSDA903 code)', child({ UPN: 'UN6' }), ['Header:2']],
    ['168', 'UPN UN3', child({ UPN: 'UN3' }), []],
    ['168', 'temporary UPN ending in a letter', child({ UPN: 'A12345678901A' }), []],
    ['171', "mother's child born 30/13/2024", child({ MOTHER: '1', MC_DOB: '30/13/2024' }), ['Header:2']],
    ['171', "mother's child born 30/12/2024", child({ MOTHER: '1', MC_DOB: '30/12/2024' }), []],
    [
      '174',
      "a boy with a date of birth of a mother's child",
      child({ SEX: 'M', MC_DOB: '01/01/2025' }),
      ['Header:2'],
    ],
    ['174', 'a girl with a date of birth of her child', child({ MOTHER: '1', MC_DOB: '01/01/2025' }), []],
    ['209', 'UN1 for a child 4 on 31/08/2024', child({ UPN: 'UN1', DOB: '31/08/2020' }), ['Header:2']],
    ['209', 'UN1 for a child 4 on 1/09/2024', child({ UPN: 'UN1', DOB: '01/09/2020' }), []],
    ['232', 'sex unknown', child({ SEX: 'U' }), ['Header:2']],
    ['232', 'sex known', child({ SEX: 'F' }), []],
    ['301', 'born 01/04/2026, after the year', child({ DOB: '01/04/2026' }), ['Header:2']],
    [
      '301',
      'born 31/03/2026, the last day',
      child({ DOB: '31/03/2026' }, [anEpisode({ DECOM: '31/03/2026' })]),
      [],
    ],
    ['302', 'first episode the day before birth', child({ DOB: '02/05/2025' }), ['Episodes:2']],
    ['302', 'first episode on the day of birth', child({ DOB: '01/05/2025' }), []],
    ['351', 'turned 25 on 31/03/2025, the day before the year', child({ DOB: '31/03/2000' }), ['Header:2']],
    ['351', 'turns 25 on 01/04/2025, the first day', child({ DOB: '01/04/2000' }), []],
    ['165', 'mother 2', child({ MOTHER: '2' }), ['Header:2']],
    ['165', 'mother 0 for a girl', child({ MOTHER: '0' }), []],
    ['165', 'mother 0 for a boy', child({ SEX: 'M', MOTHER: '0' }), ['Header:2']],
    ['165', 'mother 0 for a child of unknown sex', child({ SEX: 'U', MOTHER: '0' }), ['Header:2']],
    ['165', 'mother 0, sex X (not a code: 101 reports it)', child({ SEX: 'X', MOTHER: '0' }), []],
    ['165', 'mother blank for a boy', child({ SEX: 'M', MOTHER: '' }), []],
    ['165', 'mother blank for a looked-after girl', child({ MOTHER: '' }), ['Header:2']],
    [
      '165',
      'mother blank, short breaks only (V3): 399 asks the blank',
      child({ MOTHER: '' }, [anEpisode({ LS: 'V3' })]),
      [],
    ],
    [
      '399',
      'mother 0, short breaks only (V3)',
      child({ MOTHER: '0' }, [anEpisode({ LS: 'V3' })]),
      ['Header:2'],
    ],
    [
      '165',
      'mother blank, a short break (V3) then care under C2',
      child({ MOTHER: '' }, [
        anEpisode({ LS: 'V3', DEC: '03/05/2025', REC: 'E4A' }),
        anEpisode({ DECOM: '01/07/2025' }),
      ]),
      ['Header:2'],
    ],
    [
      '165',
      'mother blank, an episode that ceased 01/04/2025',
      child({ MOTHER: '' }, [anEpisode({ DECOM: '01/05/2024', DEC: '01/04/2025', REC: 'E13' })]),
      ['Header:2'],
    ],
    ['165', 'mother blank, a care leaver with no episode this year', leaver(), []],
    [
      '165',
      'mother blank, a girl with neither episodes nor care leaver data',
      child({ MOTHER: '' }, []),
      ['Header:2'],
    ],
    ['393', 'a looked-after girl with mother blank', child({ MOTHER: '' }), ['Header:2']],
    ['393', 'a girl on short breaks only (V3)', child({ MOTHER: '' }, [anEpisode({ LS: 'V3' })]), []],
    ['393', 'a boy with mother blank', child({ SEX: 'M', MOTHER: '' }), []],
    ['442', 'UPN blank, looked after under C2', child({ UPN: '' }), ['Header:2']],
    ['442', 'UPN blank, short breaks only (V4)', child({ UPN: '' }, [anEpisode({ LS: 'V4' })]), []],
    ['611', 'a mother with no date of birth of her child', child({ MOTHER: '1' }), ['Header:2']],
    ['612', 'date of birth of a child but MOTHER 0', child({ MC_DOB: '01/01/2025' }), ['Header:2']],
    [
      '620',
      'a mother who turns 11 on 02/04/2025',
      child({ MOTHER: '1', MC_DOB: '01/01/2025', DOB: '02/04/2014' }),
      ['Header:2'],
    ],
    [
      '620',
      'a mother who turned 11 on 01/04/2025',
      child({ MOTHER: '1', MC_DOB: '01/01/2025', DOB: '01/04/2014' }),
      [],
    ],
    ['621', 'her child born on her own birthday', child({ MOTHER: '1', MC_DOB: '01/06/2010' }), ['Header:2']],
    ['621', 'her child born the day after', child({ MOTHER: '1', MC_DOB: '02/06/2010' }), []],
    [
      '625',
      'her child born 01/04/2026, after the year',
      child({ MOTHER: '1', MC_DOB: '01/04/2026' }),
      ['Header:2'],
    ],
    [
      '625',
      'her child born after she ceased to be looked after',
      child({ MOTHER: '1', MC_DOB: '02/02/2026' }, [anEpisode({ DEC: '01/02/2026', REC: 'E13' })]),
      ['Header:2'],
    ],
    [
      '625',
      'her child born after an episode ceased (X1), while the next is open',
      child({ MOTHER: '1', MC_DOB: '02/02/2026' }, [
        anEpisode({ DEC: '01/02/2026', REC: 'X1' }),
        anEpisode({ DECOM: '01/02/2026', RNE: 'P' }),
      ]),
      [],
    ],
    [
      '625',
      'her child born the day she ceased to be looked after',
      child({ MOTHER: '1', MC_DOB: '01/02/2026' }, [anEpisode({ DEC: '01/02/2026', REC: 'E13' })]),
      [],
    ],
    [
      '607',
      'left care in the year, mother blank',
      child({ MOTHER: '' }, [anEpisode({ DEC: '01/02/2026', REC: 'E13' })]),
      ['Episodes:2'],
    ],
    [
      '607',
      'episode ended X1 (still looked after)',
      child({ MOTHER: '' }, [
        anEpisode({ DEC: '01/02/2026', REC: 'X1' }),
        anEpisode({ DECOM: '01/02/2026', RNE: 'P' }),
      ]),
      [],
    ],
  ])('%s: %s', (rule, _situation, tables, expected) => {
    expect(flagsOf(rule, tables)).toEqual(expected);
  });

  it('444: the same UPN for two children, but not the same UN code', () => {
    const twoChildren = (upn: string): TableRows => ({
      Header: [aChild({ UPN: upn }), aChild({ CHILD: '2', UPN: upn })],
      Episodes: [anEpisode(), anEpisode({ CHILD: '2' })],
    });
    expect(flagsOf('444', twoChildren('A123456789012'))).toEqual(['Header:2', 'Header:3']);
    expect(flagsOf('444', twoChildren('UN2'))).toEqual([]);
  });

  it('210: UN4 is for a child who had been looked after for a week or less on 31 March', () => {
    expect(flagsOf('210', child({ UPN: 'UN4' }, [anEpisode({ DECOM: '23/03/2026' })]))).toEqual(['Header:2']);
    expect(flagsOf('210', child({ UPN: 'UN4' }, [anEpisode({ DECOM: '24/03/2026' })]))).toEqual([]);
  });
});
