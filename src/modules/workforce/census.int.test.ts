import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { quarter } from '../../domain/indicators/index.ts';
import { figuresFor } from '../performance/service.ts';
import { supervisionStandings } from '../supervision/service.ts';
import {
  allocate,
  newChild,
  newCouncil,
  newTeam,
  newWorker,
  testDatabase,
} from '../../../test/support/world.ts';
import { councilWorkforceMeasures } from './census-service.ts';

describe('the workforce measures and supervision standings read from the database (issue 21, parts 3 and 6)', async () => {
  const db = await testDatabase();

  it('counts posts, agency cover, a leaver on 30 September and caseloads as the census does', async () => {
    const council = await newCouncil(db);
    const team = await newTeam(db, council, { kind: 'child-in-need' });
    const ann = await newWorker(db, council, 'social-worker', { team, givenName: 'Ann' });
    const cover = await newWorker(db, council, 'social-worker', { team, givenName: 'Cover' });
    const cal = await newWorker(db, council, 'social-worker', { team, givenName: 'Cal' });
    await db
      .updateTable('workers')
      .set({ contract: 'agency', job: 'social-worker' })
      .where('id', '=', cover.workerId)
      .execute();
    await db
      .updateTable('workers')
      .set({ left_on: '2026-09-30', leaving_reason: 'resigned', started_on: '2021-01-04' })
      .where('id', '=', cal.workerId)
      .execute();
    const posts = [uuidv7(), uuidv7(), uuidv7()];
    for (const id of posts) {
      await db
        .insertInto('posts')
        .values({
          council_id: council.id,
          id,
          team_id: team.id,
          title: 'Social worker',
          job: 'social-worker',
          from_date: '2020-04-01',
        })
        .execute();
    }
    const holds = [ann, cover, cal].map((worker, index) => ({
      council_id: council.id,
      id: uuidv7(),
      post_id: posts[index]!,
      worker_id: worker.workerId,
      from_date: '2021-01-04',
      to_date: worker === cal ? '2026-09-30' : null,
    }));
    await db.insertInto('post_holders').values(holds).execute();
    for (let n = 0; n < 4; n += 1) await allocate(db, await newChild(db, council), ann);

    const measures = await councilWorkforceMeasures(db, council.id, '2026-09-30');
    expect(measures).toMatchObject({
      inPostFte: 1,
      agencyFte: 1,
      vacantFte: 2,
      leaversFte: 1,
      turnoverRate: 100,
      agencyRate: 50,
      vacancyRate: 66.7,
      caseloadPerCaseHoldingFte: 2,
    });

    // The same measures are indicators, for the quarter ending on the census day (as `hearth indicators` gives them).
    const { results } = await figuresFor(db, council.id, quarter(2026, 2));
    const figures = Object.fromEntries(results.map(({ definition, figure }) => [definition.id, figure]));
    expect(figures['workforce-turnover']).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
    expect(figures['workforce-agency']).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    expect(figures['workforce-vacancy']).toMatchObject({ numerator: 2, denominator: 3, value: 66.7 });
    expect(figures['caseload-per-fte']).toMatchObject({ numerator: 4, denominator: 2, value: 2 });
  });

  it('says who is overdue for supervision across the council', async () => {
    const council = await newCouncil(db);
    const team = await newTeam(db, council);
    const manager = await newWorker(db, council, 'team-manager', { team, manages: true });
    const ann = await newWorker(db, council, 'social-worker', { team, givenName: 'Ann' });
    await db
      .insertInto('supervisions')
      .values({
        council_id: council.id,
        id: uuidv7(),
        kind: 'one-to-one',
        held_on: '2026-10-01',
        supervisor_id: manager.workerId,
        supervisee_id: ann.workerId,
        recorded_by: manager.workerId,
      })
      .execute();
    const standings = await supervisionStandings(db, council.id, '2026-11-02', 'all');
    expect(standings.find((one) => one.workerId === ann.workerId)).toMatchObject({
      lastHeld: '2026-10-01',
      nextDue: '2026-11-01',
      overdue: true,
      daysOverdue: 1,
    });
  });
});
