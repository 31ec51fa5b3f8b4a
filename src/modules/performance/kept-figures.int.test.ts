import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { quarter, type ReportingPeriod } from '../../domain/indicators/index.ts';
import { aCorrectedReferralDate, anOpenEpisode } from '../../../test/support/journey.ts';
import { newChild, newCouncil, newTeam, newWorker, testDatabase } from '../../../test/support/world.ts';
import { figuresForPeriods, type PeriodFigures } from './service.ts';

const referrals = (figures: PeriodFigures) =>
  figures.results.find((result) => result.definition.id === 'referrals')!.figure;

/**
 * The dashboard's closed quarters are kept (migration 0070): read again while nothing recorded since alters the
 * record as it stood at their end, worked out again after a correction back-dated into them.
 */
describe('the figures kept for closed quarters', async () => {
  const db = await testDatabase();
  const council = await newCouncil(db);
  const team = await newTeam(db, council, { name: 'Assessment team' });
  const worker = await newWorker(db, council, 'social-worker', { team });
  const ada = await newChild(db, council, { givenName: 'Ada' });
  const bea = await newChild(db, council, { givenName: 'Bea' });
  // Ada referred in Q1 2025–26 (April to June 2025), Bea in Q2 (July to September).
  await anOpenEpisode(db, ada, worker, { referralDate: '2025-05-01' });
  const beaEpisode = await anOpenEpisode(db, bea, worker, { referralDate: '2025-08-01' });
  const quarters: ReportingPeriod[] = [quarter(2025, 1), quarter(2025, 2), quarter(2025, 3)];
  const kept = (now = new Date()) => figuresForPeriods(db, council.id, quarters, { kept: { now } });
  const keptRows = () =>
    db
      .selectFrom('indicator_figures')
      .select(['period_start', 'known_at'])
      .where('council_id', '=', council.id)
      .orderBy('period_start')
      .execute();
  /**
   * As if the figures had been kept (or found still true) now, after everything recorded so far, and the kept Q1
   * figure says what it could not have worked out, to see whether it is read.
   */
  const markKeptQ1 = async () => {
    await sql`update indicator_figures set known_at = ${new Date()} where council_id = ${council.id}`.execute(
      db,
    );
    await sql`update indicator_figures
      set figures = jsonb_set(figures, '{figures,referrals,numerator}', '99')
      where council_id = ${council.id} and period_start = '2025-04-01'`.execute(db);
  };

  it('keeps each closed quarter as worked out, and only closed ones', async () => {
    const worked = await figuresForPeriods(db, council.id, quarters);
    // On 10 November 2025 Q3 (October to December) is still running: worked out, not kept.
    const first = await kept(new Date('2025-11-10T12:00:00Z'));
    expect(first.map((figures) => figures.results)).toEqual(worked.map((figures) => figures.results));
    expect((await keptRows()).map((row) => row.period_start)).toEqual(['2025-04-01', '2025-07-01']);
    await kept();
    expect((await keptRows()).map((row) => row.period_start)).toEqual([
      '2025-04-01',
      '2025-07-01',
      '2025-10-01',
    ]);
  });

  it('reads the kept figures while what is recorded since leaves the quarters as they stood', async () => {
    await markKeptQ1();
    // A referral today and Bea's episode closed today: neither alters the record as it stood on 30 June 2025.
    const cy = await newChild(db, council, { givenName: 'Cy' });
    await anOpenEpisode(db, cy, worker, { referralDate: '2026-11-02' });
    await db
      .updateTable('episodes')
      .set({ closed_on: '2026-11-20', closure_reason: 'RC7' })
      .where('id', '=', beaEpisode)
      .execute();
    const [q1, q2] = await kept();
    expect(referrals(q1!).numerator).toBe(99);
    expect(referrals(q2!).children).toEqual([bea.id]);
  });

  it('works the quarters out again once a correction is back-dated into them', async () => {
    await markKeptQ1();
    // Bea's referral was on 15 June, not 1 August: Q1 and Q2 both change as they stood.
    await aCorrectedReferralDate(db, beaEpisode, worker, {
      at: new Date(),
      referralDate: '2025-06-15',
      reason: 'The referral was received on 15 June',
    });
    const [q1, q2, q3] = await kept();
    expect(referrals(q1!).children).toEqual([ada.id, bea.id]);
    expect(referrals(q2!).numerator).toBe(0);
    expect(referrals(q3!).numerator).toBe(0);
    const worked = await figuresForPeriods(db, council.id, quarters);
    expect([q1, q2, q3].map((figures) => figures!.results)).toEqual(worked.map((figures) => figures.results));
  });

  it('works every quarter out again when a social worker joins or leaves', async () => {
    await markKeptQ1();
    await newWorker(db, council, 'social-worker', { team });
    const [q1] = await kept();
    expect(referrals(q1!).numerator).toBe(2);
  });
});
