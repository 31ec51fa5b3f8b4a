import { describe, expect, it } from 'vitest';
import { aChild, anEpisode, flagsOf, type TableRows } from '../test-builders.ts';

const episodes = (...rows: Record<string, string>[]): TableRows => ({ Header: [aChild()], Episodes: rows });
/** An episode from 1 May 2025 to `dec` (E13), under legal status `ls` in placement `place`. */
const lasting = (ls: string, dec: string, place = 'U4') =>
  episodes(anEpisode({ LS: ls, PLACE: place, DEC: dec, REC: dec ? 'E13' : '' }));
/** A temporary placement `place` from 1 June 2025 to `dec`, between two spells with the usual carers. */
const temporary = (place: string, dec: string, back: Record<string, string> = {}) =>
  episodes(
    anEpisode({ PL_POST: 'LS1 1AA', DEC: '01/06/2025', REC: 'X1', REASON_PLACE_CHANGE: '' }),
    anEpisode({ DECOM: '01/06/2025', RNE: 'T', PLACE: place, PLACE_PROVIDER: '', DEC: dec, REC: 'X1' }),
    anEpisode({ DECOM: dec, RNE: 'P', PL_POST: 'LS1 1AA', ...back }),
  );
/** A short break (V3) from `decom` to `dec`. */
const aBreak = (decom: string, dec: string) =>
  anEpisode({ DECOM: decom, LS: 'V3', PLACE: 'U1', DEC: dec, REC: 'E13' });

describe('SSDA903 episode rules on durations (2025–26)', () => {
  it.each<[string, string, TableRows, string[]]>([
    ['361', 'police protection for 4 days', lasting('L1', '05/05/2025'), ['Episodes:2']],
    ['361', 'police protection for 3 days', lasting('L1', '04/05/2025'), []],
    [
      '361',
      'police protection over two episodes, 4 days in all',
      episodes(
        anEpisode({ LS: 'L1', DEC: '03/05/2025', REC: 'X1' }),
        anEpisode({ DECOM: '03/05/2025', RNE: 'P', LS: 'L1', PLACE: 'U1', DEC: '05/05/2025', REC: 'E13' }),
      ),
      ['Episodes:2', 'Episodes:3'],
    ],
    ['362', 'emergency protection for 22 days', lasting('L2', '23/05/2025'), ['Episodes:2']],
    ['362', 'emergency protection for 21 days', lasting('L2', '22/05/2025'), []],
    ['362', 'emergency protection still open at the end of the year', lasting('L2', ''), ['Episodes:2']],
    ['363', 'child assessment order for 8 days', lasting('L3', '09/05/2025'), ['Episodes:2']],
    ['363', 'child assessment order for 7 days', lasting('L3', '08/05/2025'), []],
    ['364', 'PACE detention for 22 days', lasting('J2', '23/05/2025'), ['Episodes:2']],
    ['364', 'PACE detention for 21 days', lasting('J2', '22/05/2025'), []],
    ['365', 'a short break of 18 days', episodes(aBreak('01/05/2025', '19/05/2025')), ['Episodes:2']],
    ['365', 'a short break of 17 days', episodes(aBreak('01/05/2025', '18/05/2025')), []],
    [
      '366',
      'a short break continuing after a move',
      episodes(aBreak('01/05/2025', '03/05/2025'), { ...aBreak('03/05/2025', '05/05/2025'), RNE: 'P' }),
      ['Episodes:3'],
    ],
    [
      '367',
      'short breaks of 76 days in the year',
      episodes(
        ...['01/05/2025', '01/06/2025', '01/07/2025', '01/08/2025', '01/09/2025'].map((start, i) =>
          aBreak(start, `${i === 4 ? '17' : '16'}/${start.slice(3)}`),
        ),
      ),
      ['Episodes:2', 'Episodes:3', 'Episodes:4', 'Episodes:5', 'Episodes:6'],
    ],
    [
      '367',
      'short breaks of 75 days in the year',
      episodes(
        ...['01/05/2025', '01/06/2025', '01/07/2025', '01/08/2025', '01/09/2025'].map((start) =>
          aBreak(start, `16/${start.slice(3)}`),
        ),
      ),
      [],
    ],
    [
      '359',
      'an open episode in foster care after the 18th birthday',
      { Header: [aChild({ DOB: '30/03/2008' })], Episodes: [anEpisode()] },
      ['Episodes:2'],
    ],
    [
      '359',
      'turning 18 on 31/03/2026',
      { Header: [aChild({ DOB: '31/03/2008' })], Episodes: [anEpisode()] },
      [],
    ],
    [
      '359',
      'after 18 under V2 in a children’s home',
      { Header: [aChild({ DOB: '30/03/2008' })], Episodes: [anEpisode({ LS: 'V2', PLACE: 'K2' })] },
      [],
    ],
    ['375', 'in hospital (T1) for 43 days', temporary('T1', '14/07/2025'), ['Episodes:3']],
    ['375', 'in hospital (T1) for 42 days', temporary('T1', '13/07/2025'), []],
    ['376', 'carers on holiday (T3) for 22 days', temporary('T3', '23/06/2025'), ['Episodes:3']],
    ['376', 'carers on holiday (T3) for 21 days', temporary('T3', '22/06/2025'), []],
    ['379', 'another temporary placement (T4) for 8 days', temporary('T4', '09/06/2025'), ['Episodes:3']],
    ['379', 'another temporary placement (T4) for 7 days', temporary('T4', '08/06/2025'), []],
    ['378', 'with parents under section 20 (V2)', lasting('V2', '', 'P1'), ['Episodes:2']],
    ['382', 'a temporary placement on a short break', lasting('V3', '03/05/2025', 'T1'), ['Episodes:2']],
    ['384', 'long-term fostering (U4) on a short break', lasting('V4', '03/05/2025', 'U4'), ['Episodes:2']],
    ['384', 'short-term fostering (U6) on a short break', lasting('V4', '03/05/2025', 'U6'), []],
    ['383', 'back to the usual carers', temporary('T3', '10/06/2025'), []],
    ['383', 'back to another placement type', temporary('T3', '10/06/2025', { PLACE: 'U6' }), ['Episodes:4']],
    [
      '383',
      'back to another postcode',
      temporary('T3', '10/06/2025', { PL_POST: 'LS2 2BB' }),
      ['Episodes:4'],
    ],
  ])('%s: %s', (rule, _situation, tables, expected) => {
    expect(flagsOf(rule, tables)).toEqual(expected);
  });

  it.each<[string, string[], string[]]>([
    [
      'three T3 placements within 12 months',
      ['01/05/2025', '01/08/2025', '01/03/2026'],
      ['Episodes:2', 'Episodes:4', 'Episodes:6'],
    ],
    ['the third 12 months after the first', ['01/05/2024', '01/08/2024', '01/05/2025'], []],
  ])('377: %s', (_situation, starts, expected) => {
    const rows = starts.flatMap((start, i) => [
      anEpisode({
        DECOM: start,
        RNE: i === 0 ? 'S' : 'P',
        PLACE: 'T3',
        PLACE_PROVIDER: '',
        DEC: start.replace(/^01/, '05'),
        REC: 'X1',
      }),
      anEpisode({
        DECOM: start.replace(/^01/, '05'),
        RNE: 'P',
        DEC: i === 2 ? '' : starts[i + 1]!,
        REC: i === 2 ? '' : 'X1',
      }),
    ]);
    expect(flagsOf('377', episodes(...rows))).toEqual(expected);
  });
});
