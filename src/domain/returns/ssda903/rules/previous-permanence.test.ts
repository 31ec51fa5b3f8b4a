import { describe, expect, it } from 'vitest';
import { aChild, anEpisode, flagsOf, type TableRows } from '../test-builders.ts';
import { readDatePerm } from './previous-permanence.ts';

/** The previous permanence of the girl born 1 June 2010: a special guardianship order (P2). */
const aPrevPerm = (overrides: Record<string, string> = {}): Record<string, string> => ({
  CHILD: '1',
  DOB: '01/06/2010',
  PREV_PERM: 'P2',
  LA_PERM: '800',
  DATE_PERM: '01/03/2020',
  ...overrides,
});
const permanence = (rows: Record<string, string>[], episodes = [anEpisode()]): TableRows => ({
  Header: [aChild()],
  Episodes: episodes,
  PrevPerm: rows,
});

describe('SSDA903 previous permanence rules (2025–26)', () => {
  it.each<[string, IsoLike]>([
    ['01/03/2020', '2020-03-01'],
    ['ZZ/03/2020', '2020-03-01'],
    ['ZZ/ZZ/2020', '2020-01-01'],
    ['ZZ/ZZ/ZZZZ', null],
    ['31/02/2020', 'invalid'],
    ['2020-03-01', 'invalid'],
  ])('DATE_PERM %s reads as %s', (text, expected) => {
    expect(readDatePerm(text)).toBe(expected);
  });

  it.each<[string, string, TableRows, string[]]>([
    ['630', 'started care this year, no previous permanence', permanence([]), ['Episodes:2']],
    [
      '630',
      'started care this year, option blank',
      permanence([aPrevPerm({ PREV_PERM: '' })]),
      ['Episodes:2'],
    ],
    ['630', 'option P2 but no date', permanence([aPrevPerm({ DATE_PERM: '' })]), ['Episodes:2']],
    ['630', 'option Z1 alone', permanence([aPrevPerm({ PREV_PERM: 'Z1', LA_PERM: '', DATE_PERM: '' })]), []],
    ['630', 'started care 31/03/2025', permanence([], [anEpisode({ DECOM: '31/03/2025' })]), []],
    ['631', 'option P9', permanence([aPrevPerm({ PREV_PERM: 'P9' })]), ['PrevPerm:2']],
    [
      '632',
      'order the day care started',
      permanence([aPrevPerm({ DATE_PERM: '01/05/2025' })]),
      ['PrevPerm:2'],
    ],
    ['632', 'order the day before', permanence([aPrevPerm({ DATE_PERM: '30/04/2025' })]), []],
    ['632', 'order 31/02/2020', permanence([aPrevPerm({ DATE_PERM: '31/02/2020' })]), ['PrevPerm:2']],
    ['632', 'order ZZ/ZZ/2020', permanence([aPrevPerm({ DATE_PERM: 'ZZ/ZZ/2020' })]), []],
    ['633', 'council 999X', permanence([aPrevPerm({ LA_PERM: '999X' })]), ['PrevPerm:2']],
    ['633', 'council WAL', permanence([aPrevPerm({ LA_PERM: 'WAL' })]), []],
    ['633', 'council 943, newer than the list', permanence([aPrevPerm({ LA_PERM: '943' })]), []],
    [
      '634',
      'looked after only since 31/03/2016',
      permanence([aPrevPerm()], [anEpisode({ DECOM: '31/03/2016' })]),
      ['PrevPerm:2'],
    ],
    [
      '634',
      'looked after since 01/04/2016',
      permanence([aPrevPerm()], [anEpisode({ DECOM: '01/04/2016' })]),
      [],
    ],
    [
      '634',
      'one episode from 2015, another whose start is unreadable (141 reports it)',
      permanence([aPrevPerm()], [anEpisode({ DECOM: '01/04/2015' }), anEpisode({ DECOM: '2025-05-01' })]),
      [],
    ],
    [
      '635',
      'a date and council with option Z1',
      permanence([aPrevPerm({ PREV_PERM: 'Z1' })]),
      ['PrevPerm:2'],
    ],
    [
      '635',
      'a date and council with option blank',
      permanence([aPrevPerm({ PREV_PERM: '' })]),
      ['PrevPerm:2'],
    ],
    ['635', 'a date and council with option P2', permanence([aPrevPerm()]), []],
  ])('%s: %s', (rule, _situation, tables, expected) => {
    expect(flagsOf(rule, tables)).toEqual(expected);
  });
});

type IsoLike = string | null;
