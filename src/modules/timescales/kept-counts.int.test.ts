import { describe, expect, it } from 'vitest';
import { aTeamWithAnAllocatedChild } from '../../../test/support/journey.ts';
import { signedInAs, testServer } from '../../../test/support/world.ts';
import { obligationCounts } from './count-queries.ts';
import { refreshObligations } from './service.ts';

describe('the timescale views count from the counts kept for the day (issue 16)', async () => {
  // Monday 3 November 2025, 10:00 in London.
  let now = new Date('2025-11-03T10:00:00Z');
  const { app, db } = await testServer({ clock: () => now });
  const { council, worker, team, child } = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2016-02-29' });
  const api = `/api/children/${child.id}`;
  const clock = () => ({ now, today: now.toISOString().slice(0, 10) });

  /** The service view's and the team view's figures, then the same counted afresh from the obligations. */
  async function keptAndCounted(today: string) {
    const kept = [
      await obligationCounts(db, council.id, today),
      await obligationCounts(db, council.id, today, team.id),
    ];
    const day = await db
      .selectFrom('obligation_count_days')
      .selectAll()
      .where('council_id', '=', council.id)
      .executeTakeFirst();
    await db.deleteFrom('obligation_count_days').where('council_id', '=', council.id).execute();
    const counted = [
      await obligationCounts(db, council.id, today),
      await obligationCounts(db, council.id, today, team.id),
    ];
    if (day) await db.insertInto('obligation_count_days').values(day).execute();
    return { kept, counted, keptFor: day?.counted_on };
  }

  it('keeps the counts the daily job made, and a recording that changes a child’s work recounts that child', async () => {
    const browser = await signedInAs(app, worker);
    const posted = async (path: string, json: Record<string, unknown>) =>
      (await browser.request({ method: 'POST', url: `${api}${path}`, json })).statusCode;
    expect(await posted('/referrals', { referralDate: '2025-09-01', source: '1B', primaryNeed: 'N1' })).toBe(
      201,
    );
    expect(await posted('/cin-plans', { startDate: '2025-09-15' })).toBe(201);
    await refreshObligations(db, council.id, 'all', clock());

    const before = await keptAndCounted('2025-11-03');
    expect(before.keptFor).toBe('2025-11-03');
    expect(before.kept).toEqual(before.counted);
    expect(before.kept[0]!.some((row) => row.overdue + row.due_this_week + row.due_this_year > 0)).toBe(true);

    // The plan ends: its visits and reviews stop being owed, which changes the child's counts that same day.
    expect(await posted('/cin-plan-endings', { endDate: '2025-11-03' })).toBe(201);
    const after = await keptAndCounted('2025-11-03');
    expect(after.kept).toEqual(after.counted);
    expect(after.kept).not.toEqual(before.kept);
  });

  it('counts from the obligations on a day the daily job has not counted yet', async () => {
    now = new Date('2025-11-04T10:00:00Z');
    const nextDay = await keptAndCounted('2025-11-04');
    expect(nextDay.keptFor).toBe('2025-11-03');
    expect(nextDay.kept).toEqual(nextDay.counted);
  });
});
