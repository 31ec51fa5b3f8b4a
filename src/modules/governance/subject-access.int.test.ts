import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { aCaseNote } from '../../../test/support/journey.ts';
import { newChild, newCouncil, newWorker, signedInAs, testServer } from '../../../test/support/world.ts';
import { REDACTED } from '../../domain/governance/third-parties.ts';
import { createViews } from '../../platform/views.ts';
import { disclosureHtml } from './subject-access-render.ts';
import { exportSubjectAccess } from './subject-access-service.ts';

describe('a subject access request (issue 22, part 8)', async () => {
  const { app, db } = await testServer();
  const council = await newCouncil(db);
  const worker = await newWorker(db, council, 'social-worker');
  const officer = await newWorker(db, council, 'auditor');
  const child = await newChild(db, council, { givenName: 'Alex', familyName: 'Taylor' });
  const personId = uuidv7();
  await db
    .insertInto('people')
    .values({ council_id: council.id, id: personId, given_name: 'Dana', family_name: 'Taylor' })
    .execute();
  await db
    .insertInto('child_relationships')
    .values({
      council_id: council.id,
      id: uuidv7(),
      child_id: child.id,
      person_id: personId,
      relationship: 'mother',
    })
    .execute();
  await aCaseNote(db, worker, [child], { title: 'Call', body: 'Dana rang about Alex.' });

  it('from the command line, withholds every third party and audits the export as the command’s', async () => {
    const now = new Date('2026-12-07T10:00:00Z');
    const source = { councilId: council.id, now, today: '2026-12-07', route: 'hearth sar' };
    const { record, redacted } = await exportSubjectAccess(
      db,
      source,
      child.localId,
      (found) => new Set(found.thirdParties.map((party) => party.key)),
      'html',
    );
    expect([...redacted]).toEqual([personId]);
    const html = disclosureHtml(createViews(), record, redacted);
    expect(html).toContain(`${REDACTED}</span> rang about Alex.`);
    expect(html).not.toContain('Dana');
    const entry = await db
      .selectFrom('audit_log')
      .select(['action', 'child_id', 'route', 'user_id', 'details'])
      .where('council_id', '=', council.id)
      .where('action', '=', 'subject-access.exported')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      child_id: child.id,
      route: 'hearth sar',
      user_id: null,
      details: { format: 'html', redacted: [personId], disclosed: [] },
    });
  });

  it('hides a restricted child from an officer not on its list, as every other page does', async () => {
    const restricted = await newChild(db, council, { givenName: 'Robin', familyName: 'Hidden' });
    await db.updateTable('children').set({ restricted: true }).where('id', '=', restricted.id).execute();
    const browser = await signedInAs(app, officer);
    expect((await browser.get(`/subject-access/${restricted.id}`)).statusCode).toBe(404);
    const find = await browser.get(`/subject-access?localId=${restricted.localId}`);
    expect(find.statusCode).toBe(400);
    expect(find.body).toContain('No child the council holds has this ID');
    expect((await browser.get(`/subject-access/${child.id}`)).statusCode).toBe(200);
  });
});
