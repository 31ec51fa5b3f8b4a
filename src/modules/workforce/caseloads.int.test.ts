import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { anAssessment, anOpenEpisode } from '../../../test/support/journey.ts';
import {
  allocate,
  newChild,
  newCouncil,
  newTeam,
  newWorker,
  signedInAs,
  testServer,
} from '../../../test/support/world.ts';

describe('weighted caseloads against the team’s target (issue 21, part 2)', async () => {
  const { app, db } = await testServer();
  const council = await newCouncil(db);
  const team = await newTeam(db, council, { caseloadTarget: 18, name: 'Child in need west' });
  const manager = await newWorker(db, council, 'team-manager', { team, manages: true, givenName: 'Maya' });
  const worker = await newWorker(db, council, 'social-worker', { team, givenName: 'Ann' });
  const admin = await newWorker(db, council, 'administrator');
  await db.updateTable('workers').set({ fte: 0.5 }).where('id', '=', worker.workerId).execute();

  // Being assessed; a child in need in court proceedings (which weigh only with a plan or care); a care leaver.
  const assessed = await newChild(db, council);
  await anAssessment(db, assessed, worker, await anOpenEpisode(db, assessed, worker));
  const inNeed = await newChild(db, council);
  await anOpenEpisode(db, inNeed, worker);
  await db
    .insertInto('child_flags')
    .values({
      council_id: council.id,
      id: uuidv7(),
      child_id: inNeed.id,
      kind: 'court-proceedings',
      description: 'Private law proceedings',
      from_date: '2025-01-01',
      review_date: '2030-01-01',
    })
    .execute();
  const leaver = await newChild(db, council);
  await db
    .insertInto('care_leaver_statuses')
    .values({
      council_id: council.id,
      id: uuidv7(),
      child_id: leaver.id,
      status: 'former-relevant',
      from_date: '2024-01-01',
      recorded_by: manager.workerId,
    })
    .execute();
  for (const child of [assessed, inNeed, leaver]) await allocate(db, child, worker);
  await allocate(db, await newChild(db, council), manager);

  it('weighs each child by the council’s weights and flags a manager who holds cases', async () => {
    const administrator = await signedInAs(app, admin);
    await administrator.get('/workforce/caseloads/weights');
    const weights = {
      assessment: '1.5',
      'child-in-need': '1',
      'child-protection': '1.5',
      'child-protection-in-proceedings': '2',
      'looked-after': '1.2',
      'looked-after-in-proceedings': '2',
      'care-leaver': '0.5',
      other: '1',
    };
    const refused = await administrator.post('/workforce/caseloads/weights', { ...weights, other: 'heavy' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#other"');
    expect(refused.body).toContain('value="heavy"');
    expect((await administrator.post('/workforce/caseloads/weights', weights)).statusCode).toBe(303);

    const browser = await signedInAs(app, manager);
    const page = await browser.get('/workforce/caseloads');
    expect(page.statusCode).toBe(200);
    const row = (name: string) => {
      const at = page.body.indexOf(`>${name} `);
      return [...page.body.slice(at, page.body.indexOf('</tr>', at)).matchAll(/--numeric">([^<]*)</g)].map(
        (match) => match[1],
      );
    };
    // Ann at 0.5 FTE: 1.5 + 1 + 0.5 = 3 against 9.
    expect(row('Ann')).toEqual(['3', '3', '9', '6']);
    expect(page.body).toContain('Ann social-worker: weighted load 3 against a target of 9');
    // Maya manages the team and holds one case though its managers hold none.
    expect(page.body).toContain('Holds cases: this team’s managers hold none');
    expect(page.body).toContain('0.5'); // the care leaver's weight in the table of weights
  });

  it('lets a team’s managers hold cases when the team allows it', async () => {
    await db.updateTable('teams').set({ managers_hold_cases: true }).where('id', '=', team.id).execute();
    const browser = await signedInAs(app, manager);
    const page = await browser.get(`/workforce/caseloads?team=${team.id}`);
    expect(page.body).not.toContain('Holds cases: this team’s managers hold none');
  });
});
