import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { freshDatabase } from '../../test/support/world.ts';
import { demoSizes } from './context.ts';
import { loadDemoCouncil } from './generate.ts';
import { measureRates, onTimeShares } from './measure.ts';
import { targets } from './rates.ts';

/**
 * Issue 16: every kind of work on time at least 70% of the time over the year (no kind's shortfall is part of
 * the demo's story); every child in care placed; no episode of need left open months after the young person
 * turned 18, when their involvement as a child in need ended (a care leaver's record carries on under leaving
 * care; an assessment still awaiting authorisation may hold an episode open a little longer).
 */
async function expectCouncilLikeWork(db: Database, councilId: string, asAt: string) {
  const shares = await onTimeShares(db, councilId, asAt);
  expect(shares.length).toBeGreaterThan(12);
  for (const row of shares) {
    expect({ kind: row.kind, share: row.onTimeRate, enough: (row.onTimeRate ?? 0) >= 70 }).toMatchObject({
      enough: true,
    });
  }
  const unplaced = await sql<{ count: number }>`
    select count(*)::int as count from care_periods p
    where p.council_id = ${councilId} and p.start_date <= ${asAt} and (p.end_date is null or p.end_date > ${asAt})
      and not exists (select 1 from placements l where l.council_id = p.council_id and l.care_period_id = p.id
        and l.start_date <= ${asAt} and (l.end_date is null or l.end_date > ${asAt}))`.execute(db);
  expect(unplaced.rows[0]!.count).toBe(0);
  const openForAdults = await sql<{ referral_date: string; date_of_birth: string }>`
    select e.referral_date::text, c.date_of_birth::text from episodes e join children c on c.council_id = e.council_id and c.id = e.child_id
    where e.council_id = ${councilId} and e.closed_on is null
      and c.date_of_birth <= (${asAt}::date - interval '18 years 3 months')`.execute(db);
  expect(openForAdults.rows).toEqual([]);
}

/**
 * The `medium` council against the DfE national figures of 2023–24 (rates.ts), each counted with plain SQL
 * (measure.ts) and required within ±10% of its target. It takes about a minute on PGlite.
 */
describe('the medium demonstration council is realistic', () => {
  it(
    'has the national rates, each within ±10%, and does its work on time as a council would',
    { timeout: 600_000 },
    async () => {
      const { db, close } = await freshDatabase();
      try {
        await migrate(db);
        const asAt = '2026-03-31';
        const { councilId } = await loadDemoCouncil(db, {
          size: 'medium',
          seed: 1,
          years: 5,
          asAt,
          password: 'a demo password for tests',
        });
        const measured = await measureRates(db, councilId, asAt, demoSizes.medium);
        for (const [name, target] of Object.entries(targets)) {
          const value = measured[name as keyof typeof measured];
          expect({ name, value, within: Math.abs(value - target) <= target * 0.1 }).toEqual({
            name,
            value,
            within: true,
          });
        }
        // Issue 16: assessments within 45 working days about 80–85%, as England's are.
        expect(measured.assessmentsWithin45).toBeGreaterThanOrEqual(0.8);
        expect(measured.assessmentsWithin45).toBeLessThanOrEqual(0.85);
        await expectCouncilLikeWork(db, councilId, asAt);
      } finally {
        await close();
      }
    },
  );
});
