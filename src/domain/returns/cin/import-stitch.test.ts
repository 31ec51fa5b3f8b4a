import { describe, expect, it } from 'vitest';
import { readCin } from './read.ts';
import { stitchCinCensuses, type CensusRead, type RecordedEpisode } from './import-stitch.ts';
import { aCinPlan, aChild, anEpisode, census } from './test-builders.ts';

/** A census of the year starting 1 April `year` holding one child C1 with these episodes. */
function year(year: number, ...episodes: string[]): CensusRead {
  const read = readCin({ name: `cin-${year}.xml`, content: census(aChild({}, episodes)) });
  return { file: `cin-${year}.xml`, year, children: read.return.children };
}

const closed = (referral: string, closure: string, ...groups: string[]) =>
  anEpisode({ CINreferralDate: referral, CINclosureDate: closure, ReasonForClosure: 'RC8' }, ...groups);
const open = (referral: string, ...groups: string[]) => anEpisode({ CINreferralDate: referral }, ...groups);

describe('stitching years of the CIN census into one record (issue 19, part 1)', () => {
  it.each<{
    name: string;
    years: CensusRead[];
    recorded?: RecordedEpisode[];
    episodes: [string, string | null][];
    fixes: string[];
  }>([
    {
      name: 'one year taken as it is',
      years: [year(2023, closed('2023-05-01', '2023-06-01'), open('2024-01-10'))],
      episodes: [
        ['2023-05-01', '2023-06-01'],
        ['2024-01-10', null],
      ],
      fixes: [],
    },
    {
      name: 'an episode open across the year end given in both years: kept once, no fix',
      years: [year(2023, open('2024-01-10')), year(2024, open('2024-01-10'))],
      episodes: [['2024-01-10', null]],
      fixes: [],
    },
    {
      name: 'left open in the first year and closed in the second: the later closure closes it',
      years: [year(2024, closed('2024-01-10', '2024-06-30')), year(2023, open('2024-01-10'))],
      episodes: [['2024-01-10', '2024-06-30']],
      fixes: ['an episode left open in one year is closed by the next'],
    },
    {
      name: 'the same closed episode in two years: a duplicate kept once',
      years: [year(2023, closed('2023-05-01', '2023-06-01')), year(2024, closed('2023-05-01', '2023-06-01'))],
      episodes: [['2023-05-01', '2023-06-01']],
      fixes: ['the same episode given more than once is kept once'],
    },
    {
      name: 'overlapping episodes: the first ends the day before the second',
      years: [year(2023, closed('2023-05-01', '2023-09-01'), closed('2023-08-01', '2023-10-01'))],
      episodes: [
        ['2023-05-01', '2023-07-31'],
        ['2023-08-01', '2023-10-01'],
      ],
      fixes: ['overlaps are trimmed: one ends the day before the next starts'],
    },
    {
      name: 'open in one year, missing from the next: closed on the last day it was seen',
      years: [year(2023, open('2023-05-01')), year(2024, open('2024-06-01'))],
      episodes: [
        ['2023-05-01', '2024-03-31'],
        ['2024-06-01', null],
      ],
      fixes: ['an episode left open and missing from the next year ended with its last year'],
    },
    {
      name: 'an open episode Hearth holds, before a new referral: trimmed',
      years: [year(2024, open('2024-06-01'))],
      recorded: [{ referralDate: '2023-05-01', closedOn: null, closureReason: null }],
      episodes: [
        ['2023-05-01', '2024-05-31'],
        ['2024-06-01', null],
      ],
      fixes: ['overlaps are trimmed: one ends the day before the next starts'],
    },
    {
      name: 'a rerun: what Hearth holds is what the file gives, nothing to fix',
      years: [year(2023, closed('2023-05-01', '2023-06-01'))],
      recorded: [{ referralDate: '2023-05-01', closedOn: '2023-06-01', closureReason: 'RC8' }],
      episodes: [['2023-05-01', '2023-06-01']],
      fixes: [],
    },
  ])('$name', ({ years, recorded, episodes, fixes }) => {
    const stitched = stitchCinCensuses(years, new Map([['C1', recorded ?? []]]));
    expect(stitched.children).toHaveLength(1);
    expect(stitched.children[0]!.episodes.map((episode) => [episode.referralDate, episode.closedOn])).toEqual(
      episodes,
    );
    expect(stitched.fixes.map((fix) => fix.reason)).toEqual(fixes);
    for (const fix of stitched.fixes) expect(fix.child).toBe('C1');
  });

  it('trims an open child in need plan when the next one starts, and marks re-referrals within 12 months', () => {
    const stitched = stitchCinCensuses([
      year(
        2023,
        closed('2023-05-01', '2023-07-01', aCinPlan({ CINPlanStartDate: '2023-05-10' })),
        open('2024-03-01', aCinPlan({ CINPlanStartDate: '2024-03-05' })),
      ),
    ]);
    const [first, second] = stitched.children[0]!.episodes;
    expect(first!.cinPlans[0]!.end).toBe('2024-03-04');
    expect(first!.cinPlans[0]!.fix).toMatch(/child in need plan starting 2023-05-10 was open/);
    expect([first!.reReferral, second!.reReferral]).toEqual([false, true]);
    expect(stitched.fixes).toHaveLength(1);
  });
});
