import { describe, expect, it } from 'vitest';
import { aChild, anEpisode, flagsOf, type TableRows } from '../test-builders.ts';

const lastYear = (
  header: Record<string, string> = {},
  episodes = [anEpisode({ DECOM: '01/05/2024' })],
): TableRows => ({
  Header: [aChild(header)],
  Episodes: episodes,
});
const thisYear = (header: Record<string, string> = {}): TableRows => ({
  Header: [aChild(header)],
  Episodes: [anEpisode({ DECOM: '01/05/2024' })],
});

describe("SSDA903 header rules against last year's return (2025–26)", () => {
  it.each<[string, string, TableRows, TableRows, string[]]>([
    ['202', 'sex F then M', thisYear({ SEX: 'M' }), lastYear(), ['Header:2']],
    ['202', 'sex F both years', thisYear(), lastYear(), []],
    ['203', 'date of birth moved a day', thisYear({ DOB: '02/06/2010' }), lastYear(), ['Header:2']],
    ['204', 'ethnicity WBRI then WIRI', thisYear({ ETHNIC: 'WIRI' }), lastYear(), ['Header:2']],
    ['208', 'a different UPN', thisYear({ UPN: 'A123456789013' }), lastYear(), ['Header:2']],
    ['208', 'UN5 then a UPN found', thisYear(), lastYear({ UPN: 'UN5' }), []],
    ['208', 'UN1 then UN3', thisYear({ UPN: 'UN3' }), lastYear({ UPN: 'UN1' }), []],
    ['208', 'a UPN then UN3', thisYear({ UPN: 'UN3' }), lastYear(), ['Header:2']],
    [
      '207',
      'a mother last year, not this year',
      thisYear({ MOTHER: '0' }),
      lastYear({ MOTHER: '1', MC_DOB: '01/01/2025' }),
      ['Header:2'],
    ],
    [
      '207',
      'a mother both years',
      thisYear({ MOTHER: '1', MC_DOB: '01/01/2025' }),
      lastYear({ MOTHER: '1', MC_DOB: '01/01/2025' }),
      [],
    ],
    [
      '624',
      "her child's birth date changed",
      thisYear({ MOTHER: '1', MC_DOB: '02/01/2025' }),
      lastYear({ MOTHER: '1', MC_DOB: '01/01/2025' }),
      ['Header:2'],
    ],
    [
      '626',
      'a mother since 31/03/2025, not one last year',
      thisYear({ MOTHER: '1', MC_DOB: '31/03/2025' }),
      lastYear(),
      ['Header:2'],
    ],
    [
      '626',
      'a mother since 01/04/2025, not one last year',
      thisYear({ MOTHER: '1', MC_DOB: '01/04/2025' }),
      lastYear(),
      [],
    ],
    [
      '199',
      'adopted last year, looked after again',
      thisYear(),
      lastYear({}, [anEpisode({ DECOM: '01/05/2022', PLACE: 'A4', DEC: '01/05/2023', REC: 'E11' })]),
      ['Episodes:2'],
    ],
  ])('%s: %s', (rule, _situation, tables, previous, expected) => {
    expect(flagsOf(rule, tables, { previousTables: previous })).toEqual(expected);
  });

  it('202 is skipped, not passed, without last year', () => {
    expect(flagsOf('202', thisYear({ SEX: 'M' }))).toEqual([]);
  });
  it('199 reads this year alone too', () => {
    const tables: TableRows = {
      Header: [aChild()],
      Episodes: [
        anEpisode({ PLACE: 'A4', DEC: '01/06/2025', REC: 'E12' }),
        anEpisode({ DECOM: '01/10/2025' }),
      ],
    };
    expect(flagsOf('199', tables)).toEqual(['Episodes:3']);
  });
});
