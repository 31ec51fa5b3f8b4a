import { describe, expect, it } from 'vitest';
import {
  periodsOfCare,
  placementsOf,
  stitchEpisodes,
  type SourcedEpisode,
  type StitchFix,
} from './import-stitch.ts';
import type { EpisodeRow } from './tables.ts';

/** An episode of year `year`'s return: DECOM, RNE, DEC, REC, PLACE; line numbers follow the order given. */
function episodes(
  year: number,
  ...rows: [string, string, string | null, string | null, string?][]
): SourcedEpisode[] {
  return rows.map(([DECOM, RNE, DEC, REC, PLACE], index) => ({
    year,
    file: `${year}/episodes.csv`,
    episode: {
      table: 'Episodes',
      row: index + 2,
      unreadable: {},
      CHILD: 'C1',
      DECOM,
      RNE,
      LS: 'C2',
      CIN: 'N1',
      PLACE: PLACE ?? 'U1',
      PLACE_PROVIDER: 'PR1',
      DEC,
      REC,
      REASON_PLACE_CHANGE: null,
      HOME_POST: null,
      PL_POST: null,
      URN: null,
    } as EpisodeRow,
  }));
}

/** The stitching rules (issue 19, part 1), each case: the years' episodes, the episodes kept, the fixes listed. */
const cases: [string, SourcedEpisode[], [string, string | null, string | null][], string[]][] = [
  [
    'one year, nothing to fix',
    episodes(2024, ['2024-05-01', 'S', '2024-06-01', 'X1'], ['2024-06-01', 'P', null, null, 'U4']),
    [
      ['2024-05-01', '2024-06-01', 'X1'],
      ['2024-06-01', null, null],
    ],
    [],
  ],
  [
    'open at one year end, carried into the next with its end: no fix',
    [
      ...episodes(2023, ['2024-01-01', 'S', null, null]),
      ...episodes(2024, ['2024-01-01', 'S', '2024-07-01', 'E4A']),
    ],
    [['2024-01-01', '2024-07-01', 'E4A']],
    [],
  ],
  [
    'left open, the next year starting with the episode after it: closed X1',
    [
      ...episodes(2023, ['2024-01-01', 'S', null, null]),
      ...episodes(2024, ['2024-05-01', 'P', null, null, 'U4']),
    ],
    [
      ['2024-01-01', '2024-05-01', 'X1'],
      ['2024-05-01', null, null],
    ],
    ['2023/episodes.csv:2 open episode closed'],
  ],
  [
    'left open, the next year starting a new period: closed E8',
    [...episodes(2023, ['2024-01-01', 'S', null, null]), ...episodes(2024, ['2024-05-01', 'S', null, null])],
    [
      ['2024-01-01', '2024-05-01', 'E8'],
      ['2024-05-01', null, null],
    ],
    ['2023/episodes.csv:2 open episode closed'],
  ],
  [
    'the same closed episode in two years: kept once',
    [
      ...episodes(2023, ['2023-05-01', 'S', '2023-09-01', 'E4A']),
      ...episodes(2024, ['2023-05-01', 'S', '2023-09-01', 'E4A']),
    ],
    [['2023-05-01', '2023-09-01', 'E4A']],
    ['2024/episodes.csv:2 duplicate kept once'],
  ],
  [
    'two years disagreeing on an episode: the later kept',
    [
      ...episodes(2023, ['2023-05-01', 'S', null, null, 'U1']),
      ...episodes(2024, ['2023-05-01', 'S', null, null, 'U3']),
    ],
    [['2023-05-01', null, null]],
    ['2024/episodes.csv:2 duplicate kept once'],
  ],
  [
    'an episode ending after the next began: trimmed',
    episodes(2024, ['2024-04-01', 'S', '2024-08-01', 'X1'], ['2024-07-01', 'P', null, null, 'U4']),
    [
      ['2024-04-01', '2024-07-01', 'X1'],
      ['2024-07-01', null, null],
    ],
    ['2024/episodes.csv:2 overlap trimmed'],
  ],
  [
    'a gap inside a period (X1 then a later episode): joined',
    episodes(2024, ['2024-04-01', 'S', '2024-06-01', 'X1'], ['2024-06-10', 'P', null, null, 'U4']),
    [
      ['2024-04-01', '2024-06-10', 'X1'],
      ['2024-06-10', null, null],
    ],
    ['2024/episodes.csv:2 gap joined'],
  ],
  [
    'a last episode ended X1 with nothing after: left open',
    episodes(2024, ['2024-04-01', 'S', '2024-06-01', 'X1']),
    [['2024-04-01', null, null]],
    ['2024/episodes.csv:2 continued episode left open'],
  ],
];

describe('stitching years of SSDA903 episodes (issue 19, part 1)', () => {
  it.each(cases)('%s', (_, given, kept, listed) => {
    const fixes: StitchFix[] = [];
    const stitched = stitchEpisodes('C1', given, fixes);
    expect(stitched.map((episode) => [episode.DECOM, episode.DEC, episode.REC])).toEqual(kept);
    expect(fixes.map((fix) => `${fix.file}:${fix.row} ${fix.fix}`)).toEqual(listed);
    for (const fix of fixes) expect(fix.reason.length).toBeGreaterThan(20);
  });

  it('lists a first episode that continues a period begun before the returns', () => {
    const fixes: StitchFix[] = [];
    const stitched = stitchEpisodes('C1', episodes(2024, ['2024-02-01', 'L', null, null]), fixes);
    expect(periodsOfCare('C1', stitched, fixes).map((period) => period.start)).toEqual(['2024-02-01']);
    expect(fixes.map((fix) => fix.fix)).toEqual(['period begun before the returns']);
  });

  it('makes periods of care from S to the end, and numbers the carers: same with T, new with P', () => {
    const fixes: StitchFix[] = [];
    const stitched = stitchEpisodes(
      'C1',
      episodes(
        2024,
        ['2024-04-01', 'S', '2024-05-01', 'X1', 'U1'],
        ['2024-05-01', 'T', '2024-06-01', 'X1', 'U4'],
        ['2024-06-01', 'P', '2024-07-01', 'E4A', 'U6'],
        ['2024-09-01', 'S', null, null, 'U1'],
      ),
      fixes,
    );
    const periods = periodsOfCare('C1', stitched, fixes);
    expect(periods.map((period) => [period.start, period.end, period.reasonCeased])).toEqual([
      ['2024-04-01', '2024-07-01', 'E4A'],
      ['2024-09-01', null, null],
    ]);
    const placements = placementsOf(periods[0]!, 0);
    expect(
      placements.map((placement) => [
        placement.from,
        placement.to,
        placement.fact.place,
        placement.fact.carers,
      ]),
    ).toEqual([
      ['2024-04-01', '2024-05-01', 'U1', 1],
      ['2024-05-01', '2024-06-01', 'U4', 1],
      ['2024-06-01', '2024-07-01', 'U6', 2],
    ]);
    expect(fixes).toEqual([]);
  });
});
