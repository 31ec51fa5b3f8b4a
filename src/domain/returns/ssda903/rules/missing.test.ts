import { describe, expect, it } from 'vitest';
import { aChild, anEpisode, flagsOf, type TableRows } from '../test-builders.ts';

/** A missing or away period of the girl born 1 June 2010 looked after from 1 May 2025. */
const aPeriod = (overrides: Record<string, string> = {}): Record<string, string> => ({
  CHILD: '1',
  DOB: '01/06/2010',
  MISSING: 'M',
  MIS_START: '01/07/2025',
  MIS_END: '03/07/2025',
  ...overrides,
});
const missing = (rows: Record<string, string>[], episodes = [anEpisode()]): TableRows => ({
  Header: [aChild()],
  Episodes: episodes,
  Missing: rows,
});
/** Looked after 1 May 2025 to 1 September 2025 (E13: left care to live with parents). */
const ceased = [anEpisode({ DEC: '01/09/2025', REC: 'E13' })];

describe('SSDA903 Missing rules (2025–26)', () => {
  it('a missing period within care breaks no rule', () => {
    for (const rule of ['1004', '1005', '1006', '564', '565', '566', '567', '570', '571', '574']) {
      expect(flagsOf(rule, missing([aPeriod()])), rule).toEqual([]);
    }
    for (const rule of ['575', '577', '578', '580', '581', '586']) {
      expect(flagsOf(rule, missing([aPeriod()])), rule).toEqual([]);
    }
  });

  it.each<[string, string, TableRows, string[]]>([
    ['1004', 'start 31/06/2025', missing([aPeriod({ MIS_START: '31/06/2025' })]), ['Missing:2']],
    ['1004', 'start blank', missing([aPeriod({ MIS_START: '' })]), ['Missing:2']],
    ['1005', 'end 2025-07-03', missing([aPeriod({ MIS_END: '2025-07-03' })]), ['Missing:2']],
    ['1005', 'end blank (still missing)', missing([aPeriod({ MIS_END: '' })]), []],
    ['1006', 'type X', missing([aPeriod({ MISSING: 'X' })]), ['Missing:2']],
    ['1006', 'type A', missing([aPeriod({ MISSING: 'A' })]), []],
    ['564', 'missing with no start', missing([aPeriod({ MIS_START: '' })]), ['Missing:2']],
    ['564', 'an unreadable start is 1004, not 564', missing([aPeriod({ MIS_START: '31/06/2025' })]), []],
    ['565', 'a start but no type', missing([aPeriod({ MISSING: '' })]), ['Missing:2']],
    ['566', 'an end but no type', missing([aPeriod({ MISSING: '', MIS_START: '' })]), ['Missing:2']],
    ['566', 'no end and no type', missing([aPeriod({ MISSING: '', MIS_END: '' })]), []],
    ['567', 'ended the day before it started', missing([aPeriod({ MIS_END: '30/06/2025' })]), ['Missing:2']],
    ['567', 'ended the day it started', missing([aPeriod({ MIS_END: '01/07/2025' })]), []],
    [
      '570',
      'started 01/04/2026',
      missing([aPeriod({ MIS_START: '01/04/2026', MIS_END: '' })], [anEpisode({ DECOM: '01/03/2026' })]),
      ['Missing:2'],
    ],
    [
      '570',
      'started 31/03/2026',
      missing([aPeriod({ MIS_START: '31/03/2026', MIS_END: '' })], [anEpisode({ DECOM: '01/03/2026' })]),
      [],
    ],
    [
      '571',
      'ended 31/03/2025',
      missing([aPeriod({ MIS_START: '30/03/2025', MIS_END: '31/03/2025' })]),
      ['Missing:2'],
    ],
    ['571', 'ended 01/04/2025', missing([aPeriod({ MIS_START: '30/03/2025', MIS_END: '01/04/2025' })]), []],
    ['571', 'ended 01/04/2026', missing([aPeriod({ MIS_END: '01/04/2026' })]), ['Missing:2']],
    ['571', 'ended 31/03/2026', missing([aPeriod({ MIS_END: '31/03/2026' })]), []],
    [
      '574',
      'a second period while the first is open',
      missing([aPeriod({ MIS_END: '' }), aPeriod({ MIS_START: '10/07/2025', MIS_END: '11/07/2025' })]),
      ['Missing:3'],
    ],
    [
      '574',
      'a second period starting the day before the first ended',
      missing([aPeriod(), aPeriod({ MIS_START: '02/07/2025', MIS_END: '05/07/2025' })]),
      ['Missing:3'],
    ],
    [
      '574',
      'a second period starting the day the first ended',
      missing([aPeriod(), aPeriod({ MIS_START: '03/07/2025', MIS_END: '05/07/2025' })]),
      [],
    ],
    ['575', 'placement ended, period open', missing([aPeriod({ MIS_END: '' })], ceased), ['Missing:2']],
    ['575', 'placement open, period open', missing([aPeriod({ MIS_END: '' })]), []],
    ['577', 'care ended, period open', missing([aPeriod({ MIS_END: '' })], ceased), ['Missing:2']],
    ['577', 'care ended, period ended', missing([aPeriod()], ceased), []],
    [
      '577',
      'started the day care ended and began again, still missing and in care',
      missing(
        [aPeriod({ MIS_START: '01/09/2025', MIS_END: '' })],
        [...ceased, anEpisode({ DECOM: '01/09/2025', PLACE: 'U6' })],
      ),
      [],
    ],
    [
      '578',
      'started the day after care ended',
      missing([aPeriod({ MIS_START: '02/09/2025', MIS_END: '03/09/2025' })], ceased),
      ['Missing:2'],
    ],
    [
      '578',
      'started the day care ended',
      missing([aPeriod({ MIS_START: '01/09/2025', MIS_END: '03/09/2025' })], ceased),
      [],
    ],
    [
      '581',
      'started the day before care began',
      missing([aPeriod({ MIS_START: '30/04/2025', MIS_END: '03/07/2025' })]),
      ['Missing:2'],
    ],
    ['581', 'started the day care began', missing([aPeriod({ MIS_START: '01/05/2025' })]), []],
    [
      '580',
      'missing until the 18th birthday, care ceased that day with E13',
      {
        Header: [aChild({ DOB: '01/09/2007' })],
        Episodes: ceased,
        Missing: [aPeriod({ DOB: '01/09/2007', MIS_END: '01/09/2025' })],
      },
      ['Episodes:2'],
    ],
    [
      '580',
      'the same, ceased with E8',
      {
        Header: [aChild({ DOB: '01/09/2007' })],
        Episodes: [anEpisode({ DEC: '01/09/2025', REC: 'E8' })],
        Missing: [aPeriod({ DOB: '01/09/2007', MIS_END: '01/09/2025' })],
      },
      [],
    ],
    [
      '586',
      'started the day before birth',
      {
        Header: [aChild({ DOB: '02/07/2025' })],
        Episodes: [anEpisode({ DECOM: '02/07/2025' })],
        Missing: [aPeriod({ DOB: '02/07/2025' })],
      },
      ['Missing:2'],
    ],
  ])('%s: %s', (rule, _situation, tables, expected) => {
    expect(flagsOf(rule, tables)).toEqual(expected);
  });

  describe("576: an open period in last year's return", () => {
    const lastYear: TableRows = {
      Header: [aChild()],
      Episodes: [anEpisode({ DECOM: '01/05/2024' })],
      Missing: [aPeriod({ MIS_START: '20/03/2025', MIS_END: '' })],
    };
    const thisYear = (rows: Record<string, string>[]): TableRows =>
      missing(rows, [anEpisode({ DECOM: '01/05/2024' })]);
    it.each<[string, TableRows, string[]]>([
      [
        'carried over with the same start',
        thisYear([aPeriod({ MIS_START: '20/03/2025', MIS_END: '02/04/2025' })]),
        [],
      ],
      ['carried over a day later', thisYear([aPeriod({ MIS_START: '21/03/2025' })]), ['Missing:2']],
      ['not carried over at all', thisYear([]), ['Header:2']],
    ])('%s', (_situation, tables, expected) => {
      expect(flagsOf('576', tables, { previousTables: lastYear })).toEqual(expected);
    });
  });
});
