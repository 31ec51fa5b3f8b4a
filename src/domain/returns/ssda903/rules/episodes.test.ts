import { describe, expect, it } from 'vitest';
import { aChild, anEpisode, flagsOf, type TableRows } from '../test-builders.ts';

const episodes = (...rows: Record<string, string>[]): TableRows => ({ Header: [aChild()], Episodes: rows });
/** A child born 1 June 2010 whose first episode is followed, the day it ceases, by `next`. */
const moved = (first: Record<string, string>, next: Record<string, string>): TableRows =>
  episodes(
    anEpisode({ DEC: '01/09/2025', REC: 'X1', ...first }),
    anEpisode({ DECOM: '01/09/2025', RNE: 'P', ...next }),
  );
const bornOn = (dob: string, ...rows: Record<string, string>[]): TableRows => ({
  Header: [aChild({ DOB: dob })],
  Episodes: rows,
});

describe('SSDA903 episode rules (2025–26)', () => {
  it.each<[string, string, TableRows, string[]]>([
    [
      '141',
      'start 2025-05-01 (not DD/MM/YYYY)',
      episodes(anEpisode({ DECOM: '2025-05-01' })),
      ['Episodes:2'],
    ],
    ['141', 'start blank', episodes(anEpisode({ DECOM: '' })), ['Episodes:2']],
    ['141', 'start 01/05/2025', episodes(anEpisode()), []],
    ['143', 'reason for new episode X', episodes(anEpisode({ RNE: 'X' })), ['Episodes:2']],
    ['144', 'legal status C9', episodes(anEpisode({ LS: 'C9' })), ['Episodes:2']],
    ['144', 'legal status V2', episodes(anEpisode({ LS: 'V2' })), []],
    ['145', 'category of need N9', episodes(anEpisode({ CIN: 'N9' })), ['Episodes:2']],
    ['146', 'placement H5, withdrawn in 2025–26', episodes(anEpisode({ PLACE: 'H5' })), ['Episodes:2']],
    ['146', 'placement K3, new in 2025–26', episodes(anEpisode({ PLACE: 'K3' })), []],
    ['147', 'ceased 32/01/2026', episodes(anEpisode({ DEC: '32/01/2026', REC: 'E13' })), ['Episodes:2']],
    ['147', 'still open', episodes(anEpisode()), []],
    ['148', 'ceased with no reason', episodes(anEpisode({ DEC: '01/02/2026' })), ['Episodes:2']],
    ['148', 'a reason with no date', episodes(anEpisode({ REC: 'E13' })), ['Episodes:2']],
    ['148', 'both given', episodes(anEpisode({ DEC: '01/02/2026', REC: 'E13' })), []],
    ['149', 'reason ceased E4', episodes(anEpisode({ DEC: '01/02/2026', REC: 'E4' })), ['Episodes:2']],
    ['178', 'provider PR9', episodes(anEpisode({ PLACE_PROVIDER: 'PR9' })), ['Episodes:2']],
    ['178', 'provider blank (rule 526 is about that)', episodes(anEpisode({ PLACE_PROVIDER: '' })), []],
    [
      '178',
      'provider PR1 for a temporary placement T2',
      episodes(anEpisode({ PLACE: 'T2', PLACE_PROVIDER: 'PR1' })),
      ['Episodes:2'],
    ],
    [
      '178',
      'provider PR1 for Z12',
      episodes(anEpisode({ PLACE: 'Z12', PLACE_PROVIDER: 'PR1' })),
      ['Episodes:2'],
    ],
    [
      '178',
      'provider PR1 for T4 (213 only)',
      episodes(anEpisode({ PLACE: 'T4', PLACE_PROVIDER: 'PR1' })),
      [],
    ],
    ['178', 'no provider for T2', episodes(anEpisode({ PLACE: 'T2', PLACE_PROVIDER: '' })), []],
    ['1009', 'reason for change XXXX', moved({}, { REASON_PLACE_CHANGE: 'XXXX' }), ['Episodes:3']],
    ['1009', 'reason for change CARPL', moved({}, { REASON_PLACE_CHANGE: 'CARPL' }), []],
    ['353', 'started 13/10/1991', bornOn('01/01/1990', anEpisode({ DECOM: '13/10/1991' })), ['Episodes:2']],
    ['353', 'started 14/10/1991', bornOn('01/01/1990', anEpisode({ DECOM: '14/10/1991' })), []],
    ['354', 'started 01/04/2026', episodes(anEpisode({ DECOM: '01/04/2026' })), ['Episodes:2']],
    ['354', 'started 31/03/2026', episodes(anEpisode({ DECOM: '31/03/2026' })), []],
    ['385', 'ceased 01/04/2026', episodes(anEpisode({ DEC: '01/04/2026', REC: 'E13' })), ['Episodes:2']],
    ['385', 'ceased 31/03/2026', episodes(anEpisode({ DEC: '31/03/2026', REC: 'E13' })), []],
    [
      '355',
      'began and ceased 01/05/2025',
      episodes(anEpisode({ DEC: '01/05/2025', REC: 'E13' })),
      ['Episodes:2'],
    ],
    ['355', 'ceased the next day', episodes(anEpisode({ DEC: '02/05/2025', REC: 'E13' })), []],
    [
      '356',
      'ceased the day before it began',
      episodes(anEpisode({ DEC: '30/04/2025', REC: 'E13' })),
      ['Episodes:2'],
    ],
    ['380', 'care starting in a temporary placement', episodes(anEpisode({ PLACE: 'T1' })), ['Episodes:2']],
    ['380', 'a temporary placement after a move', moved({}, { PLACE: 'T1' }), []],
    [
      '381',
      'care ending in a temporary placement',
      moved({}, { PLACE: 'T1', DEC: '01/10/2025', REC: 'E13' }),
      ['Episodes:3'],
    ],
    ['381', 'a temporary placement ending X1', moved({ PLACE: 'T1', RNE: 'P' }, {}), []],
    [
      '446',
      'placement order starting 29/12/2005',
      bornOn('01/01/2004', anEpisode({ LS: 'E1', DECOM: '29/12/2005' })),
      ['Episodes:2'],
    ],
    [
      '446',
      'placement order starting 30/12/2005',
      bornOn('01/01/2004', anEpisode({ LS: 'E1', DECOM: '30/12/2005' })),
      [],
    ],
    [
      '408',
      'placed under a placement order (A6) on a care order',
      moved({}, { PLACE: 'A6' }),
      ['Episodes:3'],
    ],
    ['408', 'placed under a placement order (A5), E1', moved({}, { PLACE: 'A5', LS: 'E1' }), []],
    ['408', 'placed with consent (A4) on a care order', moved({}, { PLACE: 'A4' }), []],
    [
      '426',
      'short breaks as V3 and then as V4',
      episodes(
        anEpisode({ LS: 'V3', DEC: '05/05/2025', REC: 'E13' }),
        anEpisode({ LS: 'V4', DECOM: '01/09/2025' }),
      ),
      ['Episodes:2', 'Episodes:3'],
    ],
    [
      '426',
      'short breaks as V3 twice',
      episodes(
        anEpisode({ LS: 'V3', DEC: '05/05/2025', REC: 'E13' }),
        anEpisode({ LS: 'V3', DECOM: '01/09/2025' }),
      ),
      [],
    ],
    [
      '142',
      'a later episode while the first is open',
      episodes(anEpisode(), anEpisode({ DECOM: '01/09/2025', RNE: 'P' })),
      ['Episodes:2'],
    ],
    ['142', 'the first ceased X1', moved({}, {}), []],
    ['357', 'first episode this year with reason P', episodes(anEpisode({ RNE: 'P' })), ['Episodes:2']],
    [
      '357',
      'first episode before this year with reason P',
      episodes(anEpisode({ RNE: 'P', DECOM: '31/03/2025' })),
      [],
    ],
    [
      '388',
      'X1 but the next episode starts a day later',
      moved({}, { DECOM: '02/09/2025', RNE: 'S' }),
      ['Episodes:2'],
    ],
    ['388', 'X1 on the last episode', episodes(anEpisode({ DEC: '01/09/2025', REC: 'X1' })), ['Episodes:2']],
    ['388', 'ceased E13 and a new episode the same day', moved({ REC: 'E13' }, { RNE: 'S' }), ['Episodes:2']],
    ['388', 'X1 followed the same day', moved({}, {}), []],
    ['431', 'reason S the day the previous ceased', moved({ REC: 'E13' }, { RNE: 'S' }), ['Episodes:3']],
    ['431', 'reason S the day after', moved({ REC: 'E13' }, { RNE: 'S', DECOM: '02/09/2025' }), []],
    ['433', 'reason P a day after the previous ceased', moved({}, { DECOM: '02/09/2025' }), ['Episodes:3']],
    ['433', 'reason P the same day', moved({}, {}), []],
    ['434', 'reason L but the legal status is unchanged', moved({}, { RNE: 'L' }), ['Episodes:3']],
    [
      '434',
      'reason L and the placement changed too',
      moved({}, { RNE: 'L', LS: 'E1', PLACE: 'U6' }),
      ['Episodes:3'],
    ],
    ['434', 'reason L, legal status alone changed', moved({}, { RNE: 'L', LS: 'E1' }), []],
    ['437', 'died, yet a later episode', moved({ REC: 'E2' }, {}), ['Episodes:2']],
    ['437', 'died in the last episode', episodes(anEpisode({ DEC: '01/09/2025', REC: 'E2' })), []],
    [
      '501',
      'an episode starting before the previous ceased',
      moved({ DEC: '02/09/2025' }, {}),
      ['Episodes:3'],
    ],
    ['501', 'an episode starting the day the previous ceased', moved({}, {}), []],
  ])('%s: %s', (rule, _situation, tables, expected) => {
    expect(flagsOf(rule, tables)).toEqual(expected);
  });

  describe('ages (dates of birth chosen around the birthday)', () => {
    it.each<[string, string, TableRows, string[]]>([
      [
        '358',
        'remanded (J1) the day before turning 10',
        bornOn('02/05/2015', anEpisode({ LS: 'J1' })),
        ['Episodes:2'],
      ],
      ['358', 'remanded (J1) on the 10th birthday', bornOn('01/05/2015', anEpisode({ LS: 'J1' })), []],
      [
        '371',
        'supported accommodation (K3) the day before 16',
        bornOn('02/05/2009', anEpisode({ PLACE: 'K3' })),
        ['Episodes:2'],
      ],
      [
        '371',
        'supported accommodation (K3) on the 16th birthday',
        bornOn('01/05/2009', anEpisode({ PLACE: 'K3' })),
        [],
      ],
      [
        '372',
        'young offender institution at 9',
        bornOn('02/05/2015', anEpisode({ PLACE: 'R5' })),
        ['Episodes:2'],
      ],
      ['372', 'young offender institution at 10', bornOn('01/05/2015', anEpisode({ PLACE: 'R5' })), []],
      ['373', 'residential school at 3', bornOn('02/05/2021', anEpisode({ PLACE: 'S1' })), ['Episodes:2']],
      ['373', 'residential school at 4', bornOn('01/05/2021', anEpisode({ PLACE: 'S1' })), []],
      [
        '374',
        'residential employment at 13',
        bornOn('02/05/2011', anEpisode({ PLACE: 'P3' })),
        ['Episodes:2'],
      ],
      ['374', 'residential employment at 14', bornOn('01/05/2011', anEpisode({ PLACE: 'P3' })), []],
      [
        '386',
        'adopted on the 18th birthday',
        bornOn('01/02/2008', anEpisode({ DEC: '01/02/2026', REC: 'E11' })),
        ['Episodes:2'],
      ],
      [
        '386',
        'adopted the day before',
        bornOn('02/02/2008', anEpisode({ DEC: '01/02/2026', REC: 'E11' })),
        [],
      ],
      [
        '387',
        'independent living at 13',
        bornOn('02/02/2012', anEpisode({ DEC: '01/02/2026', REC: 'E5' })),
        ['Episodes:2'],
      ],
      [
        '387',
        'independent living on the 14th birthday',
        bornOn('01/02/2012', anEpisode({ DEC: '01/02/2026', REC: 'E5' })),
        [],
      ],
      [
        '389',
        'adult social care at 15',
        bornOn('02/02/2010', anEpisode({ DEC: '01/02/2026', REC: 'E7' })),
        ['Episodes:2'],
      ],
      [
        '389',
        'adult social care at 16',
        bornOn('01/02/2010', anEpisode({ DEC: '01/02/2026', REC: 'E7' })),
        [],
      ],
      [
        '407',
        'special guardianship on the 18th birthday',
        bornOn('01/02/2008', anEpisode({ DEC: '01/02/2026', REC: 'E45' })),
        ['Episodes:2'],
      ],
      [
        '407',
        'special guardianship the day before',
        bornOn('02/02/2008', anEpisode({ DEC: '01/02/2026', REC: 'E45' })),
        [],
      ],
      [
        '460',
        'stayed put the day before 18',
        bornOn('02/02/2008', anEpisode({ DEC: '01/02/2026', REC: 'E17' })),
        ['Episodes:2'],
      ],
      [
        '460',
        'stayed put on the 18th birthday',
        bornOn('01/02/2008', anEpisode({ DEC: '01/02/2026', REC: 'E17' })),
        [],
      ],
    ])('%s: %s', (rule, _situation, tables, expected) => {
      expect(flagsOf(rule, tables)).toEqual(expected);
    });
  });

  describe("comparison with last year's return", () => {
    const lastYear: TableRows = {
      Header: [aChild()],
      Episodes: [anEpisode({ DECOM: '01/05/2024', PLACE: 'U6' })],
    };
    const carried = (overrides: Record<string, string>): TableRows =>
      episodes(anEpisode({ DECOM: '01/05/2024', PLACE: 'U6', ...overrides }));

    it('is skipped, not passed, without the previous return', () => {
      expect(flagsOf('502', carried({ DECOM: '02/05/2024' }))).toEqual([]);
    });
    it.each<[string, string, TableRows, string[]]>([
      [
        '502',
        'the open episode started 01/05/2024, this year 02/05/2024',
        carried({ DECOM: '02/05/2024' }),
        ['Episodes:2'],
      ],
      ['502', 'the same start', carried({}), []],
      ['503B', 'legal status changed without a new episode', carried({ LS: 'C1' }), ['Episodes:2']],
      ['503B', 'same legal status', carried({}), []],
      ['503D', 'placement type changed without a new episode', carried({ PLACE: 'U4' }), ['Episodes:2']],
      ['503D', 'same placement type', carried({}), []],
    ])('%s: %s', (rule, _situation, tables, expected) => {
      expect(flagsOf(rule, tables, { previousTables: lastYear })).toEqual(expected);
    });
  });
});
