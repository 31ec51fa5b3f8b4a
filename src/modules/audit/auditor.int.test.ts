import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  newChild,
  newCouncil,
  newTeam,
  newWorker,
  signedInAs,
  testServer,
} from '../../../test/support/world.ts';

/**
 * The auditor's job (issue 17 part 10): filter the audit trail by child and open any child's access log, read-only,
 * without seeing the record itself; a restricted child stays hidden from them as from everyone not on its list.
 */
describe('an auditor looking into who has seen a child’s record', async () => {
  const { app, db } = await testServer();
  const council = await newCouncil(db);
  const team = await newTeam(db, council);
  const worker = await newWorker(db, council, 'social-worker', { team, givenName: 'Amara' });
  const child = await newChild(db, council, { givenName: 'Leo', familyName: 'Marsh' });
  const restricted = await newChild(db, council, { givenName: 'Robin', restrictedTo: [worker] });
  await allocate(db, child, worker);
  await allocate(db, restricted, worker);
  const workerBrowser = await signedInAs(app, worker);
  await workerBrowser.get(`/children/${child.id}`);
  await workerBrowser.get(`/children/${restricted.id}`);
  // An auditor with no sample: the child is not theirs to read.
  const auditor = await signedInAs(app, await newWorker(db, council, 'auditor'));

  it('opens the access log of a child outside their samples, but not the record', async () => {
    const log = await auditor.get(`/children/${child.id}/access-log`);
    expect(log.statusCode).toBe(200);
    expect(log.body).toContain('Leo Marsh');
    expect(log.body).toContain('Amara social-worker');
    expect(log.body).toContain('Opened the record');
    expect(log.body).toContain(`/audit?childLocalId=${child.localId}`);
    expect((await auditor.get(`/children/${child.id}`)).statusCode).toBe(404);
  });

  it('filters the audit trail by child, each entry leading to that child’s access log', async () => {
    const trail = await auditor.get(`/audit?childLocalId=${child.localId}`);
    expect(trail.statusCode).toBe(200);
    expect(trail.body).toContain(`href="/children/${child.id}/access-log"`);
    expect(trail.body).toContain(worker.email);
    expect(trail.body).not.toContain(restricted.localId);
  });

  it('gets “Page not found” for a restricted child, the same as for a child that does not exist', async () => {
    const hidden = await auditor.get(`/children/${restricted.id}/access-log`);
    const unknown = await auditor.get(`/children/${uuidv7()}/access-log`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe(unknown.body);
    const trail = await auditor.get(`/audit?childLocalId=${restricted.localId}`);
    expect(trail.body).toContain('No entries match');
  });

  it('leaves a team manager’s access log to the children they may see', async () => {
    const otherManager = await signedInAs(
      app,
      await newWorker(db, council, 'team-manager', { team: await newTeam(db, council), manages: true }),
    );
    expect((await otherManager.get(`/children/${child.id}/access-log`)).statusCode).toBe(404);
  });
});
