import { describe, expect, it } from 'vitest';
import { readSsda903 } from '../read.ts';
import { aChild, anEpisode, flagsOf, ssda903Files, type TableRows } from '../test-builders.ts';
import { validateSsda903 } from '../validate.ts';

/** Last year's return: the girl born 1 June 2010 in care from 1 May 2024, still there on 31 March 2025. */
const lastYear: TableRows = { Header: [aChild()], Episodes: [anEpisode({ DECOM: '01/05/2024' })] };
/** Last year's return, of another child only. */
const notLastYear: TableRows = { Header: [aChild({ CHILD: '2' })], Episodes: [anEpisode({ CHILD: '2' })] };
const startingOn = (...starts: string[]): TableRows => ({
  Header: [aChild()],
  Episodes: starts.map((start, index) =>
    anEpisode({
      DECOM: start,
      RNE: index === 0 ? 'S' : 'P',
      ...(starts[index + 1] ? { DEC: starts[index + 1], REC: 'X1' } : {}),
    }),
  ),
});

describe("SSDA903 episode rules against last year's return (2025–26)", () => {
  it.each<[string, string, TableRows, TableRows, string[]]>([
    ['562', 'carries on the episode of 01/05/2024', startingOn('01/05/2024'), lastYear, []],
    [
      '562',
      'carries on an episode of 02/05/2024 that last year did not end with',
      startingOn('02/05/2024', '01/09/2025'),
      lastYear,
      ['Episodes:2'],
    ],
    ['562', 'started 31/03/2025, not in last year', startingOn('31/03/2025'), notLastYear, ['Episodes:2']],
    ['562', 'started 01/04/2025, the first day of the year', startingOn('01/04/2025'), notLastYear, []],
    [
      '562',
      "last year's last episode started later",
      startingOn('01/05/2024'),
      {
        Header: [aChild()],
        Episodes: [
          anEpisode({ DECOM: '01/05/2024', DEC: '01/03/2025', REC: 'X1' }),
          anEpisode({ DECOM: '01/03/2025', RNE: 'P' }),
        ],
      },
      ['Episodes:2'],
    ],
    [
      'NoE',
      'started 31/03/2025, no episode last year',
      startingOn('31/03/2025'),
      notLastYear,
      ['Episodes:2'],
    ],
    ['NoE', 'started 01/04/2025, no episode last year', startingOn('01/04/2025'), notLastYear, []],
    ['NoE', 'started 01/05/2024, in last year too', startingOn('01/05/2024'), lastYear, []],
    [
      'NoE',
      'in last year’s Header but with no episode',
      startingOn('01/05/2024', '01/09/2025'),
      { Header: [aChild()], Episodes: [] },
      ['Episodes:2'],
    ],
  ])('%s: %s', (rule, _situation, tables, previous, expected) => {
    expect(flagsOf(rule, tables, { previousTables: previous })).toEqual(expected);
  });

  it('562 and NoE are skipped, not passed, without last year', () => {
    const validation = validateSsda903(readSsda903(ssda903Files(startingOn('31/03/2025'))), { year: 2025 });
    expect(validation.skipped.map((skipped) => skipped.rule)).toEqual(expect.arrayContaining(['562', 'NoE']));
    expect(validation.findings.filter((finding) => ['562', 'NoE'].includes(finding.rule))).toEqual([]);
  });
});
