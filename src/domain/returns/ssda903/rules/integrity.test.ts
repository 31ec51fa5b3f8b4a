import { describe, expect, it } from 'vitest';
import type { Ssda903Table } from '../tables.ts';
import { aChild, anEpisode, flagsOf, type TableRows } from '../test-builders.ts';

/** A row of `table` for child `child`, born on `dob` (the header's girl's birthday by default). */
const rowOf = (child = '1', dob = '01/06/2010'): Record<string, string> => ({ CHILD: child, DOB: dob });
/** The girl born 1 June 2010, looked after from 1 May 2025, with `rows` on `table`. */
const withRows = (table: Ssda903Table, rows: Record<string, string>[]): TableRows => ({
  Header: [aChild()],
  Episodes: [anEpisode()],
  [table]: rows,
});

const inHeaderChecks: [string, Ssda903Table][] = [
  ['INT01', 'AD1'],
  ['INT02', 'PlacedAdoption'],
  ['INT04', 'Missing'],
  ['INT05', 'OC2'],
  ['INT06', 'OC3'],
  ['INT07', 'PrevPerm'],
  ['INT08', 'Reviews'],
  ['INT09', 'UASC'],
];
const dobChecks: [string, Ssda903Table][] = [
  ['INT11', 'AD1'],
  ['INT12', 'PlacedAdoption'],
  ['INT13', 'Missing'],
  ['INT14', 'OC2'],
  ['INT15', 'OC3'],
  ['INT16', 'PrevPerm'],
  ['INT17', 'Reviews'],
  ['INT18', 'UASC'],
];
const onceChecks: [string, Ssda903Table][] = [
  ['INT31', 'AD1'],
  ['INT33', 'OC2'],
  ['INT34', 'OC3'],
  ['INT35', 'PrevPerm'],
  ['INT36', 'UASC'],
];

describe('SSDA903 integrity checks (2025–26)', () => {
  it.each(inHeaderChecks)('%s: a child in %s must be in the Header', (rule, table) => {
    expect(flagsOf(rule, withRows(table, [rowOf('1'), rowOf('2')]))).toEqual([`${table}:3`]);
    expect(flagsOf(rule, withRows(table, [rowOf('1')]))).toEqual([]);
  });

  it('INT03: a child with episodes must be in the Header', () => {
    const tables: TableRows = { Header: [aChild()], Episodes: [anEpisode(), anEpisode({ CHILD: '2' })] };
    expect(flagsOf('INT03', tables)).toEqual(['Episodes:3']);
    expect(flagsOf('INT03', { Header: [aChild()], Episodes: [anEpisode()] })).toEqual([]);
  });

  it.each(dobChecks)('%s: the date of birth in %s must be the Header’s', (rule, table) => {
    expect(flagsOf(rule, withRows(table, [rowOf('1', '02/06/2010')]))).toEqual([`${table}:2`]);
    expect(flagsOf(rule, withRows(table, [rowOf('1', '01/06/2010')]))).toEqual([]);
    // A blank date of birth is not a different one (and an unreadable one is READ-DATE's).
    expect(flagsOf(rule, withRows(table, [rowOf('1', '')]))).toEqual([]);
  });

  it('INT21: the sex in UASC must be the Header’s', () => {
    const uasc = (sex: string) => withRows('UASC', [{ ...rowOf(), SEX: sex }]);
    expect(flagsOf('INT21', uasc('M'))).toEqual(['UASC:2']);
    expect(flagsOf('INT21', uasc('F'))).toEqual([]);
    expect(flagsOf('INT21', uasc(''))).toEqual([]);
  });

  it.each(onceChecks)('%s: a child is in %s once', (rule, table) => {
    expect(flagsOf(rule, withRows(table, [rowOf(), rowOf(), rowOf('2')]))).toEqual([
      `${table}:2`,
      `${table}:3`,
    ]);
    expect(flagsOf(rule, withRows(table, [rowOf(), rowOf('2')]))).toEqual([]);
  });

  it('INT32: a child is in the Header once', () => {
    const header = (...children: Record<string, string>[]): TableRows => ({
      Header: children,
      Episodes: [anEpisode(), anEpisode({ CHILD: '2' })],
    });
    expect(flagsOf('INT32', header(aChild(), aChild(), aChild({ CHILD: '2' })))).toEqual([
      'Header:2',
      'Header:3',
    ]);
    expect(flagsOf('INT32', header(aChild(), aChild({ CHILD: '2' })))).toEqual([]);
  });

  it.each<[string, TableRows, string[]]>([
    ['a child in the Header without episodes', { Header: [aChild()], Episodes: [] }, ['Header:2']],
    ['a child with an episode', { Header: [aChild()], Episodes: [anEpisode()] }, []],
    [
      'a care leaver on OC3 without episodes',
      {
        Header: [aChild({ DOB: '01/06/2006' })],
        Episodes: [],
        OC3: [{ CHILD: '1', DOB: '01/06/2006', IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'S2' }],
      },
      [],
    ],
  ])('EPI: %s', (_situation, tables, expected) => {
    expect(flagsOf('EPI', tables)).toEqual(expected);
  });
});
