import { describe, expect, it } from 'vitest';
import { financialYear, quarter } from '../../domain/indicators/index.ts';
import { aCorrectedReferralDate, anOpenEpisode } from '../../../test/support/journey.ts';
import {
  allocate,
  newChild,
  newCouncil,
  newTeam,
  newWorker,
  testDatabase,
} from '../../../test/support/world.ts';
import { timescaleSettings } from '../timescales/service.ts';
import {
  figuresByTeam,
  figuresFor,
  figuresForPeriods,
  loadPopulation,
  PopulationFileError,
} from './service.ts';

const ages = Array.from({ length: 91 }, (_, age) => String(age));
/** An ONS MYE2 table with the area's children: 1,000 at each age 0–17 is 18,000 (age 18 and over not counted). */
const mye2 = (area: string) =>
  [
    'Mid-2025,,,',
    ['Code', 'Name', 'Geography', 'All ages', ...ages].join(','),
    [area, 'Testshire', 'County', '999999', ...ages.map(() => '1000')].join(','),
  ].join('\n');

describe('the indicators read from the record (issue 20, part 1)', async () => {
  const db = await testDatabase();
  const council = await newCouncil(db);
  const east = await newTeam(db, council, { name: 'East assessment team' });
  const west = await newTeam(db, council, { name: 'West assessment team' });
  const eastWorker = await newWorker(db, council, 'social-worker', { team: east });
  const westWorker = await newWorker(db, council, 'social-worker', { team: west });
  // Ada: referred 1 May 2025 (Q1), held by East. Bea: referred 1 August 2025 (Q2), held by West, and referred
  // before on 1 September 2024, within the 12 months before: a re-referral. Cy: referred in 2024 only.
  const ada = await newChild(db, council, { givenName: 'Ada' });
  const bea = await newChild(db, council, { givenName: 'Bea' });
  const cy = await newChild(db, council, { givenName: 'Cy' });
  await allocate(db, ada, eastWorker, { from: '2025-05-01' });
  await allocate(db, bea, westWorker, { from: '2024-09-01' });
  const adaEpisode = await anOpenEpisode(db, ada, eastWorker, { referralDate: '2025-05-01' });
  await anOpenEpisode(db, bea, westWorker, { referralDate: '2024-09-01', closedOn: '2024-12-01' });
  await anOpenEpisode(db, bea, westWorker, { referralDate: '2025-08-01' });
  await anOpenEpisode(db, cy, westWorker, { referralDate: '2024-05-01', closedOn: '2024-06-01' });
  const figure = (figures: Awaited<ReturnType<typeof figuresFor>>, id: string) =>
    figures.results.find((result) => result.definition.id === id)!.figure;

  it('refuses a population file without the council’s area, and loads the area’s 0–17 estimate', async () => {
    await expect(loadPopulation(db, council.id, mye2('E10000016'), { source: 'mye2.csv' })).rejects.toThrow(
      PopulationFileError,
    );
    await expect(
      loadPopulation(db, council.id, mye2('E10000016'), { source: 'mye2.csv', areaCode: 'E06000001' }),
    ).rejects.toThrow(/no figures for the area E06000001/);
    const loaded = await loadPopulation(db, council.id, mye2('E10000016'), {
      source: 'mye2.csv',
      areaCode: 'E10000016',
    });
    expect(loaded.estimates).toEqual([{ midYear: 2025, children0To17: 18_000 }]);
  });

  it('counts the year’s referrals and re-referrals, with the rate per 10,000 children', async () => {
    const year = await figuresFor(db, council.id, financialYear(2025));
    // Ada's and Bea's 2025 referrals; Cy's was in 2024–25. 2 × 10,000 / 18,000 = 1.1 per 10,000.
    expect(figure(year, 'referrals')).toMatchObject({ numerator: 2, ratePer10000: 1.1 });
    expect(figure(year, 're-referrals-12m')).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    expect(figure(year, 're-referrals-12m').children).toEqual([bea.id]);
    expect(year.population).toMatchObject({ midYear: 2025, children0To17: 18_000 });
    // 2024–25 has no estimate of its own or before it: no rate.
    const before = await figuresFor(db, council.id, financialYear(2024));
    // Bea's first referral (1 September 2024) and Cy's (1 May 2024).
    expect(figure(before, 'referrals')).toMatchObject({ numerator: 2, ratePer10000: null });
  });

  it('reads each quarter as at its own last day, from one read of the record', async () => {
    const [q1, q2] = await figuresForPeriods(db, council.id, [quarter(2025, 1), quarter(2025, 2)]);
    expect(figure(q1!, 'referrals').children).toEqual([ada.id]);
    expect(figure(q2!, 'referrals').children).toEqual([bea.id]);
    // On 30 June only Ada's episode is open; on 30 September Bea's too.
    expect(figure(q1!, 'cin-at-end').numerator).toBe(1);
    expect(figure(q2!, 'cin-at-end').numerator).toBe(2);
  });

  it('gives each team the figure of the children its workers hold', async () => {
    const year = await figuresFor(db, council.id, financialYear(2025));
    const referrals = year.results.find((result) => result.definition.id === 'referrals')!.definition;
    const { calendar } = await timescaleSettings(db, council.id);
    const byTeam = await figuresByTeam(db, council.id, year, referrals, calendar);
    expect(byTeam.map((row) => [row.team, row.figure.numerator])).toEqual([
      ['East assessment team', 1],
      ['West assessment team', 1],
    ]);
  });

  it('keeps a past quarter’s figure as known before a correction, and moves it as known after', async () => {
    const knownBefore = new Date();
    await aCorrectedReferralDate(db, adaEpisode, eastWorker, {
      at: new Date(knownBefore.getTime() + 60_000),
      referralDate: '2025-07-01',
      reason: 'The referral was received on 1 July, not 1 May',
    });
    const q1 = quarter(2025, 1);
    const asKnownThen = await figuresFor(db, council.id, q1, { knownAt: knownBefore });
    expect(figure(asKnownThen, 'referrals').children).toEqual([ada.id]);
    const asKnownNow = await figuresFor(db, council.id, q1);
    expect(figure(asKnownNow, 'referrals').numerator).toBe(0);
    const q2 = await figuresFor(db, council.id, quarter(2025, 2));
    expect(figure(q2, 'referrals').numerator).toBe(2);
  });
});
