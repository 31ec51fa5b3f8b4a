import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { aTeamWithAnAllocatedChild } from '../../../test/support/journey.ts';
import { allocate, newChild, signedInAs, testServer, type TestChild } from '../../../test/support/world.ts';

describe('the child in need tracker’s supervision columns come from supervision records (issue 21, part 4)', async () => {
  const { app, db } = await testServer({ clock: () => new Date('2026-11-20T10:00:00Z') });

  it('shows when each child was last discussed and their open actions, overdue tagged, and says so when none', async () => {
    const { council, worker, manager, child } = await aTeamWithAnAllocatedChild(db, { givenName: 'Amara' });
    const other = await newChild(db, council, { givenName: 'Ben', familyName: 'Lowe' });
    await allocate(db, other, worker);
    const onAPlan = async (planned: TestChild) => {
      const episodeId = uuidv7();
      const base = { council_id: council.id, child_id: planned.id, recorded_by: worker.workerId };
      await db
        .insertInto('episodes')
        .values({
          ...base,
          id: episodeId,
          referral_date: '2026-09-01',
          referral_source: '2A',
          primary_need: 'N1',
          re_referral: false,
        })
        .execute();
      await db
        .insertInto('cin_plans')
        .values({
          ...base,
          id: uuidv7(),
          episode_id: episodeId,
          start_date: '2026-10-01',
          updated_at: new Date('2026-10-01T09:00:00Z'),
        })
        .execute();
    };
    await onAPlan(child);
    await onAPlan(other);
    const morgan = await signedInAs(app, manager);
    const action = (description: string, dueOn: string) => ({ description, ownerId: worker.workerId, dueOn });
    for (const [heldOn, dueOn] of [
      ['2026-10-15', '2026-11-20'],
      ['2026-11-12', '2026-12-01'],
    ] as const) {
      const created = await morgan.request({
        method: 'POST',
        url: '/api/supervision',
        json: {
          kind: 'one-to-one',
          heldOn,
          superviseeId: worker.workerId,
          children: [
            { childId: child.id, discussion: 'Plan progress', actions: [action('Call school', dueOn)] },
          ],
        },
      });
      expect(created.statusCode).toBe(201);
    }
    // An action due yesterday that was made before the clock reached it: overdue today.
    await db
      .updateTable('actions')
      .set({ due_on: '2026-11-19' })
      .where('council_id', '=', council.id)
      .where('due_on', '=', '2026-11-20')
      .execute();

    const tracker = await morgan.get('/cin-tracker');
    expect(tracker.body).toContain('Last supervision');
    const row = (name: string) => new RegExp(`${name}[\\s\\S]*?</tr>`).exec(tracker.body)?.[0] ?? '';
    const amara = row('Amara Taylor');
    expect(amara).toContain('12 November 2026');
    expect(amara).toMatch(/>2<\/a> <strong class="govuk-tag govuk-tag--red">Overdue/);
    const ben = row('Ben Lowe');
    expect(ben).toContain('Not yet');
    expect(ben).toContain('None');
  });
});
