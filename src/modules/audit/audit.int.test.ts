import { describe, expect, it } from 'vitest';
import { appendAuditNow } from '../../platform/audit.ts';
import {
  allocate,
  newChild,
  newCouncil,
  newTeam,
  newWorker,
  signedInAs,
  testServer,
} from '../../../test/support/world.ts';

describe('the audit trail and who has seen a record are paged, not cut (issue 17, part 8)', async () => {
  const { app, db } = await testServer();
  const council = await newCouncil(db);
  const team = await newTeam(db, council, { name: 'North team' });
  const worker = await newWorker(db, council, 'social-worker', { team });
  const outsider = await newWorker(db, council, 'social-worker');
  const manager = await newWorker(db, council, 'service-manager');
  const child = await newChild(db, council, { givenName: 'Ada', familyName: 'Lovelace' });
  await allocate(db, child, worker);
  // 530 openings of the record, a minute apart, by the team's worker: more than the 500 the log once showed.
  const start = Date.parse('2026-11-02T09:00:00Z');
  for (const [who, count, offset] of [
    [worker, 530, 0],
    [outsider, 7, 600],
  ] as const)
    await appendAuditNow(
      db,
      {
        councilId: council.id,
        workerId: who.workerId,
        userId: who.userId,
        route: 'GET /children/:childId',
        now: new Date(start),
      },
      Array.from({ length: count }, () => ({
        action: 'child.viewed',
        childId: child.id,
        details: { offset },
      })),
    );
  const browser = await signedInAs(app, manager);

  it('shows every opening of a record, 50 a page, newest first or oldest first', async () => {
    const first = await browser.get(`/children/${child.id}/access-log`);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Showing 1 to 50 of 537 entries');
    expect(first.body).toMatch(/<th[^>]*aria-sort="descending"[^>]*>\s*<a[^>]*>When/);
    // Each look at the log is itself an entry in it.
    const last = await browser.get(`/children/${child.id}/access-log?page=11`);
    expect(last.body).toContain('Showing 501 to 538 of 538 entries');
    expect(last.body).not.toContain('Sam service-manager');
    const oldest = await browser.get(`/children/${child.id}/access-log?sort=when&order=ascending&page=11`);
    expect(oldest.body).toContain('Showing 501 to 539 of 539 entries');
    expect(oldest.body).toContain('Sam service-manager');
  });

  it('searches the audit trail by team, counting every match, and keeps the search in its page links', async () => {
    const all = await browser.get(`/audit?childLocalId=${child.localId}&action=child.viewed`);
    expect(all.body).toContain('Showing 1 to 50 of 537 entries');
    const north = await browser.get(
      `/audit?childLocalId=${child.localId}&action=child.viewed&team=${team.id}`,
    );
    expect(north.body).toContain('Showing 1 to 50 of 530 entries');
    expect(north.body).toContain(
      `href="/audit?childLocalId=${child.localId}&amp;action=child.viewed&amp;team=${team.id}&amp;page=2"`,
    );
    expect((await browser.get(`/audit?team=nobody`)).statusCode).toBe(400);
  });
});
