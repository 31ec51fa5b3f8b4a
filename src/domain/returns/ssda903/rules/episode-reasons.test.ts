import { describe, expect, it } from 'vitest';
import { aChild, anEpisode, flagsOf, type TableRows } from '../test-builders.ts';

/** A child born 1 June 2010 whose first episode ceases on 1 September 2025 and is followed by `next`. */
const moved = (first: Record<string, string>, next: Record<string, string>): TableRows => ({
  Header: [aChild()],
  Episodes: [
    anEpisode({ PL_POST: 'LS1 1AA', DEC: '01/09/2025', REC: 'X1', REASON_PLACE_CHANGE: 'CARPL', ...first }),
    anEpisode({ DECOM: '01/09/2025', PL_POST: 'LS1 1AA', ...next }),
  ],
});
const elsewhere = { PLACE: 'U6', PL_POST: 'LS2 2BB' };

describe('SSDA903 episode rules on reasons for a new episode (2025–26)', () => {
  it.each<[string, string, TableRows, string[]]>([
    ['435', 'P, moved elsewhere', moved({}, { RNE: 'P', ...elsewhere }), []],
    ['435', 'P, same placement', moved({}, { RNE: 'P' }), ['Episodes:3']],
    ['435', 'P, legal status changed too', moved({}, { RNE: 'P', LS: 'E1', ...elsewhere }), ['Episodes:3']],
    ['436', 'B, both changed', moved({}, { RNE: 'B', LS: 'E1', ...elsewhere }), []],
    ['436', 'B, legal status unchanged', moved({}, { RNE: 'B', ...elsewhere }), ['Episodes:3']],
    ['436', 'U, placement unchanged', moved({}, { RNE: 'U', LS: 'E1' }), ['Episodes:3']],
    [
      '432',
      'left care (E13), then P',
      moved({ REC: 'E13' }, { RNE: 'P', DECOM: '05/09/2025' }),
      ['Episodes:3'],
    ],
    ['432', 'left care (E13), then S', moved({ REC: 'E13' }, { RNE: 'S', DECOM: '05/09/2025' }), []],
    [
      '432',
      'reason ceased X9 (not a code: 149 reports it), then P',
      moved({ REC: 'X9' }, { RNE: 'P', DECOM: '05/09/2025' }),
      [],
    ],
    [
      '352',
      'started care on the 18th birthday',
      { Header: [aChild({ DOB: '01/05/2007' })], Episodes: [anEpisode()] },
      ['Episodes:2'],
    ],
    [
      '352',
      'started care the day before',
      { Header: [aChild({ DOB: '02/05/2007' })], Episodes: [anEpisode()] },
      [],
    ],
    [
      '504',
      'category of need changed on a move',
      moved({}, { RNE: 'P', CIN: 'N2', ...elsewhere }),
      ['Episodes:3'],
    ],
    [
      '504',
      'category of need changed in a new period',
      moved({ REC: 'E13' }, { RNE: 'S', CIN: 'N2', DECOM: '05/09/2025' }),
      [],
    ],
    [
      '504',
      'category of need changed in a new period starting the day the last ended (E13)',
      moved({ REC: 'E13' }, { RNE: 'S', CIN: 'N2' }),
      [],
    ],
    [
      '504',
      'category of need changed after a REC that is no code (E99), the next episode the same day',
      moved({ REC: 'E99' }, { RNE: 'P', CIN: 'N2', ...elsewhere }),
      [],
    ],
    [
      '504',
      'category of need changed two moves after the start of the period',
      {
        Header: [aChild()],
        Episodes: [
          anEpisode({ DEC: '01/09/2025', REC: 'X1', REASON_PLACE_CHANGE: 'CARPL' }),
          anEpisode({ DECOM: '01/09/2025', RNE: 'P', CIN: 'N2', ...elsewhere, DEC: '01/12/2025', REC: 'X1' }),
          anEpisode({ DECOM: '01/12/2025', RNE: 'P', CIN: 'N2', PLACE: 'U5' }),
        ],
      },
      ['Episodes:3', 'Episodes:4'],
    ],
    [
      '516',
      'special guardianship to foster carers from a home',
      moved({}, { RNE: 'P', PLACE: 'K2', DEC: '01/12/2025', REC: 'E45' }),
      ['Episodes:3'],
    ],
    [
      '516',
      'special guardianship to foster carers from foster care',
      moved({}, { RNE: 'P', ...elsewhere, DEC: '01/12/2025', REC: 'E45' }),
      [],
    ],
    [
      '217',
      'placed with foster carers for adoption, reason P',
      moved({}, { RNE: 'P', PLACE: 'A5' }),
      ['Episodes:3'],
    ],
    ['217', 'placed with foster carers for adoption, reason T', moved({}, { RNE: 'T', PLACE: 'A5' }), []],
  ])('%s: %s', (rule, _situation, tables, expected) => {
    expect(flagsOf(rule, tables)).toEqual(expected);
  });
});
